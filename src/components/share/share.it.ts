import type { ShareMessages } from './share.i18n.js';

const it: ShareMessages = {
  share: 'Condividi',
  shareNative: 'Condividi…',
  shareLook: 'Condividi il look',
  shareOn: network => `Condividi su ${network}`,
  email: 'E-mail',
  emailName: 'Condividi via e-mail',
  copy: 'Copia link',
  copied: 'Link copiato',
  copyManually: 'Copia il link: Ctrl+C (⌘C su Mac)',
  networks: 'Condividi questo prodotto',
};
export default it;
