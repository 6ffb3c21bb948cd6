import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { RATE_WINDOW_MS } from '../limits.js';
import { clientKey } from './client-address.js';
import { ApiError } from './errors.js';

/**
 * Rate limits, opted into per route (`config.rateLimit`) or per scope (`app.rateLimit()` as a hook), counted
 * per client address with IPv6 grouped by /64. The counters are this process's own (issue 20 shares them).
 */
export const rateLimitPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(rateLimit, {
      global: false,
      timeWindow: RATE_WINDOW_MS,
      keyGenerator: request => clientKey(request.ip),
      // Thrown by the plugin: an ApiError reaches the error handler as a 429 `{"error": {...}}` (a plain object would be a 500).
      errorResponseBuilder: (_request, context) => new ApiError(429, 'rate_limited', `Too many requests; retry in ${Math.ceil(context.ttl / 1000)} s`),
    });
  },
  { name: 'vitrine-rate-limit' },
);

/** `config.rateLimit` of a route allowing `max` requests per window. */
export const perWindow = (max: number) => ({ rateLimit: { max, timeWindow: RATE_WINDOW_MS } });
