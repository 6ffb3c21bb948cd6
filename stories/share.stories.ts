import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { fromManifest, manifestAttributes } from '../.storybook/manifest.js';
import '../src/components/share/vitrine-share.js';

const { args, argTypes, parameters } = fromManifest('vitrine-share');

/**
 * Share buttons for the product on the page. On a product page the tag needs
 * no attribute: it reads the canonical address, the JSON-LD product and Open
 * Graph tags. Stories pass them explicitly since Storybook has no product page.
 * Clicking a network opens its real share dialog; nothing is requested before.
 */
const meta: Meta = {
  title: 'Widgets/Share',
  component: 'vitrine-share',
  tags: ['autodocs'],
  args: {
    ...args,
    url: 'https://maison-lumiere.example/produits/robe-camille-lin.html',
    title: 'Robe Camille en lin',
    image: 'https://maison-lumiere.example/images/robe-camille-lin.jpg',
    hashtags: 'lin,été',
    placement: 'storybook',
    'no-native': true,
  },
  argTypes,
  parameters,
  render: storyArgs => html`<vitrine-share ${manifestAttributes('vitrine-share', storyArgs)}></vitrine-share>`,
};
export default meta;

type Story = StoryObj;

/** Every attribute as a control. The toolbar's buttons switch language and brand palette. */
export const Playground: Story = {};

/** Round icon buttons, the default layout. Each button's accessible name says where it shares: "Partager sur Pinterest". */
export const Icons: Story = {};

/** Icon and network name. */
export const Labels: Story = { args: { layout: 'labels' } };

/** One compact "Partager" button opening a menu: arrow keys, Home and End move, Escape closes and returns focus, Tab leaves. */
export const Menu: Story = { args: { layout: 'menu' } };

/** Networks in the merchant's order, with the copy-link button: "Lien copié" appears and is announced after a click. */
export const ChosenNetworks: Story = { args: { networks: 'whatsapp,pinterest,email,copy', layout: 'labels' } };

/** Small and large buttons. */
export const Sizes: Story = {
  render: storyArgs => html`
    <vitrine-share ${manifestAttributes('vitrine-share', { ...storyArgs, size: 'sm' })}></vitrine-share>
    <vitrine-share ${manifestAttributes('vitrine-share', { ...storyArgs, size: 'md' })}></vitrine-share>
    <vitrine-share ${manifestAttributes('vitrine-share', { ...storyArgs, size: 'lg' })}></vitrine-share>
  `,
};

/**
 * Where the browser has a system share sheet (phones, Safari, Chrome on Windows and macOS), a single "Partager…"
 * button opens it; elsewhere (Firefox desktop, Chrome on Linux) the network list shows instead.
 */
export const NativeShare: Story = { args: { 'no-native': false } };

/** Finer styling through parts: `::part(button)` here; colours, corners and font come from the palette's tokens. */
export const Parts: Story = {
  args: { layout: 'labels' },
  render: storyArgs => html`
    <style>
      .parts-demo vitrine-share::part(button) {
        text-transform: uppercase;
        letter-spacing: 0.05em;
      }
    </style>
    <div class="parts-demo"><vitrine-share ${manifestAttributes('vitrine-share', storyArgs)}></vitrine-share></div>
  `,
};
