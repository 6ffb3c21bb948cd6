import type { FastifyInstance } from 'fastify';
import { pickEncoding } from './encodings.js';
import { ApiError } from '../../plugins/errors.js';
import { type FromShared, typed } from '../../plugins/type-provider.js';
import type { productSchema } from '../products/schemas.js';
import { adminRoutes } from './admin.routes.js';
import { FeedService } from './scheduler.service.js';
import { callbackSchema, feedRouteSchema, feedSchema } from './schemas.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The Instagram feed pipeline (scheduler, sync, builds). */
    feeds: FeedService;
  }
}

/** The scheduler's timer: at most this often, whatever the sync period (a due feed is not kept waiting long). */
const TICK_MS = 60_000;

/**
 * The shoppable Instagram feed: public feed JSON, the connect callback, and the merchant's admin API.
 * The plugin itself is not encapsulated (Fastify's `skip-override`) so `app.feeds` and the scheduler hooks
 * belong to the app; its routes live in an encapsulated child.
 */
export const feedRoutes = Object.assign(
  async (root: FastifyInstance): Promise<void> => {
    const service = new FeedService(root.db, root.serverConfig, root.log);
    root.decorate('feeds', service);
    // The scheduler: Instagram is called on this timer only, never because a shopper opened a page.
    const period = Math.min(TICK_MS, root.serverConfig.instagram.syncSeconds * 1000);
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

async function routes(scope: FastifyInstance, service: FeedService): Promise<void> {
  const app = typed<[typeof feedSchema, typeof productSchema]>(scope);
  const { publicUrl } = app.serverConfig;
  app.addSchema(feedSchema);

  // The 200 is the feed's JSON, built and stored ahead (its document is typed from the Feed schema where it is
  // built, projection.service.ts) and sent as it is, compressed ahead too: this one route's reply is those bytes.
  type FeedRoute = { Params: FromShared<typeof feedRouteSchema.params>; Reply: { 200: Buffer; 304: undefined } };
  scope.get<FeedRoute>('/v1/feeds/:feedId', { schema: feedRouteSchema }, async (request, reply) => {
    const { feedId } = request.params;
    const feed = await service.served(feedId);
    if (!feed) {
      if (await service.isConnected(feedId)) {
        reply.header('retry-after', '30');
        throw new ApiError(503, 'feed_not_ready', `Feed "${feedId}" is connected but has not been fetched yet`);
      }
      throw new ApiError(404, 'feed_not_found', `No feed with id "${feedId}"`);
    }
    reply.header('etag', feed.etag);
    reply.header('cache-control', 'public, max-age=60, stale-while-revalidate=600, stale-if-error=86400');
    reply.header('vary', 'accept-encoding');
    if (request.headers['if-none-match'] === feed.etag) return reply.code(304).send();
    const encoding = pickEncoding(request.headers['accept-encoding']);
    if (encoding !== 'identity') reply.header('content-encoding', encoding);
    return reply.type('application/json; charset=utf-8').code(200).send(feed.body[encoding]);
  });

  app.get('/v1/instagram/callback', { schema: callbackSchema }, async (request, reply) => {
    const { code, state, error } = request.query;
    const feed = state ? await service.consumeState(state) : undefined;
    if (!feed) throw new ApiError(400, 'invalid_state', 'Unknown or expired connect request; start again from /admin/');
    if (error || !code) return reply.redirect(`/admin/?feed=${feed}&error=${encodeURIComponent(error ?? 'no_code')}`);
    try {
      await service.connect(feed, code.replace(/#_$/, ''), `${publicUrl}/v1/instagram/callback`);
    } catch (failure) {
      request.log.warn({ err: failure, feedId: feed }, 'Instagram connect failed');
      return reply.redirect(`/admin/?feed=${feed}&error=connect_failed`);
    }
    // The new connection's first fetch: the scheduler finds the feed due.
    void service.tick();
    return reply.redirect(`/admin/?feed=${feed}&connected=1`);
  });

  await app.register(scope => adminRoutes(scope, service));
}
