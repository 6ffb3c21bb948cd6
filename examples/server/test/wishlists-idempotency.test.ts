import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type OwnerWishlist, key, wishlistTestServer } from './wishlist-api.js';

// Every owner change carries an Idempotency-Key: a retry or a double click replays the first answer.

describe('wishlists API', () => {
  const api = wishlistTestServer();
  const { call, create } = api;

  test('Idempotency-Key: required, replayed, and not reusable for another request', async () => {
    const { wishlist, ownerToken } = await create([]);
    const path = `/v1/wishlists/${wishlist.id}/items`;
    const missing = await call<{ error: { code: string } }>('POST', path, { token: ownerToken, body: { productId: 'ML-SAC-CABAS' }, idem: false });
    assert.equal(missing.status, 400);

    const k = key();
    const first = await call<{ wishlist: OwnerWishlist }>('POST', path, { token: ownerToken, body: { productId: 'ML-SAC-CABAS' }, idem: k });
    const replay = await call<{ wishlist: OwnerWishlist }>('POST', path, { token: ownerToken, body: { productId: 'ML-SAC-CABAS' }, idem: k });
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
    const { rows } = await api.server.db.query("SELECT count(*)::int AS n FROM wishlist_items WHERE wishlist_id = $1 AND product_id = 'ML-JUPE-PLISSEE'", [wishlist.id]);
    assert.equal(rows[0].n, 1);

    // Creating a list is idempotent too, and the replay answers the same owner token.
    const k3 = key();
    const created = await call<{ wishlist: OwnerWishlist; ownerToken: string }>('POST', '/v1/wishlists', { body: { items: [] }, idem: k3 });
    const recreated = await call<{ wishlist: OwnerWishlist; ownerToken: string }>('POST', '/v1/wishlists', { body: { items: [] }, idem: k3 });
    assert.equal(recreated.body.wishlist.id, created.body.wishlist.id);
    assert.equal(recreated.body.ownerToken, created.body.ownerToken);
  });
});
