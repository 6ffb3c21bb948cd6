import { plural } from '../../core/format.js';
import type { FeedMessages } from './feed.i18n.js';

const it: FeedMessages = {
  region: user => (user ? `Instagram di @${user}` : 'Post di Instagram'),
  post: (n, total) => `Post di Instagram ${n} di ${total}`,
  video: 'video',
  carousel: n => plural('it', n, { one: 'carosello di # elemento', other: 'carosello di # elementi' }),
  previous: 'Post precedenti',
  next: 'Post successivi',
  close: 'Chiudi',
  previousPost: 'Post precedente',
  nextPost: 'Post successivo',
  previousSlide: 'Elemento precedente',
  nextSlide: 'Elemento successivo',
  counter: (n, total) => `${n} di ${total}`,
  slide: (n, total) => `Elemento ${n} di ${total}`,
  shopTheLook: 'Acquista il look',
  viewOnInstagram: 'Vedi su Instagram',
  addToWishlist: name => `Aggiungi ${name} alla mia lista dei desideri`,
  hotspot: (n, name, price) => `${n}. ${name}, ${price}`,
  in_stock: 'Disponibile',
  out_of_stock: 'Esaurito',
  preorder: 'In preordine',
  backorder: 'Su ordinazione',
};
export default it;
