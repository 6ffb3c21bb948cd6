import type { LoginMessages } from './login.i18n.js';

/** Provider buttons in the providers' own German wording (Google: „Über Google anmelden“). */
const de: LoginMessages = {
  google: 'Über Google anmelden',
  facebook: 'Weiter mit Facebook',
  apple: 'Mit Apple anmelden',
  demo: 'Weiter mit Vitrine Demo',
  group: 'Anmelden',
  pending: 'Anmeldung läuft…',
  hello: name => (name ? `Hallo, ${name}` : 'Angemeldet'),
  signOut: 'Abmelden',
  retry: 'Erneut versuchen',
  popup_closed: 'Das Anmeldefenster wurde geschlossen, bevor die Anmeldung abgeschlossen war.',
  access_denied: 'Die Anmeldung wurde abgelehnt. Sie können es jederzeit erneut versuchen.',
  network: 'Keine Verbindung: Prüfen Sie Ihre Internetverbindung und versuchen Sie es dann erneut.',
  provider_unavailable: 'Diese Anmeldeoption ist gerade nicht verfügbar.',
  failed: 'Die Anmeldung hat nicht geklappt. Bitte versuchen Sie es gleich noch einmal.',
};
export default de;
