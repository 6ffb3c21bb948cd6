// What a server does with Vitrine while rendering a page (Next.js, Nuxt, SvelteKit, Astro, plain Node): import
// every entry and call the API. Nothing may throw, and nothing may start: the process exits on its own, with
// no timer, listener or request left behind. `node server-import.js` prints what was left running (nothing).
import * as vitrine from 'vitrine';
import * as events from 'vitrine/events';
import 'vitrine/vitrine.js';
import 'vitrine/components/feed/vitrine-feed.js';
import 'vitrine/components/login/vitrine-login';
import 'vitrine/components/share/vitrine-share.js';
import 'vitrine/components/wishlist/vitrine-wishlist';
import 'vitrine/components/wishlist-button/vitrine-wishlist-button.js';

vitrine.init({ endpoint: 'https://api.shop.example/v1/events', api: 'https://api.shop.example/', consent: 'granted' });
vitrine.configure({ locale: 'fr', vitalsSampleRate: 1, dataLayer: true });
vitrine.setConsent('granted');
vitrine.setLocale('en');
vitrine.setMessages('fr', 'share', { share: 'Partager ce look' });
vitrine.track('share_click', { network: 'x' });
vitrine.registerShareNetwork({ id: 'mastodon', name: 'Mastodon', url: 'https://mastodon.social/share', params: { text: '{url}' }, icon: 'M0 0h24v24H0z' });
vitrine.startWishlist();
vitrine.addToWishlist('ML-ROBE-CAMILLE', 'M');
vitrine.removeFromWishlist('ML-ROBE-CAMILLE', 'M');
new events.VitrineShareEvent({ network: 'x', url: 'https://shop.example/', title: '', text: '' });

const running = process.getActiveResourcesInfo().filter(resource => resource !== 'TTYWrap' && resource !== 'PipeWrap');
process.stdout.write(`${JSON.stringify({ exports: Object.keys(vitrine).sort(), running })}\n`);
