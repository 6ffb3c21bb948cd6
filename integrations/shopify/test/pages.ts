// Storefront pages as a Shopify theme would draw them with the extension, and the two local servers the
// browser test needs: one for the shop's pages, one standing in for Shopify's CDN (another origin, like
// cdn.shopify.com, serving the extension's assets with CORS, as module imports across origins require).
import { readFile } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
import { extname, join } from 'node:path';
import { extensionDir, type ShopifyProduct, type shopifyLiquid } from './shopify-liquid.js';

type Shop = Awaited<ReturnType<typeof shopifyLiquid>>;
export type PlacedBlock = [file: string, settings?: Record<string, unknown>];

export interface PageSpec {
  title: string;
  /** The page's path on the shop, for canonical_url. */
  path: string;
  locale: 'fr' | 'en';
  shopUrl: string;
  product?: ShopifyProduct;
  /** The app embed's settings; the embed is on for every page, as merchants switch it on once. */
  embed: Record<string, unknown>;
  header?: PlacedBlock[];
  main?: PlacedBlock[];
}

export async function renderPage(shop: Shop, spec: PageSpec): Promise<string> {
  const context = { locale: spec.locale, product: spec.product };
  const blocks = async (placed: PlacedBlock[] = []) =>
    (await Promise.all(placed.map(([file, settings]) => shop.renderBlock(file, settings, context)))).join('\n');
  const layout = await readFile(join(extensionDir, 'test/fixtures/theme.liquid'), 'utf8');
  return shop.renderTemplate(layout, {
    page_title: spec.title,
    canonical_url: `${spec.shopUrl}${spec.path}`,
    content_for_header: await shop.renderBlock('vitrine.liquid', spec.embed, context),
    header_blocks: await blocks(spec.header),
    main_blocks: await blocks(spec.main),
    product: spec.product,
    request: { locale: { iso_code: spec.locale } },
  });
}

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.html': 'text/html; charset=utf-8', '.svg': 'image/svg+xml' };

export interface LocalServer {
  origin: string;
  close(): Promise<void>;
}

/** A static server on 127.0.0.1: `answer` maps a path to a body, or undefined for a 404. */
export async function serve(port: number, answer: (path: string) => Promise<{ body: string | Buffer; type: string } | undefined>, headers: Record<string, string> = {}): Promise<LocalServer> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://local').pathname;
    answer(path).then(
      found => {
        if (!found) response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        else response.writeHead(200, { 'content-type': found.type, 'cache-control': 'no-store', ...headers }).end(found.body);
      },
      error => response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error)),
    );
  });
  await new Promise<void>(resolve => server.listen(port, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

/** Serves an extension's assets folder under `prefix`, and a placeholder picture for any product image path. */
export function cdnFiles(assetsDir: string, prefix: string) {
  return async (path: string) => {
    if (path.startsWith(`${prefix}/`)) {
      const name = path.slice(prefix.length + 1);
      if (name.includes('/') || name.includes('..')) return undefined;
      try {
        return { body: await readFile(join(assetsDir, name)), type: TYPES[extname(name)] ?? 'application/octet-stream' };
      } catch {
        return undefined;
      }
    }
    if (path.startsWith('/s/files/')) {
      return { type: TYPES['.svg'], body: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 5"><rect width="4" height="5" fill="#c9a27e"/></svg>' };
    }
    return undefined;
  };
}
