import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Queryable } from '../db/db.js';
import { IDEMPOTENCY_PRUNE_MS, IDEMPOTENCY_RETENTION } from '../limits.js';
import { ApiError } from './errors.js';

type Body = Record<string, unknown>;
export interface Outcome<B extends Body = Body> {
  status: number;
  body: B;
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Runs `work` once per (scope, Idempotency-Key): the first response is stored in the same transaction as
     * the effect, and a retry replays it (`idempotent-replayed: true`). The same key with another request is
     * a 422; a retry while the first still runs, a 409.
     */
    idempotent<B extends Body>(request: FastifyRequest, reply: FastifyReply, scope: string, work: (tx: Queryable) => Promise<Outcome<B>>): Promise<B>;
  }
}

/** The `headers` schema of every route that changes something (draft-ietf-httpapi-idempotency-key-header). */
export const idempotencyHeaders = {
  type: 'object',
  required: ['idempotency-key'],
  properties: {
    'idempotency-key': {
      type: 'string',
      minLength: 16,
      maxLength: 255,
      pattern: '^[A-Za-z0-9_-]+$',
      description: 'One per change, reused on retries: a replay answers the first response (`idempotent-replayed: true`).',
    },
  },
} as const;

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');

export const idempotencyPlugin = fp(
  async (app: FastifyInstance) => {
    const prune = () => app.db.query(`DELETE FROM wishlist_idempotency WHERE created_at < now() - interval '${IDEMPOTENCY_RETENTION}'`).catch(() => undefined);
    const pruning = setInterval(prune, IDEMPOTENCY_PRUNE_MS).unref();
    app.addHook('onReady', async () => void (await prune()));
    app.addHook('onClose', async () => clearInterval(pruning));

    app.decorate('idempotent', async function idempotent<B extends Body>(
      request: FastifyRequest,
      reply: FastifyReply,
      scope: string,
      work: (tx: Queryable) => Promise<Outcome<B>>,
    ): Promise<B> {
      const key = request.headers['idempotency-key'] as string;
      const hash = sha256(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`);
      const result = await app.db.transaction(async tx => {
        const inserted = await tx.query(
          'INSERT INTO wishlist_idempotency (scope, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT (scope, key) DO NOTHING RETURNING key',
          [scope, key, hash],
        );
        if (inserted.rowCount === 0) {
          const { rows } = await tx.query<{ request_hash: string; status: number | null; body: B | string }>(
            'SELECT request_hash, status, body FROM wishlist_idempotency WHERE scope = $1 AND key = $2',
            [scope, key],
          );
          const row = rows[0];
          if (row.request_hash !== hash) throw new ApiError(422, 'idempotency_key_reused', 'This Idempotency-Key was used for another request');
          if (row.status === null) throw new ApiError(409, 'request_in_progress', 'The first request with this Idempotency-Key is still running');
          return { replayed: true, status: row.status, body: typeof row.body === 'string' ? (JSON.parse(row.body) as B) : row.body };
        }
        const outcome = await work(tx);
        await tx.query('UPDATE wishlist_idempotency SET status = $3, body = $4 WHERE scope = $1 AND key = $2', [scope, key, outcome.status, JSON.stringify(outcome.body)]);
        return { replayed: false, ...outcome };
      });
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      reply.status(result.status);
      return result.body;
    });
  },
  { name: 'vitrine-idempotency', dependencies: ['vitrine-db'] },
);
