// The link previews of the share-previews story: the Open Graph and Twitter tags the example server really sends
// for a product page and for a shared wishlist page (/w/:token), read from a test server (in-memory database).
// `node --import tsx scripts/share-previews.ts` rewrites stories/fixtures/share-previews.json; a test checks the
// fixture still equals what the server sends.
import { writeFileSync } from 'node:fs';
import { startTestServer } from '../examples/server/test-server.js';

export interface LinkPreview {
  /** Which page was fetched, as a shopper would share it. */
  page: string;
  tags: Record<string, string>;
}

const SHOP = 'https://maison-lumiere.example';

/** `<meta property|name="og:…|twitter:…" content="…">` of a page, its origin and share token made stable. */
function metaTags(html: string, token?: string): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const [tag] of html.matchAll(/<meta\s[^>]*>/g)) {
    const name = /(?:property|name)="((?:og|twitter):[^"]+)"/.exec(tag)?.[1];
    const content = /content="([^"]*)"/.exec(tag)?.[1];
    if (!name || content === undefined) continue;
    let value = content.replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    // The demo pages carry the local server's address (the storefront's files a fixed one): the shop's stands in.
    value = value.replace(/^http:\/\/127\.0\.0\.1:\d+/, SHOP);
    if (token) value = value.replaceAll(token, 'LIEN-DE-PARTAGE');
    tags[name] = value;
  }
  return tags;
}

export async function recordSharePreviews(): Promise<LinkPreview[]> {
  const server = await startTestServer();
  try {
    const json = async <T>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> => {
      const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() };
      if (init.token) headers.authorization = `Bearer ${init.token}`;
      const response = await fetch(`${server.url}${path}`, { ...init, headers });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return response.json() as Promise<T>;
    };
    const created = await json<{ wishlist: { id: string }; ownerToken: string }>('/v1/wishlists', {
      method: 'POST',
      body: JSON.stringify({ items: [{ productId: 'ML-ROBE-CAMILLE', variant: 'M' }, { productId: 'ML-SAC-CABAS' }] }),
    });
    const shared = await json<{ wishlist: { shareUrl: string } }>(`/v1/wishlists/${created.wishlist.id}/share`, {
      method: 'POST',
      token: created.ownerToken,
      body: JSON.stringify({ ownerName: 'Camille' }),
    });
    const sharePath = new URL(shared.wishlist.shareUrl).pathname;
    const token = sharePath.split('/').pop()!;
    const product = '/produits/robe-camille-lin.html';
    const page = async (path: string) => {
      const response = await fetch(`${server.url}${path}`);
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      return response.text();
    };
    return [
      { page: `${SHOP}${product}`, tags: metaTags(await page(product)) },
      { page: `${SHOP}/w/LIEN-DE-PARTAGE`, tags: metaTags(await page(sharePath), token) },
    ];
  } finally {
    await server.close();
  }
}

export const fixture = new URL('../stories/fixtures/share-previews.json', import.meta.url);

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(fixture, `${JSON.stringify(await recordSharePreviews(), null, 2)}\n`);
  console.log(`wrote ${fixture.pathname}`);
}
