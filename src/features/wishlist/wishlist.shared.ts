import { request } from '../../core/http.js';
import { track, uuid } from '../../core/track.js';
import { read, url, write } from './wishlist.store.js';
import type { SharedWishlist, SharedWishlistItem } from './wishlist.types.js';

/* The friend's side: a shared list reached through its link token. */

const voterKey = (shareToken: string) => `voter:${shareToken.slice(0, 16)}`;
/** Voter tokens of this page, for when storage is unavailable (the same friend must stay one voter). */
const tokens = new Map<string, string>();
const voterToken = (shareToken: string) => tokens.get(shareToken) ?? read<string>(voterKey(shareToken));
const voterHeaders = (shareToken: string): Record<string, string> => {
  const token = voterToken(shareToken);
  return token ? { authorization: `Bearer ${token}` } : {};
};
/** The first vote in flight per link, while this friend has no voter token yet. */
const minting = new Map<string, Promise<void>>();

/** The shared list behind a link token (HttpError 404 unknown, 410 revoked). */
export function fetchSharedWishlist(shareToken: string): Promise<SharedWishlist> {
  return request<SharedWishlist>(url(`v1/shared/${encodeURIComponent(shareToken)}`), { headers: voterHeaders(shareToken) });
}

/** Casts or changes this friend's vote; the server-signed voter token is kept for the next ones. */
export async function voteOnSharedItem(
  shareToken: string,
  item: Pick<SharedWishlistItem, 'id' | 'productId'>,
  vote: { value: 1 | -1; comment?: string; firstName?: string },
): Promise<SharedWishlistItem> {
  // The first vote mints this friend's voter token: later votes wait for its answer and go with the token, so
  // quick votes on several items count one voter. If it fails, the next waiting vote mints instead.
  while (!voterToken(shareToken) && minting.has(shareToken)) await minting.get(shareToken);
  const first = !voterToken(shareToken);
  const sent = request<{ item: SharedWishlistItem; voterToken: string }>(
    url(`v1/shared/${encodeURIComponent(shareToken)}/items/${item.id}/vote`),
    { method: 'PUT', json: vote, headers: { ...voterHeaders(shareToken), 'idempotency-key': uuid() } },
  );
  if (first) {
    const done: Promise<void> = sent
      .then(
        answer => void tokens.set(shareToken, answer.voterToken),
        () => undefined,
      )
      .then(() => void (minting.get(shareToken) === done && minting.delete(shareToken)));
    minting.set(shareToken, done);
  }
  const answer = await sent;
  tokens.set(shareToken, answer.voterToken);
  write(voterKey(shareToken), answer.voterToken);
  // No names and no comment text leave the page: only whether there was one.
  track('wishlist_vote', { productId: item.productId, vote: vote.value, hasComment: Boolean(vote.comment) }, 'vitrine-wishlist');
  return answer.item;
}
