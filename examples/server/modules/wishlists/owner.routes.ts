import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Queryable } from '../../db/db.js';
import { BODY_LIMITS, ETAG_LENGTH } from '../../limits.js';
import { ApiError } from '../../plugins/errors.js';
import { typed } from '../../plugins/type-provider.js';
import { currentCustomer } from '../auth/session.js';
import { type WishlistContext, bearer } from './context.js';
import { mergeGuestList } from './merge.service.js';
import { WishlistRepository } from './repository.js';
import { type OwnerWishlist, addItemSchema, createSchema, liveSchema, mergeSchema, ownerListSchema, removeItemSchema, revokeSchema, shareSchema } from './schemas.js';
import { sha256 } from './tokens.js';

/** What the idempotency layer stores and replays for an owner's change: the list as the owner sees it. */
type Answer = { wishlist: OwnerWishlist };

/**
 * The owner's routes: `Authorization: Bearer <ownerToken>`. Every change carries an Idempotency-Key (the
 * idempotency plugin stores its answer with the effect) and tells the live channel.
 */
export async function ownerRoutes(root: FastifyInstance, context: WishlistContext): Promise<void> {
  const app = typed(root);
  const { tokens, live } = context;
  const issueOwnerToken = (db: Queryable, listId: string, scope: string, key: string) =>
    new WishlistRepository(db).issueOwnerToken(listId, sha256(tokens.owner(scope, key)));

  app.post('/v1/wishlists', { bodyLimit: BODY_LIMITS.wishlist, schema: createSchema }, async (request, reply) => {
    const key = request.headers['idempotency-key'];
    const result = await app.idempotent<Answer>(request, reply, 'create', async tx => {
      const lists = new WishlistRepository(tx);
      const listId = await lists.create(request.body.ownerName ?? '');
      for (const item of request.body.items ?? []) await lists.addItem(listId, item);
      await issueOwnerToken(tx, listId, 'create', key);
      return { status: 201, body: { wishlist: await context.ownerView(tx, listId) } };
    });
    return { ...result, ownerToken: tokens.owner('create', key) };
  });

  app.get('/v1/wishlists/:id', { schema: ownerListSchema }, async (request, reply) => {
    const wishlist = await context.ownerView(app.db, await context.ownedList(request));
    const etag = `"${sha256(JSON.stringify(wishlist)).slice(0, ETAG_LENGTH)}"`;
    reply.header('etag', etag).header('cache-control', 'private, no-cache');
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    return { wishlist };
  });

  /** An owner's change to one list: idempotent, answered with the list, announced on the live channel. */
  const change = async (request: FastifyRequest, reply: FastifyReply, work: (lists: WishlistRepository, listId: string) => Promise<void>, status = 200) => {
    const listId = await context.ownedList(request);
    const body = await app.idempotent<Answer>(request, reply, listId, async tx => {
      await work(new WishlistRepository(tx), listId);
      return { status, body: { wishlist: await context.ownerView(tx, listId) } };
    });
    // The key tells the owner's own client that it already has this change (its answer is the list).
    live.emit(listId, 'change', { key: request.headers['idempotency-key'] });
    return body;
  };

  app.post(
    '/v1/wishlists/:id/items',
    { bodyLimit: BODY_LIMITS.wishlist, schema: addItemSchema },
    (request, reply) => change(request, reply, (lists, listId) => lists.addItem(listId, request.body), 201),
  );

  app.delete(
    '/v1/wishlists/:id/items/:productId',
    { schema: removeItemSchema },
    (request, reply) => change(request, reply, (lists, listId) => lists.removeItem(listId, request.params.productId, request.query.variant ?? '')),
  );

  app.post(
    '/v1/wishlists/:id/share',
    { bodyLimit: BODY_LIMITS.wishlist, schema: shareSchema },
    (request, reply) =>
      change(request, reply, async (lists, listId) => {
        const name = request.body?.ownerName;
        if (name !== undefined) await lists.setOwnerName(listId, name);
        await lists.ensureShare(listId, shareId => sha256(tokens.share(shareId)));
      }),
  );

  app.delete('/v1/wishlists/:id/share', { schema: revokeSchema }, (request, reply) =>
    change(request, reply, (lists, listId) => lists.revokeShares(listId)),
  );

  app.get('/v1/wishlists/:id/events', { schema: liveSchema }, async (request, reply) => {
    const listId = await context.ownedList(request);
    if (live.closed) throw new ApiError(503, 'shutting_down', 'This instance is shutting down; reconnect to another');
    reply.hijack();
    live.subscribe(listId, reply.raw, reply.getHeaders() as Record<string, string>);
  });

  app.post('/v1/wishlists/merge', { schema: mergeSchema }, async (request, reply) => {
    const customer = await currentCustomer(request, app.db);
    if (!customer) throw new ApiError(401, 'sign_in_required', 'Merging needs a signed-in session');
    const scope = `merge:${customer.id}`;
    const key = request.headers['idempotency-key'];
    let merged: string[] = [];
    const result = await app.idempotent<Answer>(request, reply, scope, async tx => {
      const guest = bearer(request) ? await context.ownedList(request, tx) : undefined;
      const outcome = await mergeGuestList(tx, customer, guest);
      merged = outcome.merged;
      await issueOwnerToken(tx, outcome.target, scope, key);
      return { status: 200, body: { wishlist: await context.ownerView(tx, outcome.target) } };
    });
    live.emit(result.wishlist.id, 'change', { key });
    merged.forEach(id => live.emit(id, 'change', { key }));
    return { ...result, ownerToken: tokens.owner(scope, key) };
  });
}
