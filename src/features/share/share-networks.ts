import type { ShareFields, ShareNetwork } from './share-registry.js';

export type { ShareFields, ShareNetwork } from './share-registry.js';

/**
 * The network list of `<vitrine-share>`: its own module (and script-tag chunk),
 * loaded only where the list shows. Where the system share sheet opens (most
 * phones, Safari, Chrome and Edge on Windows and macOS) no network button is
 * drawn, so those shoppers never download it.
 *
 * The built-in networks, as data: each is an intent address plus query
 * templates. Icons are simplified glyphs on a 24×24 grid, drawn inline, so
 * nothing is fetched from any network before the shopper clicks. Coordinates
 * are rounded to half units: at button size (20–24 px) finer detail does not
 * show, and it cost about 200 bytes.
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
    icon: 'M13.5 22V14h2.5l.5-3h-3v-2q0-1.5 1.5-2h2V4.5h-2.5q-4 0-4.5 4v2.5h-2.5v3h2.5v8z',
  },
  {
    id: 'x',
    name: 'X',
    url: 'https://x.com/intent/tweet',
    params: { url: '{url}', text: '{text}', hashtags: '{hashtags}', via: '{via}' },
    icon: 'M18 3h3L14 10.5l8 10.5H16L11 15 5.5 21H2.5l7-8L2 3h6.5l4 5.5zm-1 16h1.5L7.5 4.5h-2z',
  },
  {
    id: 'pinterest',
    name: 'Pinterest',
    url: 'https://www.pinterest.com/pin/create/button/',
    params: { url: '{url}', media: '{image}', description: '{text}' },
    icon: 'M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20m-1.5 5h3a3.5 3.5 0 0 1 0 7h-2l-1.5 5h-1.5zm1.5 2-.5 3h1.5a1.5 1.5 0 0 0 0-3z',
  },
  {
    id: 'whatsapp',
    name: 'WhatsApp',
    // api.whatsapp.com/send, not wa.me: link previews (og:image) come through more reliably.
    url: 'https://api.whatsapp.com/send',
    params: { text: '{text} {url}' },
    icon: 'M12 2A10 10 0 0 0 3.5 17L2 22l5.5-1.5a10 10 0 1 0 4.5-18.5m0 2a8 8 0 1 1-4 15l-.5-.5-3 1 1-3h-.5A8 8 0 0 1 12 4m-3 3q-1 0-1.5 2c0 3 4.5 7.5 7.5 7.5q2-.5 2-1.5l-2.5-1.5-1 1c-1 0-3.5-2.5-3.5-3l1-1.5-1.5-3z',
  },
  {
    id: 'linkedin',
    name: 'LinkedIn',
    url: 'https://www.linkedin.com/sharing/share-offsite/',
    params: { url: '{url}' },
    icon: 'M4 3a2 2 0 1 1 0 4 2 2 0 0 1 0-4M2.5 8.5h3.5v12.5H2.5zm5.5 0h3.5v1.5q.5-1.5 3.5-2 5 .5 4.5 6v7h-3.5V14.5q.5-2.5-2-3-3 0-2.5 3v6.5h-3.5z',
  },
  {
    id: 'bluesky',
    name: 'Bluesky',
    url: 'https://bsky.app/intent/compose',
    params: { text: '{text} {url}' },
    icon: 'M5 4q4 3 7 7 3-4 7-7 3-3 4 .5l-.5 6q-1 3.5-5.5 2.5 6 1.5 3 5.5c-4 4-6-1-6.5-2.5l-1.5-1.5-1.5 1.5c-.5 1.5-2.5 6.5-6.5 2.5q-3-4 3-5.5-4 1-5.5-2.5L1 4.5q1-3.5 4-.5',
  },
  {
    id: 'threads',
    name: 'Threads',
    url: 'https://www.threads.com/intent/post',
    params: { text: '{text}', url: '{url}' },
    icon: 'M12 2a10 10 0 1 0 8.5 15l-1.5-1a8 8 0 1 1 1-4v1.5a1.5 1.5 0 0 1-3 0v-1.5a5 5 0 1 0-1.5 3.5 3.5 3.5 0 0 0 6.5-2v-1.5A10 10 0 0 0 12 2m0 7a3 3 0 1 1 0 6 3 3 0 0 1 0-6',
  },
  {
    id: 'messenger',
    name: 'Messenger',
    url: 'https://www.facebook.com/dialog/send',
    params: { app_id: '{appId}', link: '{url}', redirect_uri: '{url}' },
    requires: ['appId'],
    icon: 'M12 2Q3 2.5 2 11.5q0 4.5 3 7.5v3l3-1.5 4 .5q9-.5 10-10C23 1.5 17.5 2 12 2m1 12.5-2.5-2.5-5 2.5 5.5-5.5 2.5 2.5 5-2.5z',
  },
  {
    id: 'telegram',
    name: 'Telegram',
    url: 'https://t.me/share/url',
    params: { url: '{url}', text: '{text}' },
    icon: 'M21.5 3.5 3 10.5q-2 1-.5 1.5l5 1.5 1.5 5.5 1 1 1-.5 2.5-2.5 4.5 3.5q1.5 1 1.5-.5l3.5-14.5q0-2-1.5-1.5zM9 13l10-6h.5L11.5 14.5l-.5 3.5z',
  },
  {
    id: 'email',
    name: 'E-mail',
    url: 'mailto:',
    params: { subject: '{title}', body: '{text}\n\n{url}' },
    icon: 'M3 5h18l1 1v12l-1 1H3l-1-1V6zm1 2.5v9.5h16V7.5L12 12.5zm1.5-.5 6.5 4.5 6.5-4.5z',
  },
];

/** Whether `fields` fill everything the network requires. */
export const isAvailable = (network: ShareNetwork, fields: Partial<ShareFields>) =>
  (network.requires ?? []).every(field => Boolean(fields[field]));
