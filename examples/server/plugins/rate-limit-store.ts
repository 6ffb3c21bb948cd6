import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import type { Database } from '../db/db.js';
import { ApiError } from './errors.js';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** A key's hits waiting for the statement in flight for that key. */
interface Waiting {
  timeWindow: number;
  callbacks: Callback[];
}

// One statement per hit: a new key, or one whose window ended, starts a window; otherwise the hits add up.
// The database's clock decides, so every instance agrees on when a window ends.
const HIT = `INSERT INTO rate_limits AS r (key, hits, resets_at) VALUES ($1::text, $2::text::int, now() + $3::text::int * interval '1 millisecond')
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN r.resets_at > now() THEN r.hits + EXCLUDED.hits ELSE EXCLUDED.hits END,
    resets_at = CASE WHEN r.resets_at > now() THEN r.resets_at ELSE EXCLUDED.resets_at END
  RETURNING hits, ceil(extract(epoch FROM r.resets_at - now()) * 1000)::int`;

/**
 * @fastify/rate-limit's store on PostgreSQL (its `store` option: a class with `incr` and `child`), so every
 * instance counts into the same windows. The table is UNLOGGED: no WAL for a counter, and a crash only
 * forgets windows of a minute.
 *
 * Hits on a key that arrive while its statement is on its way wait for it and go in the next one, as one
 * `hits + n`: under load from one address (a NAT, an attack), one statement counts many requests.
 */
export function postgresRateLimitStore(db: Database) {
  const inFlight = new Set<string>();
  const waiting = new Map<string, Waiting>();

  const send = (key: string, { timeWindow, callbacks }: Waiting): void => {
    inFlight.add(key);
    db.queryPrepared('rate_limit_hit', HIT, [key, String(callbacks.length), String(timeWindow)]).then(
      ([[hits, ttl]]) => {
        // The hits of this statement are the last `callbacks.length` of the window, in arrival order.
        const first = Number(hits) - callbacks.length + 1;
        callbacks.forEach((callback, index) => callback(null, { current: first + index, ttl: Number(ttl) }));
        next(key);
      },
      () => {
        // The database does not answer: the request would fail anyway, and a client retries a 503.
        const error = new ApiError(503, 'database_unavailable', 'The database does not answer; retry later');
        callbacks.forEach(callback => callback(error));
        next(key);
      },
    );
  };
  const next = (key: string) => {
    inFlight.delete(key);
    const queued = waiting.get(key);
    if (!queued) return;
    waiting.delete(key);
    send(key, queued);
  };

  return class PostgresRateLimitStore implements FastifyRateLimitStore {
    // @fastify/rate-limit constructs the store with its options, which this store does not need.
    constructor(
      _options?: unknown,
      readonly prefix = '',
    ) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      const full = this.prefix + key;
      if (!inFlight.has(full)) return send(full, { timeWindow, callbacks: [callback] });
      const queued = waiting.get(full);
      if (queued) queued.callbacks.push(callback);
      else waiting.set(full, { timeWindow, callbacks: [callback] });
    }

    /** Each route counts on its own, as @fastify/rate-limit's Redis store does. */
    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): PostgresRateLimitStore {
      // What the plugin passes is its merged options with the route under `routeInfo`, which its types omit.
      const { routeInfo } = routeOptions as unknown as { routeInfo: { method?: string | string[]; url?: string } };
      return new PostgresRateLimitStore(undefined, `${this.prefix}${routeInfo.method ?? ''}${routeInfo.url ?? ''}-`);
    }
  };
}
