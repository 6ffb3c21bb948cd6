import type { FastifyInstance } from 'fastify';
import { ApiError } from '../lib/errors.js';
import { getProducts, productSchema } from '../lib/catalog.js';

export async function productRoutes(app: FastifyInstance): Promise<void> {
  app.addSchema(productSchema);

  app.get(
    '/v1/products',
    {
      schema: {
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
      },
    },
    async request => {
      const { ids } = request.query as { ids?: string };
      return { products: await getProducts(app.db, ids?.split(',')) };
    },
  );

  app.get(
    '/v1/products/:id',
    {
      schema: {
        summary: 'One product',
        tags: ['catalog'],
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 100 } } },
        response: { 200: { $ref: 'Product#' }, 404: { $ref: 'Error#' } },
      },
    },
    async request => {
      const { id } = request.params as { id: string };
      const [product] = await getProducts(app.db, [id]);
      if (!product) throw new ApiError(404, 'product_not_found', `No product with id "${id}"`);
      return product;
    },
  );
}
