import { MAX_ITEMS_PER_CREATE } from '../../limits.js';
import { errorResponses as errors } from '../../plugins/errors.js';
import { idempotencyHeaders } from '../../plugins/idempotency.js';
import type { FromShared } from '../../plugins/type-provider.js';

export const uuid = { type: 'string', format: 'uuid' } as const;
export const productId = { type: 'string', minLength: 1, maxLength: 100, pattern: '^[^\\s/]+$' } as const;
export const variant = { type: 'string', maxLength: 40, description: 'Size, colour…; empty for none.' } as const;
export const ownerName = { type: 'string', maxLength: 40, description: 'First name shown to friends: "Aidez Camille à choisir".' } as const;
export const nullableString = { type: ['string', 'null'] } as const;
export const productFields = {
  title: nullableString,
  image: nullableString,
  link: nullableString,
  price: { type: ['number', 'null'] },
  currency: nullableString,
  availability: nullableString,
} as const;
export const tally = {
  type: 'object',
  required: ['up', 'down'],
  additionalProperties: false,
  properties: { up: { type: 'integer' }, down: { type: 'integer' } },
} as const;
export const ownerWishlistSchema = {
  type: 'object',
  required: ['id', 'ownerName', 'items', 'shareUrl'],
  additionalProperties: false,
  properties: {
    id: uuid,
    ownerName: { type: 'string' },
    shareUrl: { ...nullableString, description: 'The active share link, null when none (or revoked).' },
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'productId', 'variant', 'addedAt', 'votes', 'comments'],
        additionalProperties: false,
        properties: {
          id: uuid,
          productId: { type: 'string' },
          variant: { type: 'string' },
          addedAt: { type: 'string', format: 'date-time' },
          ...productFields,
          votes: tally,
          comments: {
            type: 'array',
            items: {
              type: 'object',
              required: ['value', 'comment', 'firstName', 'at'],
              additionalProperties: false,
              properties: { value: { type: 'integer' }, comment: { type: 'string' }, firstName: { type: 'string' }, at: { type: 'string' } },
            },
          },
        },
      },
    },
  },
} as const;
export const myVote = {
  type: 'object',
  required: ['value', 'comment', 'firstName'],
  additionalProperties: false,
  properties: { value: { type: 'integer', enum: [-1, 1] }, comment: { type: 'string' }, firstName: { type: 'string' } },
} as const;
export const sharedItemSchema = {
  type: 'object',
  required: ['id', 'productId', 'variant', 'votes'],
  additionalProperties: false,
  properties: { id: uuid, productId: { type: 'string' }, variant: { type: 'string' }, ...productFields, votes: tally, myVote },
} as const;
export const ownerListResponse = { type: 'object', required: ['wishlist'], additionalProperties: false, properties: { wishlist: ownerWishlistSchema } } as const;
export const ownedResponse = {
  type: 'object',
  required: ['wishlist', 'ownerToken'],
  additionalProperties: false,
  properties: { wishlist: ownerWishlistSchema, ownerToken: { type: 'string', description: 'Keep it secret: it owns the list.' } },
} as const;

export const itemInput = {
  type: 'object',
  required: ['productId'],
  additionalProperties: false,
  properties: { productId, variant },
} as const;

export const shareParams = {
  type: 'object',
  required: ['token'],
  additionalProperties: false,
  properties: { token: { type: 'string', maxLength: 100 } },
} as const;

const listParams = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: uuid } } as const;

export const createSchema = {
  summary: 'Create a guest wishlist (on the first add); answers its owner token',
  tags: ['wishlists'],
  headers: idempotencyHeaders,
  body: {
    type: 'object',
    additionalProperties: false,
    properties: { items: { type: 'array', maxItems: MAX_ITEMS_PER_CREATE, items: itemInput }, ownerName },
  },
  response: { 201: ownedResponse, ...errors(400, 409, 413, 422) },
} as const;

export const ownerListSchema = {
  summary: "The owner's list with tallies and comments (ETag; If-None-Match answers 304)",
  tags: ['wishlists'],
  params: listParams,
  response: { 200: ownerListResponse, 304: { type: 'null', description: 'Not modified' }, ...errors(400, 401, 403) },
} as const;

export const addItemSchema = {
  summary: 'Add a product (and variant) to the list; adding it again changes nothing',
  tags: ['wishlists'],
  headers: idempotencyHeaders,
  params: listParams,
  body: itemInput,
  response: { 201: ownerListResponse, ...errors(400, 401, 403, 409, 413, 422) },
} as const;

export const removeItemSchema = {
  summary: 'Remove a product (and variant) from the list, with its votes; removing it again changes nothing',
  tags: ['wishlists'],
  headers: idempotencyHeaders,
  params: { type: 'object', required: ['id', 'productId'], additionalProperties: false, properties: { id: uuid, productId } },
  querystring: { type: 'object', additionalProperties: false, properties: { variant } },
  response: { 200: ownerListResponse, ...errors(400, 401, 403, 422) },
} as const;

export const shareSchema = {
  summary: 'Create the share link (or answer the active one): a capability URL /w/<token> for friends to vote',
  tags: ['wishlists'],
  headers: idempotencyHeaders,
  params: listParams,
  body: { type: 'object', additionalProperties: false, properties: { ownerName } },
  response: { 200: ownerListResponse, ...errors(400, 401, 403, 413, 422) },
} as const;

