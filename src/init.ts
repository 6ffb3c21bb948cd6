import type { ConfigInput } from './core/config.js';
import { inBrowser } from './core/environment.js';
import { init as startEngine } from './core/runtime.js';
import { recordShareVisit } from './features/share/share-attribution.js';

/**
 * `init` as npm users import it: starts the engine, then reports a visit that
 * came through a shared link (`?vt_sid=`). The script tag does the same in two
 * steps, loading attribution only on such visits, so the runtime every page
 * loads stays the reporter alone.
 */
export function init(config?: ConfigInput): void {
  startEngine(config);
  if (inBrowser()) recordShareVisit();
}
