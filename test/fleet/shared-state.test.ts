// Two instances on one PostgreSQL hold nothing a client depends on: an owner's live stream on A hears a
// friend's vote on B, with the new tally; a rate limit counts the hits on both together; an Idempotency-Key
// used on A replays on B.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { type Fleet, startFleet } from './fleet.js';
import { createDatabase } from './postgres.js';

const serverUrl = process.env.DATABASE_URL;
const skip = serverUrl ? false : 'DATABASE_URL is not set: the fleet tests need a PostgreSQL server (.ci/run starts one; docs/scale.md)';

/** Requests per minute and address on the friends' routes, low enough to reach in a test. */
const VOTE_RATE_LIMIT = 6;
/** The promise: a vote on B reaches the owner's stream on A within a second. */
const LIVE_WITHIN_MS = 1000;

interface List {
  wishlist: { id: string; shareUrl: string | null; items: Array<{ id: string; productId: string }> };
  ownerToken: string;
}

async function call<T>(url: string, method: string, path: string, { body, token, key }: { body?: unknown; token?: string; key?: string } = {}) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as T };
}

/** Server-Sent Events read from a fetch stream, one message at a time. */
function eventReader(stream: ReadableStream<Uint8Array>) {
  const reader = stream.pipeThrough(new TextDecoderStream() as TransformStream<Uint8Array, string>).getReader();
  let buffer = '';
  return async (): Promise<{ event?: string; data?: Record<string, unknown>; comment?: string }> => {
    while (!buffer.includes('\n\n')) {
      const chunk = await reader.read();
      if (chunk.done) throw new Error('the stream ended');
      buffer += chunk.value;
    }
    const block = buffer.slice(0, buffer.indexOf('\n\n'));
    buffer = buffer.slice(block.length + 2);
    const event = /^event: (\w+)$/m.exec(block)?.[1];
    return event ? { event, data: JSON.parse(/^data: (.*)$/m.exec(block)![1]) } : { comment: block };
  };
}

describe('a fleet of two instances on one PostgreSQL: nothing shared in memory', { skip }, () => {
  let database: Awaited<ReturnType<typeof createDatabase>> | undefined;
  let fleet: Fleet | undefined;

  before(async () => {
    database = await createDatabase(serverUrl!, `fleet_${randomBytes(6).toString('hex')}`);
    fleet = await startFleet(database.url, { env: { VOTE_RATE_LIMIT: String(VOTE_RATE_LIMIT) } });
  });
  after(async () => {
    await fleet?.stop();
    await database?.drop();
  });

  test("the owner's live stream on A hears a friend's vote on B within a second, with the new tally; and B's changes", async () => {
    const [a, b] = fleet!.instances;
    const created = await call<List>(a.url, 'POST', '/v1/wishlists', { body: { items: [{ productId: 'ML-ROBE-CAMILLE' }] }, key: randomUUID() });
    assert.equal(created.status, 201);
    const { wishlist, ownerToken } = created.body;
    const shareKey = randomUUID();
    const shared = await call<List>(b.url, 'POST', `/v1/wishlists/${wishlist.id}/share`, { body: {}, token: ownerToken, key: shareKey });
    const shareToken = new URL(shared.body.wishlist.shareUrl!).pathname.split('/').pop()!;

    const controller = new AbortController();
    const stream = await fetch(`${a.url}/v1/wishlists/${wishlist.id}/events`, { headers: { authorization: `Bearer ${ownerToken}` }, signal: controller.signal });
    assert.equal(stream.status, 200);
    const read = eventReader(stream.body!);
    assert.match((await read()).comment ?? '', /^retry:/);
    // The share's own notice may still be on its way from B when this stream opens: the owner's client knows
    // that key and ignores it.
    const next = async () => {
      const message = await read();
      return message.event === 'change' && message.data?.key === shareKey ? read() : message;
    };
    try {
      const voted = await call<{ item: { votes: unknown } }>(b.url, 'PUT', `/v1/shared/${shareToken}/items/${wishlist.items[0].id}/vote`, { body: { value: 1 } });
      assert.equal(voted.status, 200);
      const answered = Date.now();
      const message = await Promise.race([next(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no message within ${LIVE_WITHIN_MS} ms`)), LIVE_WITHIN_MS))]);
      console.log(`# the vote on B reached the stream on A ${Date.now() - answered} ms after B answered it`);
      assert.deepEqual(message, {
        event: 'vote',
        data: { itemId: wishlist.items[0].id, productId: 'ML-ROBE-CAMILLE', variant: '', value: 1, votes: { up: 1, down: 0 }, comment: '', firstName: '' },
      });
      assert.deepEqual(voted.body.item.votes, { up: 1, down: 0 });

      // The owner's change on another device, through B: A's stream names its Idempotency-Key.
      const key = randomUUID();
      assert.equal((await call(b.url, 'POST', `/v1/wishlists/${wishlist.id}/items`, { body: { productId: 'ML-SAC-CABAS' }, token: ownerToken, key })).status, 201);
      assert.deepEqual(await next(), { event: 'change', data: { key } });
    } finally {
      controller.abort();
    }
  });

  test('an Idempotency-Key used on A replays on B', async () => {
    const [a, b] = fleet!.instances;
    const key = randomUUID();
    const first = await call<List>(a.url, 'POST', '/v1/wishlists', { body: { items: [{ productId: 'ML-FOULARD-SOIE' }] }, key });
    const again = await call<List>(b.url, 'POST', '/v1/wishlists', { body: { items: [{ productId: 'ML-FOULARD-SOIE' }] }, key });
    assert.equal(first.status, 201);
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(again.body.wishlist.id, first.body.wishlist.id, 'one list, not two');
  });

  test('a rate limit counts the hits on A and B together', async () => {
    const [a, b] = fleet!.instances;
    const { wishlist, ownerToken } = (await call<List>(a.url, 'POST', '/v1/wishlists', { body: { items: [{ productId: 'ML-JUPE-PLISSEE' }] }, key: randomUUID() })).body;
    const shared = await call<List>(a.url, 'POST', `/v1/wishlists/${wishlist.id}/share`, { body: {}, token: ownerToken, key: randomUUID() });
    const path = new URL(shared.body.wishlist.shareUrl!).pathname.replace('/w/', '/v1/shared/');
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let hit = 0; hit < VOTE_RATE_LIMIT * 2 + 2; hit++) {
      const response = await fetch(`${(hit % 2 === 0 ? a : b).url}${path}`);
      await response.body?.cancel();
      statuses.push(response.status);
      if (response.status === 429) retryAfter ??= response.headers.get('retry-after');
    }
    assert.deepEqual(statuses, [...Array(VOTE_RATE_LIMIT).fill(200), ...Array(VOTE_RATE_LIMIT + 2).fill(429)], 'the limit is one, not one per instance');
    assert.ok(Number(retryAfter) > 0, 'a 429 says when to retry');
  });
});
