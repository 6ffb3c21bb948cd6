import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/share/vitrine-share.js';

interface ShareArgs {
  url: string;
  title: string;
  text: string;
  image: string;
  hashtags: string;
  via: string;
  networks: string;
  layout: 'icons' | 'labels' | 'menu';
  size: 'sm' | 'md' | 'lg';
  placement: string;
  noNative: boolean;
  lang?: string;
}

/**
 * Share buttons for the product on the page. On a product page the tag needs
 * no attribute: it reads the canonical address, the JSON-LD product and Open
 * Graph tags. Stories pass them explicitly since Storybook has no product page.
 * Clicking a network opens its real share dialog; nothing is requested before.
 */
const meta: Meta<ShareArgs> = {
  title: 'Widgets/Share',
  component: 'vitrine-share',
  tags: ['autodocs'],
  args: {
    url: 'https://maison-lumiere.example/produits/robe-camille-lin.html',
    title: 'Robe Camille en lin',
    text: '',
    image: 'https://maison-lumiere.example/images/robe-camille-lin.jpg',
    hashtags: 'lin,été',
    via: '',
    networks: '',
    layout: 'icons',
    size: 'md',
    placement: 'storybook',
    noNative: true,
  },
  argTypes: {
    layout: { control: 'inline-radio', options: ['icons', 'labels', 'menu'] },
    size: { control: 'inline-radio', options: ['sm', 'md', 'lg'] },
  },
  render: args =>
    html`<vitrine-share
      lang=${ifDefined(args.lang)}
      url=${args.url}
      title=${args.title}
      text=${args.text}
      image=${args.image}
      hashtags=${args.hashtags}
      via=${args.via}
      networks=${args.networks}
      layout=${args.layout}
      size=${args.size}
      placement=${args.placement}
      ?no-native=${args.noNative}
    ></vitrine-share>`,
};
export default meta;

type Story = StoryObj<ShareArgs>;

/** Every attribute as a control. The toolbar's language button switches French and English. */
export const Playground: Story = {};

/** Round icon buttons, the default layout. Each button's accessible name says where it shares: "Partager sur Pinterest". */
export const Icons: Story = { args: { lang: 'fr' } };

/** The same in English: "Share on Pinterest". */
export const IconsEnglish: Story = { args: { lang: 'en' } };

/** Icon and network name. */
export const Labels: Story = { args: { layout: 'labels', lang: 'fr' } };

export const LabelsEnglish: Story = { args: { layout: 'labels', lang: 'en' } };

/** One compact "Partager" button opening a menu: arrow keys, Home and End move, Escape closes and returns focus, Tab leaves. */
export const Menu: Story = { args: { layout: 'menu', lang: 'fr' } };

export const MenuEnglish: Story = { args: { layout: 'menu', lang: 'en' } };

/** Networks in the merchant's order, with the copy-link button: "Lien copié" appears and is announced after a click. */
export const ChosenNetworks: Story = { args: { networks: 'whatsapp,pinterest,email,copy', layout: 'labels', lang: 'fr' } };

/** Small and large buttons. */
export const Sizes: Story = {
  render: args => html`
    <vitrine-share lang="fr" size="sm" url=${args.url} title=${args.title} no-native></vitrine-share>
    <vitrine-share lang="fr" size="md" url=${args.url} title=${args.title} no-native></vitrine-share>
    <vitrine-share lang="fr" size="lg" url=${args.url} title=${args.title} no-native></vitrine-share>
  `,
};

/**
 * Where the browser has a system share sheet (phones, Safari, Chrome on Windows and macOS), a single "Partager…"
 * button opens it; elsewhere (Firefox desktop, Chrome on Linux) the network list shows instead.
 */
export const NativeShare: Story = { args: { noNative: false, lang: 'fr' } };

/** Brand colours and shapes through custom properties and parts. */
export const Themed: Story = {
  render: args => html`
    <style>
      .themed vitrine-share {
        --vitrine-share-color: #8a4b2a;
        --vitrine-share-background: #fbf4ee;
        --vitrine-share-radius: 0.25rem;
        --vitrine-share-focus-color: #8a4b2a;
      }
      .themed vitrine-share::part(button) {
        text-transform: uppercase;
        letter-spacing: 0.05em;
      }
    </style>
    <div class="themed">
      <vitrine-share lang="fr" layout="labels" url=${args.url} title=${args.title} no-native></vitrine-share>
    </div>
  `,
};
