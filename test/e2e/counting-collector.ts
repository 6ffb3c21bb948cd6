import { readFile } from 'node:fs/promises';
import { type Server, type ServerResponse, createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

export interface Delivery {
  messageId: string;
  name: string;
  /** The status the collector answered (0: never answered: the test held the request). */
  status: number;
}

export interface CountingCollector {
  /** `http://127.0.0.1:<port>/collect`: another origin than the pages. */
  endpoint: string;
  /** Every event of every batch that reached it, in order, with the answer it got. */
  log: Delivery[];
  /** How many times the collector took in `messageId` (answered 2xx or never answered): what a plain store would hold. */
  received(messageId: string): number;
  /** The next `count` batches are answered `status`. */
  failNext(count: number, status: number): void;
  /** While true, batches are read and counted but never answered, as when the tab closes mid-request. */
  hold: boolean;
  close(): Promise<void>;
}

const listen = async (server: Server): Promise<number> => {
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
};
const closing = (server: Server) => () =>
  new Promise<void>(resolve => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

/**
 * A plain collector as a merchant might write one: it stores every event it gets, with no
 * deduplication on messageId, answers 204 with CORS open to any origin (no credentials), and
 * counts. Faults on demand: an error status, or no answer at all.
 */
export async function startCountingCollector(): Promise<CountingCollector> {
  const log: Delivery[] = [];
  let failures = { count: 0, status: 503 };
  const held: ServerResponse[] = [];
  const server = createServer(async (request, response) => {
    response.setHeader('access-control-allow-origin', '*');
    if (request.method === 'OPTIONS') {
      // A preflight would mean the client sent a non-safelisted request: answer it, and the test sees it in the log.
      log.push({ messageId: 'OPTIONS', name: 'preflight', status: 204 });
      return void response.writeHead(204).end();
    }
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    let batch: Array<{ messageId: string; name: string }> = [];
    try {
      batch = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { batch: typeof batch }).batch;
    } catch {
      return void response.writeHead(400).end();
    }
    if (collector.hold) {
      batch.forEach(({ messageId, name }) => log.push({ messageId, name, status: 0 }));
      held.push(response);
      return;
    }
    const status = failures.count > 0 ? (failures.count--, failures.status) : 204;
    batch.forEach(({ messageId, name }) => log.push({ messageId, name, status }));
    response.writeHead(status).end();
  });
  const port = await listen(server);
  const collector: CountingCollector = {
    endpoint: `http://127.0.0.1:${port}/collect`,
    log,
    hold: false,
    received: messageId => log.filter(entry => entry.messageId === messageId && (entry.status === 0 || entry.status < 300)).length,
    failNext(count, status) {
      failures = { count, status };
    },
    close: () => {
      held.forEach(response => response.destroy());
      return closing(server)();
    },
  };
  return collector;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html; charset=utf-8' };

/**
 * A storefront on its own origin: the built script-tag loader and CDN chunks from `dist/`, and
 * `/a.html` and `/b.html`, two pages with share buttons whose events go to `endpoint`.
 */
export async function startPages(endpoint: string): Promise<{ url: string; close(): Promise<void> }> {
  const dist = new URL('../../dist/', import.meta.url).pathname;
  const page = (title: string) => `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${title}</title>
<script src="/vitrine.js" data-endpoint="${endpoint}" data-consent="granted" data-vitals-sample-rate="0" async></script></head>
<body><h1>${title}</h1><vitrine-share networks="pinterest,copy" url="https://shop.example/p/robe"></vitrine-share></body></html>`;
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/a.html' || path === '/b.html') return void response.writeHead(200, { 'content-type': TYPES['.html'] }).end(page(path));
    const file = normalize(join(dist, path));
    if (!file.startsWith(dist)) return void response.writeHead(404).end();
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, close: closing(server) };
}
