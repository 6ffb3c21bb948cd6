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
