import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { type TestServer, startTestServer } from '../test-server.js';
import { rawExchange } from './raw-http.js';

const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

describe('one error shape, 405, strict votes', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ VOTE_RATE_LIMIT: '100000' });
  });
  after(() => server.close());

  test('a known path with another method is a 405 naming the allowed methods', async () => {
    const response = await fetch(`${server.url}/v1/products`, { method: 'DELETE' });
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'GET, HEAD');
    assert.equal((await errorOf(response)).code, 'method_not_allowed');
    const parametric = await fetch(`${server.url}/v1/wishlists/${randomUUID()}/items`, { method: 'GET' });
    assert.equal(parametric.status, 405);
    assert.equal(parametric.headers.get('allow'), 'POST');
    const unknown = await fetch(`${server.url}/v1/nothing-here`, { method: 'POST' });
    assert.equal(unknown.status, 404);
    assert.equal((await errorOf(unknown)).code, 'not_found');
  });

  test('bad percent-encoding is a 400 in the documented shape', async () => {
    const response = await fetch(`${server.url}/v1/products/%zz`);
    assert.equal(response.status, 400);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal((await errorOf(response)).code, 'invalid_url');
  });

  test('oversized headers are a 431 in the documented shape', async () => {
    const { answer } = await rawExchange(server.url, [`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`]);
    assert.match(answer, /^HTTP\/1\.1 431 /);
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { error: { code: string } };
    assert.equal(body.error.code, 'headers_too_large');
  });

  test('a NUL in a path parameter or a JSON string is a 400, never a 500', async () => {
    const product = await fetch(`${server.url}/v1/products/a%00b`);
    assert.equal(product.status, 400);
    assert.equal((await errorOf(product)).code, 'invalid_text');
    const list = await fetch(`${server.url}/v1/wishlists`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({ ownerName: 'Ca\u0000mille', items: [] }),
    });
    assert.equal(list.status, 400);
    assert.match((await errorOf(list)).message, /\/ownerName/);
  });

  test('a vote is exactly 1 or -1: "1" and true are refused, not counted', async () => {
    const created = await fetch(`${server.url}/v1/wishlists`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({ items: [{ productId: 'ML-ROBE-CAMILLE' }] }),
    });
    const { wishlist, ownerToken } = (await created.json()) as { wishlist: { id: string; items: Array<{ id: string }> }; ownerToken: string };
    const shared = await fetch(`${server.url}/v1/wishlists/${wishlist.id}/share`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), authorization: `Bearer ${ownerToken}` },
      body: '{}',
    });
    const shareToken = ((await shared.json()) as { wishlist: { shareUrl: string } }).wishlist.shareUrl.split('/').pop();
    const vote = (value: unknown) =>
      fetch(`${server.url}/v1/shared/${shareToken}/items/${wishlist.items[0].id}/vote`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ value }),
      });
    for (const value of ['1', true, 1.0000001, 2, 0, '-1', [1]]) {
      const response = await vote(value);
      assert.equal(response.status, 400, `value ${JSON.stringify(value)}`);
      assert.equal((await errorOf(response)).code, 'invalid_request');
    }
    const counted = await vote(-1);
    assert.equal(counted.status, 200);
    assert.deepEqual(((await counted.json()) as { item: { votes: unknown } }).item.votes, { up: 0, down: 1 });
  });
});

describe('collector Origin rule', () => {
  const event = () => ({
    messageId: randomUUID(),
    name: 'share',
    timestamp: new Date().toISOString(),
    properties: { network: 'pinterest', url: 'https://shop.test/p/1' },
    context: { page: { url: 'https://shop.test/p/1' }, library: { name: 'vitrine', version: '0.1.0' }, locale: 'fr' },
  });
  const post = (url: string, headers: Record<string, string>) =>
    fetch(`${url}/v1/events`, { method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8', ...headers }, body: JSON.stringify({ batch: [event()] }) });

  test('a simple POST from a site not on the allowlist is refused; from the storefront it is stored', async () => {
    const server = await startTestServer({ ALLOWED_ORIGINS: 'http://shop.test' });
    try {
      const evil = await post(server.url, { origin: 'http://evil.test' });
      assert.equal(evil.status, 403);
      assert.equal((await errorOf(evil)).code, 'origin_not_allowed');
      const sandboxed = await post(server.url, { origin: 'null' });
      assert.equal(sandboxed.status, 403);
      const shop = await post(server.url, { origin: 'http://shop.test' });
      assert.equal(shop.status, 200);
      assert.equal(((await shop.json()) as { accepted: string[] }).accepted.length, 1);
      const { rows } = await server.db.query<{ count: number }>('SELECT count(*)::int AS count FROM events');
      assert.equal(rows[0].count, 1, 'only the storefront event is stored');
    } finally {
      await server.close();
    }
  });

  test('without an Origin, only a sender with the configured collector key is accepted', async () => {
    const keyless = await startTestServer({ ALLOWED_ORIGINS: 'http://shop.test' });
    try {
      const response = await post(keyless.url, {});
      assert.equal(response.status, 403);
      assert.equal((await errorOf(response)).code, 'origin_required');
    } finally {
      await keyless.close();
    }
    const server = await startTestServer({ ALLOWED_ORIGINS: 'http://shop.test', COLLECTOR_KEY: 'server-to-server-key-0123456789' });
    try {
      const wrong = await post(server.url, { authorization: 'Bearer not-the-key' });
      assert.equal(wrong.status, 401);
      assert.equal((await errorOf(wrong)).code, 'collector_key_invalid');
      const right = await post(server.url, { authorization: 'Bearer server-to-server-key-0123456789' });
      assert.equal(right.status, 200);
    } finally {
      await server.close();
    }
  });
});

describe('admin rate limit', () => {
  test('wrong admin tokens in a burst get 429, not an endless series of 401', async () => {
    const server = await startTestServer({ ADMIN_RATE_LIMIT: '20' });
    try {
      const statuses: number[] = [];
      for (const path of ['/v1/admin/feeds/maison-lumiere', '/v1/events']) {
        for (let i = 0; i < 30; i++) statuses.push((await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer guess-${i}` } })).status);
      }
      assert.deepEqual(statuses.slice(0, 20), Array(20).fill(401));
      assert.deepEqual(statuses.slice(20, 30), Array(10).fill(429));
      const limited = await fetch(`${server.url}/v1/admin/feeds/maison-lumiere`, { headers: { authorization: `Bearer ${server.config.adminToken}` } });
      assert.equal(limited.status, 429, 'the right token waits too once the address is over the limit');
      assert.ok(limited.headers.get('retry-after'));
      assert.equal((await errorOf(limited)).code, 'rate_limited');
    } finally {
      await server.close();
    }
  });
});
