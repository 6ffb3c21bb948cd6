import type { FastifyInstance } from 'fastify';
import { BODY_LIMITS, VOTER_QUOTA_PRUNE_MS } from '../../limits.js';
import { ApiError } from '../../plugins/errors.js';
import { clientKey } from '../../plugins/client-address.js';
import { perWindow } from '../../plugins/rate-limit.js';
import { typed } from '../../plugins/type-provider.js';
import { type PageLocale, message, pageLocale, render } from '../../pages/render.js';
import { type WishlistContext, bearer } from './context.js';
import { WishlistRepository } from './repository.js';
import { sharePageSchema, sharedListSchema, voteSchema } from './schemas.js';
import { newVoterId, sha256 } from './tokens.js';
import { VoteWriter } from './vote-writer.js';
import type { VoteOutcome } from './votes.repository.js';

const utcDay = () => new Date().toISOString().slice(0, 10);
/** Seconds until the next UTC day, when an address may mint voters again. */
const secondsUntilTomorrow = (now = Date.now()) => Math.ceil((86_400_000 - (now % 86_400_000)) / 1000);

/** The share link's page, in the shopper's language: head and body filled from templates, every value escaped. */
function sharePage(locale: PageLocale, title: string, lead: string, { head, body }: { head: string; body: string } = { head: '', body: '' }): string {
  return `${render('document', {
    lang: locale,
    title,
    head: render('share', { lang: locale, lead, head }),
    body: render('share-body', { title, lead, body }),
  })}\n`;
}

/**
 * The friends' routes, reached only through a share link `/w/<shareToken>`: the list, the votes (a server-signed
 * voter token, upserted so a vote is never counted twice; voters capped per address, list and day; written by
 * group commit), and the link's own page. Rate limited per address.
 */
export async function sharedRoutes(root: FastifyInstance, context: WishlistContext): Promise<void> {
  const app = typed(root);
  const { tokens, live } = context;
  const lists = new WishlistRepository(app.db);
  const { voteRateLimit: perMinute, votersPerAddress } = app.serverConfig;
  const voteRateLimit = perWindow(perMinute);
  const writer = new VoteWriter(app.db, votersPerAddress, {
    // A PostgreSQL server commits one group while the next is sent; PGlite runs one statement at a time anyway.
    concurrency: app.db.kind === 'postgres' ? 2 : 1,
    // As the collector: with under 40 votes waiting, 2 more turns for the requests already read to join.
    gather: 40,
    gatherTurns: 2,
  });
  app.addHook('onClose', () => writer.flushed());
  const prune = () => app.db.query('DELETE FROM wishlist_voter_quota WHERE day < $1::date', [utcDay()]).catch(() => undefined);
  const pruning = setInterval(prune, VOTER_QUOTA_PRUNE_MS).unref();
  app.addHook('onClose', async () => clearInterval(pruning));

  app.get('/v1/shared/:token', { config: voteRateLimit, schema: sharedListSchema }, async request => {
    const { shareId, listId } = await context.resolveShare(request.params.token);
    return lists.sharedView(listId, context.voter(request, shareId)?.voterId ?? '');
  });

  app.put(
    '/v1/shared/:token/items/:itemId/vote',
    { bodyLimit: BODY_LIMITS.wishlist, config: voteRateLimit, schema: voteSchema },
    async (request, reply) => {
      const { token, itemId } = request.params;
      const { value, comment, firstName } = request.body;
      // A returning voter's signed token names its link; a first vote (no token) gets a voter minted, within
      // the address's cap, and learns its link from the link token.
      const given = bearer(request);
      const parsed = given ? tokens.parseVoter(given) : undefined;
      if (given && !parsed) throw new ApiError(401, 'voter_token_invalid', 'This voter token was not issued by this server');
      const day = utcDay();
      const voterId = parsed?.voterId ?? newVoterId();
      let outcome: VoteOutcome;
      try {
        outcome = await writer.write({
          itemId,
          voterId,
          shareId: parsed?.shareId,
          tokenHash: sha256(token),
          value,
          comment: comment?.trim() ?? null,
          firstName: firstName?.trim() ?? null,
          day,
          addressHash: tokens.address(day, clientKey(request.ip)),
        });
      } catch (error) {
        request.log.error({ err: error }, 'vote not stored');
        reply.header('retry-after', '5');
        throw new ApiError(503, 'storage_unavailable', 'The vote could not be stored; retry later');
      }
      if (outcome.kind === 'capped') {
        reply.header('retry-after', String(secondsUntilTomorrow()));
        throw new ApiError(429, 'too_many_voters', `This connection already voted as ${votersPerAddress} different people on this list today`);
      }
      if (outcome.kind === 'removed') throw new ApiError(403, 'voter_removed', "The list's owner removed this voter's votes");
      if (outcome.kind === 'unmatched') {
        // Why not: unknown link (404), revoked (410), a token of another link (403), or an item not on the list (404).
        const share = await context.resolveShare(token);
        if (parsed && share.shareId !== parsed.shareId) throw new ApiError(403, 'voter_token_other_list', 'This voter token belongs to another wishlist link');
        throw new ApiError(404, 'item_not_found', 'No such item on this list');
      }
      const { productId, variant } = outcome;
      // The new tally rides along: the owner's page shows it without reading the list again.
      if (outcome.changed) live.emit(outcome.wishlistId, 'vote', { itemId, productId, variant, value, votes: { up: outcome.up, down: outcome.down }, comment: outcome.comment, firstName: outcome.firstName });
      return {
        item: { id: itemId, productId, variant, votes: { up: outcome.up, down: outcome.down }, myVote: { value, comment: outcome.comment, firstName: outcome.firstName } },
        voterToken: given ?? tokens.voter(outcome.shareId, voterId).token,
      };
    },
  );

  app.get(
    '/w/:token',
    // Capability URL: never leak it to the sites the page links to, never cache it.
    { config: { ...voteRateLimit, securityHeaders: 'capability' }, schema: sharePageSchema },
    async (request, reply) => {
      const { token } = request.params;
      const locale = pageLocale(request.headers['accept-language']);
      reply.type('text/html; charset=utf-8').header('content-language', locale).header('vary', 'Accept-Language');
      let listId: string;
      try {
        ({ listId } = await context.resolveShare(token));
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        const page = error.statusCode === 410 ? 'share.revoked' : 'share.notFound';
        return reply.status(error.statusCode).send(sharePage(locale, message(locale, `${page}.title`), message(locale, `${page}.lead`)));
      }
      const { owner_name: name, image, count } = await lists.preview(listId);
      const title = name ? message(locale, 'share.title', { name }) : message(locale, 'share.titleAnonymous');
      const lead = message(locale, 'share.lead', { count });
      const head = render('share-meta', {
        title,
        lead,
        url: `${app.serverConfig.publicUrl}/w/${token}`,
        ogLocale: message(locale, 'share.ogLocale'),
        image: image ? render('share-image', { image }) : '',
      });
      return reply.send(sharePage(locale, title, lead, { head, body: render('share-widget', { token }) }));
    },
  );
}
