import type { AccountRow } from './repository.js';

export const DAY = 86_400_000;
/** The admin page warns this long before the token's end when it could not be refreshed. */
const WARN_BEFORE = 7 * DAY;

export interface TokenState {
  status: 'missing' | 'valid' | 'expiring' | 'expired';
  expiresAt?: string;
  /** Shown to the merchant on the admin page; empty when all is well. */
  warning: string;
}

export function tokenState(account: Pick<AccountRow, 'token_status' | 'token_expires_at'> | undefined, now = new Date()): TokenState {
  if (!account) return { status: 'missing', warning: 'No Instagram account is connected to this feed.' };
  const expiresAt = new Date(account.token_expires_at);
  if (account.token_status === 'expired' || expiresAt <= now) {
    return {
      status: 'expired',
      expiresAt: expiresAt.toISOString(),
      warning: 'The Instagram token has expired or was revoked: the last good feed is still served, but it no longer updates. Reconnect Instagram.',
    };
  }
  const left = expiresAt.getTime() - now.getTime();
  if (left < WARN_BEFORE) {
    return {
      status: 'expiring',
      expiresAt: expiresAt.toISOString(),
      warning: `The Instagram token expires in ${Math.ceil(left / DAY)} day(s) and could not be refreshed. Reconnect Instagram before then.`,
    };
  }
  return { status: 'valid', expiresAt: expiresAt.toISOString(), warning: '' };
}
