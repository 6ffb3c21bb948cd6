import type { SessionUser } from '../../core/session.js';
import type { LoginProvider } from './login.providers.js';

/** Before the popup or the redirect opens; `preventDefault()` stops the sign-in (e.g. to ask for consent first). */
export class LoginRequestEvent extends Event {
  constructor(readonly detail: { provider: LoginProvider }) {
    super('vitrine-login-request', { bubbles: true, composed: true, cancelable: true });
  }
}

/** The shopper is signed in; `$session` already holds the user. */
export class LoginEvent extends Event {
  constructor(readonly detail: { provider: LoginProvider; user: SessionUser }) {
    super('vitrine-login', { bubbles: true, composed: true });
  }
}

/** Sign-in failed or was abandoned: `popup_closed`, `access_denied`, `network`, `provider_unavailable`, or a server code. */
export class LoginErrorEvent extends Event {
  constructor(readonly detail: { provider: LoginProvider; code: string }) {
    super('vitrine-login-error', { bubbles: true, composed: true });
  }
}

/** The shopper signed out. */
export class LogoutEvent extends Event {
  constructor() {
    super('vitrine-logout', { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'vitrine-login-request': LoginRequestEvent;
    'vitrine-login': LoginEvent;
    'vitrine-login-error': LoginErrorEvent;
    'vitrine-logout': LogoutEvent;
  }
}
