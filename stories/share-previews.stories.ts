import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { LinkPreview } from '../scripts/share-previews.js';
import recorded from './fixtures/share-previews.json';

/**
 * What a shared link looks like in WhatsApp, Facebook and iMessage, drawn from the Open Graph and Twitter tags
 * the example server sends for that page: recorded from a running server by `scripts/share-previews.ts` (a test
 * keeps the recording equal to what the server sends). The apps' own layouts are approximated; the text, the
 * picture and the address are the tags'.
 */
const previews = recorded as LinkPreview[];

/** The shop's pictures as Storybook serves them (staticDirs), at the same `images/…` path. */
const picture = (url: string | undefined) => (url ? new URL(url).pathname.replace(/^\//, '') : undefined);
const host = (url: string | undefined) => (url ? new URL(url).host : '');

const styles = html`<style>
  .previews { display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 1.5rem; align-items: start; font: 14px/1.35 system-ui, sans-serif; }
  .previews h2 { font-size: 13px; margin: 0 0 .5rem; }
  .previews img { display: block; width: 100%; object-fit: cover; background: #eee; }
  .whatsapp { background: #e7ffdb; color: #111b21; padding: 4px; border-radius: 8px; max-width: 20rem; }
  .whatsapp .card { display: grid; grid-template-columns: 5.5rem 1fr; gap: .5rem; background: #d1f4cc; border-radius: 6px; overflow: hidden; }
  .whatsapp img { height: 5.5rem; }
  .whatsapp .text { padding: .4rem .5rem .4rem 0; }
  .whatsapp .title { font-weight: 600; }
  .whatsapp .description, .whatsapp .site { color: #3b4a54; font-size: 12.5px; }
  .whatsapp .link { color: #00639a; padding: .35rem .25rem .15rem; overflow-wrap: anywhere; }
  .facebook { background: #fff; color: #050505; border: 1px solid #ced0d4; max-width: 31rem; }
  .facebook img { aspect-ratio: 1.91; }
  .facebook .text { background: #f0f2f5; padding: .6rem .75rem; }
  .facebook .site { color: #4b4f56; font-size: 12px; text-transform: uppercase; }
  .facebook .title { font-weight: 600; font-size: 16px; }
  .facebook .description { color: #4b4f56; }
  .imessage { max-width: 17rem; border-radius: 18px; overflow: hidden; background: #e9e9eb; color: #000; }
  .imessage img { aspect-ratio: 4 / 3; }
  .imessage .text { padding: .5rem .8rem .6rem; }
  .imessage .title { font-weight: 600; }
  .imessage .site { color: #4d4d52; font-size: 12.5px; }
  .clamp { display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
</style>`;

function cards({ page, tags }: LinkPreview) {
  const title = tags['og:title'] ?? '';
  const description = tags['og:description'] ?? '';
  const image = picture(tags['og:image']);
  const alt = tags['og:image:alt'] ?? '';
  const site = tags['og:site_name'] ?? host(tags['og:url'] ?? page);
  return html`<div class="previews" data-page=${page}>
    <figure class="whatsapp" aria-label="WhatsApp">
      <h2>WhatsApp</h2>
      <div class="card">
        ${image ? html`<img src=${image} alt=${alt} />` : html`<span></span>`}
        <div class="text">
          <div class="title clamp">${title}</div>
          <div class="description clamp">${description}</div>
          <div class="site">${host(tags['og:url'] ?? page)}</div>
        </div>
      </div>
      <div class="link">${tags['og:url'] ?? page}</div>
    </figure>
    <figure class="facebook" aria-label="Facebook">
      <h2>Facebook</h2>
      ${image ? html`<img src=${image} alt=${alt} />` : ''}
      <div class="text">
        <div class="site">${host(tags['og:url'] ?? page)}</div>
        <div class="title clamp">${title}</div>
        <div class="description clamp">${description}</div>
      </div>
    </figure>
    <figure class="imessage" aria-label="iMessage">
      <h2 style="padding: .6rem .8rem 0">iMessage</h2>
      ${image ? html`<img src=${image} alt=${alt} />` : ''}
      <div class="text">
        <div class="title clamp">${title}</div>
        <div class="site">${site}</div>
      </div>
    </figure>
  </div>`;
}

const meta: Meta = {
  title: 'Guides/Share previews',
  tags: ['!autodocs'],
  parameters: { layout: 'padded' },
};
export default meta;

type Story = StoryObj;

/** A product page shared from `<vitrine-share>`: its `og:` tags (the storefront's page). */
export const ProductLink: Story = { render: () => html`${styles}${cards(previews[0])}` };

/** A wishlist shared for votes (`/w/:token`): the tags the server writes for the friend's page. */
export const WishlistLink: Story = { render: () => html`${styles}${cards(previews[1])}` };
