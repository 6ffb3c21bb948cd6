import { VitrineFeed } from './feed.element.js';

export * from './feed.element.js';
export { WishlistAddRequestEvent } from '../../features/wishlist/wishlist.events.js';
export type * from './feed.types.js';

VitrineFeed.define('vitrine-feed');

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-feed': VitrineFeed;
  }
}
