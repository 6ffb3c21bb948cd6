import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../../db/db.js';
import { ApiError } from '../../plugins/errors.js';
import type { LiveUpdates } from './live.service.js';
import { WishlistRepository } from './repository.js';
import { TOKEN_PATTERN, type WishlistTokens, sha256 } from './tokens.js';

export const bearer = (request: FastifyRequest) => /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];

/** The route's `:id`, validated by its schema; the merge route has none. */
const listIdOf = ({ params }: FastifyRequest): string | undefined =>
  typeof params === 'object' && params !== null && 'id' in params && typeof params.id === 'string' ? params.id : undefined;

/** What the owner's and the friends' routes share: the tokens, the live channel, and the two authentications. */
export class WishlistContext {
  constructor(
    readonly db: Queryable,
    readonly tokens: WishlistTokens,
    readonly live: LiveUpdates,
    private readonly publicUrl: string,
  ) {}

  readonly shareUrl = (shareId: string) => `${this.publicUrl}/w/${this.tokens.share(shareId)}`;

  ownerView(db: Queryable, listId: string) {
    return new WishlistRepository(db).ownerView(listId, this.shareUrl);
  }

  /** The list the request's owner token (Bearer) owns: 401 without or with an unknown token, 403 for another list's `:id`. */
  async ownedList(request: FastifyRequest, db: Queryable = this.db): Promise<string> {
    const token = bearer(request);
    if (!token) throw new ApiError(401, 'owner_token_required', 'Send the owner token as Authorization: Bearer <token>');
    const listId = await new WishlistRepository(db).listOfOwnerToken(sha256(token));
    if (!listId) throw new ApiError(401, 'owner_token_invalid', 'Unknown owner token');
    const id = listIdOf(request);
    if (id !== undefined && listId !== id) throw new ApiError(403, 'not_owner', 'This token does not own that wishlist');
    return listId;
  }

  /** The share behind a link token: 404 unknown, 410 revoked. */
  async resolveShare(token: string): Promise<{ shareId: string; listId: string }> {
    if (!new RegExp(TOKEN_PATTERN).test(token)) throw new ApiError(404, 'share_not_found', 'No wishlist behind this link');
    const share = await new WishlistRepository(this.db).shareByTokenHash(sha256(token));
    if (!share) throw new ApiError(404, 'share_not_found', 'No wishlist behind this link');
    if (share.revoked_at) throw new ApiError(410, 'share_revoked', 'The owner turned this link off');
    return { shareId: share.id, listId: share.wishlist_id };
  }

  /** The voter behind the request's Bearer token (signed for one share link): 401 forged, 403 another link's. */
  voter(request: FastifyRequest, shareId: string): { voterId: string; token: string } | undefined {
    const token = bearer(request);
    if (!token) return undefined;
    const parsed = this.tokens.parseVoter(token);
    if (!parsed) throw new ApiError(401, 'voter_token_invalid', 'This voter token was not issued by this server');
    if (parsed.shareId !== shareId) throw new ApiError(403, 'voter_token_other_list', 'This voter token belongs to another wishlist link');
    return { voterId: parsed.voterId, token };
  }
}
