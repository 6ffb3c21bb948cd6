import { VitrineLogin } from './login.element.js';

VitrineLogin.define('vitrine-login');

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-login': VitrineLogin;
  }
}
