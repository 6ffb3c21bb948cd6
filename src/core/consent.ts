import { atom } from 'nanostores';

/**
 * The shopper's answer for analytics. `unknown` until a consent banner or the
 * TCF adapter answers; with `consent: 'granted'` configured, it starts granted.
 */
export type ConsentState = 'unknown' | 'granted' | 'denied';

export const $consent = atom<ConsentState>('unknown');

/**
 * Google Consent Mode v2's advertising signals, when the consent platform gave them (the TCF adapter maps
 * purposes 1, 3, 4 and 7); otherwise they follow the analytics answer.
 */
export const $adConsent = atom<Record<'ad_storage' | 'ad_user_data' | 'ad_personalization', 'granted' | 'denied'> | undefined>(undefined);

export function setConsent(state: 'granted' | 'denied'): void {
  $consent.set(state);
}

/**
 * With `dataLayer` forwarding on, pushes each decided consent state to Google Tag Manager as a Consent Mode v2
 * update, the way `gtag('consent', 'update', …)` does (an `arguments` object: GTM ignores a plain array).
 */
export function forwardConsentMode(dataLayer: () => unknown[] | undefined): void {
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