export const revokeSchema = {
  summary: 'Revoke the share link: it answers 410 from now on (votes already cast stay)',
  tags: ['wishlists'],
  headers: idempotencyHeaders,
  params: listParams,
  response: { 200: ownerListResponse, ...errors(400, 401, 403, 422) },
} as const;

export const liveSchema = {
  summary: 'Server-Sent Events for the owner: `vote` when a friend votes, `change` otherwise',
  description:
    'Owner-authenticated with the Authorization header, so browsers read it with fetch() streaming (EventSource cannot send headers, and a token in the URL would reach logs).',
  tags: ['wishlists'],
  produces: ['text/event-stream'],
  params: listParams,
  response: { 200: { type: 'string', description: 'text/event-stream' }, ...errors(400, 401, 403) },
} as const;

export const mergeSchema = {
  summary: "Sign-in merge: the guest list (Bearer owner token) joins the signed-in customer's list (session cookie)",
  description:
    'Union by product and variant, earliest added date kept, votes and comments moved, share links kept working; answers the account list and a new owner token for it. Without a guest token, answers the account list.',
  tags: ['wishlists'],
  headers: idempotencyHeaders,
  response: { 200: ownedResponse, ...errors(400, 401, 422) },
} as const;

export const sharedListSchema = {
  summary: "A friend's view of a shared list: products, tallies, and their own votes (Bearer voter token, optional)",
  tags: ['wishlists'],
  params: shareParams,
  response: {
    200: {
      type: 'object',
      required: ['ownerName', 'items'],
      additionalProperties: false,
      properties: { ownerName: { type: 'string' }, items: { type: 'array', items: sharedItemSchema } },
    },
    ...errors(401, 403, 404, 410, 429),
  },
} as const;

export const voteSchema = {
  summary: 'Vote on an item: J\'adore (1) or Pas pour moi (-1), with an optional comment and first name',
  description:
    'One vote per voter per item (unique constraint, upsert): voting again changes the vote, never adds one. Without a voter token, one is issued; send it back as Authorization: Bearer <voterToken>. Omitted comment or first name keep their previous value. Rate-limited per client address. A first vote past the voters one client address may mint on this list today (VOTERS_PER_ADDRESS, default 20) is 429 `too_many_voters` with Retry-After until the next UTC day; a voter whose votes the owner removed is 403 `voter_removed`. Concurrent votes are written together (group commit), each answered once committed; 503 when the database is unavailable.',
  tags: ['wishlists'],
  params: { type: 'object', required: ['token', 'itemId'], additionalProperties: false, properties: { token: shareParams.properties.token, itemId: uuid } },
  body: {
    type: 'object',
    required: ['value'],
    additionalProperties: false,
    properties: {
      value: { type: 'integer', enum: [-1, 1] },
      comment: { type: 'string', maxLength: 280 },
      firstName: { type: 'string', maxLength: 40 },
    },
  },
  response: {
    200: {
      type: 'object',
      required: ['item', 'voterToken'],
      additionalProperties: false,
      properties: { item: sharedItemSchema, voterToken: { type: 'string' } },
    },
    ...errors(400, 401, 403, 404, 410, 413, 429, 503),
  },
} as const;

export const sharePageSchema = {
  summary: "The share link's page: Open Graph preview for messaging apps, then the friend's voting page",
  tags: ['wishlists'],
  produces: ['text/html'],
  params: shareParams,
} as const;

/** The list as its owner sees it (the repository's `ownerView`), in every owner route's answer. */
export type OwnerWishlist = FromShared<typeof ownerWishlistSchema>;
/** The list as a friend sees it through the share link (the repository's `sharedView`): `myVote.value` is `1 | -1`. */
export type SharedList = FromShared<(typeof sharedListSchema.response)[200]>;

const burst = {
  type: 'object',
  required: ['id', 'kind', 'voters', 'votes', 'from', 'to'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', description: 'Stable while the burst grows; the removal route takes it.' },
    kind: { type: 'string', enum: ['address', 'window'], description: '`address`: many new voters from one client address in one day; `window`: many new voters in quick succession.' },
    voters: { type: 'integer', description: 'New voters in the burst.' },
    votes: { type: 'integer', description: 'Votes they hold now: what the removal takes away.' },
    from: { type: 'string', format: 'date-time', description: "The burst's first new voter." },
    to: { type: 'string', format: 'date-time', description: 'Its last.' },
  },
} as const;

export const burstsSchema = {
  summary: 'Suspicious bursts of new voters on the list (last 7 days), for the owner to review',
  description: 'Thresholds in docs/wishlist.md ("Caps and bursts"). Voters already removed are not listed.',
  tags: ['wishlists'],
  params: listParams,
  response: {
    200: { type: 'object', required: ['bursts'], additionalProperties: false, properties: { bursts: { type: 'array', items: burst } } },
    ...errors(400, 401, 403),
  },
} as const;

export const removeBurstSchema = {
  summary: "Remove a burst's votes: its voters' votes are deleted and their tokens vote no more",
  tags: ['wishlists'],
  headers: idempotencyHeaders,
  params: {
    type: 'object',
    required: ['id', 'burstId'],
    additionalProperties: false,
    properties: { id: uuid, burstId: { type: 'string', pattern: '^[A-Za-z0-9_-]{22}$' } },
  },
  response: {
    200: {
      type: 'object',
      required: ['wishlist', 'removedVotes'],
      additionalProperties: false,
      properties: { wishlist: ownerWishlistSchema, removedVotes: { type: 'integer' } },
    },
    ...errors(400, 401, 403, 404, 409, 422),
  },
} as const;
