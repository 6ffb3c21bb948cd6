import { $config } from './config.js';
import { track } from './track.js';

/** The query parameter carrying a share's id in the links Vitrine shares. */
export const SHARE_ID_PARAM = 'vt_sid';

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

/**
 * When the page was reached through a shared link, reports `share_visit` with
 * that share's id, then takes the id out of the address bar (replaceState, no
 * reload) so a bookmark or a re-share of this page does not count again.
 * UTM parameters stay for the site's other analytics.
 */
export function recordShareVisit(): void {
  const address = new URL(location.href);
  const shareId = address.searchParams.get(SHARE_ID_PARAM);
  if (shareId === null) return;
  address.searchParams.delete(SHARE_ID_PARAM);
  history.replaceState(history.state, '', address.href);
  if (!/^[0-9A-Za-z]{8,32}$/.test(shareId)) return;
  const network = address.searchParams.get('utm_source') ?? '';
  track('share_visit', { shareId, network: /^[a-z0-9_-]{1,32}$/.test(network) ? network : undefined });
}
