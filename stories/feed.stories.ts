import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/components/feed/vitrine-feed.js';
import type { FeedData } from '../src/components/feed/feed.types.js';
import recorded from './fixtures/feed.json';

/**
 * The recorded feed of the demo account (the example server's output against the fake Instagram), with the
 * storefront's illustrations standing in for the re-hosted pictures, so the stories need no server.
 */
const pictures: Record<string, string> = {
  'images/robe-camille-lin.svg': new URL('../examples/storefront/images/robe-camille-lin.svg', import.meta.url).href,
  'images/chemise-oversize-coton.svg': new URL('../examples/storefront/images/chemise-oversize-coton.svg', import.meta.url).href,
  'images/jupe-plissee-satin.svg': new URL('../examples/storefront/images/jupe-plissee-satin.svg', import.meta.url).href,
  'images/trench-classique.svg': new URL('../examples/storefront/images/trench-classique.svg', import.meta.url).href,
  'images/sac-cabas-cuir.svg': new URL('../examples/storefront/images/sac-cabas-cuir.svg', import.meta.url).href,
  'images/foulard-soie-imprime.svg': new URL('../examples/storefront/images/foulard-soie-imprime.svg', import.meta.url).href,
  'images/hero.svg': new URL('../examples/storefront/images/hero.svg', import.meta.url).href,
};
const picture = (path: string) => pictures[path] ?? path;
const feed: FeedData = {
  ...(recorded as FeedData),
  posts: (recorded as FeedData).posts.map(post => ({
    ...post,
    slides: post.slides.map(slide => ({ ...slide, renditions: slide.renditions.map(r => ({ ...r, webp: picture(r.webp), jpeg: picture(r.jpeg) })) })),
  })),
  products: (recorded as FeedData).products.map(product => ({ ...product, image: picture(product.image), link: `https://maison-lumiere.example/${product.link}` })),
};

interface Args {
  layout: 'grid' | 'carousel' | 'look';
  columns: number;
  limit: number;
  product: string;
  lang: string;
}

const meta: Meta<Args> = {
  title: 'Widgets/Feed',
  component: 'vitrine-feed',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'A shoppable Instagram feed. Click a post: the dialog shows every slide, the caption as text, numbered hotspots (buttons) and "Shop the look". Arrow keys move between posts, Esc closes.',
      },
    },
  },
  args: { layout: 'grid', columns: 3, limit: 6, product: '', lang: '' },
  argTypes: {
    layout: { control: 'inline-radio', options: ['grid', 'carousel', 'look'] },
    columns: { control: { type: 'range', min: 1, max: 6 } },
    limit: { control: { type: 'range', min: 1, max: 24 } },
    lang: { control: 'inline-radio', options: ['', 'fr', 'en'] },
  },
  render: args =>
    html`<div style="max-width: 56rem">
      <vitrine-feed layout=${args.layout} columns=${args.columns} limit=${args.limit} product=${args.product} lang=${args.lang || nothing} .data=${feed}></vitrine-feed>
    </div>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Grid: Story = {};

export const Carousel: Story = { args: { layout: 'carousel', limit: 9 } };

/** On a product page: only the posts that tag this product (default: the page's JSON-LD `sku`). */
export const Look: Story = { args: { layout: 'look', product: 'ML-ROBE-CAMILLE', limit: 3 } };

/** The first carousel opened: three slides, hotspots from Instagram product tags, "Shop the look". */
export const Hotspots: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    const element = canvasElement.querySelector('vitrine-feed')!;
    await element.updateComplete;
    element.shadowRoot!.querySelectorAll<HTMLButtonElement>('.tile')[1].click();
  },
};

export const English: Story = { args: { lang: 'en' } };

export const French: Story = { args: { lang: 'fr' } };

/** Themed with the `--vitrine-feed-*` custom properties. */
export const DarkTheme: Story = {
  render: args =>
    html`<div class="dark-theme-demo" style="max-width: 56rem; padding: 1rem; background: #1d1b19; color: #f3ece4">
      <vitrine-feed
        columns=${args.columns}
        limit=${args.limit}
        style="--vitrine-feed-gap: 2px; --vitrine-feed-radius: 0; --vitrine-feed-background: #2b2420; --vitrine-feed-color: #f3ece4; --vitrine-feed-accent: #f3c9b4; --vitrine-feed-hotspot-color: #f3c9b4; --vitrine-feed-hotspot-background: rgb(29 27 25 / 0.85)"
        .data=${feed}
      ></vitrine-feed>
    </div>`,
};

/** A feed with nothing to show falls back to the slotted content (without it, the element hides itself). */
export const Fallback: Story = {
  render: () =>
    html`<vitrine-feed .data=${{ ...feed, posts: [] }}>
      <p slot="fallback">Suivez-nous sur Instagram : <a href="https://www.instagram.com/">@maisonlumiere.paris</a></p>
    </vitrine-feed>`,
};
