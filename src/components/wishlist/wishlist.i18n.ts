import type { Catalog } from '../../core/i18n.js';

// A type, not an interface: it needs no index signature to be a catalog, and so a wrong key in an override does not compile.
export type WishlistMessages = {
  sortBy: string;
  sortDate: string;
  sortVotes: string;
  ask: string;
  shareTitle: (name: string) => string;
  shareText: string;
  shareLink: string;
  copy: string;
  copied: string;
  revoke: string;
  revoked: string;
  empty: string;
  remove: (title: string) => string;
  variant: (value: string) => string;
  in_stock: string;
  out_of_stock: string;
  preorder: string;
  backorder: string;
  tally: (up: number, down: number) => string;
  pending: string;
  offline: string;
  failed: string;
  voted: (title: string) => string;
  love: string;
  pass: string;
  yourOpinion: (title: string) => string;
  firstName: string;
  comment: (name: string) => string;
  deckHelp: string;
  position: (index: number, total: number) => string;
  previous: string;
  skip: string;
  thanks: (name: string) => string;
  again: string;
  notFound: string;
  gone: string;
  loading: string;
  voteFailed: string;
  thanked: string;
  burstAddress: (voters: number, votes: number) => string;
  burstWindow: (voters: number, votes: number) => string;
  removeBurst: string;
  burstRemoved: (votes: number) => string;
};

export const wishlistCatalog: Catalog<WishlistMessages> = {
  fr: {
    sortBy: 'Trier par',
    sortDate: "Date d'ajout",
    sortVotes: 'Votes de mes amis',
    ask: "Demander l'avis de mes amis",
    shareTitle: name => (name ? `Aidez ${name} à choisir` : 'Aidez-moi à choisir'),
    shareText: "J'hésite : dites-moi « J'adore » ou « Pas pour moi » pour chaque pièce.",
    shareLink: 'Lien à partager',
    copy: 'Copier le lien',
    copied: 'Lien copié',
    revoke: 'Désactiver le lien',
    revoked: 'Lien désactivé : vos amis ne peuvent plus voter.',
    empty: "Votre liste d'envies est vide : touchez le cœur d'un article pour l'y ajouter.",
    remove: title => `Retirer ${title}`,
    variant: value => `Taille : ${value}`,
    in_stock: 'En stock',
    out_of_stock: 'Épuisé',
    preorder: 'En précommande',
    backorder: 'Sur commande',
    tally: (up, down) => `${up} J'adore, ${down} Pas pour moi`,
    pending: 'En attente de synchronisation',
    offline: 'Hors ligne : vos changements sont gardés et seront envoyés dès le retour du réseau.',
    failed: "Un article n'a pas pu être ajouté.",
    voted: title => `Nouveau vote pour ${title}`,
    love: "J'adore",
    pass: 'Pas pour moi',
    yourOpinion: title => `Votre avis sur ${title}`,
    firstName: 'Votre prénom (facultatif)',
    comment: name => (name ? `Un mot pour ${name} ? (facultatif)` : 'Un commentaire ? (facultatif)'),
    deckHelp: "Glissez vers la droite pour J'adore, vers la gauche pour Pas pour moi, ou utilisez les flèches ← →.",
    position: (index, total) => `Article ${index} sur ${total}`,
    previous: 'Précédent',
    skip: 'Passer',
    thanks: name => (name ? `Merci ! ${name} verra vos votes.` : 'Merci pour vos votes !'),
    again: 'Revoir les articles',
    notFound: "Ce lien ne mène à aucune liste d'envies.",
    gone: 'La personne qui a partagé cette liste a désactivé le lien.',
    loading: 'Chargement de la liste…',
    voteFailed: "Votre vote n'a pas pu être envoyé. Réessayez.",
    thanked: 'Vote enregistré',
    burstAddress: (voters, votes) => `Votes suspects : ${voters} nouveaux votants depuis une même connexion dans la journée (${votes} votes).`,
    burstWindow: (voters, votes) => `Votes suspects : ${voters} nouveaux votants arrivés coup sur coup (${votes} votes).`,
    removeBurst: 'Retirer ces votes',
    burstRemoved: votes => (votes > 1 ? `${votes} votes retirés.` : `${votes} vote retiré.`),
  },
  en: {
    sortBy: 'Sort by',
    sortDate: 'Date added',
    sortVotes: "Friends' votes",
    ask: 'Ask my friends',
    shareTitle: name => (name ? `Help ${name} choose` : 'Help me choose'),
    shareText: "I can't decide: tell me “Love it” or “Not for me” for each piece.",
    shareLink: 'Link to share',
    copy: 'Copy link',
    copied: 'Link copied',
    revoke: 'Turn the link off',
    revoked: 'Link turned off: friends can no longer vote.',
    empty: 'Your wishlist is empty: tap the heart on a product to save it.',
    remove: title => `Remove ${title}`,
    variant: value => `Size: ${value}`,
    in_stock: 'In stock',
    out_of_stock: 'Sold out',
    preorder: 'Pre-order',
    backorder: 'Backorder',
    tally: (up, down) => `${up} love it, ${down} not for me`,
    pending: 'Waiting to sync',
    offline: 'Offline: your changes are kept and will be sent when the network is back.',
    failed: 'An item could not be added.',
    voted: title => `New vote for ${title}`,
    love: 'Love it',
    pass: 'Not for me',
    yourOpinion: title => `Your opinion on ${title}`,
    firstName: 'Your first name (optional)',
    comment: name => (name ? `A word for ${name}? (optional)` : 'A comment? (optional)'),
    deckHelp: 'Swipe right for Love it, left for Not for me, or use the ← → arrow keys.',
    position: (index, total) => `Item ${index} of ${total}`,
    previous: 'Previous',
    skip: 'Skip',
    thanks: name => (name ? `Thank you! ${name} will see your votes.` : 'Thank you for voting!'),
    again: 'See the items again',
    notFound: 'This link leads to no wishlist.',
    gone: 'The person who shared this list turned the link off.',
    loading: 'Loading the list…',
    voteFailed: 'Your vote could not be sent. Please try again.',
    thanked: 'Vote saved',
    burstAddress: (voters, votes) => `Suspicious votes: ${voters} new voters from one connection in one day (${votes} votes).`,
    burstWindow: (voters, votes) => `Suspicious votes: ${voters} new voters in quick succession (${votes} votes).`,
    removeBurst: 'Remove these votes',
    burstRemoved: votes => (votes === 1 ? '1 vote removed.' : `${votes} votes removed.`),
  },
  // Each in a chunk of its own, fetched the first time a widget speaks it: French and English pages never load them.
  de: () => import('./wishlist.de.js'),
  es: () => import('./wishlist.es.js'),
  it: () => import('./wishlist.it.js'),
};
