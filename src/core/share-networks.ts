import { $config } from './config.js';
import type { ShareFields, ShareNetwork } from './share-registry.js';
import { SHARE_ID_PARAM } from './share-registry.js';

export type { ShareFields, ShareNetwork } from './share-registry.js';

/**
 * The built-in networks, as data: each is an intent address plus query
 * templates. Icons are simplified glyphs on a 24×24 grid, drawn inline, so
 * nothing is fetched from any network before the shopper clicks.
 *
 * Messenger uses Facebook's documented web Send Dialog, which requires the
 * page's Facebook app id (`<meta property="fb:app_id">`); without one it is
 * not offered. The `fb-messenger://` scheme works only where the app is
 * installed and fails silently elsewhere, so it is not used.
 */
export const SHARE_NETWORKS: readonly ShareNetwork[] = [
  {
    id: 'facebook',
    name: 'Facebook',
    url: 'https://www.facebook.com/sharer/sharer.php',
    params: { u: '{url}' },
    icon: 'M13.5 22v-8h2.7l.4-3.2h-3.1V8.8c0-.9.3-1.6 1.6-1.6h1.7V4.4a23 23 0 0 0-2.5-.1c-2.5 0-4.1 1.5-4.1 4.2v2.3H7.4V14h2.8v8z',
  },
  {
    id: 'x',
    name: 'X',
    url: 'https://x.com/intent/tweet',
    params: { url: '{url}', text: '{text}', hashtags: '{hashtags}', via: '{via}' },
    icon: 'M17.8 3h3l-6.6 7.6L22 21h-6.1l-4.8-6.2L5.6 21h-3l7.1-8.1L2.2 3h6.2l4.3 5.7zm-1 16.2h1.7L7.3 4.7H5.5z',
  },
  {
    id: 'pinterest',
    name: 'Pinterest',
    url: 'https://www.pinterest.com/pin/create/button/',
    params: { url: '{url}', media: '{image}', description: '{text}' },
    icon: 'M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zm-1.5 5h3a3.5 3.5 0 0 1 0 7h-2L10 19H8.3zm1.6 1.8-.7 3.4h1.6a1.7 1.7 0 0 0 0-3.4z',
  },
  {
    id: 'whatsapp',
    name: 'WhatsApp',
    // api.whatsapp.com/send, not wa.me: link previews (og:image) come through more reliably.
    url: 'https://api.whatsapp.com/send',
    params: { text: '{text} {url}' },
    icon: 'M12 2a10 10 0 0 0-8.7 14.9L2 22l5.3-1.3A10 10 0 1 0 12 2zm0 2a8 8 0 1 1-4.1 14.9l-.3-.2-3 .8.8-2.9-.2-.3A8 8 0 0 1 12 4zM9 7c-.5 0-1.5.7-1.5 2.2 0 2.8 4.3 7.3 7.4 7.3 1.4 0 2.1-.9 2.1-1.6 0-.3-2.2-1.5-2.5-1.5s-.8 1-1.2 1c-.8 0-3.2-2.3-3.2-3.1 0-.4 1-.9 1-1.2S10 7 9.7 7z',
  },
  {
    id: 'linkedin',
    name: 'LinkedIn',
    url: 'https://www.linkedin.com/sharing/share-offsite/',
    params: { url: '{url}' },
    icon: 'M4 3a2 2 0 1 1 0 4 2 2 0 0 1 0-4zM2.3 8.5h3.5V21H2.3zm5.7 0h3.4v1.7c.5-.9 1.7-2 3.6-2 3.7 0 4.4 2.4 4.4 5.6V21h-3.5v-6.3c0-1.5 0-3.4-2.1-3.4s-2.4 1.6-2.4 3.3V21H8z',
  },
  {
    id: 'bluesky',
    name: 'Bluesky',
    url: 'https://bsky.app/intent/compose',
    params: { text: '{text} {url}' },
    icon: 'M5.2 3.9C7.5 5.6 10 9.1 12 11.1c2-2 4.5-5.5 6.8-7.2 1.7-1.2 4.4-2.2 4.4.8 0 .6-.3 5.1-.5 5.8-.7 2.5-3.2 3.1-5.5 2.7 4 .7 5 3 2.8 5.2-4.2 4.3-6-1.1-6.5-2.5L12 14.3l-1.5 1.6c-.5 1.4-2.3 6.8-6.5 2.5-2.2-2.2-1.2-4.5 2.8-5.2-2.3.4-4.8-.2-5.5-2.7C1.1 9.8.8 5.3.8 4.7c0-3 2.7-2 4.4-.8z',
  },
  {
    id: 'threads',
    name: 'Threads',
    url: 'https://www.threads.com/intent/post',
    params: { text: '{text}', url: '{url}' },
    icon: 'M12 2a10 10 0 1 0 8.7 15l-1.8-1A8 8 0 1 1 20 12v1.5a1.5 1.5 0 0 1-3 0V12a5 5 0 1 0-1.5 3.6A3.5 3.5 0 0 0 22 13.5V12A10 10 0 0 0 12 2zm0 7a3 3 0 1 1 0 6 3 3 0 0 1 0-6z',
  },
  {
    id: 'messenger',
    name: 'Messenger',
    url: 'https://www.facebook.com/dialog/send',
    params: { app_id: '{appId}', link: '{url}', redirect_uri: '{url}' },
    requires: ['appId'],
    icon: 'M12 2C6.4 2 2 6.1 2 11.7c0 2.9 1.2 5.5 3.2 7.3V22l3-1.6c1.2.3 2.5.5 3.8.5 5.6 0 10-4.1 10-9.7S17.6 2 12 2zm1 12.7-2.5-2.7-5 2.7 5.5-5.8 2.6 2.7 4.9-2.7z',
  },
  {
    id: 'telegram',
    name: 'Telegram',
    url: 'https://t.me/share/url',
    params: { url: '{url}', text: '{text}' },
    icon: 'M21.4 3.3 2.9 10.5c-1.3.5-1.2 1.2-.2 1.5l4.7 1.5 1.8 5.6c.2.6.4.8.8.8.5 0 .7-.2 1-.5l2.3-2.2 4.7 3.5c.9.5 1.5.2 1.7-.8l3.1-14.5c.3-1.3-.5-1.9-1.4-1.5zM9.2 13.1 18.8 7c.4-.3.8-.1.5.2l-8 7.2-.3 3.5z',
  },
  {
    id: 'email',
    name: 'E-mail',
    url: 'mailto:',
    params: { subject: '{title}', body: '{text}\n\n{url}' },
    icon: 'M3 5h18a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zm1 2.4V17h16V7.4l-8 5.3zM5.4 7 12 11.3 18.6 7z',
  },
];

/** The pseudo-network that copies the link; listed in `networks` like the others. */
export const COPY_LINK = 'copy';

/** The networks shown when `networks` is not set, in order. */
export const DEFAULT_NETWORKS = ['facebook', 'pinterest', 'whatsapp', 'x', 'bluesky', 'messenger', 'email', COPY_LINK];

/** `{field}` placeholders filled from `fields`. */
const fill = (template: string, fields: ShareFields) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => fields[name as keyof ShareFields] ?? '').trim();

/**
 * The network's intent address for `fields`: each parameter filled and
 * percent-encoded (`encodeURIComponent`, so spaces are `%20` in `mailto:` too),
 * parameters that fill to nothing left out.
 */
export function intentUrl(network: ShareNetwork, fields: ShareFields): string {
  const query = Object.entries(network.params)
    .map(([name, template]) => [name, fill(template, fields)])
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&');
  return query ? `${network.url}?${query}` : network.url;
}

/** Whether `fields` fill everything the network requires. */
export const isAvailable = (network: ShareNetwork, fields: Partial<ShareFields>) =>
  (network.requires ?? []).every(field => Boolean(fields[field]));

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
