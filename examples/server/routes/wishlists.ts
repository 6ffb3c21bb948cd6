import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Queryable } from '../db.js';
import { ApiError } from '../lib/errors.js';
import { currentCustomer } from '../lib/session.js';
import { TOKEN_PATTERN, WishlistTokens, loadSecret, sha256 } from '../lib/wishlist-tokens.js';

/*
 * Wishlists with friend votes. Owners authenticate with `Authorization: Bearer <ownerToken>`; friends reach a list
 * only through a share link `/w/<shareToken>` and vote with a server-signed voter token. Every owner mutation
 * requires an Idempotency-Key; votes are PUTs an upsert makes idempotent (one row per voter per item).
 */

const BODY_LIMIT = 8 * 1024;
const MAX_ITEMS = 200;

const uuid = { type: 'string', format: 'uuid' } as const;
const productId = { type: 'string', minLength: 1, maxLength: 100, pattern: '^[^\\s/]+$' } as const;
const variant = { type: 'string', maxLength: 40, description: 'Size, colour…; empty for none.' } as const;
const ownerName = { type: 'string', maxLength: 40, description: 'First name shown to friends: "Aidez Camille à choisir".' } as const;
const idempotencyHeaders = {
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
const nullableString = { type: ['string', 'null'] } as const;
const productFields = {
  title: nullableString,
  image: nullableString,
  link: nullableString,
  price: { type: ['number', 'null'] },
  currency: nullableString,
  availability: nullableString,
} as const;
const tally = {
  type: 'object',
  required: ['up', 'down'],
  additionalProperties: false,
  properties: { up: { type: 'integer' }, down: { type: 'integer' } },
} as const;
const ownerWishlistSchema = {
  type: 'object',
  required: ['id', 'ownerName', 'items', 'shareUrl'],
  additionalProperties: false,
  properties: {
    id: uuid,
    ownerName: { type: 'string' },
    shareUrl: { ...nullableString, description: 'The active share link, null when none (or revoked).' },
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'productId', 'variant', 'addedAt', 'votes', 'comments'],
        additionalProperties: false,
        properties: {
          id: uuid,
          productId: { type: 'string' },
          variant: { type: 'string' },
          addedAt: { type: 'string', format: 'date-time' },
          ...productFields,
          votes: tally,
          comments: {
            type: 'array',
            items: {
              type: 'object',
              required: ['value', 'comment', 'firstName', 'at'],
              additionalProperties: false,
              properties: { value: { type: 'integer' }, comment: { type: 'string' }, firstName: { type: 'string' }, at: { type: 'string' } },
            },
          },
        },
      },
    },
  },
} as const;
const myVote = {
  type: 'object',
  required: ['value', 'comment', 'firstName'],
  additionalProperties: false,
  properties: { value: { type: 'integer', enum: [-1, 1] }, comment: { type: 'string' }, firstName: { type: 'string' } },
} as const;
const sharedItemSchema = {
  type: 'object',
  required: ['id', 'productId', 'variant', 'votes'],
  additionalProperties: false,
  properties: { id: uuid, productId: { type: 'string' }, variant: { type: 'string' }, ...productFields, votes: tally, myVote },
} as const;
const errors = (...statuses: number[]) => Object.fromEntries(statuses.map(status => [status, { $ref: 'Error#' }]));
const ownerListResponse = { type: 'object', required: ['wishlist'], additionalProperties: false, properties: { wishlist: ownerWishlistSchema } } as const;
const ownedResponse = {
  type: 'object',
  required: ['wishlist', 'ownerToken'],
  additionalProperties: false,
  properties: { wishlist: ownerWishlistSchema, ownerToken: { type: 'string', description: 'Keep it secret: it owns the list.' } },
} as const;

type Row = Record<string, unknown>;
interface Stored {
  status: number;
  body: Row;
}
type Emit = (listId: string, event: 'vote' | 'change', data: Row) => void;

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, char => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string);
const bearer = (request: FastifyRequest) => /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
const product = (row: Row) => ({
  title: (row.title as string | null) ?? null,
  image: (row.image as string | null) ?? null,
  link: (row.link as string | null) ?? null,
  price: row.price === null || row.price === undefined ? null : Number(row.price),
  currency: row.currency === null || row.currency === undefined ? null : String(row.currency).trim(),
  availability: (row.availability as string | null) ?? null,
});

