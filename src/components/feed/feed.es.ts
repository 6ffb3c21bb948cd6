import { plural } from '../../core/format.js';
import type { FeedMessages } from './feed.i18n.js';

const es: FeedMessages = {
  region: user => (user ? `Instagram de @${user}` : 'Publicaciones de Instagram'),
  post: (n, total) => `Publicación de Instagram ${n} de ${total}`,
  video: 'vídeo',
  carousel: n => plural('es', n, { one: 'carrusel de # elemento', other: 'carrusel de # elementos' }),
  previous: 'Publicaciones anteriores',
  next: 'Publicaciones siguientes',
  close: 'Cerrar',
  previousPost: 'Publicación anterior',
  nextPost: 'Publicación siguiente',
  previousSlide: 'Elemento anterior',
  nextSlide: 'Elemento siguiente',
  counter: (n, total) => `${n} de ${total}`,
  slide: (n, total) => `Elemento ${n} de ${total}`,
  shopTheLook: 'Compra el look',
  viewOnInstagram: 'Ver en Instagram',
  addToWishlist: name => `Añadir ${name} a mi lista de deseos`,
  hotspot: (n, name, price) => `${n}. ${name}, ${price}`,
  in_stock: 'Disponible',
  out_of_stock: 'Agotado',
  preorder: 'Preventa',
  backorder: 'Bajo pedido',
};
export default es;
