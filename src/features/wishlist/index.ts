// The wishlist feature as the package exports it (its store cleaner for tests stays out).
export type * from './wishlist.types.js';
export { $wishlist, isInWishlist } from './wishlist.store.js';
export { refreshWishlist, syncWishlist } from './wishlist.outbox.js';
export { addToWishlist, removeFromWishlist, revokeWishlistShare, shareWishlist } from './wishlist.api.js';
export { watchWishlist } from './wishlist.live.js';
export { startWishlist } from './wishlist.start.js';
export { fetchSharedWishlist, voteOnSharedItem } from './wishlist.shared.js';
export { fetchVoteBursts, removeVoteBurst } from './wishlist.bursts.js';
export { WishlistAddRequestEvent, type WishlistAddRequestDetail } from './wishlist.events.js';
