import type { Catalog } from '../../core/i18n.js';

// A type, not an interface: it needs no index signature to be a catalog, and so a wrong key in an override does not compile.
export type WishlistButtonMessages = {
  add: string;
  added: string;
  removed: string;
  /** `#` is replaced by the localized count. */
  lovedOne: string;
  lovedOther: string;
};

export const wishlistButtonCatalog: Catalog<WishlistButtonMessages> = {
  fr: {
    add: "Ajouter à ma liste d'envies",
    added: "Ajouté à votre liste d'envies",
    removed: "Retiré de votre liste d'envies",
    lovedOne: '# ami adore',
    lovedOther: '# amis adorent',
  },
  en: {
    add: 'Add to wishlist',
    added: 'Added to your wishlist',
    removed: 'Removed from your wishlist',
    lovedOne: '# friend loves it',
    lovedOther: '# friends love it',
  },
  // Each in a chunk of its own, fetched the first time a widget speaks it: French and English pages never load them.
  de: () => import('./wishlist-button.de.js'),
  es: () => import('./wishlist-button.es.js'),
  it: () => import('./wishlist-button.it.js'),
};
