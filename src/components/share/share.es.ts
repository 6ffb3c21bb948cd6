import type { ShareMessages } from './share.i18n.js';

const es: ShareMessages = {
  share: 'Compartir',
  shareNative: 'Compartir…',
  shareLook: 'Compartir el look',
  shareOn: network => `Compartir en ${network}`,
  email: 'Correo',
  emailName: 'Compartir por correo electrónico',
  copy: 'Copiar enlace',
  copied: 'Enlace copiado',
  copyManually: 'Copia el enlace: Ctrl+C (⌘C en Mac)',
  networks: 'Compartir este producto',
};
export default es;
