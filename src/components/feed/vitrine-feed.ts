import { VitrineFeed } from './feed.element.js';

VitrineFeed.define('vitrine-feed');

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-feed': VitrineFeed;
  }
}

export { VitrineFeed };
export { WishlistAddRequestEvent } from '../../features/wishlist/wishlist.events.js';
export type * from './feed.types.js';
