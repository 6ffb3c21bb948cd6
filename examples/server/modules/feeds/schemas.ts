import { ADMIN_AUTH } from '../../plugins/admin.js';

export const feedId = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,62}$', description: 'Feed id, e.g. maison-lumiere.' } as const;
export const postId = { type: 'string', pattern: '^[0-9A-Za-z_-]{1,64}$' } as const;
const unit = { type: 'number', minimum: 0, maximum: 1 } as const;

const renditionSchema = {
  type: 'object',
  required: ['width', 'webp', 'jpeg'],
  additionalProperties: false,
  properties: { width: { type: 'integer' }, webp: { type: 'string' }, jpeg: { type: 'string' } },
} as const;

export const feedSchema = {
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

export const hotspotInput = {
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

export const hotspotOutput = {
  type: 'object',
  required: ['id', 'slide', 'x', 'y', 'productId', 'source'],
  additionalProperties: false,
  properties: { id: { type: 'string' }, slide: { type: 'integer' }, x: unit, y: unit, productId: { type: 'string' }, source: { type: 'string' } },
} as const;


const feedParams = { type: 'object', required: ['feedId'], additionalProperties: false, properties: { feedId } } as const;
const postParams = { type: 'object', required: ['feedId', 'postId'], additionalProperties: false, properties: { feedId, postId } } as const;

export const feedRouteSchema = {
  summary: 'A normalized Instagram feed with hotspots and their products',
  description:
    'Served from the database (never calls Instagram); `ETag` + `If-None-Match` give 304, and the cache headers allow stale-while-revalidate. When Instagram fails, the last good feed keeps being served.',
  tags: ['feeds'],
  params: { type: 'object', required: ['feedId'], additionalProperties: false, properties: { feedId } },
  response: { 200: { $ref: 'Feed#' }, 304: { type: 'null', description: 'Not modified' }, 404: { $ref: 'Error#' }, 503: { $ref: 'Error#' } },
} as const;

export const callbackSchema = {
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
} as const;

export const statusSchema = {
  summary: 'Feed status for the merchant: connection, token expiry warning, last fetch, posts and hotspots (never the token)',
  tags: ['admin'],
  description: ADMIN_AUTH,
  params: feedParams,
  response: { 401: { $ref: 'Error#' }, 429: { $ref: 'Error#' } },
} as const;

export const syncSchema = {
  summary: 'Fetch the feed from Instagram now (backoff still applies)',
  tags: ['admin'],
  description: ADMIN_AUTH,
  params: feedParams,
  response: {
    200: { type: 'object', required: ['ok'], additionalProperties: false, properties: { ok: { type: 'boolean' }, error: { type: 'string' } } },
    401: { $ref: 'Error#' },
    429: { $ref: 'Error#' },
  },
} as const;

export const authorizeSchema = {
  summary: 'Start connecting an Instagram professional account: returns the Instagram Login URL to open',
  tags: ['admin'],
  description: ADMIN_AUTH,
  params: feedParams,
  response: {
    200: { type: 'object', required: ['url'], additionalProperties: false, properties: { url: { type: 'string' } } },
    401: { $ref: 'Error#' },
    429: { $ref: 'Error#' },
    409: { $ref: 'Error#' },
  },
} as const;

export const addHotspotSchema = {
  summary: 'Place one merchant hotspot on a post (x, y from 0 to 1)',
  tags: ['admin'],
  description: ADMIN_AUTH,
  params: postParams,
  body: hotspotInput,
  response: { 201: hotspotOutput, 400: { $ref: 'Error#' }, 401: { $ref: 'Error#' },
    429: { $ref: 'Error#' }, 404: { $ref: 'Error#' } },
} as const;

export const replaceHotspotsSchema = {
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
    429: { $ref: 'Error#' },
    404: { $ref: 'Error#' },
  },
} as const;

export const deleteHotspotSchema = {
  summary: 'Remove one hotspot',
  tags: ['admin'],
  description: ADMIN_AUTH,
  params: {
    type: 'object',
    required: ['feedId', 'postId', 'hotspotId'],
    additionalProperties: false,
    properties: { feedId, postId, hotspotId: { type: 'string', format: 'uuid' } },
  },
  response: { 204: { type: 'null' }, 401: { $ref: 'Error#' },
    429: { $ref: 'Error#' }, 404: { $ref: 'Error#' } },
} as const;
