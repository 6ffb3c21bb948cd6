import { atom } from 'nanostores';
import { $userId } from '../../core/track.js';

/** The signed-in shopper as the page may know them: no provider token, no email. */
export interface SessionUser {
  id: string;
  firstName: string;
  avatarUrl?: string;
  provider: string;
}

export type Session = { status: 'unknown' } | { status: 'anonymous' } | { status: 'signed-in'; user: SessionUser };

export const $session = atom<Session>({ status: 'unknown' });

// Events carry the signed-in customer's id; the engine reads it from core, which knows no session.
$session.listen(session => $userId.set(session.status === 'signed-in' ? session.user.id : undefined));
