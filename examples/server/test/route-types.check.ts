// Compiled by `tsc -p examples/tsconfig.json`, never run: a route's request and reply types are its schema's,
// so a handler that reads a field the schema does not have, or answers another shape, does not compile.
import type { FastifyInstance } from 'fastify';
import { catalogImportSchema } from '../modules/catalog/schemas.js';
import { deleteHotspotSchema } from '../modules/feeds/schemas.js';
import { getProductSchema, type productSchema } from '../modules/products/schemas.js';
import { summarySchema } from '../modules/events/schemas.js';
import { healthSchema, readySchema } from '../modules/health/schemas.js';
import { createSchema, ownerListSchema, voteSchema } from '../modules/wishlists/schemas.js';
import { typed } from '../plugins/type-provider.js';

const robe = { id: 'ML-ROBE', title: 'Robe', price: 129, currency: 'EUR', availability: 'in_stock', link: 'https://shop.test/robe', image: 'https://shop.test/robe.jpg' } as const;

export function routeTypes(root: FastifyInstance): void {
  const app = typed<[typeof productSchema]>(root);

  app.get('/', { schema: getProductSchema }, async () => robe);
  app.get(
    '/',
    { schema: getProductSchema },
    // @ts-expect-error -- a product without its price is not the schema's 200.
    async () => ({ ...robe, price: undefined }),
  );
  app.get(
    '/',
    { schema: getProductSchema },
    // @ts-expect-error -- an availability the schema's enum does not list.
    async () => ({ ...robe, availability: 'sold_out' }),
  );
  app.get('/', { schema: getProductSchema }, async (request, reply) => {
    const id: string = request.params.id;
    if (id === '') return reply.code(404).send({ error: { code: 'product_not_found', message: 'No product' } });
    // @ts-expect-error -- a 404 is the Error schema, `{error: {code, message}}`.
    if (id === '-') return reply.code(404).send({ message: 'No product' });
    // @ts-expect-error -- 418 is not among the route's responses.
    if (id === '?') return reply.code(418).send();
    return robe;
  });

  // Query defaults are filled in by the validator: `days` is there.
  app.get('/', { schema: summarySchema }, async request => ({ rows: [{ day: '2026-12-02', name: 'wishlist_vote', count: request.query.days }] }));

  // A body per content type: the JSON document or the feed's text.
  app.post('/', { schema: catalogImportSchema }, async request => {
    const { body } = request;
    const products = typeof body === 'string' ? [] : body.products;
    return { imported: products.length, skipped: [] };
  });

  // A `type: 'null'` response is no body.
  app.delete('/', { schema: deleteHotspotSchema }, async (request, reply) => {
    const hotspot: string = request.params.hotspotId;
    // @ts-expect-error -- the params schema has no `slide` (additionalProperties: false).
    void request.params.slide;
    return hotspot ? reply.code(204).send() : reply.code(404).send({ error: { code: 'hotspot_not_found', message: 'No hotspot' } });
  });
  app.delete('/', { schema: deleteHotspotSchema }, async (_request, reply) =>
    // @ts-expect-error -- a 204 has no body.
    reply.code(204).send({ deleted: true }),
  );

  app.get(
    '/',
    { schema: ownerListSchema },
    // @ts-expect-error -- the wishlist's items are required.
    async request => ({ wishlist: { id: request.params.id, ownerName: 'Camille', shareUrl: null } }),
  );

  // A vote: the body's value is `1 | -1`, and the answer's own vote says the same.
  const item = { id: '0', productId: 'ML-ROBE', variant: '', title: null, image: null, link: null, price: null, currency: null, availability: null, votes: { up: 1, down: 0 } };
  app.put('/', { schema: voteSchema }, async request => {
    const value: 1 | -1 = request.body.value;
    // @ts-expect-error -- the body has `value`, `comment` and `firstName`, no `score`.
    void request.body.score;
    return { item: { ...item, myVote: { value, comment: request.body.comment ?? '', firstName: '' } }, voterToken: 'v' };
  });
  app.put(
    '/',
    { schema: voteSchema },
    // @ts-expect-error -- a vote is 1 or -1, never 2.
    async () => ({ item: { ...item, myVote: { value: 2 as const, comment: '', firstName: '' } }, voterToken: 'v' }),
  );
  // The Idempotency-Key is in the route's headers schema: a string, required.
  app.post('/', { schema: createSchema }, async (request, reply) => {
    const key: string = request.headers['idempotency-key'];
    // @ts-expect-error -- a 201 carries the owner token.
    if (key === '') return reply.code(201).send({ wishlist: { id: key, ownerName: '', shareUrl: null, items: [] } });
    return reply.code(201).send({ wishlist: { id: key, ownerName: '', shareUrl: null, items: [] }, ownerToken: 't' });
  });

  // The probes: each answers its own status word (an async handler's literals need `as const`), a 503 the Error body.
  app.get('/', { schema: healthSchema }, async () => ({ status: 'ok', database: 'pglite' }) as const);
  app.get(
    '/',
    { schema: healthSchema },
    // @ts-expect-error -- liveness says `ok`; `ready` is the readiness probe's word.
    async () => ({ status: 'ready', database: 'pglite' }) as const,
  );
  app.get(
    '/',
    { schema: healthSchema },
    // @ts-expect-error -- a database the schema's enum does not list.
    async () => ({ status: 'ok', database: 'sqlite' }) as const,
  );
  app.get('/', { schema: readySchema }, async (_request, reply) => {
    if (root.draining) return reply.code(503).send({ error: { code: 'draining', message: 'Shutting down' } });
    // @ts-expect-error -- a 503 is the Error schema, not a status word.
    return reply.code(503).send({ status: 'draining' });
  });
}
