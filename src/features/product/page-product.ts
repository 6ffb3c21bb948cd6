import { jsonLdProduct } from './json-ld.js';
import { safeUrl } from '../../core/url.js';

/** What the page says about itself and the product it shows, read from standard markup. */
export interface PageProduct {
  /** The page's address: `<link rel="canonical">`, then `og:url`, then the address bar (without its hash). */
  url: string;
  /** The product id: the JSON-LD `Product` `sku`, then its `productID`, then `product:retailer_item_id`. */
  id?: string;
  /** The product name, then `og:title`, then the document title. */
  name: string;
  /** Absolute http(s) URL of the product image. */
  image?: string;
  price?: { amount: number; currency: string };
  /** The page's Facebook app id (`<meta property="fb:app_id">`), which Messenger's send dialog requires. */
  facebookAppId?: string;
}

type JsonObject = Record<string, unknown>;

const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

function price(amount: unknown, currency: unknown): PageProduct['price'] {
  const value = typeof amount === 'number' ? amount : typeof amount === 'string' && amount.trim() ? Number(amount) : NaN;
  return Number.isFinite(value) && typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? { amount: value, currency } : undefined;
}

/**
 * Reads the product the page shows from its `<link rel="canonical">`, JSON-LD
 * `Product` (schema.org) and Open Graph tags, JSON-LD first. Every widget reads
 * the product here, so share, wishlist and feed events carry the same id.
 * Cheap enough to call at click time, so single-page apps that swap these tags are read fresh.
 */
export function readPageProduct(doc: Document = document): PageProduct {
  const meta = (property: string) =>
    text(doc.querySelector(`meta[property="${property}"], meta[name="${property}"]`)?.getAttribute('content'));
  const link = (value: unknown) => safeUrl(value, doc.baseURI);
  const product = jsonLdProduct(doc) ?? {};
  // Property access on a string or number is harmless: a malformed offer or image just reads as undefined.
  const offer = first(product.offers) as JsonObject | undefined;
  const image = first(product.image) as JsonObject | string | undefined;
  return {
    url: link(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')) ?? link(meta('og:url')) ?? doc.URL.split('#')[0],
    id: text(product.sku) ?? text(product.productID) ?? meta('product:retailer_item_id'),
    name: text(product.name) ?? meta('og:title') ?? doc.title,
    image: link((image as JsonObject | undefined)?.url ?? image) ?? link(meta('og:image')),
    price: price(offer?.price, offer?.priceCurrency) ?? price(meta('product:price:amount'), meta('product:price:currency')),
    facebookAppId: meta('fb:app_id'),
  };
}
