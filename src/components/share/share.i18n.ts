import type { Catalog } from '../../core/i18n.js';

export type ShareMessages = {
  share: string;
  shareNative: string;
  shareLook: string;
  shareOn: (network: string) => string;
  email: string;
  emailName: string;
  copy: string;
  copied: string;
  copyManually: string;
  networks: string;
};

export const shareCatalog: Catalog<ShareMessages> = {
  fr: {
    share: 'Partager',
    shareNative: 'Partager…',
    shareLook: 'Partager le look',
    shareOn: network => `Partager sur ${network}`,
    email: 'E-mail',
    emailName: 'Partager par e-mail',
    copy: 'Copier le lien',
    copied: 'Lien copié',
    copyManually: 'Copiez le lien : Ctrl+C (⌘C sur Mac)',
    networks: 'Partager ce produit',
  },
  en: {
    share: 'Share',
    shareNative: 'Share…',
    shareLook: 'Share the look',
    shareOn: network => `Share on ${network}`,
    email: 'Email',
    emailName: 'Share by email',
    copy: 'Copy link',
    copied: 'Link copied',
    copyManually: 'Copy the link: Ctrl+C (⌘C on a Mac)',
    networks: 'Share this product',
  },
  // Each in a chunk of its own, fetched the first time a widget speaks it: French and English pages never load them.
  de: () => import('./share.de.js'),
  es: () => import('./share.es.js'),
  it: () => import('./share.it.js'),
};
