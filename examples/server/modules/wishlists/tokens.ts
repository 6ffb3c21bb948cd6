import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The wishlist's secrets, all base64url:
 * - owner token (43 chars, 256 bits): `HMAC(secret, "owner:" + scope + ":" + idempotencyKey)`, so a replayed
 *   create or merge returns the same token without the token ever being stored (only its SHA-256 is);
 * - share token (43 chars, 256 bits): `HMAC(secret, "share:" + shareId)`, so the owner can be shown the link again
 *   while the database keeps only its SHA-256;
 * - voter token: `<shareId>.<voterId>.<sig>`, voterId 128 random bits, sig = HMAC(secret, share + voter) truncated to 128 bits;
 * - address hash (22 chars): `HMAC(secret, "address:" + day + ":" + clientKey)` truncated to 128 bits, what the voter caps
 *   and bursts count instead of the client address, which is never stored; a new day gives the same address a new hash.
 * The secret comes from WISHLIST_SECRET, else is generated once and kept in `wishlist_secrets` (repository.ts).
 */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('base64url');

/** A new voter's id: 128 random bits. */
export const newVoterId = (): string => randomBytes(16).toString('base64url');

export const TOKEN_PATTERN = '^[A-Za-z0-9_-]{43}$';
const VOTER_PATTERN = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})$/;

export class WishlistTokens {
  constructor(private readonly secret: string) {}

  private mac(message: string): Buffer {
    return createHmac('sha256', this.secret).update(message).digest();
  }

  owner(scope: string, idempotencyKey: string): string {
    return this.mac(`owner:${scope}:${idempotencyKey}`).toString('base64url');
  }

  share(shareId: string): string {
    return this.mac(`share:${shareId}`).toString('base64url');
  }

  voter(shareId: string, voterId: string = newVoterId()): { token: string; voterId: string } {
    return { token: `${shareId}.${voterId}.${this.mac(`voter:${shareId}:${voterId}`).subarray(0, 16).toString('base64url')}`, voterId };
  }

  address(day: string, clientKey: string): string {
    return this.mac(`address:${day}:${clientKey}`).subarray(0, 16).toString('base64url');
  }

  /** The share link and voter a token was issued for, or undefined when it is malformed or forged. */
  parseVoter(token: string): { shareId: string; voterId: string } | undefined {
    const match = VOTER_PATTERN.exec(token);
    if (!match) return undefined;
    const [, shareId, voterId, signature] = match;
    const expected = this.mac(`voter:${shareId}:${voterId}`).subarray(0, 16);
    const given = Buffer.from(signature, 'base64url');
    return given.length === expected.length && timingSafeEqual(given, expected) ? { shareId, voterId } : undefined;
  }
}
