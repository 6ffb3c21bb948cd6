/**
 * `import … from 'vitrine'`: the engine without any widget. Everything here is documented in the README
 * ("From npm") and the guides; internals and test helpers stay out. Safe to import and call on a server
 * (server-side rendering): nothing runs there, and nothing throws.
 */
export { init } from './init.js';
export { configure } from './core/config.js';
export type { BeforeSend, ConfigInput, ConsentMode, Locale, LocaleTag, VitrineConfig } from './core/config.js';
export { setConsent, $consent } from './core/consent.js';
export type { ConsentState } from './core/consent.js';
export { setLocale } from './core/locale.js';
export { setMessages } from './set-messages.js';
export type { MessageOverrides, MessageWidget, WidgetMessages } from './set-messages.js';
export { track } from './core/track.js';
export { deliveryStats } from './core/delivery.js';
export type { DeliveryStats } from './core/delivery.js';
export type { AnalyticsEvent, EventContext, EventName, EventProperties } from './core/track.js';
export { registerShareNetwork } from './features/share/register-share-network.js';
export type { ShareFields, ShareNetwork } from './features/share/share-registry.js';
export { $session } from './features/session/session.js';
export type { Session, SessionUser } from './features/session/session.js';
export {
  $wishlist,
  addToWishlist,
  isInWishlist,
  removeFromWishlist,
  shareWishlist,
  startWishlist,
} from './features/wishlist/index.js';
export type { WishlistItem, WishlistProduct, WishlistState } from './features/wishlist/index.js';
export { VERSION as version } from './core/version.js';
