import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { SharedWishlist, WishlistState } from '../src/features/wishlist/index.js';
import '../src/components/wishlist/vitrine-wishlist.js';

interface WishlistArgs {
  mode: 'owner' | 'shared';
  sort: 'date' | 'votes';
  layout: 'auto' | 'list' | 'deck';
  lang: 'fr' | 'en';
}

const product = (productId: string, title: string, price: number, availability = 'in_stock') => ({
  productId,
  title,
  price,
  currency: 'EUR',
  availability,
  image: null,
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
      ...product('ML-ROBE-CAMILLE', 'Robe Camille en lin', 129),
      variant: 'M',
      addedAt: '2026-06-02T09:00:00Z',
      votes: { up: 4, down: 1 },
      comments: [
        { value: 1, comment: 'Parfaite pour le mariage de Julie !', firstName: 'Léa', at: '2026-06-03T18:00:00Z' },
        { value: -1, comment: 'Un peu longue pour toi ?', firstName: 'Inès', at: '2026-06-03T19:00:00Z' },
      ],
    },
    { ...product('ML-SAC-CABAS', 'Sac cabas en cuir', 189), variant: '', addedAt: '2026-06-04T09:00:00Z', votes: { up: 1, down: 2 }, comments: [] },
    { ...product('ML-TRENCH-CLASSIQUE', 'Trench classique', 249, 'out_of_stock'), variant: '38', addedAt: '2026-06-01T09:00:00Z', votes: { up: 2, down: 0 }, comments: [] },
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
const meta: Meta<WishlistArgs> = {
  title: 'Widgets/Wishlist',
  component: 'vitrine-wishlist',
  tags: ['autodocs'],
  args: { mode: 'owner', sort: 'date', layout: 'auto', lang: 'fr' },
  argTypes: {
    mode: { control: 'inline-radio', options: ['owner', 'shared'] },
    sort: { control: 'inline-radio', options: ['date', 'votes'] },
    layout: { control: 'inline-radio', options: ['auto', 'list', 'deck'] },
    lang: { control: 'inline-radio', options: ['fr', 'en'] },
  },
  render: args =>
    html`<vitrine-wishlist
      mode=${args.mode}
      sort=${args.sort}
      layout=${args.layout}
      lang=${args.lang}
      .data=${args.mode === 'shared' ? structuredClone(sharedList) : ownerList}
    ></vitrine-wishlist>`,
};
export default meta;

type Story = StoryObj<WishlistArgs>;

/** The owner's list, newest first, with ♥ / ✕ tallies and comments. */
export const OwnerList: Story = {};

/** Sorted by friends' votes. */
export const SortedByVotes: Story = { args: { sort: 'votes' } };

/** The same list in English. */
export const OwnerListEnglish: Story = { args: { lang: 'en' } };

/** The friend's page (wide screens): every item with J'adore / Pas pour moi, a comment and a first name. */
export const SharedVoting: Story = { args: { mode: 'shared', layout: 'list' } };

/** The friend's page on a phone: one card at a time; swipe, ← →, or the buttons. */
export const SwipeDeck: Story = { args: { mode: 'shared', layout: 'deck' } };

/** The swipe deck in English. */
export const SwipeDeckEnglish: Story = { args: { mode: 'shared', layout: 'deck', lang: 'en' } };
