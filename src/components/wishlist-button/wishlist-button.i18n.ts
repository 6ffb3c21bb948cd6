import type { Catalog } from '../../core/i18n.js';

export interface WishlistButtonMessages extends Record<string, string> {
  add: string;
  added: string;
  removed: string;
  /** `#` is replaced by the localized count. */
  lovedOne: string;
  lovedOther: string;
}

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
};
