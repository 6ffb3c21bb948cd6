import { $config } from './config.js';
import { $adConsent, $consent } from './consent.js';

/**
 * With `dataLayer` forwarding on, pushes each decided consent state to Google Tag Manager as a Consent Mode v2
 * update, the way `gtag('consent', 'update', …)` does (an `arguments` object: GTM ignores a plain array).
 * Its own chunk: the runtime imports it only once `dataLayer` is on.
 */
export function forwardConsentMode(dataLayer = (): unknown[] | undefined => ($config.get().dataLayer ? ((window as { dataLayer?: unknown[] }).dataLayer ??= []) : undefined)): void {
  $consent.subscribe(state => {
    const layer = dataLayer();
    if (state === 'unknown' || !layer) return;
    const answer = state === 'granted' ? 'granted' : 'denied';
    const ads = $adConsent.get() ?? { ad_storage: answer, ad_user_data: answer, ad_personalization: answer };
    (function gtag(..._: unknown[]) {
      // eslint-disable-next-line prefer-rest-params
      layer.push(arguments);
    })('consent', 'update', { analytics_storage: answer, ...ads });
  });
}
