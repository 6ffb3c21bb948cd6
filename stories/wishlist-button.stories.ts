import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { fromManifest, manifestAttributes } from '../.storybook/manifest.js';
import type { WishlistState } from '../src/features/wishlist/index.js';
import { $wishlist, startWishlist } from '../src/features/wishlist/index.js';
import '../src/components/wishlist-button/vitrine-wishlist-button.js';

const { args, argTypes, parameters } = fromManifest('vitrine-wishlist-button');

const robe = {
  productId: 'ML-ROBE-CAMILLE',
  title: 'Robe Camille en lin',
  price: 129,
  currency: 'EUR',
  availability: 'in_stock',
  image: 'images/robe-camille-lin.svg',
  link: 'https://maison-lumiere.example/produits/ml-robe-camille.html',
  variant: 'M',
  addedAt: '2026-06-02T09:00:00Z',
};

/** The list as the store holds it: stories set it, so they need no server (the store restores the browser's first). */
const showList = (list: Partial<WishlistState>) => () => {
  startWishlist();
  $wishlist.set({ items: [], pending: 0, ownerName: 'Camille', shareUrl: null, ...list });
};

/**
 * The heart on a product card or page. Clicking it saves the product to the shopper's wishlist (guests too) and
 * announces « Ajouté à votre liste d'envies »; once the list is shared, it shows how many friends love the item.
 * On a product page it needs no attribute: it reads the JSON-LD `Product`'s `sku`.
 */
const meta: Meta = {
  title: 'Widgets/Wishlist button',
  component: 'vitrine-wishlist-button',
  tags: ['autodocs'],
  args: { ...args, product: 'ML-ROBE-CAMILLE', variant: 'M' },
  argTypes,
  parameters,
  beforeEach: showList({}),
  render: storyArgs => html`<vitrine-wishlist-button ${manifestAttributes('vitrine-wishlist-button', storyArgs)}></vitrine-wishlist-button>`,
};
export default meta;

type Story = StoryObj;

/** Not saved yet: an outlined heart, named « Ajouter à ma liste d'envies ». */
export const NotSaved: Story = {};

/** Saved: a filled heart, `aria-pressed="true"`. */
export const Saved: Story = { beforeEach: showList({ items: [robe] }) };

/** The list is shared and four friends voted « J'adore »: ♥ 4, read as « 4 amis adorent » (plural rules of each language). */
export const FriendsLoveIt: Story = {
  beforeEach: showList({ items: [{ ...robe, votes: { up: 4, down: 1 } }], shareUrl: 'https://maison-lumiere.example/w/demo' }),
};

/** One friend: the singular, « 1 ami adore », "1 Freund liebt es". */
export const OneFriend: Story = {
  beforeEach: showList({ items: [{ ...robe, votes: { up: 1, down: 0 } }], shareUrl: 'https://maison-lumiere.example/w/demo' }),
};

/** The merchant's own wording, per language, through the `messages` control: edit it and the button follows. */
export const OwnWording: Story = {
  beforeEach: showList({ items: [{ ...robe, votes: { up: 3, down: 0 } }], shareUrl: 'https://maison-lumiere.example/w/demo' }),
  args: {
    messages: {
      fr: { add: 'Mettre de côté', lovedOther: '# amies craquent' },
      en: { add: 'Save for later', lovedOther: '# friends are smitten' },
      de: { add: 'Für später merken' },
    },
  },
};
