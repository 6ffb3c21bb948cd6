// A friend on a slow phone network taps J'adore on three pieces in quick succession, before the first vote has
// come back. Their first vote mints their voter token; the other two wait for it, so the three count as one
// friend: reloaded, the page shows all three votes as theirs (three voters would each hold one).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { collectPageErrors, demoShop } from './harness.js';

/** Round-trip latency the friend's network adds to every request (a congested 3G link). */
const LATENCY_MS = 600;
const PICKS = ['ML-ROBE-CAMILLE', 'ML-CHEMISE-OVERSIZE', 'ML-SAC-CABAS'];

interface Created {
  wishlist: { id: string; shareUrl: string | null };
  ownerToken: string;
}

describe('quick votes on a slow network', () => {
  const shop = demoShop();

  async function call<T>(method: string, path: string, token?: string, body: unknown = {}): Promise<T> {
    const response = await fetch(`${shop.storefront.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: method === 'GET' ? undefined : JSON.stringify(body),
    });
    assert.ok(response.ok, `${method} ${path}: ${response.status}`);
    return (await response.json()) as T;
  }

  test(`three votes tapped within ${LATENCY_MS} ms of latency count as one voter`, async () => {
    const { wishlist, ownerToken } = await call<Created>('POST', '/v1/wishlists', undefined, { items: PICKS.map(productId => ({ productId })) });
    const shared = await call<Created>('POST', `/v1/wishlists/${wishlist.id}/share`, ownerToken);
    const context = await shop.browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(shared.wishlist.shareUrl!);
    const love = page.locator('vitrine-wishlist').getByRole('button', { name: "J'adore" });
    await love.nth(PICKS.length - 1).waitFor();

    const network = await context.newCDPSession(page);
    await network.send('Network.enable');
    await network.send('Network.emulateNetworkConditions', { offline: false, latency: LATENCY_MS, downloadThroughput: -1, uploadThroughput: -1 });
    const votes: number[] = [];
    page.on('request', request => {
      if (request.method() === 'PUT' && request.url().includes('/vote')) votes.push(Date.now());
    });
    const answers: number[] = [];
    page.on('response', response => {
      if (response.request().method() === 'PUT' && response.url().includes('/vote')) answers.push(Date.now());
    });
    // Three taps, none waiting for an answer.
    for (let index = 0; index < PICKS.length; index++) await love.nth(index).click();
    const tapped = Date.now();
    await page.waitForFunction(count => document.querySelector('vitrine-wishlist')?.shadowRoot?.querySelectorAll('[part="vote"][aria-pressed="true"]').length === count, PICKS.length);
    while (answers.length < PICKS.length) await page.waitForResponse(response => response.url().includes('/vote'));
    assert.ok(answers[0] > tapped, 'the three taps came before the first vote was answered');
    console.log(`# three taps in ${tapped - votes[0]} ms; first answer ${answers[0] - votes[0]} ms after the first vote left`);

    // Reloaded on a normal network, every vote is this friend's: one voter token holds all three.
    await network.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await page.reload();
    await love.nth(PICKS.length - 1).waitFor();
    assert.deepEqual(await love.evaluateAll(buttons => buttons.map(button => button.getAttribute('aria-pressed'))), ['true', 'true', 'true']);

    // The owner's list: each piece loved once.
    const owner = await call<{ wishlist: { items: Array<{ productId: string; votes: { up: number; down: number } }> } }>('GET', `/v1/wishlists/${wishlist.id}`, ownerToken);
    assert.deepEqual(
      owner.wishlist.items.map(item => [item.productId, item.votes.up]).sort(),
      PICKS.map(productId => [productId, 1]).sort(),
    );
    assert.deepEqual(errors, []);
    await context.close();
  });
});
