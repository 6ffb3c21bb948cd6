import { VitrineWishlistButton } from './wishlist-button.element.js';

VitrineWishlistButton.define('vitrine-wishlist-button');

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-wishlist-button': VitrineWishlistButton;
  }
}

export { VitrineWishlistButton };
