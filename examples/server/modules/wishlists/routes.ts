import type { FastifyInstance } from 'fastify';
import { burstRoutes } from './bursts.routes.js';
import { LiveUpdates } from './live.service.js';
import { ownerRoutes } from './owner.routes.js';
import { WishlistRepository } from './repository.js';
import { sharedRoutes } from './shared.routes.js';
import { WishlistContext } from './context.js';
import { WishlistTokens } from './tokens.js';

/*
 * Wishlists with friend votes. Owners authenticate with `Authorization: Bearer <ownerToken>`; friends reach a list
 * only through a share link `/w/<shareToken>` and vote with a server-signed voter token. Every owner mutation
 * requires an Idempotency-Key; votes are PUTs an upsert makes idempotent (one row per voter per item).
 */
export async function wishlistRoutes(app: FastifyInstance): Promise<void> {
  const tokens = new WishlistTokens(await new WishlistRepository(app.db).secret(app.serverConfig.wishlistSecret));
  const live = new LiveUpdates(app.db.channels, app.log);
  await live.start();
  app.onDrain(() => live.close());
  app.addHook('preClose', async () => live.close());
  const context = new WishlistContext(app.db, tokens, live, app.serverConfig.publicUrl);
  await ownerRoutes(app, context);
  await sharedRoutes(app, context);
  await burstRoutes(app, context);
}
