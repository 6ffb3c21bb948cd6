import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Queryable } from '../../db/db.js';
import { AuthRepository, type Customer, SESSION_DAYS } from './repository.js';

export type { Customer } from './repository.js';

export const SESSION_COOKIE = 'vitrine_session';

const hash = (id: string) => createHash('sha256').update(id).digest('base64url');

/** The signed-in customer behind the request's session cookie, or null. */
export async function currentCustomer(request: FastifyRequest, db: Queryable): Promise<Customer | null> {
  const sessionId = request.cookies?.[SESSION_COOKIE];
  return sessionId ? new AuthRepository(db).sessionCustomer(hash(sessionId)) : null;
}

/** Finds or creates the customer for a provider's subject (tests seed customers through it too). */
export const upsertCustomer = (db: Queryable, provider: string, subject: string, profile: { firstName: string; avatarUrl?: string | null }) =>
  new AuthRepository(db).upsertCustomer(provider, subject, profile);

/** Starts a session: a random id in an HttpOnly cookie, only its hash in the database. */
export async function startSession(reply: FastifyReply, db: Queryable, customerId: string, secure: boolean): Promise<void> {
  const sessionId = randomBytes(32).toString('base64url');
  await new AuthRepository(db).startSession(hash(sessionId), customerId);
  reply.setCookie(SESSION_COOKIE, sessionId, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: SESSION_DAYS * 24 * 3600 });
}

export async function endSession(request: FastifyRequest, reply: FastifyReply, db: Queryable): Promise<void> {
  const sessionId = request.cookies?.[SESSION_COOKIE];
  if (sessionId) await new AuthRepository(db).endSession(hash(sessionId));
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
