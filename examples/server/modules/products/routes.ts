import type { FastifyInstance } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import { ApiError } from '../../plugins/errors.js';
import { getProducts } from './repository.js';
import { getProductSchema, listProductsSchema } from './schemas.js';

export async function productRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: FromSchema<typeof listProductsSchema.querystring> }>('/v1/products', { schema: listProductsSchema }, async request => ({
    products: await getProducts(app.db, request.query.ids?.split(',')),
  }));

  app.get<{ Params: FromSchema<typeof getProductSchema.params> }>('/v1/products/:id', { schema: getProductSchema }, async request => {
    const [product] = await getProducts(app.db, [request.params.id]);
    if (!product) throw new ApiError(404, 'product_not_found', `No product with id "${request.params.id}"`);
    return product;
  });
}
