import { $config, DEFAULT_CONFIG } from '../core/config.js';
import { $adConsent, $consent } from '../core/consent.js';
import { $messages } from '../core/i18n.js';
import { $localeOverride, addedLocales } from '../core/locale.js';
import { warned } from '../core/warn.js';
import { $session } from '../features/session/session.js';
import { $registeredShareNetworks } from '../features/share/share-registry.js';
import { stopRetrying } from '../features/wishlist/wishlist.outbox.js';
import { forgetWishlist } from '../features/wishlist/wishlist.store.js';

/**
 * Puts every Vitrine store back as a fresh page has it, like nanostores' `cleanStores`: configuration,
 * consent (through "denied", which drops the event queue and its stored keys), locale, copy overrides (setMessages) and added languages, session, registered
 * share networks, the wishlist (memory and storage) and the warnings already shown. Call it in `afterEach`.
 */
export function cleanStores(): void {
  $config.set({ ...DEFAULT_CONFIG });
  $consent.set('denied');
  $consent.set('unknown');
  $adConsent.set(undefined);
  $localeOverride.set(undefined);
  $messages.set({});
  addedLocales.clear();
  $session.set({ status: 'unknown' });
  $registeredShareNetworks.set({});
  stopRetrying();
  forgetWishlist();
  warned.clear();
}
