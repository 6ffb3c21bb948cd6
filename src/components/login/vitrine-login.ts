import { VitrineLogin } from './login.element.js';

export * from './login.element.js';
export * from './login.events.js';
export type { LoginProvider } from './login.providers.js';

VitrineLogin.define('vitrine-login');

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-login': VitrineLogin;
  }
}
