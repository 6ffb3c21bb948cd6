import type { Catalog } from '../../core/i18n.js';

const fr = {
  region: (user: string) => (user ? `Instagram de @${user}` : 'Publications Instagram'),
  post: (n: number, total: number) => `Publication Instagram ${n} sur ${total}`,
  video: 'vidéo',
  carousel: (n: number) => `carrousel de ${n} éléments`,
  previous: 'Publications précédentes',
  next: 'Publications suivantes',
  close: 'Fermer',
  previousPost: 'Publication précédente',
  nextPost: 'Publication suivante',
  previousSlide: 'Élément précédent',
  nextSlide: 'Élément suivant',
  counter: (n: number, total: number) => `${n} sur ${total}`,
  slide: (n: number, total: number) => `Élément ${n} sur ${total}`,
  shopTheLook: 'Shopper le look',
  viewOnInstagram: 'Voir sur Instagram',
  addToWishlist: (name: string) => `Ajouter ${name} à ma liste d’envies`,
  // Starts with the number the hotspot shows, so its name contains its visible label (WCAG 2.5.3).
  hotspot: (n: number, name: string, price: string) => `${n}. ${name}, ${price}`,
  in_stock: 'En stock',
  out_of_stock: 'Épuisé',
  preorder: 'En précommande',
  backorder: 'Sur commande',
};

export type FeedMessages = typeof fr;

export const feedMessages: Catalog<FeedMessages> = {
  fr,
  en: {
    region: user => (user ? `Instagram by @${user}` : 'Instagram posts'),
    post: (n, total) => `Instagram post ${n} of ${total}`,
    video: 'video',
    carousel: n => `carousel of ${n} items`,
    previous: 'Previous posts',
    next: 'Next posts',
    close: 'Close',
    previousPost: 'Previous post',
    nextPost: 'Next post',
    previousSlide: 'Previous item',
    nextSlide: 'Next item',
    counter: (n, total) => `${n} of ${total}`,
    slide: (n, total) => `Item ${n} of ${total}`,
    shopTheLook: 'Shop the look',
    viewOnInstagram: 'View on Instagram',
    addToWishlist: name => `Add ${name} to my wishlist`,
    hotspot: (n, name, price) => `${n}. ${name}, ${price}`,
    in_stock: 'In stock',
    out_of_stock: 'Sold out',
    preorder: 'Pre-order',
    backorder: 'Backorder',
  },
  // Each in a chunk of its own, fetched the first time a widget speaks it: French and English pages never load them.
  de: () => import('./feed.de.js'),
  es: () => import('./feed.es.js'),
  it: () => import('./feed.it.js'),
};
