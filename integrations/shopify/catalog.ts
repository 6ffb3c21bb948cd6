// The store's products as Vitrine's catalog, keyed by Shopify product id: the id the app blocks give the
// wishlist button and the feed's "look". Reads the storefront's public /products.json (Shopify's documented
// shape) and writes the body of POST /v1/admin/catalog/import.
//
//   node --import tsx integrations/shopify/catalog.ts https://your-shop.example EUR > catalog.json
import { pathToFileURL } from 'node:url';

export interface ShopifyProductsJson {
  products: Array<{
    id: number;
    title: string;
    handle: string;
    body_html?: string | null;
    variants: Array<{ id: number; title: string; price: string; available?: boolean }>;
    images: Array<{ src: string }>;
  }>;
}

export interface CatalogProduct {
  id: string;
  title: string;
  description: string;
  price: number;
  currency: string;
  availability: 'in_stock' | 'out_of_stock';
  link: string;
  image: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
/** The description as plain text: Vitrine never renders catalog data as HTML. */
const plainText = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name])
    .replace(/\s+/g, ' ')
    // A closing inline tag before punctuation (`</strong>,`) left a space there.
    .replace(/ ([,.])/g, '$1')
    .trim();

const httpsUrl = (src: string) => (src.startsWith('//') ? `https:${src}` : src);

/** Products without an image or a variant are left out, with the reason. */
export function toCatalog(
  json: ShopifyProductsJson,
  { shopUrl, currency }: { shopUrl: string; currency: string },
): { products: CatalogProduct[]; skipped: Array<{ id: number; reason: string }> } {
  if (!/^[A-Z]{3}$/.test(currency)) throw new Error(`currency "${currency}": expected an ISO 4217 code such as EUR`);
  const shop = new URL(shopUrl).origin;
  const products: CatalogProduct[] = [];
  const skipped: Array<{ id: number; reason: string }> = [];
  for (const product of json.products) {
    const cheapest = [...product.variants].sort((a, b) => Number(a.price) - Number(b.price))[0];
    const image = product.images[0]?.src;
    if (!cheapest) skipped.push({ id: product.id, reason: 'no variant' });
    else if (!image) skipped.push({ id: product.id, reason: 'no image' });
    else
      products.push({
        id: String(product.id),
        title: product.title.slice(0, 300),
        description: plainText(product.body_html ?? '').slice(0, 5000),
        price: Number(cheapest.price),
        currency,
        availability: product.variants.some(variant => variant.available !== false) ? 'in_stock' : 'out_of_stock',
        link: `${shop}/products/${encodeURIComponent(product.handle)}`,
        image: httpsUrl(image),
      });
  }
  return { products, skipped };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [shopUrl, currency = 'EUR'] = process.argv.slice(2);
  if (!shopUrl) {
    console.error('usage: catalog.ts <shop URL> [currency]');
    process.exit(1);
  }
  // /products.json pages hold at most 250 products.
  const all: ShopifyProductsJson = { products: [] };
  for (let page = 1; ; page++) {
    const response = await fetch(`${new URL(shopUrl).origin}/products.json?limit=250&page=${page}`);
    if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status}`);
    const { products } = (await response.json()) as ShopifyProductsJson;
    all.products.push(...products);
    if (products.length < 250) break;
  }
  const { products, skipped } = toCatalog(all, { shopUrl, currency });
  for (const item of skipped) console.error(`skipped product ${item.id}: ${item.reason}`);
  process.stdout.write(`${JSON.stringify({ products }, null, 2)}\n`);
}
