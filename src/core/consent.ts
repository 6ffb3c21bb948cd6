import { atom } from 'nanostores';

/**
 * The shopper's answer for analytics. `unknown` until a consent banner or the
 * TCF adapter answers; with `consent: 'granted'` configured, it starts granted.
 */
export type ConsentState = 'unknown' | 'granted' | 'denied';

export const $consent = atom<ConsentState>('unknown');

export function setConsent(state: 'granted' | 'denied'): void {
  $consent.set(state);
}
