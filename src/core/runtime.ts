import type { VitrineConfig } from './config.js';
import { $config, configure } from './config.js';
import { $consent, setConsent } from './consent.js';
import { setLocale } from './i18n.js';
import { recordShareVisit } from './share-attribution.js';
import { registerShareNetwork } from './share-registry.js';
import { VERSION } from './version.js';

let started = false;

/**
 * Applies the configuration and starts the engine once. The script-tag loader
 * calls it with the `data-*` attributes of its own tag; npm users call it themselves.
 */
export function init(config: Partial<Record<keyof VitrineConfig, unknown>> = {}): void {
  configure(config);
  if (started) return;
  started = true;
  if ($config.get().consent === 'granted' && $consent.get() === 'unknown') $consent.set('granted');
  recordShareVisit();
}

export { configure, registerShareNetwork, setConsent, setLocale, VERSION as version };
