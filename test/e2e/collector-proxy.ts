import { type IncomingMessage, type ServerResponse, createServer, request as forward } from 'node:http';

export interface ProxiedRequest {
  method: string;
  path: string;
  contentType: string;
  /** messageIds in a collector batch (POST /v1/events), when the body parsed. */
  messageIds: string[];
  /** What the page got back. */
  status: number;
}

export interface CollectorProxy {
  url: string;
  /** Every request the page made through the proxy, in order. */
  log: ProxiedRequest[];
  /** The next `count` POSTs to the collector are answered `status` instead of reaching it. */
  failNext(count: number, status?: number): void;
  /** While true, every POST to the collector is answered 503. */
  down: boolean;
  close(): Promise<void>;
}

/**
 * A reverse proxy on 127.0.0.1 in front of the real storefront server, so the
 * page, its scripts and the collector stay one origin (the storefront's strict
 * CSP allows `connect-src 'self'` only). It records every request and injects
 * collector faults on demand: the real server itself has no test switches.
 */
export async function startCollectorProxy(target: string, port = 0): Promise<CollectorProxy> {
  const log: ProxiedRequest[] = [];
  let failures: { count: number; status: number } = { count: 0, status: 503 };
  const proxy: CollectorProxy = {
    url: '',
    log,
    down: false,
    failNext(count, status = 503) {
      failures = { count, status };
    },
    close: () =>
      new Promise(resolve => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };

  const handle = async (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const path = incoming.url ?? '/';
    const entry: ProxiedRequest = {
      method: incoming.method ?? 'GET',
      path,
      contentType: String(incoming.headers['content-type'] ?? ''),
      messageIds: [],
      status: 0,
    };
    log.push(entry);
    if (entry.method === 'POST' && path.split('?')[0] === '/v1/events') {
      try {
        entry.messageIds = (JSON.parse(body.toString('utf8')) as { batch: Array<{ messageId: string }> }).batch.map(event => event.messageId);
      } catch {
        // Not a batch: the collector will say why.
      }
      if (proxy.down || failures.count > 0) {
        if (failures.count > 0) failures.count--;
        entry.status = proxy.down ? 503 : failures.status;
        outgoing.writeHead(entry.status, { 'content-type': 'application/json' });
        outgoing.end(JSON.stringify({ error: { code: 'injected_fault', message: 'fault injected by the test proxy' } }));
        return;
      }
    }
    const upstream = forward(new URL(path, target), { method: incoming.method, headers: { ...incoming.headers, host: new URL(target).host } }, response => {
      entry.status = response.statusCode ?? 0;
      outgoing.writeHead(entry.status, response.headers);
      response.pipe(outgoing);
    });
    upstream.on('error', () => {
      entry.status = 502;
      outgoing.writeHead(502).end();
    });
    upstream.end(body);
  };

  const server = createServer((incoming, outgoing) => void handle(incoming, outgoing));
  // Keep-alive sockets from the browser would hold close() open.
  server.keepAliveTimeout = 100;
  await new Promise<void>(resolve => server.listen(port, '127.0.0.1', () => resolve()));
  const address = server.address();
  proxy.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return proxy;
}
