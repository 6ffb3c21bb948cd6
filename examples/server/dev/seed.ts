import { readFile } from 'node:fs/promises';
import type { Queryable } from '../db/db.js';
import { countProducts, upsertProducts } from '../modules/products/repository.js';
import type { Product } from '../modules/products/schemas.js';

/** Seeds an empty catalog with the demo storefront's products, links made absolute against the public URL. */
export async function seedDemoCatalog(db: Queryable, storefrontDir: string, publicUrl: string): Promise<void> {
  if ((await countProducts(db)) > 0) return;
  const items = JSON.parse(await readFile(`${storefrontDir}/assets/products.json`, 'utf8')) as Array<Product & { slug?: string }>;
  await upsertProducts(
    db,
    items.map(({ slug: _slug, ...product }) => ({
      ...product,
      link: new URL(product.link, `${publicUrl}/`).href,
      image: new URL(product.image, `${publicUrl}/`).href,
    })),
  );
}
