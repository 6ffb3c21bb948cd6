import type { ConfigAttributes, ConfigInput } from './config.js';
import { $config, configure } from './config.js';
import { $consent, setConsent } from './consent.js';
import { deliveryStats, startDelivery } from './delivery.js';
import { inBrowser } from './environment.js';
import { setLocale } from './locale.js';
import { track } from './track.js';
import { VERSION } from './version.js';

let started = false;

/**
 * Applies the configuration and starts the engine once: the event pipeline,
 * the consent source (`consent` is read here: `granted`, `tcf` or `required`)
 * and, for a `vitalsSampleRate` share of page views, Core Web Vitals. The
 * script-tag loader calls it with the `data-*` attributes of its own tag; npm
 * users call it themselves. On a server it only applies the configuration.
 */
export function init(config: ConfigInput | ConfigAttributes = {}): void {
  // The script tag's strings go through the same validators as typed values.
  configure(config as ConfigInput);
  if (started || !inBrowser()) return;
  started = true;
  const { consent, vitalsSampleRate } = $config.get();
  if (consent === 'granted' && $consent.get() === 'unknown') $consent.set('granted');
  if (consent === 'tcf') void import('./tcf.js').then(tcf => tcf.watchTcf());
  startDelivery();
  // Google Consent Mode v2, so a GTM container follows the shopper's answer: loaded once dataLayer forwarding is on.
  let consentMode = false;
  $config.subscribe(({ dataLayer }) => {
    if (!dataLayer || consentMode) return;
    consentMode = true;
    void import('./consent-mode.js').then(module => module.forwardConsentMode());
  });
  if (Math.random() < vitalsSampleRate) void import('./vitals.js').then(vitals => vitals.reportWebVitals());
}

export { configure, deliveryStats, setConsent, setLocale, track, VERSION as version };
