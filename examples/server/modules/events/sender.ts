import { timingSafeEqual } from 'node:crypto';
import { ApiError } from '../../plugins/errors.js';

/**
 * Who may store events. CORS cannot stop a simple POST (text/plain, a beacon) from any site, so the `Origin`
 * is checked here: it must be a storefront origin on the allowlist. A request without one comes from a
 * server, not a browser, and must show the collector key; with no key configured, it is refused.
 */
export function senderCheck(origins: Set<string>, collectorKey: string | undefined) {
  const expected = collectorKey ? Buffer.from(collectorKey) : undefined;
  return (origin: string | undefined, authorization: string | undefined): void => {
    if (origin !== undefined) {
      if (!origins.has(origin)) throw new ApiError(403, 'origin_not_allowed', 'Events are only accepted from the storefront origins on ALLOWED_ORIGINS');
      return;
    }
    if (!expected) throw new ApiError(403, 'origin_required', 'Send events from a storefront page (Origin), or set COLLECTOR_KEY for server-to-server senders');
    const given = Buffer.from(/^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new ApiError(401, 'collector_key_invalid', 'Without an Origin, send the collector key as Authorization: Bearer <COLLECTOR_KEY>');
    }
  };
}
