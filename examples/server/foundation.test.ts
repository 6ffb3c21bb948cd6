import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import { migrate } from './db/migrate.js';
import { type TestServer, startTestServer } from './test-server.js';

describe('example server foundation', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer({}, app => {
      // A test-only route that exercises the shared body validation.
      app.post(
        '/test/echo',
        {
          schema: {
            body: {
              type: 'object',
              required: ['name'],
              additionalProperties: false,
              properties: { name: { type: 'string', maxLength: 20 } },
            },
          },
        },
        async request => request.body,
      );
    });
  });
  after(() => server.close());

  test('GET /healthz says the process serves; GET /readyz that the database answers, migrated', async () => {
    const live = await fetch(`${server.url}/healthz`);
    assert.equal(live.status, 200);
    assert.deepEqual(await live.json(), { status: 'ok', database: server.db.kind });
    const ready = await fetch(`${server.url}/readyz`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { status: 'ready', database: server.db.kind });

    // A migration this code ships that the database has not recorded: not ready, and it says which.
    const { rows } = await server.db.query<{ version: string; applied_at: Date }>("SELECT version, applied_at FROM schema_migrations WHERE version LIKE '007_%'");
    await server.db.query('DELETE FROM schema_migrations WHERE version = $1', [rows[0].version]);
    try {
      const pending = await fetch(`${server.url}/readyz`);
      assert.equal(pending.status, 503);
      assert.deepEqual(await pending.json(), { error: { code: 'migrations_pending', message: `Migrations not applied yet: ${rows[0].version}` } });
    } finally {
      await server.db.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [rows[0].version, rows[0].applied_at]);
    }
    assert.equal((await fetch(`${server.url}/readyz`)).status, 200);
  });

  test('GET /openapi.json is a valid OpenAPI 3 document generated from the routes', async () => {
    const response = await fetch(`${server.url}/openapi.json`);
    assert.equal(response.status, 200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    assert.match(document.openapi, /^3\./);
    assert.ok(document.paths['/healthz'], 'healthz is documented');
    assert.ok(document.paths['/readyz'], 'readyz is documented');
    await SwaggerParser.validate(structuredClone(document) as never);
  });

  const post = (path: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${server.url}${path}`, { method: 'POST', headers, body });

  test('malformed JSON is a 400 with a JSON error body', async () => {
    const response = await post('/test/echo', '{"name": ');
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'invalid_json');
  });

  test('unknown fields are rejected, not stripped', async () => {
    const response = await post('/test/echo', JSON.stringify({ name: 'Camille', admin: true }));
    assert.equal(response.status, 400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'invalid_request');
    assert.match(body.error.message, /additional properties/);
  });

  test('a valid body passes', async () => {
    const response = await post('/test/echo', JSON.stringify({ name: 'Camille' }));
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { name: 'Camille' });
  });

  test('an oversized body is a 413 with a JSON error body', async () => {
    const response = await post('/test/echo', JSON.stringify({ name: 'x'.repeat(300 * 1024) }));
    assert.equal(response.status, 413);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'payload_too_large');
  });

  test('an unsupported content type is a 415 with a JSON error body', async () => {
    const response = await post('/test/echo', 'name=Camille', { 'content-type': 'application/x-www-form-urlencoded' });
    assert.equal(response.status, 415);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'unsupported_media_type');
  });

  test('unknown routes are a 404 with a JSON error body', async () => {
    const response = await fetch(`${server.url}/v1/nothing-here`);
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'not_found');
  });

  test('CORS allows listed origins exactly and never reflects others', async () => {
    const allowed = await fetch(`${server.url}/healthz`, { headers: { origin: 'http://shop.test' } });
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'http://shop.test');
    const other = await fetch(`${server.url}/healthz`, { headers: { origin: 'http://evil.test' } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    const lookalike = await fetch(`${server.url}/healthz`, { headers: { origin: 'http://shop.test.evil.test' } });
    assert.equal(lookalike.headers.get('access-control-allow-origin'), null);
    const preflight = await fetch(`${server.url}/test/echo`, {
      method: 'OPTIONS',
      headers: { origin: 'http://shop.test', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'http://shop.test');
  });

  test('storefront pages carry a strict CSP; the loader is served', async () => {
    const page = await fetch(`${server.url}/`);
    assert.equal(page.status, 200);
    const csp = page.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const loader = await fetch(`${server.url}/vitrine/vitrine.js`);
    assert.equal(loader.status, 200);
    assert.match(loader.headers.get('content-type') ?? '', /javascript/);
  });

  test('the catalog is seeded and served; an unknown product is a 404', async () => {
    const list = (await (await fetch(`${server.url}/v1/products`)).json()) as { products: Array<{ id: string; price: number; link: string }> };
    assert.equal(list.products.length, 6);
    const robe = list.products.find(product => product.id === 'ML-ROBE-CAMILLE');
    assert.equal(robe?.price, 129);
    assert.match(robe?.link ?? '', /^http:\/\/127\.0\.0\.1:\d+\/produits\/robe-camille-lin\.html$/);
    const missing = await fetch(`${server.url}/v1/products/NOPE`);
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'product_not_found');
  });

  test('migrations are recorded and not applied twice', async () => {
    assert.deepEqual(await migrate(server.db), []);
    const { rows } = await server.db.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version');
    assert.equal(rows[0]?.version, '001_foundation');
  });

  test('shutdown finishes in-flight requests, refuses new ones, and closes the database', async () => {
    let started: () => void;
    const handlerStarted = new Promise<void>(resolve => (started = resolve));
    const local = await startTestServer({}, app => {
      app.get('/test/slow', async () => {
        started();
        await new Promise(resolve => setTimeout(resolve, 300));
        return { finished: true };
      });
    });
    const inFlight = fetch(`${local.url}/test/slow`);
    await handlerStarted;
    const closed = local.close();
    const response = await inFlight;
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { finished: true });
    await closed;
    await assert.rejects(fetch(`${local.url}/healthz`));
    await assert.rejects(local.db.query('SELECT 1'));
  });

  test('drain (SIGTERM): /readyz turns 503, in-flight requests finish with connection: close, then new connections are refused', async () => {
    let started: () => void;
    const handlerStarted = new Promise<void>(resolve => (started = resolve));
    let release: () => void;
    const released = new Promise<void>(resolve => (release = resolve));
    const local = await startTestServer({ DRAIN_DELAY_MS: '400' }, app => {
      app.get('/test/slow', async () => {
        started();
        await released;
        return { finished: true };
      });
    });
    const inFlight = fetch(`${local.url}/test/slow`);
    // Idle sockets close at the keep-alive timeout each response announced, which clients stop reusing before.
    assert.equal((await fetch(`${local.url}/healthz`)).headers.get('keep-alive'), 'timeout=5');
    await handlerStarted;
    const drained = local.app.drain();
    assert.equal(local.app.draining, true);
    // During the delay this instance still answers, so a load balancer's probe reads that it is leaving.
    const ready = await fetch(`${local.url}/readyz`);
    assert.equal(ready.status, 503);
    assert.equal(((await ready.json()) as { error: { code: string } }).error.code, 'draining');
    assert.equal(ready.headers.get('connection'), 'close');
    release!();
    const response = await inFlight;
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('connection'), 'close');
    assert.deepEqual(await response.json(), { finished: true });
    await drained;
    await assert.rejects(fetch(`${local.url}/healthz`));
    await assert.rejects(local.db.query('SELECT 1'));
    await local.close();
  });
});
