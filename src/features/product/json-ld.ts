/** The page's schema.org `Product` as JSON-LD: what widgets on a product page read to know which product it shows. */
export type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every node of a JSON-LD document: top-level arrays and `@graph` lists included. */
function nodes(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap(nodes);
  if (!isObject(value)) return [];
  return [value, ...nodes(value['@graph'])];
}

const isProduct = (node: JsonObject) => [node['@type']].flat().includes('Product');

/** The first JSON-LD `Product` of the page; scripts that do not parse are skipped (the page's bug, not ours). */
export function jsonLdProduct(doc: Document = document): JsonObject | undefined {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const product = nodes(JSON.parse(script.textContent ?? '')).find(isProduct);
      if (product) return product;
    } catch {
      continue;
    }
  }
  return undefined;
}
