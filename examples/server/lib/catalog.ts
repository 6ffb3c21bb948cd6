import { readFile } from 'node:fs/promises';
import type { Queryable } from '../db.js';

export const AVAILABILITIES = ['in_stock', 'out_of_stock', 'preorder', 'backorder'] as const;

export interface Product {
  id: string;
  title: string;
  description: string;
  price: number;
  currency: string;
  availability: (typeof AVAILABILITIES)[number];
  link: string;
  image: string;
}

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

const toProduct = (row: Record<string, unknown>): Product => ({
  id: String(row.id),
  title: String(row.title),
  description: String(row.description),
  price: Number(row.price),
  currency: String(row.currency),
  availability: row.availability as Product['availability'],
  link: String(row.link),
  image: String(row.image),
});

/** Inserts or updates products by id (pass a transaction to make an import all-or-nothing). */
export async function upsertProducts(db: Queryable, products: Product[]): Promise<number> {
  for (const product of products) {
    await db.query(
      `INSERT INTO products (id, title, description, price, currency, availability, link, image, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
       ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description, price = EXCLUDED.price,
         currency = EXCLUDED.currency, availability = EXCLUDED.availability, link = EXCLUDED.link, image = EXCLUDED.image, updated_at = now()`,
      [product.id, product.title, product.description, product.price, product.currency, product.availability, product.link, product.image],
    );
  }
  return products.length;
}

export async function getProducts(db: Queryable, ids?: string[]): Promise<Product[]> {
  const { rows } = ids
    ? await db.query('SELECT * FROM products WHERE id = ANY($1::text[]) ORDER BY id', [ids])
    : await db.query('SELECT * FROM products ORDER BY id');
  return rows.map(toProduct);
}

/** Seeds an empty catalog with the demo storefront's products, links made absolute against the public URL. */
export async function seedDemoCatalog(db: Queryable, storefrontDir: string, publicUrl: string): Promise<void> {
  const { rows } = await db.query('SELECT count(*)::int AS count FROM products');
  if (Number(rows[0]?.count) > 0) return;
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
