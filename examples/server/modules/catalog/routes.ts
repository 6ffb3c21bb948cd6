import type { FastifyInstance } from 'fastify';
import { BODY_LIMITS } from '../../limits.js';
import { guardAdmin } from '../../plugins/admin.js';
import { ApiError } from '../../plugins/errors.js';
import { typed } from '../../plugins/type-provider.js';
import type { productSchema } from '../products/schemas.js';
import { upsertProducts } from '../products/repository.js';
import { type ParsedCatalog, parseMerchantTsv, parseMerchantXml } from './merchant-feed.js';
import { FEED_TYPES, catalogImportSchema } from './schemas.js';

/** The merchant's catalog import: JSON, or the Merchant Center feed they already have. Feeds embedding products are rebuilt. */
export async function catalogRoutes(root: FastifyInstance): Promise<void> {
  const app = typed<[typeof productSchema]>(root);
  guardAdmin(app);
  app.addContentTypeParser([...FEED_TYPES], { parseAs: 'string', bodyLimit: BODY_LIMITS.catalogImport }, (_request, body, done) => done(null, body));

  app.post('/v1/admin/catalog/import', { bodyLimit: BODY_LIMITS.catalogImport, schema: catalogImportSchema }, async request => {
    const { body } = request;
    let parsed: ParsedCatalog;
    if (typeof body !== 'string') parsed = { products: body.products, skipped: [] };
    else if (request.headers['content-type']?.split(';')[0].trim() === 'text/tab-separated-values') parsed = parseMerchantTsv(body);
    else parsed = parseMerchantXml(body);
    if (parsed.products.length === 0) {
      const first = parsed.skipped[0];
      throw new ApiError(400, 'empty_catalog', `No importable product found${first ? ` (first problem: item ${first.index}: ${first.reason})` : ''}`);
    }
    const imported = await app.db.transaction(tx => upsertProducts(tx, parsed.products));
    await app.feeds.buildAll();
    return { imported, skipped: parsed.skipped };
  });
}
