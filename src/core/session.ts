import { atom } from 'nanostores';

/** The signed-in shopper as the page may know them: no provider token, no email. */
export interface SessionUser {
  id: string;
  firstName: string;
  avatarUrl?: string;
  provider: string;
}

export type Session = { status: 'unknown' } | { status: 'anonymous' } | { status: 'signed-in'; user: SessionUser };

export const $session = atom<Session>({ status: 'unknown' });
