import type { FastifyInstance } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import { BODY_LIMITS } from '../../limits.js';
import { ApiError } from '../../plugins/errors.js';
import { perWindow } from '../../plugins/rate-limit.js';
import { type PageLocale, message, pageLocale, render } from '../../pages/render.js';
import { type WishlistContext, bearer } from './context.js';
import { WishlistRepository } from './repository.js';
import { sharePageSchema, sharedListSchema, voteSchema } from './schemas.js';
import { sha256 } from './tokens.js';

type ShareParams = FromSchema<typeof sharedListSchema.params>;

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
 * voter token, upserted so a vote is never counted twice), and the link's own page. Rate limited per address.
 */
export async function sharedRoutes(app: FastifyInstance, context: WishlistContext): Promise<void> {
  const { tokens, live } = context;
  const lists = new WishlistRepository(app.db);
  const voteRateLimit = perWindow(app.serverConfig.voteRateLimit);

  app.get<{ Params: ShareParams }>('/v1/shared/:token', { config: voteRateLimit, schema: sharedListSchema }, async request => {
    const { shareId, listId } = await context.resolveShare(request.params.token);
    return lists.sharedView(listId, context.voter(request, shareId)?.voterId ?? '');
  });

  app.put<{ Params: FromSchema<typeof voteSchema.params>; Body: FromSchema<typeof voteSchema.body> }>(
    '/v1/shared/:token/items/:itemId/vote',
    { bodyLimit: BODY_LIMITS.wishlist, config: voteRateLimit, schema: voteSchema },
    async request => {
      const { token, itemId } = request.params;
      const { value, comment, firstName } = request.body;
      // Fast path for a returning voter: the signed token names its link, one statement checks the rest.
      // A new voter first resolves the link to get a token minted for it.
      const given = bearer(request);
      const parsed = given ? tokens.parseVoter(given) : undefined;
      if (given && !parsed) throw new ApiError(401, 'voter_token_invalid', 'This voter token was not issued by this server');
      const { shareId, voterId, token: voterToken } = parsed
        ? { ...parsed, token: given as string }
        : await context.resolveShare(token).then(share => ({ shareId: share.shareId, ...tokens.voter(share.shareId) }));
      const row = await lists.vote(
        { itemId, voterId, value, comment: comment?.trim() ?? null, firstName: firstName?.trim() ?? null },
        { id: shareId, tokenHash: sha256(token) },
      );
      if (!row) {
        // Why not: unknown link (404), revoked (410), a token of another link (403), or an item not on the list (404).
        const share = await context.resolveShare(token);
        if (share.shareId !== shareId) throw new ApiError(403, 'voter_token_other_list', 'This voter token belongs to another wishlist link');
        throw new ApiError(404, 'item_not_found', 'No such item on this list');
      }
      // The new tally rides along: the owner's page shows it without reading the list again.
      if (row.changed) live.emit(row.wishlist_id, 'vote', { itemId, productId: row.product_id, variant: row.variant, value, votes: { up: row.up, down: row.down }, comment: row.comment, firstName: row.first_name });
      return {
        item: { id: itemId, productId: row.product_id, variant: row.variant, votes: { up: row.up, down: row.down }, myVote: { value, comment: row.comment, firstName: row.first_name } },
        voterToken,
      };
    },
  );

  app.get<{ Params: ShareParams }>(
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
