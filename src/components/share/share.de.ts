import type { ShareMessages } from './share.i18n.js';

const de: ShareMessages = {
  share: 'Teilen',
  shareNative: 'Teilen…',
  shareLook: 'Look teilen',
  shareOn: network => `Auf ${network} teilen`,
  email: 'E-Mail',
  emailName: 'Per E-Mail teilen',
  copy: 'Link kopieren',
  copied: 'Link kopiert',
  copyManually: 'Link kopieren: Strg+C (⌘C auf dem Mac)',
  networks: 'Dieses Produkt teilen',
};
export default de;
