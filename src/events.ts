/**
 * `vitrine/events`: every Vitrine DOM event class, without registering any element (no side effects), for
 * `instanceof` checks and typed listeners. Importing it also types each `vitrine-*` event on elements,
 * `document` and `window` (`GlobalEventHandlersEventMap`).
 */
export * from './features/wishlist/wishlist.events.js';
export * from './components/login/login.events.js';
export * from './components/share/share.events.js';
export * from './components/wishlist/wishlist.events.js';
export * from './components/wishlist-button/wishlist-button.events.js';
