import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { fromManifest, manifestAttributes } from '../.storybook/manifest.js';
import '../src/components/feed/vitrine-feed.js';
import type { FeedData } from '../src/components/feed/feed.types.js';
import recorded from './fixtures/feed.json';

/**
 * The recorded feed of the demo account (the example server's output against the fake Instagram). Its pictures
 * are the storefront's illustrations at `images/…`, served by Storybook from `staticDirs`, so the stories need no
 * server; product links point at the demo shop.
 */
const feed: FeedData = {
  ...(recorded as FeedData),
  products: (recorded as FeedData).products.map(product => ({ ...product, link: `https://maison-lumiere.example/${product.link}` })),
};

const { args, argTypes, parameters } = fromManifest('vitrine-feed');

/**
 * A shoppable Instagram feed. Click a post: the dialog shows every slide, the caption as text, numbered hotspots
 * (buttons) and "Shop the look". Arrow keys move between posts, Esc closes.
 */
const meta: Meta = {
  title: 'Widgets/Feed',
  component: 'vitrine-feed',
  tags: ['autodocs'],
  args,
  argTypes,
  parameters,
  render: storyArgs => html`<div style="max-width: 56rem"><vitrine-feed ${manifestAttributes('vitrine-feed', storyArgs)} .data=${feed}></vitrine-feed></div>`,
};
export default meta;

type Story = StoryObj;

export const Grid: Story = {};

export const Carousel: Story = { args: { layout: 'carousel', limit: 9 } };

/** On a product page: only the posts that tag this product (default: the page's JSON-LD `sku`). */
export const Look: Story = { args: { layout: 'look', product: 'ML-ROBE-CAMILLE', limit: 3 } };

/** The first carousel opened: three slides, hotspots from Instagram product tags, "Shop the look". */
export const Hotspots: Story = {
  play: async ({ canvasElement }) => {
    const element = canvasElement.querySelector('vitrine-feed')!;
    await element.updateComplete;
    element.shadowRoot!.querySelectorAll<HTMLButtonElement>('.tile')[1].click();
  },
};

/** A feed with nothing to show falls back to the slotted content (without it, the element hides itself). */
export const Fallback: Story = {
  render: () =>
    html`<vitrine-feed .data=${{ ...feed, posts: [] }}>
      <p slot="fallback">Suivez-nous sur Instagram : <a href="https://www.instagram.com/" style="color: inherit">@maisonlumiere.paris</a></p>
    </vitrine-feed>`,
};
