// Catalog import from the file merchants already have: a Google Merchant Center product feed, as
// RSS 2.0 / Atom XML with the `g:` namespace or as a tab-separated file. A small, tolerant reader, no XML dependency.
import { AVAILABILITIES, type Product } from '../products/schemas.js';

export interface ParsedCatalog {
  products: Product[];
  /** Items left out, with the reason (1-based position in the file). */
  skipped: Array<{ index: number; id?: string; reason: string }>;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(raw: string): string {
  const cdata = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/.exec(raw);
  if (cdata) return cdata[1].trim();
  return raw
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, entity: string) => {
      if (entity[0] === '#') {
        const code = entity[1].toLowerCase() === 'x' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1));
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
      }
      return ENTITIES[entity.toLowerCase()] ?? match;
    })
    .trim();
}

/** `129.00 EUR`, `129,00 EUR`, `EUR 129.00` → 129 and EUR. */
export function parsePrice(value: string): { price: number; currency: string } | undefined {
  const match = /^\s*(?:([A-Za-z]{3})\s*)?(\d+(?:[.,]\d{1,2})?)\s*([A-Za-z]{3})?\s*$/.exec(value);
  const currency = (match?.[3] ?? match?.[1])?.toUpperCase();
  if (!match || !currency) return undefined;
  return { price: Number(match[2].replace(',', '.')), currency };
}

/** `in_stock`, `in stock`, `In Stock` → in_stock. */
function parseAvailability(value: string): Product['availability'] | undefined {
  const normalized = value.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return (AVAILABILITIES as readonly string[]).includes(normalized) ? (normalized as Product['availability']) : undefined;
}

const httpUrl = (value: string | undefined) => (value && /^https?:\/\/[^\s]+$/i.test(value) ? value : undefined);

/** Builds a product from Merchant Center attribute names (with or without `g:`), or says why not. */
function toProduct(fields: Record<string, string>): Product | string {
  const get = (...names: string[]) => names.map(name => fields[name]).find(value => value !== undefined && value !== '');
  const id = get('id');
  const title = get('title');
  const priceText = get('sale_price', 'price');
  const price = priceText ? parsePrice(priceText) : undefined;
  const availability = parseAvailability(get('availability') ?? '');
  const link = httpUrl(get('link', 'canonical_link'));
  const image = httpUrl(get('image_link', 'image'));
  if (!id || id.length > 100) return 'id is missing or longer than 100 characters';
  if (!title) return 'title is missing';
  if (!price) return `price "${priceText ?? ''}" is not like "129.00 EUR"`;
  if (!availability) return `availability "${get('availability') ?? ''}" is not one of ${AVAILABILITIES.join(', ')}`;
  if (!link) return 'link is missing or not an http(s) URL';
  if (!image) return 'image_link is missing or not an http(s) URL';
  return { id, title: title.slice(0, 300), description: (get('description') ?? '').slice(0, 5000), ...price, availability, link, image };
}

function collect(items: Array<Record<string, string>>): ParsedCatalog {
  const result: ParsedCatalog = { products: [], skipped: [] };
  items.forEach((fields, index) => {
    const product = toProduct(fields);
    if (typeof product === 'string') result.skipped.push({ index: index + 1, id: fields.id, reason: product });
    else result.products.push(product);
  });
  return result;
}

/** RSS 2.0 `<item>` or Atom `<entry>` elements, each child element named without its namespace prefix. */
export function parseMerchantXml(xml: string): ParsedCatalog {
  const items = [...xml.matchAll(/<(item|entry)\b[^>]*>([\s\S]*?)<\/\1>/gi)].map(([, , body]) => {
    const fields: Record<string, string> = {};
    for (const [, name, attributes, value] of body.matchAll(/<([A-Za-z_][\w.-]*(?::[\w.-]+)?)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/g)) {
      const key = name.replace(/^[\w.-]+:/, '').toLowerCase();
      // Atom links carry the URL in href.
      const text = value !== undefined ? decode(value) : decode(/\bhref="([^"]*)"/.exec(attributes)?.[1] ?? '');
      if (!(key in fields)) fields[key] = text;
    }
    return fields;
  });
  return collect(items);
}

/** A Merchant Center TSV: a header row (`id`, `title`, `price`, `image link` or `image_link`, …) then one product per line. */
export function parseMerchantTsv(tsv: string): ParsedCatalog {
  const lines = tsv.replace(/^\uFEFF/, '').split(/\r?\n/).filter(line => line.trim() !== '');
  if (lines.length === 0) return { products: [], skipped: [] };
  const header = lines[0].split('\t').map(name => name.trim().toLowerCase().replace(/^g:/, '').replace(/\s+/g, '_'));
  const items = lines.slice(1).map(line => {
    const cells = line.split('\t');
    return Object.fromEntries(header.map((name, index) => [name, (cells[index] ?? '').trim().replace(/^"(.*)"$/, '$1')]));
  });
  return collect(items);
}
