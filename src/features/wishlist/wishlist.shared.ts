import { request } from '../../core/http.js';
import { track, uuid } from '../../core/track.js';
import { read, url, write } from './wishlist.store.js';
import type { SharedWishlist, SharedWishlistItem } from './wishlist.types.js';

/* The friend's side: a shared list reached through its link token. */

const voterKey = (shareToken: string) => `voter:${shareToken.slice(0, 16)}`;
const voterHeaders = (shareToken: string): Record<string, string> => {
  const token = read<string>(voterKey(shareToken));
  return token ? { authorization: `Bearer ${token}` } : {};
};

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
  const answer = await request<{ item: SharedWishlistItem; voterToken: string }>(
    url(`v1/shared/${encodeURIComponent(shareToken)}/items/${item.id}/vote`),
    { method: 'PUT', json: vote, headers: { ...voterHeaders(shareToken), 'idempotency-key': uuid() } },
  );
  write(voterKey(shareToken), answer.voterToken);
  // No names and no comment text leave the page: only whether there was one.
  track('wishlist_vote', { productId: item.productId, vote: vote.value, hasComment: Boolean(vote.comment) }, 'vitrine-wishlist');
  return answer.item;
}
