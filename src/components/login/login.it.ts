import type { LoginMessages } from './login.i18n.js';

const it: LoginMessages = {
  google: 'Accedi con Google',
  facebook: 'Continua con Facebook',
  apple: 'Accedi con Apple',
  demo: 'Continua con Vitrine Demo',
  group: 'Accedi',
  pending: 'Accesso in corso…',
  hello: name => (name ? `Ciao, ${name}` : 'Accesso effettuato'),
  signOut: 'Esci',
  retry: 'Riprova',
  popup_closed: 'La finestra di accesso è stata chiusa prima del termine.',
  access_denied: "L'accesso è stato rifiutato. Puoi riprovare quando vuoi.",
  network: 'Impossibile connettersi: controlla la connessione a Internet e riprova.',
  provider_unavailable: 'Questa opzione di accesso non è al momento disponibile.',
  failed: "L'accesso non è andato a buon fine. Riprova tra un momento.",
};
export default it;
