export interface WishlistShareDetail {
  /** The capability link friends open to vote. */
  url: string;
  /** "Aidez Camille à choisir". */
  title: string;
}

/** Before the share link is shown; cancelable: `preventDefault()` when the page shares it its own way. */
export class VitrineWishlistShareEvent extends Event {
  static readonly eventName = 'vitrine-wishlist-share';
  constructor(readonly detail: WishlistShareDetail) {
    super(VitrineWishlistShareEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

export interface WishlistVoteDetail {
  itemId: string;
  productId: string;
  variant: string;
  /** 1: J'adore, -1: Pas pour moi. */
  value: 1 | -1;
}

/** A vote was cast: by a friend (owner mode, from the live stream) or by this visitor (shared mode). */
export class VitrineWishlistVoteEvent extends Event {
  static readonly eventName = 'vitrine-wishlist-vote';
  constructor(readonly detail: WishlistVoteDetail) {
    super(VitrineWishlistVoteEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'vitrine-wishlist-share': VitrineWishlistShareEvent;
    'vitrine-wishlist-vote': VitrineWishlistVoteEvent;
  }
}
