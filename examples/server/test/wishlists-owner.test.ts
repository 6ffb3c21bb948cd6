import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { upsertCustomer } from '../modules/auth/session.js';
import { sha256 } from '../modules/wishlists/tokens.js';
import { type OwnerWishlist, type SharedList, key, wishlistTestServer } from './wishlist-api.js';

// The owner's lists: created as a guest, owned through a secret token, items added and removed, merged at sign-in.

describe('wishlists API', () => {
  const api = wishlistTestServer();
  const { call, create, share, vote } = api;

  test('a guest list is created on the first add and owned through a secret token', async () => {
    const { wishlist, ownerToken } = await create([{ productId: 'ML-ROBE-CAMILLE', variant: 'M' }]);
    assert.match(ownerToken, /^[A-Za-z0-9_-]{43}$/, '256-bit base64url token');
    assert.deepEqual(
      wishlist.items.map(item => [item.productId, item.variant, item.title]),
      [['ML-ROBE-CAMILLE', 'M', 'Robe Camille en lin']],
    );
    const stored = await api.server.db.query('SELECT token_hash FROM wishlist_owner_tokens WHERE wishlist_id = $1', [wishlist.id]);
    assert.deepEqual(stored.rows, [{ token_hash: sha256(ownerToken) }], 'only the hash is stored');

    assert.equal((await call('GET', `/v1/wishlists/${wishlist.id}`)).status, 401);
    assert.equal((await call('GET', `/v1/wishlists/${wishlist.id}`, { token: 'x'.repeat(43) })).status, 401);
    const other = await create([]);
    assert.equal((await call('GET', `/v1/wishlists/${wishlist.id}`, { token: other.ownerToken })).status, 403);
    // `urn:uuid:…` passes ajv-formats' uuid but not PostgreSQL's uuid type: a 400 from validation, before any query.
    const urn = await call<{ error: { code: string } }>('GET', `/v1/wishlists/urn:uuid:${wishlist.id}`, { token: ownerToken });
    assert.equal(urn.status, 400);

    const read = await call<{ wishlist: OwnerWishlist }>('GET', `/v1/wishlists/${wishlist.id}`, { token: ownerToken });
    assert.equal(read.status, 200);
    const etag = read.headers.get('etag')!;
    assert.ok(etag);
    const again = await call('GET', `/v1/wishlists/${wishlist.id}`, { token: ownerToken, headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    await call('POST', `/v1/wishlists/${wishlist.id}/items`, { token: ownerToken, body: { productId: 'ML-SAC-CABAS' } });
    const changed = await call('GET', `/v1/wishlists/${wishlist.id}`, { token: ownerToken, headers: { 'if-none-match': etag } });
    assert.equal(changed.status, 200, 'a change gives a new ETag');
  });

  test('items: unknown products are a 422, removal is by product and variant', async () => {
    const { wishlist, ownerToken } = await create([{ productId: 'ML-ROBE-CAMILLE', variant: 'S' }, { productId: 'ML-ROBE-CAMILLE', variant: 'M' }]);
    const unknown = await call<{ error: { code: string } }>('POST', `/v1/wishlists/${wishlist.id}/items`, { token: ownerToken, body: { productId: 'NOPE-404' } });
    assert.equal(unknown.status, 422);
    assert.equal(unknown.body.error.code, 'unknown_product');
    const badCreate = await call('POST', '/v1/wishlists', { body: { items: [{ productId: 'NOPE-404' }] } });
    assert.equal(badCreate.status, 422);
    const removed = await call<{ wishlist: OwnerWishlist }>('DELETE', `/v1/wishlists/${wishlist.id}/items/ML-ROBE-CAMILLE?variant=S`, { token: ownerToken });
    assert.equal(removed.status, 200);
    assert.deepEqual(removed.body.wishlist.items.map(item => item.variant), ['M']);
    const extra = await call('POST', `/v1/wishlists/${wishlist.id}/items`, { token: ownerToken, body: { productId: 'ML-SAC-CABAS', color: 'red' } });
    assert.equal(extra.status, 400, 'unknown fields are rejected');
  });

  test('sign-in merge: union by product and variant, votes and comments kept, nothing duplicated', async () => {
    const customer = await upsertCustomer(api.server.db, 'test', `merge-${randomUUID()}`, { firstName: 'Camille' });
    const sessionId = randomBytes(32).toString('base64url');
    await api.server.db.query("INSERT INTO sessions (id_hash, customer_id, expires_at) VALUES ($1, $2, now() + interval '1 day')", [sha256(sessionId), customer.id]);
    const cookie = { cookie: `vitrine_session=${sessionId}` };

    assert.equal((await call('POST', '/v1/wishlists/merge', {})).status, 401, 'needs a session');

    // The account list, from an earlier device, with a vote on the robe.
    const first = await call<{ wishlist: OwnerWishlist; ownerToken: string }>('POST', '/v1/wishlists/merge', { headers: cookie });
    assert.equal(first.status, 200);
    const accountId = first.body.wishlist.id;
    for (const item of [{ productId: 'ML-ROBE-CAMILLE', variant: 'M' }, { productId: 'ML-SAC-CABAS' }]) {
      await call('POST', `/v1/wishlists/${accountId}/items`, { token: first.body.ownerToken, body: item });
    }
    const accountShare = await share(accountId, first.body.ownerToken);
    const accountView = await call<SharedList>('GET', `/v1/shared/${accountShare}`);
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
    const merged = await call<{ wishlist: OwnerWishlist; ownerToken: string }>('POST', '/v1/wishlists/merge', { token: guest.ownerToken, headers: cookie, idem: k });
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
    const remaining = await api.server.db.query('SELECT count(*)::int AS n FROM wishlists WHERE id = $1', [guest.wishlist.id]);
    assert.equal(remaining.rows[0].n, 0, 'the guest list is gone, merged');

    // The new owner token owns the account list; the guest's token and share link keep working.
    assert.equal((await call('GET', `/v1/wishlists/${accountId}`, { token: merged.body.ownerToken })).status, 200);
    assert.equal((await call('GET', `/v1/wishlists/${accountId}`, { token: guest.ownerToken })).status, 200);
    const viaGuestLink = await call<SharedList>('GET', `/v1/shared/${guestShare}`, { token: zoe.body.voterToken });
    assert.equal(viaGuestLink.status, 200);
    assert.equal(viaGuestLink.body.items.length, 4);

    // A retried merge replays: same list, same token, nothing doubled.
    const retried = await call<{ wishlist: OwnerWishlist; ownerToken: string }>('POST', '/v1/wishlists/merge', { token: guest.ownerToken, headers: cookie, idem: k });
    assert.equal(retried.body.ownerToken, merged.body.ownerToken);
    const total = await api.server.db.query('SELECT count(*)::int AS n FROM wishlist_items WHERE wishlist_id = $1', [accountId]);
    assert.equal(total.rows[0].n, 4);
  });
});
