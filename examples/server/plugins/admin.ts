import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RATE_WINDOW_MS } from '../limits.js';
import { ApiError } from './errors.js';

/** What the OpenAPI document says of every admin route. */
export const ADMIN_AUTH = 'Requires `Authorization: Bearer <ADMIN_TOKEN>`.';

/** Refuses a request without `authorization: Bearer <admin token>` (401), comparing in constant time. */
export function requireAdmin(request: FastifyRequest, token: string): void {
  const given = Buffer.from(/^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new ApiError(401, 'unauthorized', 'This route needs the admin token: authorization: Bearer <token>');
  }
}

/**
 * Makes every route of an encapsulated scope an admin route: rate limited per client address first (guessing
 * tokens is what the limit is for, so wrong tokens count), then the token checked.
 */
export function guardAdmin(scope: FastifyInstance): void {
  const { adminRateLimit, adminToken } = scope.serverConfig;
  scope.addHook('onRequest', scope.rateLimit({ max: adminRateLimit, timeWindow: RATE_WINDOW_MS }));
  scope.addHook('onRequest', async request => requireAdmin(request, adminToken));
}
