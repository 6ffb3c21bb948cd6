import type { WishlistButtonMessages } from './wishlist-button.i18n.js';

/** Tú, as Spanish-language fashion shops address shoppers. */
const es: WishlistButtonMessages = {
  add: 'Añadir a mi lista de deseos',
  added: 'Añadido a tu lista de deseos',
  removed: 'Eliminado de tu lista de deseos',
  lovedOne: 'Le encanta a # amigo',
  lovedOther: 'Les encanta a # amigos',
};
export default es;
