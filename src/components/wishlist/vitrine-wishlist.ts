import { VitrineWishlist } from './wishlist.element.js';

export * from './wishlist.element.js';
export * from './wishlist.events.js';

VitrineWishlist.define('vitrine-wishlist');

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-wishlist': VitrineWishlist;
  }
}
