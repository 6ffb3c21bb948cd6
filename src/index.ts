/**
 * `import … from 'vitrine'`: the engine without any widget. Everything here is documented in the README
 * ("From npm") and the guides; internals and test helpers stay out. Safe to import and call on a server
 * (server-side rendering): nothing runs there, and nothing throws.
 */
export { init } from './core/init.js';
export { configure } from './core/config.js';
export type { BeforeSend, ConfigInput, ConsentMode, Locale, LocaleTag, VitrineConfig } from './core/config.js';
export { setConsent, $consent } from './core/consent.js';
export type { ConsentState } from './core/consent.js';
export { setLocale } from './core/locale.js';
export { track } from './core/track.js';
export type { AnalyticsEvent, EventContext, EventName, EventProperties } from './core/track.js';
export { registerShareNetwork } from './core/register-share-network.js';
export type { ShareFields, ShareNetwork } from './core/share-registry.js';
export { $session } from './core/session.js';
export type { Session, SessionUser } from './core/session.js';
export {
  $wishlist,
  addToWishlist,
  isInWishlist,
  removeFromWishlist,
  shareWishlist,
  startWishlist,
} from './core/wishlist.js';
export type { WishlistItem, WishlistProduct, WishlistState } from './core/wishlist.js';
export { VERSION as version } from './core/version.js';
