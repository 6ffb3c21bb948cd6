// A DEMO/TEST FAKE of the Instagram API with Instagram Login (graph.instagram.com, api.instagram.com,
// www.instagram.com/oauth/authorize), serving recorded payloads in the documented shape. It never talks
// to Meta. `npm start` runs it on 127.0.0.1 when INSTAGRAM_GRAPH_URL is not configured; tests switch it
// into failure modes (expired token, rate limit) to prove the server survives them.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import sharp from 'sharp';

const recorded = (name: string): unknown => JSON.parse(readFileSync(new URL(`./recorded/${name}.json`, import.meta.url), 'utf8'));

/** `near_limit`: calls succeed but `X-App-Usage` reports 95 % of the quota used. */
export type FakeMode = 'ok' | 'near_limit' | 'expired_token' | 'rate_limited';

export interface FakeInstagram {
  /** Base URL for graph, api and authorize hosts alike. */
  url: string;
  /** Every API call received (media downloads excluded), for assertions. */
  calls: Array<{ path: string; query: Record<string, string> }>;
  setMode(mode: FakeMode): void;
  /** A short authorization code, as the authorize page would hand out. */
  issueCode(): string;
  close(): Promise<void>;
}

interface ErrorFixture {
  status: number;
  body: unknown;
}

/** Two colours per media id, so every picture is distinct but the same on each run. */
const palette = ['#c8643c', '#e9dcc7', '#5d6b4a', '#b98a5a', '#8c3b2f', '#d9b99b', '#3f4a5a', '#a45a52', '#efe6d8', '#7a8450'];
function coloursFor(id: string): [string, string] {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return [palette[hash % palette.length], palette[(hash >>> 8) % palette.length]];
}

async function renderJpeg(id: string, width: number, height: number): Promise<Buffer> {
  const [background, accent] = coloursFor(id);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="${background}"/>
    <circle cx="${width * 0.5}" cy="${height * 0.42}" r="${Math.min(width, height) * 0.22}" fill="${accent}"/>
    <rect x="${width * 0.3}" y="${height * 0.58}" width="${width * 0.4}" height="${height * 0.3}" rx="${width * 0.04}" fill="${accent}" opacity="0.8"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 70 }).toBuffer();
}

