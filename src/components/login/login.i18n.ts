import type { Catalog } from '../../core/i18n.js';

/** Button labels are the providers' own wording (Google and Apple: "Sign in with", Facebook: "Continue with"). */
export type LoginMessages = {
  google: string;
  facebook: string;
  apple: string;
  demo: string;
  group: string;
  pending: string;
  hello: (name: string) => string;
  signOut: string;
  retry: string;
  popup_closed: string;
  access_denied: string;
  network: string;
  provider_unavailable: string;
  failed: string;
};

export const messages: Catalog<LoginMessages> = {
  fr: {
    google: 'Se connecter avec Google',
    facebook: 'Continuer avec Facebook',
    apple: 'Se connecter avec Apple',
    demo: 'Continuer avec Vitrine Démo',
    group: 'Se connecter',
    pending: 'Connexion en cours…',
    hello: (name: string) => (name ? `Bonjour, ${name}` : 'Connecté·e'),
    signOut: 'Se déconnecter',
    retry: 'Réessayer',
    popup_closed: 'La fenêtre de connexion a été fermée avant la fin.',
    access_denied: "La connexion a été refusée. Vous pouvez réessayer quand vous voulez.",
    network: 'Connexion impossible : vérifiez votre accès à Internet, puis réessayez.',
    provider_unavailable: "Ce mode de connexion n'est pas disponible pour le moment.",
    failed: "La connexion n'a pas abouti. Réessayez dans un instant.",
  },
  en: {
    google: 'Sign in with Google',
    facebook: 'Continue with Facebook',
    apple: 'Sign in with Apple',
    demo: 'Continue with Vitrine Demo',
    group: 'Sign in',
    pending: 'Signing in…',
    hello: (name: string) => (name ? `Hi, ${name}` : 'Signed in'),
    signOut: 'Sign out',
    retry: 'Try again',
    popup_closed: 'The sign-in window was closed before you finished.',
    access_denied: 'Sign-in was declined. You can try again whenever you like.',
    network: "We couldn't connect. Check your internet connection, then try again.",
    provider_unavailable: "This sign-in option isn't available right now.",
    failed: "Sign-in didn't complete. Please try again in a moment.",
  },
  // Each in a chunk of its own, fetched the first time a widget speaks it: French and English pages never load them.
  de: () => import('./login.de.js'),
  es: () => import('./login.es.js'),
  it: () => import('./login.it.js'),
};
