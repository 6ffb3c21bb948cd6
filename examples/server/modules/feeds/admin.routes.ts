import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { guardAdmin } from '../../plugins/admin.js';
import { ApiError } from '../../plugins/errors.js';
import { type FromShared, typed } from '../../plugins/type-provider.js';
import { getProducts } from '../products/repository.js';
import { FeedRepository } from './repository.js';
import type { FeedService } from './scheduler.service.js';
import { addHotspotSchema, authorizeSchema, deleteHotspotSchema, replaceHotspotsSchema, statusSchema, syncSchema } from './schemas.js';

/** The merchant's feed admin: status, sync now, connect Instagram, and the hotspots placed on posts. */
export async function adminRoutes(scope: FastifyInstance, service: FeedService): Promise<void> {
  const app = typed(scope);
  guardAdmin(app);
  const feeds = new FeedRepository(app.db);
  const callbackUrl = `${app.serverConfig.publicUrl}/v1/instagram/callback`;

  /** Checks the post exists in the feed and the slide in the post; 404 / 400 otherwise. */
  async function checkTarget(feedId: string, postId: string, slides: number[]): Promise<void> {
    const found = (await feeds.feed(feedId))?.posts.find(candidate => candidate.id === postId);
    if (!found) throw new ApiError(404, 'post_not_found', `No post "${postId}" in feed "${feedId}"`);
    const bad = slides.find(slide => slide >= found.slides.length);
    if (bad !== undefined) throw new ApiError(400, 'invalid_slide', `Post "${postId}" has ${found.slides.length} slide(s); slide ${bad} does not exist`);
  }
  async function checkProducts(ids: string[]): Promise<void> {
    const known = new Set((await getProducts(app.db, [...new Set(ids)])).map(product => product.id));
    const unknown = ids.find(id => !known.has(id));
    if (unknown) throw new ApiError(400, 'unknown_product', `No product with id "${unknown}" in the catalog`);
  }

  // The contract documents no 200 for the status (the admin page's own view): that reply's type is the service's.
  type StatusRoute = { Params: FromShared<typeof statusSchema.params>; Reply: { 200: Awaited<ReturnType<FeedService['status']>> } };
  scope.get<StatusRoute>('/v1/admin/feeds/:feedId', { schema: statusSchema }, async request => service.status(request.params.feedId));

  app.post('/v1/admin/feeds/:feedId/sync', { schema: syncSchema }, async request => service.sync(request.params.feedId));

  app.post('/v1/admin/feeds/:feedId/instagram/authorize', { schema: authorizeSchema }, async request => {
    if (!service.configured) throw new ApiError(409, 'instagram_not_configured', 'Set INSTAGRAM_GRAPH_URL, INSTAGRAM_APP_ID and INSTAGRAM_APP_SECRET');
    return { url: await service.authorize(request.params.feedId, callbackUrl) };
  });

  app.post(
    '/v1/admin/feeds/:feedId/posts/:postId/hotspots',
    { schema: addHotspotSchema },
    async (request, reply) => {
      const { feedId, postId } = request.params;
      const { slide = 0, x, y, productId } = request.body;
      await checkTarget(feedId, postId, [slide]);
      await checkProducts([productId]);
      const hotspot = { id: randomUUID(), slide, x, y, productId, source: 'merchant' as const };
      await feeds.addHotspot(feedId, postId, 'merchant', hotspot);
      await service.build(feedId);
      return reply.code(201).send(hotspot);
    },
  );

  app.put(
    '/v1/admin/feeds/:feedId/posts/:postId/hotspots',
    { schema: replaceHotspotsSchema },
    async request => {
      const { feedId, postId } = request.params;
      const saved = request.body.hotspots.map(({ slide = 0, ...hotspot }) => ({ id: randomUUID(), slide, ...hotspot, source: 'merchant' as const }));
      await checkTarget(feedId, postId, saved.map(hotspot => hotspot.slide));
      await checkProducts(saved.map(hotspot => hotspot.productId));
      await app.db.transaction(tx => new FeedRepository(tx).replaceHotspots(feedId, postId, 'merchant', saved));
      await service.build(feedId);
      return { hotspots: saved };
    },
  );

  app.delete(
    '/v1/admin/feeds/:feedId/posts/:postId/hotspots/:hotspotId',
    { schema: deleteHotspotSchema },
    async (request, reply) => {
      const { feedId, postId, hotspotId } = request.params;
      if (!(await feeds.deleteHotspot(feedId, postId, hotspotId))) throw new ApiError(404, 'hotspot_not_found', `No hotspot "${hotspotId}" on post "${postId}"`);
      await service.build(feedId);
      return reply.code(204).send();
    },
  );
}
