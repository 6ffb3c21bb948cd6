import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { type OwnerWishlist, type SharedList, wishlistTestServer } from './wishlist-api.js';

// Sharing with friends: the capability link and its page, the friends' votes, the owner's live updates, the vote rate limit.

describe('wishlists API', () => {
  const api = wishlistTestServer();
  const { call, create, share, vote } = api;

  test('share links: capability path token, preview page, friend view, revocation', async () => {
    const { wishlist, ownerToken } = await create([{ productId: 'ML-ROBE-CAMILLE', variant: 'M' }, { productId: 'ML-SAC-CABAS' }]);
    const shareToken = await share(wishlist.id, ownerToken, 'Camille');
    assert.match(shareToken, /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(shareToken, ownerToken);
    const shared = await call<{ wishlist: OwnerWishlist }>('POST', `/v1/wishlists/${wishlist.id}/share`, { token: ownerToken, body: {} });
    assert.equal(new URL(shared.body.wishlist.shareUrl!).pathname, `/w/${shareToken}`, 'sharing again answers the same link');
    assert.equal(new URL(shared.body.wishlist.shareUrl!).search, '');

    const pageResponse = await fetch(`${api.server.url}/w/${shareToken}`);
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

    const view = await call<SharedList>('GET', `/v1/shared/${shareToken}`);
    assert.equal(view.status, 200);
    assert.equal(view.body.ownerName, 'Camille');
    assert.deepEqual(view.body.items.map(item => item.productId), ['ML-ROBE-CAMILLE', 'ML-SAC-CABAS']);

    assert.equal((await call('GET', `/v1/shared/${randomBytes(32).toString('base64url')}`)).status, 404);
    assert.equal((await fetch(`${api.server.url}/w/${randomBytes(32).toString('base64url')}`)).status, 404);
    assert.equal((await fetch(`${api.server.url}/w/short`)).status, 404);

    const revoked = await call<{ wishlist: OwnerWishlist }>('DELETE', `/v1/wishlists/${wishlist.id}/share`, { token: ownerToken });
    assert.equal(revoked.body.wishlist.shareUrl, null);
    const gone = await call<{ error: { code: string } }>('GET', `/v1/shared/${shareToken}`);
    assert.equal(gone.status, 410);
    assert.equal(gone.body.error.code, 'share_revoked');
    assert.equal((await fetch(`${api.server.url}/w/${shareToken}`)).status, 410);
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
    const count = await api.server.db.query('SELECT count(*)::int AS n FROM wishlist_votes WHERE item_id = $1', [robe.id]);
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
    const view = await call<{ wishlist: OwnerWishlist }>('GET', `/v1/wishlists/${wishlist.id}`, { token: ownerToken });
    const tallies = Object.fromEntries(view.body.wishlist.items.map(item => [item.productId, item.votes]));
    assert.deepEqual(tallies, { 'ML-ROBE-CAMILLE': { up: 0, down: 1 }, 'ML-SAC-CABAS': { up: 200, down: 0 } });
    assert.deepEqual(view.body.wishlist.items[0].comments.map(c => [c.firstName, c.comment, c.value]), [['Léa', 'Superbe !', -1]]);

    const mine = await call<SharedList>('GET', `/v1/shared/${shareToken}`, { token: voterToken });
    assert.deepEqual(mine.body.items[0].myVote, { value: -1, comment: 'Superbe !', firstName: 'Léa' });
    assert.equal(mine.body.items[1].myVote, undefined);
  });

  test('owners get Server-Sent Events when a friend votes', async () => {
    const { wishlist, ownerToken } = await create([{ productId: 'ML-TRENCH-CLASSIQUE' }]);
    const shareToken = await share(wishlist.id, ownerToken);
    assert.equal((await fetch(`${api.server.url}/v1/wishlists/${wishlist.id}/events`)).status, 401);
    const controller = new AbortController();
    const stream = await fetch(`${api.server.url}/v1/wishlists/${wishlist.id}/events`, {
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
});

describe('wishlist votes rate limit', () => {
  const rateLimited = wishlistTestServer({ VOTE_RATE_LIMIT: '10' });

  test('votes beyond the per-address limit are 429 with Retry-After, and still count once', async () => {
    const headers = { 'content-type': 'application/json', 'idempotency-key': randomUUID() };
    const created = (await (await fetch(`${rateLimited.server.url}/v1/wishlists`, { method: 'POST', headers, body: JSON.stringify({ items: [{ productId: 'ML-SAC-CABAS' }] }) })).json()) as {
      wishlist: OwnerWishlist;
      ownerToken: string;
    };
    const shared = (await (
      await fetch(`${rateLimited.server.url}/v1/wishlists/${created.wishlist.id}/share`, {
        method: 'POST',
        headers: { ...headers, 'idempotency-key': randomUUID(), authorization: `Bearer ${created.ownerToken}` },
        body: '{}',
      })
    ).json()) as { wishlist: OwnerWishlist };
    const shareToken = new URL(shared.wishlist.shareUrl!).pathname.split('/').pop();
    const url = `${rateLimited.server.url}/v1/shared/${shareToken}/items/${created.wishlist.items[0].id}/vote`;
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
    const { rows } = await rateLimited.server.db.query('SELECT count(*)::int AS n FROM wishlist_votes');
    assert.equal(rows[0].n, 1);
  });
});
