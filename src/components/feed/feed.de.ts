import { plural } from '../../core/format.js';
import type { FeedMessages } from './feed.i18n.js';

const de: FeedMessages = {
  region: user => (user ? `Instagram von @${user}` : 'Instagram-Beiträge'),
  post: (n, total) => `Instagram-Beitrag ${n} von ${total}`,
  video: 'Video',
  carousel: n => plural('de', n, { one: 'Karussell mit # Element', other: 'Karussell mit # Elementen' }),
  previous: 'Vorherige Beiträge',
  next: 'Nächste Beiträge',
  close: 'Schließen',
  previousPost: 'Vorheriger Beitrag',
  nextPost: 'Nächster Beitrag',
  previousSlide: 'Vorheriges Element',
  nextSlide: 'Nächstes Element',
  counter: (n, total) => `${n} von ${total}`,
  slide: (n, total) => `Element ${n} von ${total}`,
  shopTheLook: 'Den Look shoppen',
  viewOnInstagram: 'Auf Instagram ansehen',
  addToWishlist: name => `${name} auf meine Wunschliste`,
  hotspot: (n, name, price) => `${n}. ${name}, ${price}`,
  in_stock: 'Auf Lager',
  out_of_stock: 'Ausverkauft',
  preorder: 'Vorbestellbar',
  backorder: 'Auf Bestellung',
};
export default de;
