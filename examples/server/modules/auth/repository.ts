import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../db/db.js';
import type { PageLocale } from '../../pages/render.js';

/** A sign-in between its start and its callback: everything the callback needs, stored server-side. */
export interface Transaction {
  binding_hash: string;
  code_verifier: string;
  nonce: string;
  mode: 'popup' | 'redirect';
  return_origin: string;
  return_to: string | null;
  locale: PageLocale;
  fresh: boolean;
}

export interface Customer {
  id: string;
  provider: string;
  firstName: string;
  avatarUrl: string | null;
}

/** How long a started sign-in may wait for its callback, and a session lasts. */
export const TRANSACTION_MINUTES = 10;
export const SESSION_DAYS = 30;

/** All of sign-in's SQL: transactions, customers, sessions (the secrets stored as hashes only). */
export class AuthRepository {
  constructor(private readonly db: Queryable) {}

  async startTransaction(stateHash: string, provider: string, transaction: Omit<Transaction, 'fresh'>): Promise<void> {
    await this.db.query(`DELETE FROM auth_transactions WHERE created_at < now() - interval '1 day'`);
    await this.db.query(
      `INSERT INTO auth_transactions (state_hash, provider, binding_hash, code_verifier, nonce, mode, return_origin, return_to, locale)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [stateHash, provider, transaction.binding_hash, transaction.code_verifier, transaction.nonce, transaction.mode, transaction.return_origin, transaction.return_to, transaction.locale],
    );
  }

  /** Single use: the first callback with this state consumes it, whatever happens next. */
  async consumeTransaction(stateHash: string, provider: string): Promise<Transaction | undefined> {
    const { rows } = await this.db.query<Transaction>(
      `UPDATE auth_transactions SET used_at = now() WHERE state_hash = $1 AND provider = $2 AND used_at IS NULL
       RETURNING binding_hash, code_verifier, nonce, mode, return_origin, return_to, locale,
         created_at > now() - interval '${TRANSACTION_MINUTES} minutes' AS fresh`,
      [stateHash, provider],
    );
    return rows[0];
  }

  async knownFirstName(provider: string, subject: string): Promise<string> {
    const { rows } = await this.db.query<{ first_name: string }>('SELECT first_name FROM customers WHERE provider = $1 AND subject = $2', [provider, subject]);
    return rows[0]?.first_name ?? '';
  }

  /** Finds or creates the customer for a provider's subject, refreshing the display fields. */
  async upsertCustomer(provider: string, subject: string, profile: { firstName: string; avatarUrl?: string | null }): Promise<Customer> {
    const { rows } = await this.db.query<{ id: string; first_name: string; avatar_url: string | null }>(
      `INSERT INTO customers (id, provider, subject, first_name, avatar_url) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (provider, subject) DO UPDATE SET first_name = EXCLUDED.first_name, avatar_url = EXCLUDED.avatar_url
       RETURNING id, first_name, avatar_url`,
      [randomUUID(), provider, subject, profile.firstName, profile.avatarUrl ?? null],
    );
    return { id: rows[0].id, provider, firstName: rows[0].first_name, avatarUrl: rows[0].avatar_url };
  }

  async sessionCustomer(idHash: string): Promise<Customer | null> {
    const { rows } = await this.db.query<{ id: string; provider: string; first_name: string; avatar_url: string | null }>(
      `SELECT c.id, c.provider, c.first_name, c.avatar_url FROM sessions s JOIN customers c ON c.id = s.customer_id
       WHERE s.id_hash = $1 AND s.expires_at > now()`,
      [idHash],
    );
    const row = rows[0];
    return row ? { id: row.id, provider: row.provider, firstName: row.first_name, avatarUrl: row.avatar_url } : null;
  }

  async startSession(idHash: string, customerId: string): Promise<void> {
    await this.db.query(`INSERT INTO sessions (id_hash, customer_id, expires_at) VALUES ($1, $2, now() + interval '${SESSION_DAYS} days')`, [idHash, customerId]);
  }

  async endSession(idHash: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
  }
}
