// Server-side rendering with Lit SSR, as Astro, Eleventy or a Node server does: every Vitrine element's host
// and shadow root rendered to HTML (declarative shadow DOM), upgraded in the browser when the entry loads.
// `node render.js` prints the page.
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import 'vitrine/components/feed/vitrine-feed.js';
import 'vitrine/components/login/vitrine-login.js';
import 'vitrine/components/share/vitrine-share.js';
import 'vitrine/components/wishlist/vitrine-wishlist.js';
import 'vitrine/components/wishlist-button/vitrine-wishlist-button.js';

const page = html`<main>
  <vitrine-share url="https://shop.example/products/robe-camille" networks="x,facebook"></vitrine-share>
  <vitrine-wishlist-button product="ML-ROBE-CAMILLE"></vitrine-wishlist-button>
  <vitrine-wishlist></vitrine-wishlist>
  <vitrine-feed feed="maison-lumiere"></vitrine-feed>
  <vitrine-login providers="google,apple"></vitrine-login>
</main>`;

process.stdout.write(await collectResult(render(page)));
