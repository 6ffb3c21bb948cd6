export interface WishlistToggleDetail {
  productId: string;
  variant: string;
  /** True when the product was added, false when removed. */
  added: boolean;
}

/** After the shopper adds or removes the product; bubbles out of shadow roots so the page can show a notice. */
export class VitrineWishlistToggleEvent extends Event {
  static readonly eventName = 'vitrine-wishlist-toggle';
  constructor(readonly detail: WishlistToggleDetail) {
    super(VitrineWishlistToggleEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'vitrine-wishlist-toggle': VitrineWishlistToggleEvent;
  }
}
