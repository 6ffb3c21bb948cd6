import { $config, DEFAULT_CONFIG } from '../core/config.js';
import { $adConsent, $consent } from '../core/consent.js';
import { $localeOverride } from '../core/locale.js';
import { warned } from '../core/warn.js';
import { $session } from '../features/session/session.js';
import { $registeredShareNetworks } from '../features/share/share-registry.js';
import { stopRetrying } from '../features/wishlist/wishlist.outbox.js';
import { forgetWishlist } from '../features/wishlist/wishlist.store.js';

/**
 * Puts every Vitrine store back as a fresh page has it, like nanostores' `cleanStores`: configuration,
 * consent (through "denied", which drops the event queue and its stored keys), locale, session, registered
 * share networks, the wishlist (memory and storage) and the warnings already shown. Call it in `afterEach`.
 */
export function cleanStores(): void {
  $config.set({ ...DEFAULT_CONFIG });
  $consent.set('denied');
  $consent.set('unknown');
  $adConsent.set(undefined);
  $localeOverride.set(undefined);
  $session.set({ status: 'unknown' });
  $registeredShareNetworks.set({});
  stopRetrying();
  forgetWishlist();
  warned.clear();
}
