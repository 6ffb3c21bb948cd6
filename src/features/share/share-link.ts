import { $config } from '../../core/config.js';
import { SHARE_ID_PARAM } from './share-registry.js';

// What every share needs, with or without the network list (share-networks.ts, loaded only where it shows):
// the link as shared, with its attribution. Only a click needs it: it travels with <vitrine-share>'s actions.

/** A fresh 10-character share id, digits and lowercase letters (about 51 bits): enough to tie a visit to one share, short in a link. */
export function newShareId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(10)), byte => (byte % 36).toString(36)).join('');
}

/**
 * `url` as shared through `network`: with `utm_source=<network>`,
 * `utm_medium=social`, `utm_campaign=vitrine_share` (unless the `utm` option
 * is off; parameters the page already set are replaced) and the share id.
 */
export function attributedUrl(url: string, network: string, shareId: string): string {
  const address = new URL(url);
  if ($config.get().utm) {
    address.searchParams.set('utm_source', network);
    address.searchParams.set('utm_medium', 'social');
    address.searchParams.set('utm_campaign', 'vitrine_share');
  }
  address.searchParams.set(SHARE_ID_PARAM, shareId);
  return address.href;
}
