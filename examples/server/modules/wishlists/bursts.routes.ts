import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../plugins/errors.js';
import { typed } from '../../plugins/type-provider.js';
import { findBursts, recentVoters, removeVoters } from './bursts.js';
import type { WishlistContext } from './context.js';
import { burstsSchema, removeBurstSchema } from './schemas.js';

/**
 * The owner's review of suspicious bursts of new voters (bursts.ts): the list of them, and the removal of one
 * burst's votes, idempotent like every owner change and announced on the live channel.
 */
export async function burstRoutes(root: FastifyInstance, context: WishlistContext): Promise<void> {
  const app = typed(root);
  app.get('/v1/wishlists/:id/bursts', { schema: burstsSchema }, async request => {
    const listId = await context.ownedList(request);
    return { bursts: findBursts(await recentVoters(app.db, listId)).map(({ voterIds: _, ...burst }) => burst) };
  });

  app.delete('/v1/wishlists/:id/bursts/:burstId', { schema: removeBurstSchema }, async (request, reply) => {
    const listId = await context.ownedList(request);
    const body = await app.idempotent(request, reply, listId, async tx => {
      const burst = findBursts(await recentVoters(tx, listId)).find(entry => entry.id === request.params.burstId);
      if (!burst) throw new ApiError(404, 'burst_not_found', 'No such burst on this list (already removed?)');
      const removedVotes = await removeVoters(tx, burst.voterIds);
      return { status: 200, body: { wishlist: await context.ownerView(tx, listId), removedVotes } };
    });
    context.live.emit(listId, 'change');
    return body;
  });
}
