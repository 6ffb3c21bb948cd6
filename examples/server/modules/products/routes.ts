import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../plugins/errors.js';
import { typed } from '../../plugins/type-provider.js';
import { getProducts } from './repository.js';
import { getProductSchema, listProductsSchema, type productSchema } from './schemas.js';

export async function productRoutes(root: FastifyInstance): Promise<void> {
  const app = typed<[typeof productSchema]>(root);
  app.get('/v1/products', { schema: listProductsSchema }, async request => ({
    products: await getProducts(app.db, request.query.ids?.split(',')),
  }));

  app.get('/v1/products/:id', { schema: getProductSchema }, async request => {
    const [product] = await getProducts(app.db, [request.params.id]);
    if (!product) throw new ApiError(404, 'product_not_found', `No product with id "${request.params.id}"`);
    return product;
  });
}