export async function startFakeInstagram(options: { port?: number } = {}): Promise<FakeInstagram> {
  const media = recorded('media') as Array<Record<string, unknown>>;
  const me = recorded('me') as Record<string, unknown>;
  const productTags = recorded('product_tags') as Record<string, unknown[]>;
  const errors = recorded('errors') as Record<string, ErrorFixture>;
  const reel = readFileSync(new URL('./recorded/reel.mp4', import.meta.url));
  const tokens = new Set<string>();
  const codes = new Set<string>();
  const images = new Map<string, Promise<Buffer>>();
  const calls: FakeInstagram['calls'] = [];
  let mode: FakeMode = 'ok';
  let base = '';

  const json = (response: ServerResponse, status: number, body: unknown) => {
    const usage = mode === 'near_limit' ? 95 : 1;
    response.writeHead(status, {
      'content-type': 'application/json; charset=UTF-8',
      'x-app-usage': JSON.stringify({ call_count: usage, total_cputime: 1, total_time: 1 }),
    });
    response.end(JSON.stringify(body));
  };
  const fail = (response: ServerResponse, name: string) => json(response, errors[name].status, errors[name].body);
  /** Replaces the recorded CDN placeholder with this fake's own image route. */
  const withCdn = (value: unknown): unknown => JSON.parse(JSON.stringify(value).replaceAll('{{CDN}}', `${base}/cdn`));
  const newToken = (prefix: string) => `${prefix}${randomBytes(24).toString('base64url')}`;

  /** Checks the token and the failure mode; answers with the documented error body when the call must fail. */
  const authorized = (response: ServerResponse, token: string | undefined): boolean => {
    if (mode === 'rate_limited') {
      fail(response, 'rate_limited');
      return false;
    }
    if (!token || !tokens.has(token)) {
      fail(response, 'invalid_token');
      return false;
    }
    if (mode === 'expired_token') {
      fail(response, 'expired_token');
      return false;
    }
    return true;
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', base);
    // graph.instagram.com accepts an optional version prefix such as /v22.0/.
    const path = url.pathname.replace(/^\/v\d+\.\d+(?=\/)/, '');
    const query = Object.fromEntries(url.searchParams);

    const image = /^\/cdn\/v\/[^/]+\/(\d+)_(\d+)x(\d+)_n\.jpg$/.exec(path);
    if (image) {
      const [, id, width, height] = image;
      const key = `${id}:${width}x${height}`;
      if (!images.has(key)) images.set(key, renderJpeg(id, Number(width), Number(height)));
      const body = await images.get(key)!;
      response.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': body.length, 'cache-control': 'max-age=1209600' });
      response.end(body);
      return;
    }
    if (/^\/cdn\/o1\/v\/[^?]+\/\d+\.mp4$/.test(path)) {
      // A short H.264 MP4 (recorded once from a canvas with Chromium's MediaRecorder), for every video.
      const body = reel;
      response.writeHead(200, { 'content-type': 'video/mp4', 'content-length': body.length });
      response.end(body);
      return;
    }

    calls.push({ path, query });
    if (path === '/oauth/authorize') {
      // Instagram shows its consent window; the fake consents at once and redirects with a code (and the `#_` Meta appends).
      const redirect = new URL(query.redirect_uri ?? '');
      redirect.searchParams.set('code', api.issueCode());
      if (query.state) redirect.searchParams.set('state', query.state);
      response.writeHead(302, { location: `${redirect.href}#_` });
      response.end();
      return;
    }
    if (path === '/oauth/access_token' && request.method === 'POST') {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const code = form.get('code') ?? '';
      if (!codes.delete(code) || form.get('grant_type') !== 'authorization_code' || !form.get('client_secret')) {
        fail(response, 'invalid_code');
        return;
      }
      const token = newToken('IGQWshort');
      tokens.add(token);
      json(response, 200, { data: [{ access_token: token, user_id: me.user_id, permissions: 'instagram_business_basic' }] });
      return;
    }
    if (path === '/access_token' && query.grant_type === 'ig_exchange_token') {
      if (!query.client_secret) return fail(response, 'invalid_token');
      if (!authorized(response, query.access_token)) return;
      const token = newToken('IGAAlong');
      tokens.add(token);
      json(response, 200, { access_token: token, token_type: 'bearer', expires_in: 5_184_000 });
      return;
    }
    if (path === '/refresh_access_token' && query.grant_type === 'ig_refresh_token') {
      if (!authorized(response, query.access_token)) return;
      tokens.delete(query.access_token);
      const token = newToken('IGAAlong');
      tokens.add(token);
      json(response, 200, { access_token: token, token_type: 'bearer', expires_in: 5_184_000 });
      return;
    }
    if (path === '/me') {
      if (!authorized(response, query.access_token)) return;
      json(response, 200, me);
      return;
    }
    if (path === '/me/media') {
      if (!authorized(response, query.access_token)) return;
      const limit = Math.min(Number(query.limit ?? 25) || 25, 100);
      const start = query.after ? Number(Buffer.from(query.after, 'base64url').toString()) : 0;
      const page = media.slice(start, start + limit);
      const cursor = (index: number) => Buffer.from(String(index)).toString('base64url');
      const paging: Record<string, unknown> = { cursors: { before: cursor(start), after: cursor(start + page.length) } };
      if (start + limit < media.length) {
        const next = new URL(url.href);
        next.searchParams.set('after', cursor(start + page.length));
        paging.next = next.href;
      }
      json(response, 200, { data: withCdn(page), paging });
      return;
    }
    const tags = /^\/(\d+)\/product_tags$/.exec(path);
    if (tags) {
      if (!authorized(response, query.access_token)) return;
      json(response, 200, { data: withCdn(productTags[tags[1]] ?? []) });
      return;
    }
    json(response, 400, { error: { message: `Unsupported get request. Object with ID '${path.slice(1)}' does not exist`, type: 'GraphMethodException', code: 100, error_subcode: 33, fbtrace_id: 'AbCdEfGhIjKlMnOpQrStUv9' } });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(error => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    });
  });
  await new Promise<void>(resolve => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const api: FakeInstagram = {
    url: base,
    calls,
    setMode: next => {
      mode = next;
    },
    issueCode() {
      const code = `AQ${randomBytes(18).toString('base64url')}`;
      codes.add(code);
      return code;
    },
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return api;
}
