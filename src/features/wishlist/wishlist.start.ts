import { $session } from '../session/session.js';
import { uuid } from '../../core/track.js';
import { inBrowser } from '../../core/environment.js';
import { addToWishlist } from './wishlist.api.js';
import { WishlistAddRequestEvent } from './wishlist.events.js';
import { enqueue, syncWishlist } from './wishlist.outbox.js';
import { isStorageKey, list, restore } from './wishlist.store.js';

let started = false;

/**
 * Starts the wishlist once per page: restores it from storage, sends what is pending (now, on `online`, with
 * backoff), follows changes made in other tabs, merges the guest list when the shopper signs in, and listens on `document` for
 * `vitrine-wishlist-add-request` from other widgets. The wishlist elements call it when connected; without
 * one on the page, call it yourself.
 */
export function startWishlist(): void {
  if (started || !inBrowser()) return;
  started = true;
  restore();
  addEventListener('online', () => void syncWishlist());
  // Another tab changed the list: show it here too, and help send it (both tabs sending a change applies it once:
  // same Idempotency-Key, and a replayed create answers the same owner token).
  addEventListener('storage', event => {
    if (!isStorageKey(event.key)) return;
    restore();
    void syncWishlist();
  });
  document.addEventListener(WishlistAddRequestEvent.eventName, event => {
    const { detail } = event as WishlistAddRequestEvent;
    if (!event.defaultPrevented && typeof detail?.productId === 'string') addToWishlist(detail.productId, detail.variant, detail.source ?? 'event');
  });
  $session.subscribe(session => {
    if (session.status === 'signed-in' && list.owner?.customer !== session.user.id && !list.outbox.some(op => op.kind === 'merge')) {
      enqueue({ kind: 'merge', key: uuid(), customer: session.user.id });
    }
  });
  void syncWishlist();
}
