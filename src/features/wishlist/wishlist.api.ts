import { HttpError, request } from '../../core/http.js';
import { track, uuid } from '../../core/track.js';
import { enqueue, syncWishlist } from './wishlist.outbox.js';
import { isInWishlist, list, ownerHeaders, publish, setServer, url } from './wishlist.store.js';
import type { ServerList, WishlistProduct } from './wishlist.types.js';

const WIDGET = 'vitrine-wishlist';

/**
 * Adds a product (no-op when it is there); `product` fields show until the server answers with the catalog's.
 * `placement`: where the shopper asked (`button`, `feed`…), reported with `wishlist_add`.
 */
export function addToWishlist(productId: string, variant = '', placement = 'button', product?: Partial<WishlistProduct>): void {
  if (isInWishlist(productId, variant)) return;
  enqueue({ kind: 'add', key: uuid(), productId, variant, at: new Date().toISOString(), product });
  const { price, currency } = product ?? {};
  // GA4's add_to_wishlist wants value and currency together, so the price goes only with its currency.
  const value = typeof price === 'number' && currency ? { price, currency } : {};
  track('wishlist_add', { productId, variant: variant || undefined, wishlistId: list.owner?.id, placement, ...value }, WIDGET);
}

export function removeFromWishlist(productId: string, variant = '', placement = 'button'): void {
  if (!isInWishlist(productId, variant)) return;
  enqueue({ kind: 'remove', key: uuid(), productId, variant, at: new Date().toISOString() });
  track('wishlist_remove', { productId, variant: variant || undefined, wishlistId: list.owner?.id, placement }, WIDGET);
}

/** Creates (or answers) the share link; `revoke` turns it off. Needs the server: rejects with an HttpError offline. */
export async function shareWishlist(ownerName?: string): Promise<string> {
  await syncWishlist();
  if (!list.owner) throw new HttpError(409, 'empty_wishlist', 'Add an item before sharing');
  const answer = await request<{ wishlist: ServerList }>(url(`v1/wishlists/${list.owner.id}/share`), {
    json: ownerName ? { ownerName } : {},
    headers: ownerHeaders(uuid()),
  });
  setServer(answer.wishlist);
  publish();
  track('wishlist_share', { wishlistId: answer.wishlist.id, itemCount: answer.wishlist.items.length }, WIDGET);
  return answer.wishlist.shareUrl as string;
}

export async function revokeWishlistShare(): Promise<void> {
  if (!list.owner) return;
  setServer((await request<{ wishlist: ServerList }>(url(`v1/wishlists/${list.owner.id}/share`), { method: 'DELETE', headers: ownerHeaders(uuid()) })).wishlist);
  publish();
}
