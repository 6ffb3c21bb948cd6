import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { SharedWishlist, WishlistState } from '../src/features/wishlist/index.js';
import { fromManifest, manifestAttributes } from '../.storybook/manifest.js';
import '../src/components/wishlist/vitrine-wishlist.js';

/** Pictures: the storefront's illustrations, served by Storybook from `staticDirs` at `images/…`. */
const product = (productId: string, title: string, price: number, picture: string, availability = 'in_stock') => ({
  productId,
  title,
  price,
  currency: 'EUR',
  availability,
  image: `images/${picture}.svg`,
  link: `https://maison-lumiere.example/produits/${productId.toLowerCase()}.html`,
});

/** The owner's list as the store holds it once synced: tallies and friends' comments included. */
const ownerList: WishlistState = {
  id: 'demo',
  ownerName: 'Camille',
  shareUrl: 'https://maison-lumiere.example/w/Xq3v0Yc2bVtW9m5Lz8kQpR1sT4uN7aHdE6fGjJiKoMw',
  pending: 0,
  items: [
    {
      ...product('ML-ROBE-CAMILLE', 'Robe Camille en lin', 129, 'robe-camille-lin'),
      variant: 'M',
      addedAt: '2026-06-02T09:00:00Z',
      votes: { up: 4, down: 1 },
      comments: [
        { value: 1, comment: 'Parfaite pour le mariage de Julie !', firstName: 'Léa', at: '2026-06-03T18:00:00Z' },
        { value: -1, comment: 'Un peu longue pour toi ?', firstName: 'Inès', at: '2026-06-03T19:00:00Z' },
      ],
    },
    { ...product('ML-SAC-CABAS', 'Sac cabas en cuir', 189, 'sac-cabas-cuir'), variant: '', addedAt: '2026-06-04T09:00:00Z', votes: { up: 1, down: 2 }, comments: [] },
    { ...product('ML-TRENCH-CLASSIQUE', 'Trench classique', 249, 'trench-classique', 'out_of_stock'), variant: '38', addedAt: '2026-06-01T09:00:00Z', votes: { up: 2, down: 0 }, comments: [] },
  ],
};

/** What a friend sees through the share link. */
const sharedList: SharedWishlist = {
  ownerName: 'Camille',
  items: ownerList.items.map((item, index) => ({ ...item, id: `item-${index}`, votes: item.votes ?? { up: 0, down: 0 } })),
};

/**
 * The shopper's wishlist with friends' votes (owner mode) and the page friends vote on (shared mode).
 * Stories pass the list through the `data` property, so they need no server: votes in shared mode stay
 * in the story. On a storefront, the element syncs with the Vitrine API instead.
 */
const { args, argTypes, parameters } = fromManifest('vitrine-wishlist');

const meta: Meta = {
  title: 'Widgets/Wishlist',
  component: 'vitrine-wishlist',
  tags: ['autodocs'],
  args,
  argTypes,
  parameters,
  render: storyArgs =>
    html`<vitrine-wishlist
      ${manifestAttributes('vitrine-wishlist', storyArgs)}
      .data=${storyArgs.mode === 'shared' ? structuredClone(sharedList) : ownerList}
    ></vitrine-wishlist>`,
};
export default meta;

type Story = StoryObj;

/** The owner's list, newest first, with ♥ / ✕ tallies and comments. */
export const OwnerList: Story = {};

/** Sorted by friends' votes. */
export const SortedByVotes: Story = { args: { sort: 'votes' } };

/** The friend's page (wide screens): every item with J'adore / Pas pour moi, a comment and a first name. */
export const SharedVoting: Story = { args: { mode: 'shared', layout: 'list' } };

/** The friend's page on a phone: one card at a time; swipe, ← →, or the buttons. */
export const SwipeDeck: Story = { args: { mode: 'shared', layout: 'deck' } };
