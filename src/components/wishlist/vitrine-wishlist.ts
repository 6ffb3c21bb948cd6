import { VitrineWishlist } from './wishlist.element.js';

VitrineWishlist.define('vitrine-wishlist');

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-wishlist': VitrineWishlist;
  }
}

export { VitrineWishlist };
