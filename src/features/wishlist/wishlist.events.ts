export interface WishlistAddRequestDetail {
  productId: string;
  /** Size, colour…; none when omitted. */
  variant?: string;
  /** Where the request came from (`feed`…): the `placement` of the `wishlist_add` event. */
  source?: string;
}

/**
 * Asks the page's wishlist to add a product ("Shop the look" → add to wishlist). Bubbles and crosses
 * shadow roots so the wishlist, listening on `document`, handles it; cancelable, like every request.
 */
export class WishlistAddRequestEvent extends Event {
  static readonly eventName = 'vitrine-wishlist-add-request';
  constructor(readonly detail: WishlistAddRequestDetail) {
    super(WishlistAddRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'vitrine-wishlist-add-request': WishlistAddRequestEvent;
  }
}
