import type { WishlistButtonMessages } from './wishlist-button.i18n.js';

/** Tu, as Italian fashion shops address shoppers. */
const it: WishlistButtonMessages = {
  add: 'Aggiungi alla mia lista dei desideri',
  added: 'Aggiunto alla tua lista dei desideri',
  removed: 'Rimosso dalla tua lista dei desideri',
  lovedOne: 'Piace a # amico',
  lovedOther: 'Piace a # amici',
};
export default it;
