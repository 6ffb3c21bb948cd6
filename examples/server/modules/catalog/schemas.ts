import { ADMIN_AUTH } from '../../plugins/admin.js';

/** The import formats besides JSON: a Google Merchant Center feed as XML (RSS 2.0 / Atom) or TSV. */
export const FEED_TYPES = ['application/xml', 'text/xml', 'application/rss+xml', 'application/atom+xml', 'text/tab-separated-values'] as const;

export const catalogImportSchema = {
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
    429: { $ref: 'Error#' },
  },
} as const;
