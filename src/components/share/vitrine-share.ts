import { VitrineShare } from './share.element.js';

export * from './share.element.js';
export * from './share.events.js';

VitrineShare.define('vitrine-share');

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-share': VitrineShare;
  }
}
