import type { Queryable } from '../../db/db.js';
import type { Product } from './schemas.js';

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
      [product.id, product.title, product.description ?? '', product.price, product.currency, product.availability, product.link, product.image],
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

export async function countProducts(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM products');
  return Number(rows[0]?.count ?? 0);
}
