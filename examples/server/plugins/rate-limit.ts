import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { RATE_LIMIT_PRUNE_MS, RATE_WINDOW_MS } from '../limits.js';
import { clientKey } from './client-address.js';
import { postgresRateLimitStore } from './rate-limit-store.js';
import { ApiError } from './errors.js';

/**
 * Rate limits, opted into per route (`config.rateLimit`) or per scope (`app.rateLimit()` as a hook), counted
 * per client address with IPv6 grouped by /64. On PostgreSQL the counters are in the database, shared by every
 * instance; PGlite is one process's, so its counters stay in that process's memory.
 */
export const rateLimitPlugin = fp(
  async (app: FastifyInstance) => {
    const shared = app.db.kind === 'postgres';
    if (shared) {
      const prune = () => app.db.query('DELETE FROM rate_limits WHERE resets_at < now()').catch(() => undefined);
      const pruning = setInterval(prune, RATE_LIMIT_PRUNE_MS).unref();
      app.addHook('onClose', async () => clearInterval(pruning));
    }
    await app.register(rateLimit, {
      ...(shared ? { store: postgresRateLimitStore(app.db) } : {}),
      global: false,
      timeWindow: RATE_WINDOW_MS,
      keyGenerator: request => clientKey(request.ip),
      // Thrown by the plugin: an ApiError reaches the error handler as a 429 `{"error": {...}}` (a plain object would be a 500).
      errorResponseBuilder: (_request, context) => new ApiError(429, 'rate_limited', `Too many requests; retry in ${Math.ceil(context.ttl / 1000)} s`),
    });
  },
  { name: 'vitrine-rate-limit', dependencies: ['vitrine-db'] },
);

/** `config.rateLimit` of a route allowing `max` requests per window. */
export const perWindow = (max: number) => ({ rateLimit: { max, timeWindow: RATE_WINDOW_MS } });
