import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { type TestServer, startTestServer } from './test-server.js';

const ADMIN = { authorization: 'Bearer demo-admin-token' };

const event = (name = 'share', properties: Record<string, unknown> = { network: 'facebook', productId: 'robe-camille-lin' }) => ({
  messageId: randomUUID(),
  name,
  properties,
  timestamp: new Date().toISOString(),
  context: {
    page: { url: 'http://shop.test/produits/robe-camille-lin.html', referrer: '' },
    locale: 'fr',
    widget: 'vitrine-share',
    library: { name: 'vitrine', version: '0.1.0' },
    anonymousId: randomUUID(),
  },
});

interface CollectorAnswer {
  accepted: string[];
  duplicates: string[];
  rejected: Array<{ messageId: string; reason: string }>;
}

describe('events collector', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ EVENTS_RATE_LIMIT: '40' });
  });
  after(() => server.close());

  const post = (body: unknown, contentType = 'application/json', headers: Record<string, string> = {}) =>
    fetch(`${server.url}/v1/events`, {
      method: 'POST',
      headers: { 'content-type': contentType, origin: 'http://shop.test', ...headers },
      body: typeof body === 'string' || body instanceof Blob ? body : JSON.stringify(body),
    });
  const rowsFor = async (ids: string[]) =>
    (await server.db.query<{ message_id: string }>('SELECT message_id FROM events WHERE message_id = ANY($1::uuid[])', [ids])).rows;

  test('stores a JSON batch and answers what was accepted', async () => {
    const batch = [event(), event('wishlist_add', { productId: 'sac-cabas-cuir', variant: 'M' })];
    const response = await post({ batch });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), 'http://shop.test');
    assert.equal(response.headers.get('set-cookie'), null);
    const body = (await response.json()) as CollectorAnswer;
    assert.deepEqual(body, { accepted: batch.map(e => e.messageId), duplicates: [], rejected: [] });
    assert.equal((await rowsFor(batch.map(e => e.messageId))).length, 2);
  });

  test('accepts a text/plain body (a beacon) without a preflight-only content type', async () => {
    const batch = [event('web_vitals', { metric: 'LCP', value: 1234.5, rating: 'good' })];
    const response = await post(JSON.stringify({ batch }), 'text/plain;charset=UTF-8');
    assert.equal(response.status, 200);
    assert.deepEqual(((await response.json()) as CollectorAnswer).accepted, [batch[0].messageId]);
  });

  test('the same batch posted 5 times, concurrently, is stored once; the rest are duplicates', async () => {
    const batch = [event(), event('login_success', { provider: 'google' })];
    const answers = (await Promise.all(Array.from({ length: 5 }, () => post({ batch }).then(r => r.json())))) as CollectorAnswer[];
    const accepted = answers.flatMap(a => a.accepted);
    const duplicates = answers.flatMap(a => a.duplicates);
    assert.deepEqual(accepted.sort(), batch.map(e => e.messageId).sort());
    assert.equal(duplicates.length, 8);
    assert.equal((await rowsFor(batch.map(e => e.messageId))).length, 2);
    const again = (await (await post({ batch })).json()) as CollectorAnswer;
    assert.deepEqual(again.duplicates, batch.map(e => e.messageId));
  });

  test('a batch mixing new and already stored events: the new ones are accepted, whatever the messageId case', async () => {
    const stored = event();
    assert.equal((await post({ batch: [stored] })).status, 200);
    const fresh = [event(), { ...event(), messageId: randomUUID().toUpperCase() }];
    const body = (await (await post({ batch: [fresh[0], { ...stored, messageId: stored.messageId.toUpperCase() }, fresh[1]] })).json()) as CollectorAnswer;
    assert.deepEqual(body, { accepted: fresh.map(e => e.messageId), duplicates: [stored.messageId.toUpperCase()], rejected: [] });
    assert.equal((await rowsFor(fresh.map(e => e.messageId))).length, 2);
  });

  test('invalid events are rejected one by one with a reason; valid ones in the same batch are stored', async () => {
    const good = event();
    const unknownProperty = event('share', { network: 'x', colour: 'red' });
    const unknownName = { ...event(), name: 'page_view' };
    const badId = { ...event(), messageId: 'not-a-uuid' };
    // ajv-formats' uuid takes this form; PostgreSQL's uuid type does not, so the server's uuid format does not either.
    const urnId = { ...event(), messageId: `urn:uuid:${randomUUID()}` };
    const missingRequired = event('hotspot_open', { postId: 'p1' });
    const future = { ...event(), timestamp: new Date(Date.now() + 3 * 24 * 3600e3).toISOString() };
    const extraContext = { ...event(), context: { ...event().context, email: 'a@b.c' } };
    const response = await post({ batch: [good, unknownProperty, unknownName, badId, urnId, missingRequired, future, extraContext] });
    assert.equal(response.status, 200);
    const body = (await response.json()) as CollectorAnswer;
    assert.deepEqual(body.accepted, [good.messageId]);
    const reasons = Object.fromEntries(body.rejected.map(r => [r.messageId, r.reason]));
    assert.match(reasons[unknownProperty.messageId], /\/properties must NOT have additional properties: colour/);
    assert.match(reasons[unknownName.messageId], /\/name must be equal to one of the allowed values/);
    assert.match(reasons['not-a-uuid'], /\/messageId must match format "uuid"/);
    assert.match(reasons[urnId.messageId], /\/messageId must match format "uuid"/);
    assert.match(reasons[missingRequired.messageId], /must have required property 'productId'/);
    assert.match(reasons[future.messageId], /future/);
    assert.match(reasons[extraContext.messageId], /\/context must NOT have additional properties: email/);
    assert.equal((await rowsFor([unknownProperty.messageId, missingRequired.messageId, future.messageId])).length, 0);
  });

  test('an event valid JSON allows but the database cannot store is refused alone; its group and the other requests are stored', async () => {
    // PostgreSQL refuses \u0000 in jsonb text: such an event is refused before any SQL, on its own.
    const nul = event('share', { network: 'facebook', productId: 'robe\u0000camille' });
    const sameBatch = event();
    // Year 0 is a valid date-time for the schema; PostgreSQL has no year 0.
    const yearZero = { ...event(), timestamp: '0000-01-01T00:00:00Z' };
    const otherRequest = [event(), yearZero, event()];
    const [first, second] = await Promise.all([post({ batch: [sameBatch, nul] }), post({ batch: otherRequest })]);
    assert.equal(first.status, 200);
    assert.equal(second.status, 200);
    const answer = (await first.json()) as CollectorAnswer;
    assert.deepEqual(answer.accepted, [sameBatch.messageId]);
    assert.deepEqual(answer.rejected.map(r => r.messageId), [nul.messageId]);
    assert.match(answer.rejected[0].reason, /^\/properties\/productId holds a character this API does not accept/);
    const other = (await second.json()) as CollectorAnswer;
    assert.deepEqual(other.accepted, [otherRequest[0].messageId, otherRequest[2].messageId]);
    assert.deepEqual(other.rejected.map(r => r.messageId), [yearZero.messageId]);
    assert.match(other.rejected[0].reason, /^the database cannot store this event: .*out of range/);
    assert.equal((await rowsFor([sameBatch.messageId, nul.messageId, ...otherRequest.map(e => e.messageId)])).length, 3);
    // Sent again (the client retries nothing rejected, but a copy may be in flight): the same answers.
    const again = (await (await post({ batch: [sameBatch, nul] })).json()) as CollectorAnswer;
    assert.deepEqual([again.duplicates, again.rejected.map(r => r.messageId)], [[sameBatch.messageId], [nul.messageId]]);
  });

  test('a malformed envelope is a 400; __proto__ keys are refused', async () => {
    for (const body of ['{"batch": ', JSON.stringify({ events: [] }), JSON.stringify({ batch: [] }), '{"batch":[{"__proto__":{"admin":true}}]}']) {
      for (const type of ['application/json', 'text/plain']) {
        const response = await post(body, type);
        assert.equal(response.status, 400, `${type} ${body}`);
        assert.ok(((await response.json()) as { error: { code: string } }).error.code);
      }
    }
  });

  test('bodies over 64 KB are a 413 JSON error; compressed or form bodies are refused', async () => {
    const big = JSON.stringify({ batch: Array.from({ length: 200 }, () => event('share', { network: 'x', url: `http://shop.test/${'a'.repeat(400)}` })) });
    assert.ok(big.length > 64 * 1024);
    const response = await post(big);
    assert.equal(response.status, 413);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'payload_too_large');
    const zipped = await post(new Blob([gzipSync(big)]), 'application/json', { 'content-encoding': 'gzip' });
    // Never inflated: a compressed body is not JSON to this route, so no decompression bomb can land.
    assert.equal(zipped.status, 400);
    const other = await post('batch=1', 'application/x-www-form-urlencoded');
    assert.equal(other.status, 415);
  });

  test('the summary counts events per day and name', async () => {
    const response = await fetch(`${server.url}/v1/events/summary`);
    assert.equal(response.status, 200);
    const { rows } = (await response.json()) as { rows: Array<{ day: string; name: string; count: number }> };
    const today = new Date().toISOString().slice(0, 10);
    const share = rows.find(row => row.day === today && row.name === 'share');
    assert.ok(share && share.count >= 3, JSON.stringify(rows));
  });

  test('the admin listing needs the token and returns newest first, filtered by name', async () => {
    assert.equal((await fetch(`${server.url}/v1/events`)).status, 401);
    assert.equal((await fetch(`${server.url}/v1/events`, { headers: { authorization: 'Bearer nope' } })).status, 401);
    const latest = event('feed_view', { feedId: 'home', layout: 'grid', postCount: 12 });
    await post({ batch: [latest] });
    const response = await fetch(`${server.url}/v1/events?name=feed_view&limit=5`, { headers: ADMIN });
    assert.equal(response.status, 200);
    const { events } = (await response.json()) as { events: Array<{ messageId: string; name: string; properties: unknown; receivedAt: string }> };
    assert.equal(events[0].messageId, latest.messageId);
    assert.deepEqual(events[0].properties, latest.properties);
    assert.ok(events.every(e => e.name === 'feed_view'));
    assert.equal((await fetch(`${server.url}/v1/events?name=nope`, { headers: ADMIN })).status, 400);
  });

  test('the collector is rate limited per client with Retry-After', async () => {
    let limited: Response | undefined;
    for (let i = 0; i < 60 && !limited; i++) {
      const response = await post({ batch: [event()] });
      if (response.status === 200) assert.equal(response.headers.get('x-ratelimit-remaining'), null, 'no rate-limit headers on accepted batches');
      if (response.status === 429) limited = response;
      else await response.body?.cancel();
    }
    assert.ok(limited, 'a 429 came back');
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
    assert.equal(((await limited.json()) as { error: { code: string } }).error.code, 'rate_limited');
  });

  test('the OpenAPI document describes the collector', async () => {
    const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    assert.ok(document.paths['/v1/events'].post);
    assert.ok(document.paths['/v1/events/summary'].get);
  });
});
