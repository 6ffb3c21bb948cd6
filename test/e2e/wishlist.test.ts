import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { collectPageErrors, demoShop } from './harness.js';

const heart = (page: Page, productId: string) => page.locator(`.card-actions[data-product-id="${productId}"] vitrine-wishlist-button button`);
const owned = (page: Page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem('vitrine:wishlist:owner') ?? 'null') as { id: string; token: string } | null);

interface ServerItem {
  productId: string;
  votes: { up: number; down: number };
  comments: Array<{ firstName: string; comment: string; value: number }>;
}

describe('wishlist with friend votes on the demo storefront', () => {
  const shop = demoShop();

  const serverItems = async (owner: { id: string; token: string }): Promise<ServerItem[]> => {
    const response = await fetch(`${shop.storefront.url}/v1/wishlists/${owner.id}`, { headers: { authorization: `Bearer ${owner.token}` } });
    assert.equal(response.status, 200);
    return ((await response.json()) as { wishlist: { items: ServerItem[] } }).wishlist.items;
  };

  test('owner saves three items and shares; a friend votes and comments; the owner sees it live; 1,000 repeats count once; a revoked link is 410', async () => {
    const ownerContext = await shop.browser.newContext();
    // A French friend: the share page follows the browser's language (Accept-Language).
    const friendContext = await shop.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, locale: 'fr-FR' });
    const owner = await ownerContext.newPage();
    const friend = await friendContext.newPage();
    const errors = [...collectPageErrors(owner), ...collectPageErrors(friend)];

    // The owner, a guest, saves three pieces from the home page.
    await owner.goto(`${shop.storefront.url}/`);
    const picks = ['ML-ROBE-CAMILLE', 'ML-CHEMISE-OVERSIZE', 'ML-SAC-CABAS'];
    for (const id of picks) {
      await heart(owner, id).click();
      assert.equal(await heart(owner, id).getAttribute('aria-pressed'), 'true');
    }
    assert.equal(await heart(owner, 'ML-TRENCH-CLASSIQUE').getAttribute('aria-pressed'), 'false');

    // Their wishlist page lists them, and shares the link through the slotted <vitrine-share>.
    await owner.goto(`${shop.storefront.url}/wishlist.html`);
    const items = owner.locator('vitrine-wishlist [part="item"]');
    await owner.waitForFunction(() => document.querySelector('vitrine-wishlist')?.shadowRoot?.querySelectorAll('[part="price"]').length === 3);
    assert.deepEqual((await items.locator('.title').allTextContents()).sort(), ['Chemise oversize en coton', 'Robe Camille en lin', 'Sac cabas en cuir']);
    await owner.evaluate(() => document.querySelector('vitrine-wishlist')?.setAttribute('owner-name', 'Camille'));
    await owner.getByRole('button', { name: "Demander l'avis de mes amis" }).click();
    await owner.waitForFunction(() => document.querySelector('vitrine-share[slot="share"]')?.getAttribute('url'));
    const shareUrl = (await owner.locator('vitrine-share[slot="share"]').getAttribute('url'))!;
    assert.match(shareUrl, /^http:\/\/127\.0\.0\.1:\d+\/w\/[A-Za-z0-9_-]{43}$/, 'a path token, no query string');
    assert.equal(await owner.locator('vitrine-share[slot="share"]').getAttribute('title'), 'Aidez Camille à choisir');

    // The friend opens the link on a phone: a preview page, then the swipe deck, no account.
    const response = await friend.goto(shareUrl);
    assert.equal(response?.status(), 200);
    assert.equal(await friend.locator('meta[property="og:title"]').getAttribute('content'), 'Aidez Camille à choisir');
    assert.match((await friend.locator('meta[property="og:image"]').getAttribute('content')) ?? '', /robe-camille-lin\.svg$/);
    const card = friend.locator('vitrine-wishlist [part="card"]');
    await card.waitFor();
    assert.equal(await friend.locator('vitrine-wishlist [aria-live]').textContent(), 'Article 1 sur 3');
    await friend.getByLabel('Votre prénom (facultatif)').fill('Léa');
    await card.locator('textarea').fill('Elle est sublime, prends-la !');
    await card.getByRole('button', { name: "J'adore" }).click();
    await friend.locator('vitrine-wishlist [aria-live]', { hasText: 'Article 2 sur 3' }).waitFor();
    await card.getByRole('button', { name: 'Pas pour moi' }).click();
    await friend.locator('vitrine-wishlist [aria-live]', { hasText: 'Article 3 sur 3' }).waitFor();
    await card.getByRole('button', { name: "J'adore" }).click();
    await friend.getByText('Merci ! Camille verra vos votes.').waitFor();

    // The owner's page shows the tallies and the comment without reloading.
    await owner.locator('vitrine-wishlist .comments li', { hasText: 'Léa « Elle est sublime, prends-la ! »' }).waitFor();
    const tallies = async () =>
      Object.fromEntries(
        await items.evaluateAll(nodes =>
          nodes.map(node => [node.querySelector('.title')?.textContent, node.querySelector('[part="votes"] .sr-only')?.textContent]),
        ),
      );
    await owner.waitForFunction(
      () =>
        Array.from(document.querySelector('vitrine-wishlist')?.shadowRoot?.querySelectorAll('[part="votes"] .sr-only') ?? []).filter(node =>
          node.textContent?.startsWith('0 J'),
        ).length === 1,
    );
    assert.deepEqual(await tallies(), {
      'Robe Camille en lin': "1 J'adore, 0 Pas pour moi",
      'Chemise oversize en coton': "0 J'adore, 1 Pas pour moi",
      'Sac cabas en cuir': "1 J'adore, 0 Pas pour moi",
    });

    // The friend's repeated votes: 1,000 requests with their voter token count once (some are rate-limited).
    const shareToken = new URL(shareUrl).pathname.split('/').pop()!;
    const voterToken = await friend.evaluate(key => JSON.parse(localStorage.getItem(key) ?? 'null') as string, `vitrine:wishlist:voter:${shareToken.slice(0, 16)}`);
    assert.ok(voterToken);
    const ownerKeys = (await owned(owner))!;
    const robe = (await serverItems(ownerKeys)).find(item => item.productId === 'ML-ROBE-CAMILLE')!;
    const robeId = (await (await fetch(`${shop.storefront.url}/v1/shared/${shareToken}`)).json()).items.find(
      (item: { productId: string }) => item.productId === 'ML-ROBE-CAMILLE',
    ).id;
    assert.deepEqual(robe.votes, { up: 1, down: 0 });
    const statuses: number[] = [];
    for (let batch = 0; batch < 10; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 100 }, () =>
          fetch(`${shop.storefront.url}/v1/shared/${shareToken}/items/${robeId}/vote`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${voterToken}` },
            body: JSON.stringify({ value: 1 }),
          }),
        ),
      );
      for (const answer of answers) {
        statuses.push(answer.status);
        await answer.arrayBuffer();
      }
    }
    assert.equal(statuses.length, 1000);
    assert.ok(statuses.every(status => status === 200 || status === 429), [...new Set(statuses)].join());
    assert.ok(statuses.includes(200));
    const after1000 = (await serverItems(ownerKeys)).find(item => item.productId === 'ML-ROBE-CAMILLE')!;
    assert.deepEqual(after1000.votes, { up: 1, down: 0 }, 'still one vote');
    assert.equal(after1000.comments.length, 1);

    // The owner turns the link off: it answers 410, and the friend's page says so.
    await owner.getByRole('button', { name: "Demander l'avis de mes amis" }).click();
    await owner.getByRole('button', { name: 'Désactiver le lien' }).click();
    await owner.getByText('Lien désactivé : vos amis ne peuvent plus voter.').waitFor();
    assert.equal((await friend.reload())?.status(), 410);
    assert.match(await friend.locator('h1').textContent() ?? '', /Lien désactivé/);
    assert.equal((await fetch(`${shop.storefront.url}/v1/shared/${shareToken}`)).status, 410);

    assert.deepEqual(
      errors.filter(error => !/status of 410/.test(error)),
      [],
    );
    await ownerContext.close();
    await friendContext.close();
  });

  test('offline: hearts tapped while the network is down reach the server exactly once when it is back', async () => {
    const context = await shop.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${shop.storefront.url}/`);
    await heart(page, 'ML-FOULARD-SOIE').click();
    await page.waitForFunction(() => localStorage.getItem('vitrine:wishlist:owner'));
    const keys = (await owned(page))!;

    await context.setOffline(true);
    for (const id of ['ML-TRENCH-CLASSIQUE', 'ML-JUPE-PLISSEE']) {
      await heart(page, id).click();
      assert.equal(await heart(page, id).getAttribute('aria-pressed'), 'true', 'shown at once, offline');
    }
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('vitrine:wishlist:outbox') ?? '[]').length === 2);
    assert.deepEqual((await serverItems(keys)).map(item => item.productId), ['ML-FOULARD-SOIE'], 'not on the server yet');

    await context.setOffline(false);
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('vitrine:wishlist:outbox') ?? '[]').length === 0);
    const items = (await serverItems(keys)).map(item => item.productId);
    assert.deepEqual(items.sort(), ['ML-FOULARD-SOIE', 'ML-JUPE-PLISSEE', 'ML-TRENCH-CLASSIQUE'], 'each exactly once');

    // A reload shows the same list, from the server.
    await page.reload();
    for (const id of ['ML-FOULARD-SOIE', 'ML-JUPE-PLISSEE', 'ML-TRENCH-CLASSIQUE']) {
      await page.waitForFunction(id => document.querySelector(`.card-actions[data-product-id="${id}"] vitrine-wishlist-button`)?.shadowRoot?.querySelector('[aria-pressed="true"]'), id);
    }
    await context.close();
  });
});
