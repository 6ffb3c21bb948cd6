import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { ApiError } from './errors.js';

/** Refuses a request without `authorization: Bearer <admin token>` (401), comparing in constant time. */
export function requireAdmin(request: FastifyRequest, token: string): void {
  const given = Buffer.from(/^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new ApiError(401, 'unauthorized', 'This route needs the admin token: authorization: Bearer <token>');
  }
}
