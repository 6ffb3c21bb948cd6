import { VitrineWishlistButton } from './wishlist-button.element.js';

export * from './wishlist-button.element.js';
export * from './wishlist-button.events.js';

VitrineWishlistButton.define('vitrine-wishlist-button');

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-wishlist-button': VitrineWishlistButton;
  }
}
