import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Queryable } from '../db.js';

export const SESSION_COOKIE = 'vitrine_session';
const SESSION_DAYS = 30;

export interface Customer {
  id: string;
  provider: string;
  firstName: string;
  avatarUrl: string | null;
}

const hash = (id: string) => createHash('sha256').update(id).digest('base64url');

/** The signed-in customer behind the request's session cookie, or null. */
export async function currentCustomer(request: FastifyRequest, db: Queryable): Promise<Customer | null> {
  const sessionId = request.cookies?.[SESSION_COOKIE];
  if (!sessionId) return null;
  const { rows } = await db.query<{ id: string; provider: string; first_name: string; avatar_url: string | null }>(
    `SELECT c.id, c.provider, c.first_name, c.avatar_url FROM sessions s JOIN customers c ON c.id = s.customer_id
     WHERE s.id_hash = $1 AND s.expires_at > now()`,
    [hash(sessionId)],
  );
  const row = rows[0];
  return row ? { id: row.id, provider: row.provider, firstName: row.first_name, avatarUrl: row.avatar_url } : null;
}

/** Finds or creates the customer for a provider's subject, refreshing the display fields. */
export async function upsertCustomer(
  db: Queryable,
  provider: string,
  subject: string,
  profile: { firstName: string; avatarUrl?: string | null },
): Promise<Customer> {
  const { rows } = await db.query<{ id: string; first_name: string; avatar_url: string | null }>(
    `INSERT INTO customers (id, provider, subject, first_name, avatar_url) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (provider, subject) DO UPDATE SET first_name = EXCLUDED.first_name, avatar_url = EXCLUDED.avatar_url
     RETURNING id, first_name, avatar_url`,
    [randomUUID(), provider, subject, profile.firstName, profile.avatarUrl ?? null],
  );
  return { id: rows[0].id, provider, firstName: rows[0].first_name, avatarUrl: rows[0].avatar_url };
}

/** Starts a session: a random id in an HttpOnly cookie, only its hash in the database. */
export async function startSession(reply: FastifyReply, db: Queryable, customerId: string, secure: boolean): Promise<void> {
  const sessionId = randomBytes(32).toString('base64url');
  await db.query(`INSERT INTO sessions (id_hash, customer_id, expires_at) VALUES ($1, $2, now() + interval '${SESSION_DAYS} days')`, [
    hash(sessionId),
    customerId,
  ]);
  reply.setCookie(SESSION_COOKIE, sessionId, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: SESSION_DAYS * 24 * 3600,
  });
}

export async function endSession(request: FastifyRequest, reply: FastifyReply, db: Queryable): Promise<void> {
  const sessionId = request.cookies?.[SESSION_COOKIE];
  if (sessionId) await db.query('DELETE FROM sessions WHERE id_hash = $1', [hash(sessionId)]);
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
