/** Product fields the server joins to each item; null when the product left the catalog. */
export interface WishlistProduct {
  title: string | null;
  image: string | null;
  link: string | null;
  /** Major units (euros, not cents). */
  price: number | null;
  currency: string | null;
  availability: string | null;
}

export interface WishlistVotes {
  up: number;
  down: number;
}

/** A friend's vote as the owner sees it (only votes with a comment or a first name are listed). */
export interface WishlistComment {
  value: 1 | -1;
  comment: string;
  firstName: string;
  at: string;
}

export interface WishlistItem extends Partial<WishlistProduct> {
  productId: string;
  /** Size, colour…; empty for none. */
  variant: string;
  addedAt: string;
  /** Server id, once synced. */
  id?: string;
  votes?: WishlistVotes;
  comments?: WishlistComment[];
  /** Added here, not yet confirmed by the server. */
  pending?: boolean;
}

export interface WishlistState {
  /** Server id, once the list exists. */
  id?: string;
  ownerName: string;
  /** The active share link, or null. */
  shareUrl: string | null;
  items: WishlistItem[];
  /** Changes kept in the outbox, not yet confirmed by the server. */
  pending: number;
  /** Code of the last failed sync (`network`, `unknown_product`…), cleared by the next success. */
  error?: string;
}

/** A friend voted on the owner's list (from the live stream). */
export interface WishlistVoteNotice {
  itemId: string;
  productId: string;
  variant: string;
  value: 1 | -1;
  /** The item's tally after this vote. */
  votes?: WishlistVotes;
  /** This voter's comment and first name on the item (empty for none). */
  comment?: string;
  firstName?: string;
}

export interface SharedWishlistItem extends Partial<WishlistProduct> {
  id: string;
  productId: string;
  variant: string;
  votes: WishlistVotes;
  /** This friend's vote, when they voted. */
  myVote?: { value: 1 | -1; comment: string; firstName: string };
}

export interface SharedWishlist {
  ownerName: string;
  items: SharedWishlistItem[];
}

/** The list as the server answers it. */
export interface ServerList {
  id: string;
  ownerName: string;
  shareUrl: string | null;
  items: WishlistItem[];
}

/** The capability to change a list: its id and owner token. */
export interface Owner {
  id: string;
  token: string;
  /** The customer this list was merged into, once signed in. */
  customer?: string;
}

/** One change waiting in the outbox, with the Idempotency-Key it is sent with. */
export type Op =
  | { kind: 'add' | 'remove'; key: string; productId: string; variant: string; at: string; product?: Partial<WishlistProduct> }
  | { kind: 'merge'; key: string; customer: string };

/** A suspicious burst of new voters the owner may remove: many from one address in a day, or many in quick succession. */
export interface VoteBurst {
  id: string;
  kind: 'address' | 'window';
  voters: number;
  votes: number;
  from: string;
  to: string;
}
