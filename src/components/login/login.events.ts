import type { SessionUser } from '../../features/session/session.js';
import type { LoginProvider } from './login.providers.js';

/** Before the popup or the redirect opens; `preventDefault()` stops the sign-in (e.g. to ask for consent first). */
export class LoginRequestEvent extends Event {
  static readonly eventName = 'vitrine-login-request';

  constructor(readonly detail: { provider: LoginProvider }) {
    super(LoginRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

/** The shopper is signed in; `$session` already holds the user. */
export class LoginEvent extends Event {
  static readonly eventName = 'vitrine-login';

  constructor(readonly detail: { provider: LoginProvider; user: SessionUser }) {
    super(LoginEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Sign-in failed or was abandoned: `popup_closed`, `access_denied`, `network`, `provider_unavailable`, or a server code. */
export class LoginErrorEvent extends Event {
  static readonly eventName = 'vitrine-login-error';

  constructor(readonly detail: { provider: LoginProvider; code: string }) {
    super(LoginErrorEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The shopper signed out. */
export class LogoutEvent extends Event {
  static readonly eventName = 'vitrine-logout';

  constructor() {
    super(LogoutEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'vitrine-login-request': LoginRequestEvent;
    'vitrine-login': LoginEvent;
    'vitrine-login-error': LoginErrorEvent;
    'vitrine-logout': LogoutEvent;
  }
}
