import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Queryable } from '../db.js';
import { type Product, getProducts, productSchema, upsertProducts } from '../lib/catalog.js';
import { requireAdmin } from '../lib/admin.js';
import { ApiError } from '../lib/errors.js';
import { FeedService } from '../lib/feed.js';
import { type ParsedCatalog, parseMerchantTsv, parseMerchantXml } from '../lib/merchant-feed.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The Instagram feed pipeline (scheduler, sync, builds). */
    feeds: FeedService;
  }
}

const feedId = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,62}$', description: 'Feed id, e.g. maison-lumiere.' } as const;
const postId = { type: 'string', pattern: '^[0-9A-Za-z_-]{1,64}$' } as const;
const unit = { type: 'number', minimum: 0, maximum: 1 } as const;

const renditionSchema = {
  type: 'object',
  required: ['width', 'webp', 'jpeg'],
  additionalProperties: false,
  properties: { width: { type: 'integer' }, webp: { type: 'string' }, jpeg: { type: 'string' } },
} as const;

const feedSchema = {
  $id: 'Feed',
  type: 'object',
  required: ['id', 'username', 'profileUrl', 'updatedAt', 'posts', 'products'],
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    username: { type: 'string' },
    profileUrl: { type: 'string' },
    updatedAt: { type: 'string', format: 'date-time' },
    posts: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'type', 'caption', 'alt', 'permalink', 'timestamp', 'slides'],
        additionalProperties: false,
        properties: {
          id: { type: 'string' },
          type: { type: 'string', enum: ['image', 'video', 'carousel'] },
          caption: { type: 'string', description: 'Plain text: render as text, never as HTML.' },
          alt: { type: 'string' },
          permalink: { type: 'string' },
          timestamp: { type: 'string', format: 'date-time' },
          slides: {
            type: 'array',
            description: 'Every slide of a carousel; one for an image or a video.',
            items: {
              type: 'object',
              required: ['id', 'type', 'width', 'height', 'renditions', 'hotspots'],
              additionalProperties: false,
              properties: {
                id: { type: 'string' },
                type: { type: 'string', enum: ['image', 'video'] },
                width: { type: 'integer' },
                height: { type: 'integer' },
                renditions: { type: 'array', items: renditionSchema, description: 'Re-hosted stills (`/media/...`, relative to the API), smallest first.' },
                video: { type: 'string', description: 'Re-hosted video file, for video slides.' },
                hotspots: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['id', 'x', 'y', 'productId', 'source'],
                    additionalProperties: false,
                    properties: {
                      id: { type: 'string' },
                      x: unit,
                      y: unit,
                      productId: { type: 'string' },
                      source: { type: 'string', enum: ['instagram', 'merchant'] },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    products: { type: 'array', items: { $ref: 'Product#' } },
  },
} as const;

const hotspotInput = {
  type: 'object',
  required: ['x', 'y', 'productId'],
  additionalProperties: false,
  properties: {
    slide: { type: 'integer', minimum: 0, maximum: 19, default: 0, description: 'Carousel slide index.' },
    x: { ...unit, description: 'From the left edge, 0 to 1.' },
    y: { ...unit, description: 'From the top edge, 0 to 1.' },
    productId: { type: 'string', minLength: 1, maxLength: 100 },
  },
} as const;

const hotspotOutput = {
  type: 'object',
  required: ['id', 'slide', 'x', 'y', 'productId', 'source'],
  additionalProperties: false,
  properties: { id: { type: 'string' }, slide: { type: 'integer' }, x: unit, y: unit, productId: { type: 'string' }, source: { type: 'string' } },
} as const;

const ADMIN_AUTH = 'Requires `Authorization: Bearer <ADMIN_TOKEN>`.';

/**
 * The shoppable Instagram feed: public feed JSON, re-hosted media, and the merchant's admin API and page.
 * The plugin itself is not encapsulated (Fastify's `skip-override`) so `app.feeds` and the scheduler hooks
 * belong to the app; its routes live in an encapsulated child.
 */
export const feedRoutes = Object.assign(
  async (root: FastifyInstance): Promise<void> => {
    const service = new FeedService(root.db, root.serverConfig, root.log);
    root.decorate('feeds', service);
    // The scheduler: Instagram is called on this timer only, never because a shopper opened a page.
    const period = Math.min(60, root.serverConfig.instagram.syncSeconds) * 1000;
    let timer: NodeJS.Timeout | undefined;
    root.addHook('onReady', async () => {
      if (!service.configured) return;
      void service.tick();
      timer = setInterval(() => void service.tick(), period);
      timer.unref();
    });
    root.addHook('preClose', async () => {
      clearInterval(timer);
      await service.stop();
    });
    await root.register(app => routes(app, service));
  },
  { [Symbol.for('skip-override')]: true },
);

/** Stores one hotspot a marketer placed (Instagram product tags come from the feed sync instead). */
async function insertMerchantHotspot(
  db: Queryable,
  feedId: string,
  postId: string,
  hotspot: { id: string; slide: number; x: number; y: number; productId: string },
): Promise<void> {
  await db.query(
    `INSERT INTO feed_hotspots (id, feed_id, post_id, slide, x, y, product_id, source) VALUES ($1, $2, $3, $4, $5, $6, $7, 'merchant')`,
    [hotspot.id, feedId, postId, hotspot.slide, hotspot.x, hotspot.y, hotspot.productId],
  );
}

async function routes(app: FastifyInstance, service: FeedService): Promise<void> {
  const config = app.serverConfig;
  // Product# is registered in the (encapsulated) products plugin; feeds embed products too.
  app.addSchema(productSchema);
  app.addSchema(feedSchema);

  mkdirSync(config.mediaDir, { recursive: true });
  await app.register(fastifyStatic, {
    root: config.mediaDir,
    prefix: '/media/',
    decorateReply: false,
    cacheControl: false,
    index: false,
    // Names carry a content hash: a file never changes once written.
    setHeaders: reply => reply.header('cache-control', 'public, max-age=31536000, immutable'),
  });
  await app.register(fastifyStatic, { root: new URL('../admin/', import.meta.url).pathname, prefix: '/admin/', decorateReply: false, index: 'index.html' });
  // The admin page runs under its own strict CSP: its script is external, and it talks to this origin only.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/admin/') && String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
      reply.header('content-security-policy', "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'");
    }
    return payload;
  });

  app.get(
    '/v1/feeds/:feedId',
    {
      schema: {
        summary: 'A normalized Instagram feed with hotspots and their products',
        description:
          'Served from the database (never calls Instagram); `ETag` + `If-None-Match` give 304, and the cache headers allow stale-while-revalidate. When Instagram fails, the last good feed keeps being served.',
        tags: ['feeds'],
        params: { type: 'object', required: ['feedId'], additionalProperties: false, properties: { feedId } },
        response: { 200: { $ref: 'Feed#' }, 304: { type: 'null', description: 'Not modified' }, 404: { $ref: 'Error#' }, 503: { $ref: 'Error#' } },
      },
    },
    async (request, reply) => {
      const { feedId: id } = request.params as { feedId: string };
      const feed = await service.served(id);
      if (!feed) {
        const { rowCount } = await app.db.query('SELECT 1 FROM instagram_accounts WHERE feed_id = $1', [id]);
        if (rowCount > 0) {
          reply.header('retry-after', '30');
          throw new ApiError(503, 'feed_not_ready', `Feed "${id}" is connected but has not been fetched yet`);
        }
        throw new ApiError(404, 'feed_not_found', `No feed with id "${id}"`);
      }
      reply.header('etag', feed.etag);
      reply.header('cache-control', 'public, max-age=60, stale-while-revalidate=600, stale-if-error=86400');
      if (request.headers['if-none-match'] === feed.etag) return reply.code(304).send();
      return reply.type('application/json; charset=utf-8').send(feed.body);
    },
  );

  app.get(
    '/v1/instagram/callback',
    {
      schema: {
        summary: 'Instagram Login redirect target of the connect flow',
        tags: ['admin'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            code: { type: 'string', maxLength: 2000 },
            state: { type: 'string', maxLength: 200 },
            error: { type: 'string', maxLength: 200 },
            error_reason: { type: 'string', maxLength: 200 },
            error_description: { type: 'string', maxLength: 1000 },
          },
        },
        response: { 302: { type: 'null' }, 400: { $ref: 'Error#' } },
      },
    },
    async (request, reply) => {
      const query = request.query as { code?: string; state?: string; error?: string };
      const feed = query.state ? await service.consumeState(query.state) : undefined;
      if (!feed) throw new ApiError(400, 'invalid_state', 'Unknown or expired connect request; start again from /admin/');
      if (query.error || !query.code) return reply.redirect(`/admin/?feed=${feed}&error=${encodeURIComponent(query.error ?? 'no_code')}`);
      try {
        await service.connect(feed, query.code.replace(/#_$/, ''), `${config.publicUrl}/v1/instagram/callback`);
      } catch (error) {
        request.log.warn({ err: error, feedId: feed }, 'Instagram connect failed');
        return reply.redirect(`/admin/?feed=${feed}&error=connect_failed`);
      }
      // The new connection's first fetch: the scheduler finds the feed due.
      void service.tick();
      return reply.redirect(`/admin/?feed=${feed}&connected=1`);
    },
  );

  await app.register(async admin => {
    admin.addHook('onRequest', async (request: FastifyRequest) => requireAdmin(request, config.adminToken));
    admin.addContentTypeParser(
      ['application/xml', 'text/xml', 'application/rss+xml', 'application/atom+xml', 'text/tab-separated-values'],
      { parseAs: 'string', bodyLimit: 10 * 1024 * 1024 },
      (_request, body, done) => done(null, body),
    );

    const feedParams = { type: 'object', required: ['feedId'], additionalProperties: false, properties: { feedId } } as const;
    const postParams = { type: 'object', required: ['feedId', 'postId'], additionalProperties: false, properties: { feedId, postId } } as const;

    admin.get(
      '/v1/admin/feeds/:feedId',
      {
        schema: {
          summary: 'Feed status for the merchant: connection, token expiry warning, last fetch, posts and hotspots (never the token)',
          tags: ['admin'],
          description: ADMIN_AUTH,
          params: feedParams,
          response: { 401: { $ref: 'Error#' } },
        },
      },
      async request => service.status((request.params as { feedId: string }).feedId),
    );

    admin.post(
      '/v1/admin/feeds/:feedId/sync',
      {
        schema: {
          summary: 'Fetch the feed from Instagram now (backoff still applies)',
          tags: ['admin'],
          description: ADMIN_AUTH,
          params: feedParams,
          response: {
            200: { type: 'object', required: ['ok'], additionalProperties: false, properties: { ok: { type: 'boolean' }, error: { type: 'string' } } },
            401: { $ref: 'Error#' },
          },
        },
      },
      async request => service.sync((request.params as { feedId: string }).feedId),
    );

    admin.post(
      '/v1/admin/feeds/:feedId/instagram/authorize',
      {
        schema: {
          summary: 'Start connecting an Instagram professional account: returns the Instagram Login URL to open',
          tags: ['admin'],
          description: ADMIN_AUTH,
          params: feedParams,
          response: {
            200: { type: 'object', required: ['url'], additionalProperties: false, properties: { url: { type: 'string' } } },
            401: { $ref: 'Error#' },
            409: { $ref: 'Error#' },
          },
        },
      },
      async request => {
        if (!service.configured) throw new ApiError(409, 'instagram_not_configured', 'Set INSTAGRAM_GRAPH_URL, INSTAGRAM_APP_ID and INSTAGRAM_APP_SECRET');
        return { url: await service.authorize((request.params as { feedId: string }).feedId, `${config.publicUrl}/v1/instagram/callback`) };
      },
    );

    /** Checks the post exists in the feed and the slide in the post; 404 / 400 otherwise. */
    async function checkTarget(id: string, post: string, slides: number[]): Promise<void> {
      const { rows } = await app.db.query<{ posts: Array<{ id: string; slides: unknown[] }> }>('SELECT posts FROM feeds WHERE id = $1', [id]);
      const found = rows[0]?.posts.find(candidate => candidate.id === post);
      if (!found) throw new ApiError(404, 'post_not_found', `No post "${post}" in feed "${id}"`);
      const bad = slides.find(slide => slide >= found.slides.length);
      if (bad !== undefined) throw new ApiError(400, 'invalid_slide', `Post "${post}" has ${found.slides.length} slide(s); slide ${bad} does not exist`);
    }
    async function checkProducts(ids: string[]): Promise<void> {
      const known = new Set((await getProducts(app.db, [...new Set(ids)])).map(product => product.id));
      const unknown = ids.find(id => !known.has(id));
      if (unknown) throw new ApiError(400, 'unknown_product', `No product with id "${unknown}" in the catalog`);
    }

    admin.post(
      '/v1/admin/feeds/:feedId/posts/:postId/hotspots',
      {
        schema: {
          summary: 'Place one merchant hotspot on a post (x, y from 0 to 1)',
          tags: ['admin'],
          description: ADMIN_AUTH,
          params: postParams,
          body: hotspotInput,
          response: { 201: hotspotOutput, 400: { $ref: 'Error#' }, 401: { $ref: 'Error#' }, 404: { $ref: 'Error#' } },
        },
      },
      async (request, reply) => {
        const { feedId: id, postId: post } = request.params as { feedId: string; postId: string };
        const body = request.body as { slide: number; x: number; y: number; productId: string };
        await checkTarget(id, post, [body.slide]);
        await checkProducts([body.productId]);
        const hotspot = { id: randomUUID(), slide: body.slide, x: body.x, y: body.y, productId: body.productId, source: 'merchant' };
        await insertMerchantHotspot(app.db, id, post, hotspot);
        await service.build(id);
        return reply.code(201).send(hotspot);
      },
    );

    admin.put(
      '/v1/admin/feeds/:feedId/posts/:postId/hotspots',
      {
        schema: {
          summary: "Replace a post's merchant hotspots (Instagram product tags are kept)",
          tags: ['admin'],
          description: ADMIN_AUTH,
          params: postParams,
          body: {
            type: 'object',
            required: ['hotspots'],
            additionalProperties: false,
            properties: { hotspots: { type: 'array', maxItems: 20, items: hotspotInput } },
          },
          response: {
            200: { type: 'object', required: ['hotspots'], additionalProperties: false, properties: { hotspots: { type: 'array', items: hotspotOutput } } },
            400: { $ref: 'Error#' },
            401: { $ref: 'Error#' },
            404: { $ref: 'Error#' },
          },
        },
      },
      async request => {
        const { feedId: id, postId: post } = request.params as { feedId: string; postId: string };
        const { hotspots } = request.body as { hotspots: Array<{ slide: number; x: number; y: number; productId: string }> };
        await checkTarget(id, post, hotspots.map(hotspot => hotspot.slide));
        await checkProducts(hotspots.map(hotspot => hotspot.productId));
        const saved = hotspots.map(hotspot => ({ id: randomUUID(), ...hotspot, source: 'merchant' }));
        await app.db.transaction(async tx => {
          await tx.query(`DELETE FROM feed_hotspots WHERE feed_id = $1 AND post_id = $2 AND source = 'merchant'`, [id, post]);
          for (const hotspot of saved) {
            await insertMerchantHotspot(tx, id, post, hotspot);
          }
        });
        await service.build(id);
        return { hotspots: saved };
      },
    );

    admin.delete(
      '/v1/admin/feeds/:feedId/posts/:postId/hotspots/:hotspotId',
      {
        schema: {
          summary: 'Remove one hotspot',
          tags: ['admin'],
          description: ADMIN_AUTH,
          params: {
            type: 'object',
            required: ['feedId', 'postId', 'hotspotId'],
            additionalProperties: false,
            properties: { feedId, postId, hotspotId: { type: 'string', format: 'uuid' } },
          },
          response: { 204: { type: 'null' }, 401: { $ref: 'Error#' }, 404: { $ref: 'Error#' } },
        },
      },
      async (request, reply) => {
        const { feedId: id, postId: post, hotspotId } = request.params as { feedId: string; postId: string; hotspotId: string };
        const { rowCount } = await app.db.query('DELETE FROM feed_hotspots WHERE id = $1 AND feed_id = $2 AND post_id = $3', [hotspotId, id, post]);
        if (rowCount === 0) throw new ApiError(404, 'hotspot_not_found', `No hotspot "${hotspotId}" on post "${post}"`);
        await service.build(id);
        return reply.code(204).send();
      },
    );

    admin.post(
      '/v1/admin/catalog/import',
      {
        bodyLimit: 10 * 1024 * 1024,
        schema: {
          summary: 'Import products: JSON, or a Google Merchant Center feed (RSS/Atom XML with g: fields, or TSV)',
          tags: ['admin'],
          description: ADMIN_AUTH,
          body: {
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['products'],
                  additionalProperties: false,
                  properties: { products: { type: 'array', maxItems: 10000, items: { $ref: 'Product#' } } },
                },
              },
              'application/xml': { schema: { type: 'string' } },
              'text/xml': { schema: { type: 'string' } },
              'application/rss+xml': { schema: { type: 'string' } },
              'application/atom+xml': { schema: { type: 'string' } },
              'text/tab-separated-values': { schema: { type: 'string' } },
            },
          },
          response: {
            200: {
              type: 'object',
              required: ['imported', 'skipped'],
              additionalProperties: false,
              properties: {
                imported: { type: 'integer' },
                skipped: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['index', 'reason'],
                    additionalProperties: false,
                    properties: { index: { type: 'integer' }, id: { type: 'string' }, reason: { type: 'string' } },
                  },
                },
              },
            },
            400: { $ref: 'Error#' },
            401: { $ref: 'Error#' },
          },
        },
      },
      async request => {
        const type = String(request.headers['content-type'] ?? '').split(';')[0].trim();
        let parsed: ParsedCatalog;
        if (type === 'application/json') parsed = { products: (request.body as { products: Product[] }).products, skipped: [] };
        else if (type === 'text/tab-separated-values') parsed = parseMerchantTsv(request.body as string);
        else parsed = parseMerchantXml(request.body as string);
        if (parsed.products.length === 0) {
          throw new ApiError(400, 'empty_catalog', `No importable product found${parsed.skipped[0] ? ` (first problem: item ${parsed.skipped[0].index}: ${parsed.skipped[0].reason})` : ''}`);
        }
        const imported = await app.db.transaction(tx => upsertProducts(tx, parsed.products));
        await service.buildAll();
        return { imported, skipped: parsed.skipped };
      },
    );
  });
}
