// The npm package's entry: the engine, and the features widgets share. It is the one module of src/core
// that imports features (the lint rule exempts it); test helpers such as the store cleaner stay out.
export * from './config.js';
export * from './consent.js';
export { deliveryStats, type DeliveryStats } from './delivery.js';
export * from './element.js';
export * from './format.js';
export * from './http.js';
export * from './i18n.js';
export * from '../features/product/json-ld.js';
export * from './locale.js';
export * from './localize-controller.js';
export * from '../features/product/page-product.js';
export * from './store-controller.js';
export * from './track.js';
export * from './url.js';
export * from './version.js';
export { warnOnce } from './warn.js';
export * from '../features/session/session.js';
export * from '../features/session/session-api.js';
export * from '../features/share/register-share-network.js';
export * from '../features/share/share-attribution.js';
export * from '../features/share/share-registry.js';
export * from '../features/wishlist/index.js';
export { init } from '../init.js';