export async function wishlistRoutes(app: FastifyInstance): Promise<void> {
  const tokens = new WishlistTokens(await loadSecret(app.db, app.serverConfig.wishlistSecret));
  const shareUrl = (shareId: string) => `${app.serverConfig.publicUrl}/w/${tokens.share(shareId)}`;

  // Live updates for owners: one in-process channel per list (several server processes would need LISTEN/NOTIFY;
  // the client falls back to ETag polling whenever the stream is unavailable).
  const channels = new Map<string, Set<(event: string, data: Row) => void>>();
  const streams = new Set<ServerResponse>();
  const emit: Emit = (listId, event, data) => channels.get(listId)?.forEach(send => send(event, data));
  app.addHook('preClose', async () => streams.forEach(stream => stream.end()));

  // Idempotency keys are kept two days (clients retry within minutes; the outbox at the latest on the next visit).
  const prune = () => app.db.query("DELETE FROM wishlist_idempotency WHERE created_at < now() - interval '2 days'").catch(() => undefined);
  const pruning = setInterval(prune, 3600_000).unref();
  app.addHook('onReady', async () => void (await prune()));
  app.addHook('onClose', async () => clearInterval(pruning));

  async function ownedList(request: FastifyRequest, db: Queryable = app.db): Promise<string> {
    const token = bearer(request);
    if (!token) throw new ApiError(401, 'owner_token_required', 'Send the owner token as Authorization: Bearer <token>');
    const { rows } = await db.query<{ wishlist_id: string }>('SELECT wishlist_id FROM wishlist_owner_tokens WHERE token_hash = $1', [sha256(token)]);
    if (!rows[0]) throw new ApiError(401, 'owner_token_invalid', 'Unknown owner token');
    const { id } = request.params as { id?: string };
    if (id !== undefined && rows[0].wishlist_id !== id) throw new ApiError(403, 'not_owner', 'This token does not own that wishlist');
    return rows[0].wishlist_id;
  }

  /** Runs `work` once per (scope, Idempotency-Key): the first response is stored with the effect, retries replay it. */
  async function idempotent(request: FastifyRequest, reply: FastifyReply, scope: string, work: (tx: Queryable) => Promise<Stored>): Promise<Row> {
    const key = request.headers['idempotency-key'] as string;
    const hash = sha256(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`);
    const result = await app.db.transaction(async tx => {
      const inserted = await tx.query(
        'INSERT INTO wishlist_idempotency (scope, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT (scope, key) DO NOTHING RETURNING key',
        [scope, key, hash],
      );
      if (inserted.rowCount === 0) {
        const { rows } = await tx.query<{ request_hash: string; status: number | null; body: Row | string }>(
          'SELECT request_hash, status, body FROM wishlist_idempotency WHERE scope = $1 AND key = $2',
          [scope, key],
        );
        const row = rows[0];
        if (row.request_hash !== hash) throw new ApiError(422, 'idempotency_key_reused', 'This Idempotency-Key was used for another request');
        if (row.status === null) throw new ApiError(409, 'request_in_progress', 'The first request with this Idempotency-Key is still running');
        return { replayed: true, status: row.status, body: typeof row.body === 'string' ? (JSON.parse(row.body) as Row) : row.body };
      }
      const outcome = await work(tx);
      await tx.query('UPDATE wishlist_idempotency SET status = $3, body = $4 WHERE scope = $1 AND key = $2', [
        scope,
        key,
        outcome.status,
        JSON.stringify(outcome.body),
      ]);
      return { replayed: false, ...outcome };
    });
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    reply.status(result.status);
    return result.body;
  }

  async function ownerView(db: Queryable, listId: string): Promise<Row> {
    const [list, items, comments, share] = [
      await db.query<{ owner_name: string }>('SELECT owner_name FROM wishlists WHERE id = $1', [listId]),
      await db.query(
        `SELECT i.id, i.product_id, i.variant, i.added_at, p.title, p.image, p.link, p.price, p.currency, p.availability,
           count(v.voter_id) FILTER (WHERE v.value = 1)::int AS up, count(v.voter_id) FILTER (WHERE v.value = -1)::int AS down
         FROM wishlist_items i LEFT JOIN products p ON p.id = i.product_id LEFT JOIN wishlist_votes v ON v.item_id = i.id
         WHERE i.wishlist_id = $1 GROUP BY i.id, p.id ORDER BY i.added_at, i.seq`,
        [listId],
      ),
      await db.query<{ item_id: string; value: number; comment: string; first_name: string; updated_at: Date }>(
        `SELECT v.item_id, v.value, v.comment, v.first_name, v.updated_at FROM wishlist_votes v JOIN wishlist_items i ON i.id = v.item_id
         WHERE i.wishlist_id = $1 AND (v.comment <> '' OR v.first_name <> '') ORDER BY v.updated_at, v.voter_id`,
        [listId],
      ),
      await db.query<{ id: string }>('SELECT id FROM wishlist_shares WHERE wishlist_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC LIMIT 1', [
        listId,
      ]),
    ];
    if (!list.rows[0]) throw new ApiError(404, 'wishlist_not_found', 'No such wishlist');
    return {
      id: listId,
      ownerName: list.rows[0].owner_name,
      shareUrl: share.rows[0] ? shareUrl(share.rows[0].id) : null,
      items: items.rows.map(row => ({
        id: row.id,
        productId: row.product_id,
        variant: row.variant,
        addedAt: new Date(row.added_at as string).toISOString(),
        ...product(row),
        votes: { up: row.up, down: row.down },
        comments: comments.rows
          .filter(comment => comment.item_id === row.id)
          .map(comment => ({ value: comment.value, comment: comment.comment, firstName: comment.first_name, at: new Date(comment.updated_at).toISOString() })),
      })),
    };
  }

  async function addItem(tx: Queryable, listId: string, item: { productId: string; variant?: string }): Promise<void> {
    const known = await tx.query('SELECT 1 FROM products WHERE id = $1', [item.productId]);
    if (known.rowCount === 0) throw new ApiError(422, 'unknown_product', `No product with id "${item.productId}"`);
    const { rows } = await tx.query<{ count: number }>('SELECT count(*)::int AS count FROM wishlist_items WHERE wishlist_id = $1', [listId]);
    if (rows[0].count >= MAX_ITEMS) throw new ApiError(409, 'wishlist_full', `A wishlist holds at most ${MAX_ITEMS} items`);
    await tx.query(
      'INSERT INTO wishlist_items (id, wishlist_id, product_id, variant, added_at) VALUES ($1, $2, $3, $4, clock_timestamp()) ON CONFLICT (wishlist_id, product_id, variant) DO NOTHING',
      [randomUUID(), listId, item.productId, item.variant ?? ''],
    );
  }

  async function issueOwnerToken(tx: Queryable, listId: string, scope: string, key: string): Promise<void> {
    await tx.query('INSERT INTO wishlist_owner_tokens (token_hash, wishlist_id) VALUES ($1, $2) ON CONFLICT (token_hash) DO NOTHING', [
      sha256(tokens.owner(scope, key)),
      listId,
    ]);
  }

  const itemInput = {
    type: 'object',
    required: ['productId'],
    additionalProperties: false,
    properties: { productId, variant },
  } as const;

  app.post(
    '/v1/wishlists',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        summary: 'Create a guest wishlist (on the first add); answers its owner token',
        tags: ['wishlists'],
        headers: idempotencyHeaders,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { items: { type: 'array', maxItems: 50, items: itemInput }, ownerName },
        },
        response: { 201: ownedResponse, ...errors(400, 409, 413, 422) },
      },
    },
    async (request, reply) => {
      const body = request.body as { items?: Array<{ productId: string; variant?: string }>; ownerName?: string };
      const key = request.headers['idempotency-key'] as string;
      const result = await idempotent(request, reply, 'create', async tx => {
        const listId = randomUUID();
        await tx.query('INSERT INTO wishlists (id, owner_name) VALUES ($1, $2)', [listId, body.ownerName ?? '']);
        for (const item of body.items ?? []) await addItem(tx, listId, item);
        await issueOwnerToken(tx, listId, 'create', key);
        return { status: 201, body: { wishlist: await ownerView(tx, listId) } };
      });
      return { ...result, ownerToken: tokens.owner('create', key) };
    },
  );

  app.get(
    '/v1/wishlists/:id',
    {
      schema: {
        summary: "The owner's list with tallies and comments (ETag; If-None-Match answers 304)",
        tags: ['wishlists'],
        params: { type: 'object', required: ['id'], additionalProperties: false, properties: { id: uuid } },
        response: { 200: ownerListResponse, 304: { type: 'null', description: 'Not modified' }, ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const listId = await ownedList(request);
      const wishlist = await ownerView(app.db, listId);
      const etag = `"${sha256(JSON.stringify(wishlist)).slice(0, 27)}"`;
      reply.header('etag', etag).header('cache-control', 'private, no-cache');
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      return { wishlist };
    },
  );

  app.post(
    '/v1/wishlists/:id/items',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        summary: 'Add a product (and variant) to the list; adding it again changes nothing',
        tags: ['wishlists'],
        headers: idempotencyHeaders,
        params: { type: 'object', required: ['id'], additionalProperties: false, properties: { id: uuid } },
        body: itemInput,
        response: { 201: ownerListResponse, ...errors(400, 401, 403, 409, 413, 422) },
      },
    },
    async (request, reply) => {
      const listId = await ownedList(request);
      const body = await idempotent(request, reply, listId, async tx => {
        await addItem(tx, listId, request.body as { productId: string; variant?: string });
        return { status: 201, body: { wishlist: await ownerView(tx, listId) } };
      });
      emit(listId, 'change', {});
      return body;
    },
  );

  app.delete(
    '/v1/wishlists/:id/items/:productId',
    {
      schema: {
        summary: 'Remove a product (and variant) from the list, with its votes; removing it again changes nothing',
        tags: ['wishlists'],
        headers: idempotencyHeaders,
        params: { type: 'object', required: ['id', 'productId'], additionalProperties: false, properties: { id: uuid, productId } },
        querystring: { type: 'object', additionalProperties: false, properties: { variant } },
        response: { 200: ownerListResponse, ...errors(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const listId = await ownedList(request);
      const { productId: id } = request.params as { productId: string };
      const { variant: size = '' } = request.query as { variant?: string };
      const body = await idempotent(request, reply, listId, async tx => {
        await tx.query('DELETE FROM wishlist_items WHERE wishlist_id = $1 AND product_id = $2 AND variant = $3', [listId, id, size]);
        return { status: 200, body: { wishlist: await ownerView(tx, listId) } };
      });
      emit(listId, 'change', {});
      return body;
    },
  );

  app.post(
    '/v1/wishlists/:id/share',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        summary: 'Create the share link (or answer the active one): a capability URL /w/<token> for friends to vote',
        tags: ['wishlists'],
        headers: idempotencyHeaders,
        params: { type: 'object', required: ['id'], additionalProperties: false, properties: { id: uuid } },
        body: { type: 'object', additionalProperties: false, properties: { ownerName } },
        response: { 200: ownerListResponse, ...errors(400, 401, 403, 413, 422) },
      },
    },
    async (request, reply) => {
      const listId = await ownedList(request);
      const { ownerName: name } = (request.body ?? {}) as { ownerName?: string };
      const body = await idempotent(request, reply, listId, async tx => {
        if (name !== undefined) await tx.query('UPDATE wishlists SET owner_name = $2 WHERE id = $1', [listId, name]);
        const active = await tx.query('SELECT 1 FROM wishlist_shares WHERE wishlist_id = $1 AND revoked_at IS NULL', [listId]);
        if (active.rowCount === 0) {
          const shareId = randomUUID();
          await tx.query('INSERT INTO wishlist_shares (id, token_hash, wishlist_id) VALUES ($1, $2, $3)', [shareId, sha256(tokens.share(shareId)), listId]);
        }
        return { status: 200, body: { wishlist: await ownerView(tx, listId) } };
      });
      emit(listId, 'change', {});
      return body;
    },
  );

  app.delete(
    '/v1/wishlists/:id/share',
    {
      schema: {
        summary: 'Revoke the share link: it answers 410 from now on (votes already cast stay)',
        tags: ['wishlists'],
        headers: idempotencyHeaders,
        params: { type: 'object', required: ['id'], additionalProperties: false, properties: { id: uuid } },
        response: { 200: ownerListResponse, ...errors(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const listId = await ownedList(request);
      const body = await idempotent(request, reply, listId, async tx => {
        await tx.query('UPDATE wishlist_shares SET revoked_at = now() WHERE wishlist_id = $1 AND revoked_at IS NULL', [listId]);
        return { status: 200, body: { wishlist: await ownerView(tx, listId) } };
      });
      emit(listId, 'change', {});
      return body;
    },
  );

  app.get(
    '/v1/wishlists/:id/events',
    {
      schema: {
        summary: 'Server-Sent Events for the owner: `vote` when a friend votes, `change` otherwise',
        description:
          'Owner-authenticated with the Authorization header, so browsers read it with fetch() streaming (EventSource cannot send headers, and a token in the URL would reach logs).',
        tags: ['wishlists'],
        produces: ['text/event-stream'],
        params: { type: 'object', required: ['id'], additionalProperties: false, properties: { id: uuid } },
        response: { 200: { type: 'string', description: 'text/event-stream' }, ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const listId = await ownedList(request);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        ...(reply.getHeaders() as Record<string, string>),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-accel-buffering': 'no',
      });
      raw.write('retry: 5000\n\n');
      const send = (event: string, data: Row) => raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      const channel = channels.get(listId) ?? new Set();
      channels.set(listId, channel.add(send));
      streams.add(raw);
      const heartbeat = setInterval(() => raw.write(': ping\n\n'), 20_000);
      raw.once('close', () => {
        clearInterval(heartbeat);
        streams.delete(raw);
        channel.delete(send);
        if (channel.size === 0) channels.delete(listId);
      });
    },
  );

  app.post(
    '/v1/wishlists/merge',
    {
      schema: {
        summary: "Sign-in merge: the guest list (Bearer owner token) joins the signed-in customer's list (session cookie)",
        description:
          'Union by product and variant, earliest added date kept, votes and comments moved, share links kept working; answers the account list and a new owner token for it. Without a guest token, answers the account list.',
        tags: ['wishlists'],
        headers: idempotencyHeaders,
        response: { 200: ownedResponse, ...errors(400, 401, 422) },
      },
    },
    async (request, reply) => {
      const customer = await currentCustomer(request, app.db);
      if (!customer) throw new ApiError(401, 'sign_in_required', 'Merging needs a signed-in session');
      const scope = `merge:${customer.id}`;
      const key = request.headers['idempotency-key'] as string;
      const guestToken = bearer(request);
      let merged: string[] = [];
      const result = await idempotent(request, reply, scope, async tx => {
        const guest = guestToken ? await ownedList(request, tx) : undefined;
        const account = (await tx.query<{ id: string }>('SELECT id FROM wishlists WHERE customer_id = $1', [customer.id])).rows[0]?.id;
        let target: string;
        if (!account) {
          target = guest ?? randomUUID();
          if (guest) {
            await tx.query("UPDATE wishlists SET customer_id = $2, owner_name = CASE WHEN owner_name = '' THEN $3 ELSE owner_name END WHERE id = $1", [
              guest,
              customer.id,
              customer.firstName,
            ]);
          } else {
            await tx.query('INSERT INTO wishlists (id, customer_id, owner_name) VALUES ($1, $2, $3)', [target, customer.id, customer.firstName]);
          }
        } else {
          target = account;
          if (guest && guest !== account) {
            const same = 'a.wishlist_id = $2 AND a.product_id = g.product_id AND a.variant = g.variant';
            // Items in both lists: the guest item's votes move to the account item (a voter's latest vote wins).
            await tx.query(
              `INSERT INTO wishlist_votes (item_id, voter_id, value, comment, first_name, created_at, updated_at)
               SELECT a.id, v.voter_id, v.value, v.comment, v.first_name, v.created_at, v.updated_at
               FROM wishlist_items g JOIN wishlist_items a ON ${same} JOIN wishlist_votes v ON v.item_id = g.id
               WHERE g.wishlist_id = $1
               ON CONFLICT (item_id, voter_id) DO UPDATE SET value = EXCLUDED.value, comment = EXCLUDED.comment,
                 first_name = EXCLUDED.first_name, updated_at = EXCLUDED.updated_at
               WHERE wishlist_votes.updated_at < EXCLUDED.updated_at`,
              [guest, target],
            );
            await tx.query(
              `UPDATE wishlist_items a SET added_at = g.added_at FROM wishlist_items g
               WHERE ${same} AND g.wishlist_id = $1 AND g.added_at < a.added_at`,
              [guest, target],
            );
            // Items only in the guest list move, with their votes.
            await tx.query(
              `UPDATE wishlist_items g SET wishlist_id = $2 WHERE g.wishlist_id = $1
               AND NOT EXISTS (SELECT 1 FROM wishlist_items a WHERE ${same})`,
              [guest, target],
            );
            // Links friends already have, and the guest's other devices, keep working.
            await tx.query('UPDATE wishlist_shares SET wishlist_id = $2 WHERE wishlist_id = $1', [guest, target]);
            await tx.query('UPDATE wishlist_owner_tokens SET wishlist_id = $2 WHERE wishlist_id = $1', [guest, target]);
            await tx.query('DELETE FROM wishlists WHERE id = $1', [guest]);
            merged = [guest];
          }
        }
        await issueOwnerToken(tx, target, scope, key);
        return { status: 200, body: { wishlist: await ownerView(tx, target) } };
      });
      const wishlist = result.wishlist as { id: string };
      emit(wishlist.id, 'change', {});
      merged.forEach(id => emit(id, 'change', {}));
      return { ...result, ownerToken: tokens.owner(scope, key) };
    },
  );

  /** The share behind a link token: 404 unknown, 410 revoked. */
  async function resolveShare(token: string): Promise<{ shareId: string; listId: string }> {
    if (!new RegExp(TOKEN_PATTERN).test(token)) throw new ApiError(404, 'share_not_found', 'No wishlist behind this link');
    const { rows } = await app.db.query<{ id: string; wishlist_id: string; revoked_at: Date | null }>(
      'SELECT id, wishlist_id, revoked_at FROM wishlist_shares WHERE token_hash = $1',
      [sha256(token)],
    );
    if (!rows[0]) throw new ApiError(404, 'share_not_found', 'No wishlist behind this link');
    if (rows[0].revoked_at) throw new ApiError(410, 'share_revoked', 'The owner turned this link off');
    return { shareId: rows[0].id, listId: rows[0].wishlist_id };
  }

  /** The voter behind the request's Bearer token (signed for one share link): 401 forged, 403 another link's. */
  function voter(request: FastifyRequest, shareId: string): { voterId: string; token: string } | undefined {
    const token = bearer(request);
    if (!token) return undefined;
    const parsed = tokens.parseVoter(token);
    if (!parsed) throw new ApiError(401, 'voter_token_invalid', 'This voter token was not issued by this server');
    if (parsed.shareId !== shareId) throw new ApiError(403, 'voter_token_other_list', 'This voter token belongs to another wishlist link');
    return { voterId: parsed.voterId, token };
  }

  const shareParams = {
    type: 'object',
    required: ['token'],
    additionalProperties: false,
    properties: { token: { type: 'string', maxLength: 100 } },
  } as const;
  const voteRateLimit = { rateLimit: { max: app.serverConfig.voteRateLimit, timeWindow: 60_000 } };

  app.get(
    '/v1/shared/:token',
    {
      config: voteRateLimit,
      schema: {
        summary: "A friend's view of a shared list: products, tallies, and their own votes (Bearer voter token, optional)",
        tags: ['wishlists'],
        params: shareParams,
        response: {
          200: {
            type: 'object',
            required: ['ownerName', 'items'],
            additionalProperties: false,
            properties: { ownerName: { type: 'string' }, items: { type: 'array', items: sharedItemSchema } },
          },
          ...errors(401, 403, 404, 410, 429),
        },
      },
    },
    async request => {
      const { token } = request.params as { token: string };
      const { shareId, listId } = await resolveShare(token);
      const voterId = voter(request, shareId)?.voterId ?? '';
      const [list, items] = [
        await app.db.query<{ owner_name: string }>('SELECT owner_name FROM wishlists WHERE id = $1', [listId]),
        await app.db.query(
          `SELECT i.id, i.product_id, i.variant, p.title, p.image, p.link, p.price, p.currency, p.availability,
             count(v.voter_id) FILTER (WHERE v.value = 1)::int AS up, count(v.voter_id) FILTER (WHERE v.value = -1)::int AS down,
             max(v.value) FILTER (WHERE v.voter_id = $2) AS my_value, max(v.comment) FILTER (WHERE v.voter_id = $2) AS my_comment,
             max(v.first_name) FILTER (WHERE v.voter_id = $2) AS my_first_name
           FROM wishlist_items i LEFT JOIN products p ON p.id = i.product_id LEFT JOIN wishlist_votes v ON v.item_id = i.id
           WHERE i.wishlist_id = $1 GROUP BY i.id, p.id ORDER BY i.added_at, i.seq`,
          [listId, voterId],
        ),
      ];
      return {
        ownerName: list.rows[0]?.owner_name ?? '',
        items: items.rows.map(row => ({
          id: row.id,
          productId: row.product_id,
          variant: row.variant,
          ...product(row),
          votes: { up: row.up, down: row.down },
          ...(row.my_value === null ? {} : { myVote: { value: Number(row.my_value), comment: row.my_comment, firstName: row.my_first_name } }),
        })),
      };
    },
  );

  app.put(
    '/v1/shared/:token/items/:itemId/vote',
    {
      bodyLimit: BODY_LIMIT,
      config: voteRateLimit,
      schema: {
        summary: 'Vote on an item: J\'adore (1) or Pas pour moi (-1), with an optional comment and first name',
        description:
          'One vote per voter per item (unique constraint, upsert): voting again changes the vote, never adds one. Without a voter token, one is issued; send it back as Authorization: Bearer <voterToken>. Omitted comment or first name keep their previous value. Rate-limited per client address.',
        tags: ['wishlists'],
        params: { type: 'object', required: ['token', 'itemId'], additionalProperties: false, properties: { token: shareParams.properties.token, itemId: uuid } },
        body: {
          type: 'object',
          required: ['value'],
          additionalProperties: false,
          properties: {
            value: { type: 'integer', enum: [-1, 1] },
            comment: { type: 'string', maxLength: 280 },
            firstName: { type: 'string', maxLength: 40 },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['item', 'voterToken'],
            additionalProperties: false,
            properties: { item: sharedItemSchema, voterToken: { type: 'string' } },
          },
          ...errors(400, 401, 403, 404, 410, 413, 429),
        },
      },
    },
    async request => {
      const { token, itemId } = request.params as { token: string; itemId: string };
      const { value, comment, firstName } = request.body as { value: 1 | -1; comment?: string; firstName?: string };
      // Fast path for a returning voter: the signed token names its link, one statement checks the rest.
      // A new voter first resolves the link to get a token minted for it.
      const given = bearer(request);
      const parsed = given ? tokens.parseVoter(given) : undefined;
      if (given && !parsed) throw new ApiError(401, 'voter_token_invalid', 'This voter token was not issued by this server');
      const { shareId, voterId, token: voterToken } = parsed
        ? { ...parsed, token: given as string }
        : await resolveShare(token).then(share => ({ shareId: share.shareId, ...tokens.voter(share.shareId) }));
      // A repeated vote changes nothing (no write, no event); a changed one updates the voter's single row.
      // One statement: the tally is the other voters' rows (this statement's snapshot) plus this vote.
      const vote = await app.db.query<{ wishlist_id: string; product_id: string; variant: string; changed: number; up: number; down: number; comment: string; first_name: string }>(
        `WITH item AS (
           SELECT i.id, i.product_id, i.variant, i.wishlist_id FROM wishlist_items i
           JOIN wishlist_shares s ON s.wishlist_id = i.wishlist_id AND s.id = $6 AND s.token_hash = $7 AND s.revoked_at IS NULL
           WHERE i.id = $1
         ),
         prior AS (SELECT comment, first_name FROM wishlist_votes WHERE item_id = $1 AND voter_id = $2),
         upsert AS (
           INSERT INTO wishlist_votes (item_id, voter_id, value, comment, first_name)
           SELECT id, $2, $3, COALESCE($4, ''), COALESCE($5, '') FROM item
           ON CONFLICT (item_id, voter_id) DO UPDATE SET value = EXCLUDED.value,
             comment = COALESCE($4, wishlist_votes.comment), first_name = COALESCE($5, wishlist_votes.first_name), updated_at = now()
           WHERE (wishlist_votes.value, wishlist_votes.comment, wishlist_votes.first_name)
             IS DISTINCT FROM (EXCLUDED.value, COALESCE($4, wishlist_votes.comment), COALESCE($5, wishlist_votes.first_name))
           RETURNING 1
         ),
         others AS (
           SELECT count(*) FILTER (WHERE value = 1)::int AS up, count(*) FILTER (WHERE value = -1)::int AS down
           FROM wishlist_votes WHERE item_id = $1 AND voter_id <> $2
         )
         SELECT item.wishlist_id, item.product_id, item.variant, (SELECT count(*)::int FROM upsert) AS changed,
           others.up + (CASE WHEN $3 = 1 THEN 1 ELSE 0 END) AS up, others.down + (CASE WHEN $3 = -1 THEN 1 ELSE 0 END) AS down,
           COALESCE($4, prior.comment, '') AS comment, COALESCE($5, prior.first_name, '') AS first_name
         FROM item CROSS JOIN others LEFT JOIN prior ON true`,
        [itemId, voterId, value, comment?.trim() ?? null, firstName?.trim() ?? null, shareId, sha256(token)],
      );
      const row = vote.rows[0];
      if (!row) {
        // Why not: unknown link (404), revoked (410), a token of another link (403), or an item not on the list (404).
        const share = await resolveShare(token);
        if (share.shareId !== shareId) throw new ApiError(403, 'voter_token_other_list', 'This voter token belongs to another wishlist link');
        throw new ApiError(404, 'item_not_found', 'No such item on this list');
      }
      if (row.changed) emit(row.wishlist_id, 'vote', { itemId, productId: row.product_id, variant: row.variant, value });
      return {
        item: {
          id: itemId,
          productId: row.product_id,
          variant: row.variant,
          votes: { up: row.up, down: row.down },
          myVote: { value, comment: row.comment, firstName: row.first_name },
        },
        voterToken,
      };
    },
  );

  app.get(
    '/w/:token',
    {
      config: voteRateLimit,
      schema: {
        summary: "The share link's page: Open Graph preview for messaging apps, then the friend's voting page",
        tags: ['wishlists'],
        produces: ['text/html'],
        params: shareParams,
      },
      onSend: async (_request, reply, payload) => {
        // Capability URL: never leak it to the sites the page links to.
        reply.header('referrer-policy', 'no-referrer').header('cache-control', 'private, no-store');
        return payload;
      },
    },
    async (request, reply) => {
      const { token } = request.params as { token: string };
      let listId: string;
      try {
        ({ listId } = await resolveShare(token));
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        const gone = error.statusCode === 410;
        return reply
          .status(error.statusCode)
          .type('text/html; charset=utf-8')
          .send(
            page(
              gone ? 'Lien désactivé' : 'Liste introuvable',
              gone ? 'La personne qui a partagé cette liste a désactivé le lien.' : "Ce lien ne mène à aucune liste d'envies.",
            ),
          );
      }
      const { rows } = await app.db.query<{ owner_name: string; image: string | null; count: number }>(
        `SELECT w.owner_name, (SELECT p.image FROM wishlist_items i JOIN products p ON p.id = i.product_id
           WHERE i.wishlist_id = w.id ORDER BY i.added_at, i.seq LIMIT 1) AS image,
           (SELECT count(*)::int FROM wishlist_items i WHERE i.wishlist_id = w.id) AS count
         FROM wishlists w WHERE w.id = $1`,
        [listId],
      );
      const { owner_name: name, image, count } = rows[0];
      const title = name ? `Aidez ${name} à choisir` : 'Aidez-moi à choisir';
      const description = `${count} ${count > 1 ? 'pièces' : 'pièce'} : dites « J'adore » ou « Pas pour moi », sans créer de compte.`;
      const url = `${app.serverConfig.publicUrl}/w/${token}`;
      const meta = [
        ['og:type', 'website'],
        ['og:title', title],
        ['og:description', description],
        ['og:url', url],
        ['og:locale', 'fr_FR'],
        ...(image ? [['og:image', image]] : []),
      ]
        .map(([property, content]) => `  <meta property="${property}" content="${escapeHtml(content)}">`)
        .join('\n');
      return reply
        .type('text/html; charset=utf-8')
        .send(
          page(
            title,
            description,
            `${meta}\n  <meta name="twitter:card" content="summary_large_image">\n  <meta name="robots" content="noindex">`,
            `<vitrine-wishlist mode="shared" share-token="${escapeHtml(token)}"></vitrine-wishlist>`,
          ),
        );
    },
  );
}

/** The voting page shell: external script and styles only (strict CSP), French, the widget loaded by the script tag. */
function page(title: string, lead: string, head = '', body = ''): string {
  return `<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)}</title>
  <meta name="description" content="${escapeHtml(lead)}">
${head}
  <link rel="stylesheet" href="/assets/store.css">
  <script src="/vitrine/vitrine.js" data-endpoint="/v1/events" data-api="/" data-locale="fr" data-consent="required" async></script>
</head>
<body>
  <main id="contenu" class="container wishlist-page">
    <h1>${escapeHtml(title)}</h1>
    <p class="lead">${escapeHtml(lead)}</p>
    ${body}
  </main>
</body>
</html>
`;
}
