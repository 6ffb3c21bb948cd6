// The client store's sign-in merge against the real server: src/features/wishlist runs in Node here, with a
// Map for localStorage, an EventTarget for document, and the session cookie a browser would send
// (browser tests cannot hold a session: the test API has no sign-in route).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { upsertCustomer } from './modules/auth/session.js';
import { sha256 } from './modules/wishlists/tokens.js';
import { type TestServer, startTestServer } from './test-server.js';

const storage = new Map<string, string>();
Object.assign(globalThis, {
  localStorage: {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => void storage.set(key, value),
    removeItem: (key: string) => void storage.delete(key),
  },
  document: new EventTarget(),
  addEventListener: () => undefined,
});
const { configure } = await import('../../src/core/config.js');
const { $session } = await import('../../src/features/session/session.js');
const { $wishlist, addToWishlist, startWishlist, syncWishlist } = await import('../../src/features/wishlist/index.js');

describe('client store: sign-in merge', () => {
  let server: TestServer;
  let cookie = '';
  before(async () => {
    server = await startTestServer();
    const browserFetch = globalThis.fetch;
    // What a browser does with credentials: 'include': send the session cookie.
    globalThis.fetch = (input, init = {}) =>
      browserFetch(input, init.credentials === 'include' && cookie ? { ...init, headers: { ...(init.headers as Record<string, string>), cookie } } : init);
    configure({ api: server.url });
  });
  after(() => server.close());

  const settled = async () => {
    for (let round = 0; round < 50 && ($wishlist.get().pending > 0 || $wishlist.get().error); round++) await syncWishlist();
    await syncWishlist();
  };

  test("the guest list joins the account's on sign-in: nothing lost, nothing doubled", async () => {
    // The account already has a list (another device): the robe in M.
    const customer = await upsertCustomer(server.db, 'test', 'store-merge', { firstName: 'Camille' });
    const sessionId = randomBytes(32).toString('base64url');
    await server.db.query("INSERT INTO sessions (id_hash, customer_id, expires_at) VALUES ($1, $2, now() + interval '1 day')", [sha256(sessionId), customer.id]);
    const accountList = await fetch(`${server.url}/v1/wishlists/merge`, {
      method: 'POST',
      headers: { cookie: `vitrine_session=${sessionId}`, 'idempotency-key': randomBytes(16).toString('hex') },
    });
    const account = (await accountList.json()) as { wishlist: { id: string }; ownerToken: string };
    await fetch(`${server.url}/v1/wishlists/${account.wishlist.id}/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${account.ownerToken}`, 'idempotency-key': randomBytes(16).toString('hex') },
      body: JSON.stringify({ productId: 'ML-ROBE-CAMILLE', variant: 'M' }),
    });

    // As a guest on this device: the same robe in M, and the bag.
    startWishlist();
    addToWishlist('ML-ROBE-CAMILLE', 'M');
    addToWishlist('ML-SAC-CABAS');
    await settled();
    const guestId = $wishlist.get().id;
    assert.ok(guestId);
    assert.notEqual(guestId, account.wishlist.id);

    // Signing in (the login element sets $session) merges.
    cookie = `vitrine_session=${sessionId}`;
    $session.set({ status: 'signed-in', user: { id: customer.id, firstName: 'Camille', provider: 'test' } });
    await settled();
    const state = $wishlist.get();
    assert.equal(state.id, account.wishlist.id, 'the store now owns the account list');
    assert.deepEqual(state.items.map(item => `${item.productId}/${item.variant}`).sort(), ['ML-ROBE-CAMILLE/M', 'ML-SAC-CABAS/']);
    assert.equal(JSON.parse(storage.get('vitrine:wishlist:owner')!).customer, customer.id, 'merged once per customer');

    // Later changes go to the account list.
    addToWishlist('ML-FOULARD-SOIE');
    await settled();
    const { rows } = await server.db.query<{ product_id: string }>('SELECT product_id FROM wishlist_items WHERE wishlist_id = $1 ORDER BY product_id', [
      account.wishlist.id,
    ]);
    assert.deepEqual(
      rows.map(row => row.product_id),
      ['ML-FOULARD-SOIE', 'ML-ROBE-CAMILLE', 'ML-SAC-CABAS'],
    );
  });
});
