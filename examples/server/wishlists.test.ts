import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { upsertCustomer } from './modules/auth/session.js';
import { sha256 } from './modules/wishlists/tokens.js';
import { type TestServer, startTestServer } from './test-server.js';

interface Item {
  id: string;
  productId: string;
  variant: string;
  addedAt: string;
  title: string | null;
  votes: { up: number; down: number };
  comments: Array<{ value: number; comment: string; firstName: string }>;
  myVote?: { value: number; comment: string; firstName: string };
}
interface Wishlist {
  id: string;
  ownerName: string;
  shareUrl: string | null;
  items: Item[];
}

const key = () => randomUUID();

describe('wishlists API', () => {
  let server: TestServer;
  before(async () => {
    // One test address stands for hundreds of friends voting at once: no per-address connection or voter cap here.
    server = await startTestServer({ VOTE_RATE_LIMIT: '100000', MAX_CONNECTIONS_PER_ADDRESS: '1000', VOTERS_PER_ADDRESS: '100000' });
  });
  after(() => server.close());

  const call = async <T = Record<string, unknown>>(method: string, path: string, options: { body?: unknown; token?: string; idem?: string | false; headers?: Record<string, string> } = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.idem !== false && method !== 'GET') headers['idempotency-key'] = options.idem ?? key();
    const response = await fetch(`${server.url}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T };
  };
  const create = async (items: Array<{ productId: string; variant?: string }>, ownerName?: string) => {
    const response = await call<{ wishlist: Wishlist; ownerToken: string }>('POST', '/v1/wishlists', { body: { items, ...(ownerName ? { ownerName } : {}) } });
    assert.equal(response.status, 201, JSON.stringify(response.body));
    return response.body;
  };
  const share = async (id: string, token: string, ownerName?: string) => {
    const response = await call<{ wishlist: Wishlist }>('POST', `/v1/wishlists/${id}/share`, { token, body: ownerName ? { ownerName } : {} });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    const url = new URL(response.body.wishlist.shareUrl!);
    return url.pathname.split('/').pop()!;
  };
  const vote = (shareToken: string, itemId: string, body: unknown, voterToken?: string) =>
    call<{ item: Item; voterToken: string }>('PUT', `/v1/shared/${shareToken}/items/${itemId}/vote`, { body, token: voterToken, idem: false });

  test('a guest list is created on the first add and owned through a secret token', async () => {
    const { wishlist, ownerToken } = await create([{ productId: 'ML-ROBE-CAMILLE', variant: 'M' }]);
    assert.match(ownerToken, /^[A-Za-z0-9_-]{43}$/, '256-bit base64url token');
    assert.deepEqual(
      wishlist.items.map(item => [item.productId, item.variant, item.title]),
      [['ML-ROBE-CAMILLE', 'M', 'Robe Camille en lin']],
    );
    const stored = await server.db.query('SELECT token_hash FROM wishlist_owner_tokens WHERE wishlist_id = $1', [wishlist.id]);
    assert.deepEqual(stored.rows, [{ token_hash: sha256(ownerToken) }], 'only the hash is stored');

    assert.equal((await call('GET', `/v1/wishlists/${wishlist.id}`)).status, 401);
    assert.equal((await call('GET', `/v1/wishlists/${wishlist.id}`, { token: 'x'.repeat(43) })).status, 401);
    const other = await create([]);
    assert.equal((await call('GET', `/v1/wishlists/${wishlist.id}`, { token: other.ownerToken })).status, 403);
    // `urn:uuid:…` passes ajv-formats' uuid but not PostgreSQL's uuid type: a 400 from validation, before any query.
    const urn = await call<{ error: { code: string } }>('GET', `/v1/wishlists/urn:uuid:${wishlist.id}`, { token: ownerToken });
    assert.equal(urn.status, 400);

    const read = await call<{ wishlist: Wishlist }>('GET', `/v1/wishlists/${wishlist.id}`, { token: ownerToken });
    assert.equal(read.status, 200);
    const etag = read.headers.get('etag')!;
    assert.ok(etag);
    const again = await call('GET', `/v1/wishlists/${wishlist.id}`, { token: ownerToken, headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    await call('POST', `/v1/wishlists/${wishlist.id}/items`, { token: ownerToken, body: { productId: 'ML-SAC-CABAS' } });
    const changed = await call('GET', `/v1/wishlists/${wishlist.id}`, { token: ownerToken, headers: { 'if-none-match': etag } });
    assert.equal(changed.status, 200, 'a change gives a new ETag');
  });

  test('Idempotency-Key: required, replayed, and not reusable for another request', async () => {
    const { wishlist, ownerToken } = await create([]);
    const path = `/v1/wishlists/${wishlist.id}/items`;
    const missing = await call<{ error: { code: string } }>('POST', path, { token: ownerToken, body: { productId: 'ML-SAC-CABAS' }, idem: false });
    assert.equal(missing.status, 400);

    const k = key();
    const first = await call<{ wishlist: Wishlist }>('POST', path, { token: ownerToken, body: { productId: 'ML-SAC-CABAS' }, idem: k });
    const replay = await call<{ wishlist: Wishlist }>('POST', path, { token: ownerToken, body: { productId: 'ML-SAC-CABAS' }, idem: k });
    assert.equal(first.status, 201);
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(replay.body, first.body);
    const reused = await call<{ error: { code: string } }>('POST', path, { token: ownerToken, body: { productId: 'ML-FOULARD-SOIE' }, idem: k });
    assert.equal(reused.status, 422);
    assert.equal(reused.body.error.code, 'idempotency_key_reused');

    // A double click: 20 identical requests at once make one item.
    const k2 = key();
    const burst = await Promise.all(
      Array.from({ length: 20 }, () => call('POST', path, { token: ownerToken, body: { productId: 'ML-JUPE-PLISSEE', variant: '38' }, idem: k2 })),
    );
    assert.ok(burst.every(response => response.status === 201 || response.status === 409), burst.map(response => response.status).join());
    const { rows } = await server.db.query("SELECT count(*)::int AS n FROM wishlist_items WHERE wishlist_id = $1 AND product_id = 'ML-JUPE-PLISSEE'", [wishlist.id]);
    assert.equal(rows[0].n, 1);

    // Creating a list is idempotent too, and the replay answers the same owner token.
    const k3 = key();
    const created = await call<{ wishlist: Wishlist; ownerToken: string }>('POST', '/v1/wishlists', { body: { items: [] }, idem: k3 });
    const recreated = await call<{ wishlist: Wishlist; ownerToken: string }>('POST', '/v1/wishlists', { body: { items: [] }, idem: k3 });
    assert.equal(recreated.body.wishlist.id, created.body.wishlist.id);
    assert.equal(recreated.body.ownerToken, created.body.ownerToken);
  });

  test('items: unknown products are a 422, removal is by product and variant', async () => {
    const { wishlist, ownerToken } = await create([{ productId: 'ML-ROBE-CAMILLE', variant: 'S' }, { productId: 'ML-ROBE-CAMILLE', variant: 'M' }]);
    const unknown = await call<{ error: { code: string } }>('POST', `/v1/wishlists/${wishlist.id}/items`, { token: ownerToken, body: { productId: 'NOPE-404' } });
    assert.equal(unknown.status, 422);
    assert.equal(unknown.body.error.code, 'unknown_product');
    const badCreate = await call('POST', '/v1/wishlists', { body: { items: [{ productId: 'NOPE-404' }] } });
    assert.equal(badCreate.status, 422);
    const removed = await call<{ wishlist: Wishlist }>('DELETE', `/v1/wishlists/${wishlist.id}/items/ML-ROBE-CAMILLE?variant=S`, { token: ownerToken });
    assert.equal(removed.status, 200);
    assert.deepEqual(removed.body.wishlist.items.map(item => item.variant), ['M']);
    const extra = await call('POST', `/v1/wishlists/${wishlist.id}/items`, { token: ownerToken, body: { productId: 'ML-SAC-CABAS', color: 'red' } });
    assert.equal(extra.status, 400, 'unknown fields are rejected');
  });

  test('share links: capability path token, preview page, friend view, revocation', async () => {
    const { wishlist, ownerToken } = await create([{ productId: 'ML-ROBE-CAMILLE', variant: 'M' }, { productId: 'ML-SAC-CABAS' }]);
    const shareToken = await share(wishlist.id, ownerToken, 'Camille');
    assert.match(shareToken, /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(shareToken, ownerToken);
    const shared = await call<{ wishlist: Wishlist }>('POST', `/v1/wishlists/${wishlist.id}/share`, { token: ownerToken, body: {} });
    assert.equal(new URL(shared.body.wishlist.shareUrl!).pathname, `/w/${shareToken}`, 'sharing again answers the same link');
    assert.equal(new URL(shared.body.wishlist.shareUrl!).search, '');

    const pageResponse = await fetch(`${server.url}/w/${shareToken}`);
    assert.equal(pageResponse.status, 200);
    assert.match(pageResponse.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.equal(pageResponse.headers.get('referrer-policy'), 'no-referrer');
    const html = await pageResponse.text();
    assert.match(html, /<html lang="fr">/);
    assert.match(html, /<meta property="og:title" content="Aidez Camille à choisir">/);
    assert.match(html, /<meta property="og:image" content="[^"]*robe-camille-lin\.svg">/);
    assert.match(html, new RegExp(`<vitrine-wishlist mode="shared" share-token="${shareToken}">`));
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
    assert.doesNotMatch(html, /style=|<style/, 'no inline style');

    const view = await call<{ ownerName: string; items: Item[] }>('GET', `/v1/shared/${shareToken}`);
    assert.equal(view.status, 200);
    assert.equal(view.body.ownerName, 'Camille');
    assert.deepEqual(view.body.items.map(item => item.productId), ['ML-ROBE-CAMILLE', 'ML-SAC-CABAS']);

    assert.equal((await call('GET', `/v1/shared/${randomBytes(32).toString('base64url')}`)).status, 404);
    assert.equal((await fetch(`${server.url}/w/${randomBytes(32).toString('base64url')}`)).status, 404);
    assert.equal((await fetch(`${server.url}/w/short`)).status, 404);

    const revoked = await call<{ wishlist: Wishlist }>('DELETE', `/v1/wishlists/${wishlist.id}/share`, { token: ownerToken });
    assert.equal(revoked.body.wishlist.shareUrl, null);
    const gone = await call<{ error: { code: string } }>('GET', `/v1/shared/${shareToken}`);
    assert.equal(gone.status, 410);
    assert.equal(gone.body.error.code, 'share_revoked');
    assert.equal((await fetch(`${server.url}/w/${shareToken}`)).status, 410);
    assert.equal((await vote(shareToken, view.body.items[0].id, { value: 1 })).status, 410);
  });

  test('votes: one per voter per item, changeable, with a short comment; tallies count rows', async () => {
    const { wishlist, ownerToken } = await create([{ productId: 'ML-ROBE-CAMILLE' }, { productId: 'ML-SAC-CABAS' }]);
    const shareToken = await share(wishlist.id, ownerToken);
    const [robe, sac] = wishlist.items;

    const first = await vote(shareToken, robe.id, { value: 1, comment: 'Superbe !', firstName: 'Léa' });
    assert.equal(first.status, 200);
    const voterToken = first.body.voterToken;
    assert.deepEqual(first.body.item.votes, { up: 1, down: 0 });

    // 1,000 repeats with the same voter token, 50 at a time: still one vote.
    for (let batch = 0; batch < 20; batch++) {
      const responses = await Promise.all(Array.from({ length: 50 }, () => vote(shareToken, robe.id, { value: 1 }, voterToken)));
      assert.ok(responses.every(response => response.status === 200));
    }
    const count = await server.db.query('SELECT count(*)::int AS n FROM wishlist_votes WHERE item_id = $1', [robe.id]);
    assert.equal(count.rows[0].n, 1);

    const changed = await vote(shareToken, robe.id, { value: -1 }, voterToken);
    assert.deepEqual(changed.body.item.votes, { up: 0, down: 1 });
    assert.deepEqual(changed.body.item.myVote, { value: -1, comment: 'Superbe !', firstName: 'Léa' }, 'omitted fields keep their value');

    const tooLong = await vote(shareToken, sac.id, { value: 1, comment: 'x'.repeat(281) }, voterToken);
    assert.equal(tooLong.status, 400);
    assert.equal((await vote(shareToken, sac.id, { value: 2 }, voterToken)).status, 400);
    assert.equal((await vote(shareToken, randomUUID(), { value: 1 }, voterToken)).status, 404);
    const forged = `${voterToken.slice(0, -4)}AAAA`;
    assert.equal((await vote(shareToken, sac.id, { value: 1 }, forged)).status, 401);
    const otherList = await create([{ productId: 'ML-SAC-CABAS' }]);
    const otherShare = await share(otherList.wishlist.id, otherList.ownerToken);
    assert.equal((await vote(otherShare, otherList.wishlist.items[0].id, { value: 1 }, voterToken)).status, 403);
    assert.equal((await vote(otherShare, sac.id, { value: 1 })).status, 404, 'an item of another list');

    // 200 different friends: exactly 200 votes.
    const friends = await Promise.all(Array.from({ length: 200 }, () => vote(shareToken, sac.id, { value: 1 })));
    assert.ok(friends.every(response => response.status === 200));
    const view = await call<{ wishlist: Wishlist }>('GET', `/v1/wishlists/${wishlist.id}`, { token: ownerToken });
    const tallies = Object.fromEntries(view.body.wishlist.items.map(item => [item.productId, item.votes]));
    assert.deepEqual(tallies, { 'ML-ROBE-CAMILLE': { up: 0, down: 1 }, 'ML-SAC-CABAS': { up: 200, down: 0 } });
    assert.deepEqual(view.body.wishlist.items[0].comments.map(c => [c.firstName, c.comment, c.value]), [['Léa', 'Superbe !', -1]]);

    const mine = await call<{ items: Item[] }>('GET', `/v1/shared/${shareToken}`, { token: voterToken });
    assert.deepEqual(mine.body.items[0].myVote, { value: -1, comment: 'Superbe !', firstName: 'Léa' });
    assert.equal(mine.body.items[1].myVote, undefined);
  });

  test('owners get Server-Sent Events when a friend votes', async () => {
    const { wishlist, ownerToken } = await create([{ productId: 'ML-TRENCH-CLASSIQUE' }]);
    const shareToken = await share(wishlist.id, ownerToken);
    assert.equal((await fetch(`${server.url}/v1/wishlists/${wishlist.id}/events`)).status, 401);
    const controller = new AbortController();
    const stream = await fetch(`${server.url}/v1/wishlists/${wishlist.id}/events`, {
      headers: { authorization: `Bearer ${ownerToken}` },
      signal: controller.signal,
    });
    assert.equal(stream.status, 200);
    assert.match(stream.headers.get('content-type') ?? '', /text\/event-stream/);
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    assert.match((await reader.read()).value ?? '', /retry:/);
    await vote(shareToken, wishlist.items[0].id, { value: 1 });
    let received = '';
    while (!received.includes('\n\n')) received += (await reader.read()).value ?? '';
    const [, event, data] = /^event: (\w+)\ndata: (.*)\n\n/.exec(received) ?? [];
    assert.equal(event, 'vote');
    assert.deepEqual(JSON.parse(data), {
      itemId: wishlist.items[0].id,
      productId: 'ML-TRENCH-CLASSIQUE',
      variant: '',
      value: 1,
      votes: { up: 1, down: 0 },
      comment: '',
      firstName: '',
    });
    controller.abort();
  });

  test('sign-in merge: union by product and variant, votes and comments kept, nothing duplicated', async () => {
    const customer = await upsertCustomer(server.db, 'test', `merge-${randomUUID()}`, { firstName: 'Camille' });
    const sessionId = randomBytes(32).toString('base64url');
    await server.db.query("INSERT INTO sessions (id_hash, customer_id, expires_at) VALUES ($1, $2, now() + interval '1 day')", [sha256(sessionId), customer.id]);
    const cookie = { cookie: `vitrine_session=${sessionId}` };

    assert.equal((await call('POST', '/v1/wishlists/merge', {})).status, 401, 'needs a session');

    // The account list, from an earlier device, with a vote on the robe.
    const first = await call<{ wishlist: Wishlist; ownerToken: string }>('POST', '/v1/wishlists/merge', { headers: cookie });
    assert.equal(first.status, 200);
    const accountId = first.body.wishlist.id;
    for (const item of [{ productId: 'ML-ROBE-CAMILLE', variant: 'M' }, { productId: 'ML-SAC-CABAS' }]) {
      await call('POST', `/v1/wishlists/${accountId}/items`, { token: first.body.ownerToken, body: item });
    }
    const accountShare = await share(accountId, first.body.ownerToken);
    const accountView = await call<{ ownerName: string; items: Item[] }>('GET', `/v1/shared/${accountShare}`);
    await vote(accountShare, accountView.body.items[0].id, { value: 1, comment: 'Oui', firstName: 'Inès' });

    // The guest list on this device: the same robe (M), the robe in S, and the foulard, with votes.
    const guest = await create([
      { productId: 'ML-ROBE-CAMILLE', variant: 'M' },
      { productId: 'ML-ROBE-CAMILLE', variant: 'S' },
      { productId: 'ML-FOULARD-SOIE' },
    ]);
    const guestShare = await share(guest.wishlist.id, guest.ownerToken);
    const [robeM, robeS, foulard] = guest.wishlist.items;
    const zoe = await vote(guestShare, robeM.id, { value: -1, comment: 'Trop long', firstName: 'Zoé' });
    await vote(guestShare, robeS.id, { value: 1, firstName: 'Zoé' }, zoe.body.voterToken);
    await vote(guestShare, foulard.id, { value: 1, comment: 'Parfait' });

    const k = key();
    const merged = await call<{ wishlist: Wishlist; ownerToken: string }>('POST', '/v1/wishlists/merge', { token: guest.ownerToken, headers: cookie, idem: k });
    assert.equal(merged.status, 200, JSON.stringify(merged.body));
    assert.equal(merged.body.wishlist.id, accountId);
    const items = merged.body.wishlist.items.map(item => ({
      key: `${item.productId}/${item.variant}`,
      votes: item.votes,
      comments: item.comments.map(c => `${c.firstName}:${c.comment}:${c.value}`).sort(),
    }));
    items.sort((a, b) => a.key.localeCompare(b.key));
    assert.deepEqual(items, [
      { key: 'ML-FOULARD-SOIE/', votes: { up: 1, down: 0 }, comments: [':Parfait:1'] },
      { key: 'ML-ROBE-CAMILLE/M', votes: { up: 1, down: 1 }, comments: ['Inès:Oui:1', 'Zoé:Trop long:-1'] },
      { key: 'ML-ROBE-CAMILLE/S', votes: { up: 1, down: 0 }, comments: ['Zoé::1'] },
      { key: 'ML-SAC-CABAS/', votes: { up: 0, down: 0 }, comments: [] },
    ]);
    const remaining = await server.db.query('SELECT count(*)::int AS n FROM wishlists WHERE id = $1', [guest.wishlist.id]);
    assert.equal(remaining.rows[0].n, 0, 'the guest list is gone, merged');

    // The new owner token owns the account list; the guest's token and share link keep working.
    assert.equal((await call('GET', `/v1/wishlists/${accountId}`, { token: merged.body.ownerToken })).status, 200);
    assert.equal((await call('GET', `/v1/wishlists/${accountId}`, { token: guest.ownerToken })).status, 200);
    const viaGuestLink = await call<{ items: Item[] }>('GET', `/v1/shared/${guestShare}`, { token: zoe.body.voterToken });
    assert.equal(viaGuestLink.status, 200);
    assert.equal(viaGuestLink.body.items.length, 4);

    // A retried merge replays: same list, same token, nothing doubled.
    const retried = await call<{ wishlist: Wishlist; ownerToken: string }>('POST', '/v1/wishlists/merge', { token: guest.ownerToken, headers: cookie, idem: k });
    assert.equal(retried.body.ownerToken, merged.body.ownerToken);
    const total = await server.db.query('SELECT count(*)::int AS n FROM wishlist_items WHERE wishlist_id = $1', [accountId]);
    assert.equal(total.rows[0].n, 4);
  });
});

describe('wishlist votes rate limit', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ VOTE_RATE_LIMIT: '10' });
  });
  after(() => server.close());

  test('votes beyond the per-address limit are 429 with Retry-After, and still count once', async () => {
    const headers = { 'content-type': 'application/json', 'idempotency-key': randomUUID() };
    const created = (await (await fetch(`${server.url}/v1/wishlists`, { method: 'POST', headers, body: JSON.stringify({ items: [{ productId: 'ML-SAC-CABAS' }] }) })).json()) as {
      wishlist: Wishlist;
      ownerToken: string;
    };
    const shared = (await (
      await fetch(`${server.url}/v1/wishlists/${created.wishlist.id}/share`, {
        method: 'POST',
        headers: { ...headers, 'idempotency-key': randomUUID(), authorization: `Bearer ${created.ownerToken}` },
        body: '{}',
      })
    ).json()) as { wishlist: Wishlist };
    const shareToken = new URL(shared.wishlist.shareUrl!).pathname.split('/').pop();
    const url = `${server.url}/v1/shared/${shareToken}/items/${created.wishlist.items[0].id}/vote`;
    const first = (await (await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"value":1}' })).json()) as { voterToken: string };
    const responses = await Promise.all(
      Array.from({ length: 30 }, () =>
        fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${first.voterToken}` }, body: '{"value":1}' }),
      ),
    );
    const limited = responses.filter(response => response.status === 429);
    assert.equal(limited.length, 21);
    assert.ok(limited[0].headers.get('retry-after'));
    assert.equal(((await limited[0].json()) as { error: { code: string } }).error.code, 'rate_limited');
    const { rows } = await server.db.query('SELECT count(*)::int AS n FROM wishlist_votes');
    assert.equal(rows[0].n, 1);
  });
});
