import type { FromShared } from '../../plugins/type-provider.js';

export const AVAILABILITIES = ['in_stock', 'out_of_stock', 'preorder', 'backorder'] as const;

/** JSON-Schema of a product as the API serves it. */
export const productSchema = {
  $id: 'Product',
  type: 'object',
  required: ['id', 'title', 'price', 'currency', 'availability', 'link', 'image'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 100 },
    title: { type: 'string', minLength: 1, maxLength: 300 },
    description: { type: 'string', maxLength: 5000 },
    price: { type: 'number', minimum: 0, description: 'Major units (euros, not cents).' },
    currency: { type: 'string', pattern: '^[A-Z]{3}$', description: 'ISO 4217 code.' },
    availability: { type: 'string', enum: [...AVAILABILITIES] },
    link: { type: 'string', format: 'uri', pattern: '^https?://' },
    image: { type: 'string', format: 'uri', pattern: '^https?://' },
  },
} as const;

/** A product as the API serves and the import accepts it (a missing description is stored as ''). */
export type Product = FromShared<typeof productSchema>;

export const listProductsSchema = {
  summary: 'The catalog, or the products named in `ids`',
  tags: ['catalog'],
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: { ids: { type: 'string', pattern: '^[^,]{1,100}(,[^,]{1,100}){0,99}$', description: 'Comma-separated product ids.' } },
  },
  response: {
    200: { type: 'object', required: ['products'], properties: { products: { type: 'array', items: { $ref: 'Product#' } } } },
    400: { $ref: 'Error#' },
  },
} as const;

export const getProductSchema = {
  summary: 'One product',
  tags: ['catalog'],
  params: { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 100 } } },
  response: { 200: { $ref: 'Product#' }, 404: { $ref: 'Error#' } },
} as const;
