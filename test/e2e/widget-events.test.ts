import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { type Storefront, launchBrowser, startStorefront, waitForFeed } from './harness.js';

interface SentEvent {
  messageId: string;
  name: string;
  properties: Record<string, unknown>;
  context: { widget?: string };
}

const taxonomy = JSON.parse(readFileSync(new URL('../../schemas/events.schema.json', import.meta.url), 'utf8')) as {
  definitions: { events: Record<string, { required?: string[]; properties: Record<string, unknown> }> };
};

declare global {
  interface Window {
    openedUrls?: string[];
  }
}

const heart = (page: Page, productId: string) => page.locator(`.card-actions[data-product-id="${productId}"] vitrine-wishlist-button button`);

/**
 * Every widget's own events, produced by clicks in Chromium on the demo storefront (`npm start`), go through the
 * real collector into the database: the events each page posted are read back from the database, each stored with
 * the properties its widget sent, and every required property of the taxonomy present.
 */
describe("every widget's own events reach the database (npm start server, Chromium, consent granted)", () => {
  let storefront: Storefront;
  let browser: Browser;
  before(async () => {
    [storefront, browser] = await Promise.all([startStorefront(), launchBrowser()]);
    await waitForFeed(storefront);
  });
  after(async () => {
    await browser?.close();
    await storefront?.stop();
  });

  /** Records what every page of the context posts to the collector, and every Vitrine console warning. */
  function watch(context: BrowserContext): { sent: SentEvent[]; warnings: string[] } {
    const sent: SentEvent[] = [];
    const warnings: string[] = [];
    context.on('request', (request: Request) => {
      if (request.method() !== 'POST' || new URL(request.url()).pathname !== '/v1/events') return;
      sent.push(...(JSON.parse(request.postData() ?? '{"batch":[]}') as { batch: SentEvent[] }).batch);
    });
    context.on('page', page =>
      page.on('console', message => {
        if (message.text().startsWith('[vitrine]')) warnings.push(message.text());
      }),
    );
    return { sent, warnings };
  }

  /** Everything the collector stored: this server's database is fresh, so all of it comes from this test. */
  async function storedEvents(): Promise<SentEvent[]> {
    const response = await fetch(`${storefront.url}/v1/events?limit=1000`, { headers: { authorization: 'Bearer demo-admin-token' } });
    return ((await response.json()) as { events: SentEvent[] }).events;
  }

  /**
   * Waits until `names` have all been posted (batches leave 2 s after the first event) or stored. What a page
   * hands over as it unloads (a keepalive request sent on pagehide, such as a product link's `product_click`)
   * outlives the page, and Playwright reports no request for it: the database is where it shows.
   */
  async function waitForSent(sent: SentEvent[], names: string[]): Promise<void> {
    const deadline = Date.now() + 20_000;
    const arrived = async () => {
      const seen = new Set([...sent, ...(await storedEvents())].map(event => event.name));
      return names.filter(name => !seen.has(name));
    };
    for (let missing = await arrived(); missing.length; missing = await arrived()) {
      if (Date.now() > deadline) throw new Error(`not sent: ${missing.join(', ')}`);
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  }

  test('hearts, the feed, share buttons, copy link, sign-in refused then accepted, a shared list and a friend’s vote', async () => {
    const shopper = await browser.newContext();
    await shopper.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: storefront.url });
    // Popups to social networks are recorded, not opened: the test must not reach Pinterest.
    await shopper.addInitScript(() => {
      window.openedUrls = [];
      const open = window.open.bind(window);
      window.open = (url?: string | URL, target?: string, features?: string) => {
        if (!String(url).startsWith('https://')) return open(url, target, features);
        window.openedUrls!.push(String(url));
        return null;
      };
    });
    const { sent, warnings } = watch(shopper);
    const page = await shopper.newPage();
    await page.goto(`${storefront.url}/`);
    await page.getByRole('button', { name: 'Accepter' }).click();

    // Wishlist buttons: heart two pieces, un-heart one.
    for (const id of ['ML-SAC-CABAS', 'ML-CHEMISE-OVERSIZE', 'ML-CHEMISE-OVERSIZE']) {
      const pressed = await heart(page, id).getAttribute('aria-pressed');
      await heart(page, id).click();
      await page.waitForFunction(
        ([selector, before]) => document.querySelector(selector)?.shadowRoot?.querySelector('button')?.getAttribute('aria-pressed') !== before,
        [`.card-actions[data-product-id="${id}"] vitrine-wishlist-button`, pressed] as const,
      );
    }

    // Sign-in refused at the provider, then accepted.
    const signIn = page.getByRole('button', { name: 'Continuer avec Vitrine Démo' });
    const [refused] = await Promise.all([page.waitForEvent('popup'), signIn.click()]);
    await Promise.all([refused.waitForEvent('close'), refused.getByRole('button', { name: 'Refuser' }).click()]);
    await page.getByRole('alert').getByText('La connexion a été refusée').waitFor();
    const [accepted] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Réessayer' }).click()]);
    await Promise.all([accepted.waitForEvent('close'), accepted.getByRole('button', { name: 'Continuer en tant que Camille' }).click()]);
    await page.getByText('Bonjour, Camille').waitFor();

    // The feed: seen, a post opened, a hotspot, the look's wishlist button, then a product link followed.
    await page.locator('vitrine-feed').scrollIntoViewIfNeeded();
    await page.locator('vitrine-feed button.tile').first().click();
    const dialog = page.locator('vitrine-feed dialog');
    await dialog.locator('button.hotspot').first().click();
    await dialog.locator('[part="wishlist-button"]').first().click();
    await waitForSent(sent, ['feed_view', 'feed_post_open', 'hotspot_open', 'wishlist_add', 'wishlist_remove', 'login_start', 'login_error', 'login_success']);
    await Promise.all([page.waitForURL(/\/produits\//), dialog.locator('[part="product-link"]').first().click()]);

    // Share buttons on the product page: a network, then copy link.
    await page.getByRole('button', { name: 'Partager sur Pinterest' }).click();
    await page.getByRole('button', { name: 'Copier le lien' }).click();
    // The copy is reported once the clipboard took it, as the shopper sees: leaving sooner would leave nothing to report.
    await page.getByText('Lien copié').first().waitFor();
    const [pinterest] = await page.evaluate(() => window.openedUrls!);
    const sharedLink = new URL(new URL(pinterest).searchParams.get('url')!);

    // The wishlist page: share the list with friends.
    await page.goto(`${storefront.url}/wishlist.html`);
    await page.evaluate(() => document.querySelector('vitrine-wishlist')?.setAttribute('owner-name', 'Camille'));
    await page.getByRole('button', { name: "Demander l'avis de mes amis" }).click();
    await page.waitForFunction(() => document.querySelector('vitrine-share[slot="share"]')?.getAttribute('url'));
    const listLink = (await page.locator('vitrine-share[slot="share"]').getAttribute('url'))!;
    await waitForSent(sent, ['product_click', 'share', 'share_copy_link', 'wishlist_share']);

    // A friend follows the Pinterest link (share_visit), then votes on the shared list.
    // A French-speaking friend: the shared list's page follows the browser's Accept-Language.
    const friend = await browser.newContext({ locale: 'fr-FR' });
    const friendLog = watch(friend);
    const visit = await friend.newPage();
    await visit.goto(`${storefront.url}${sharedLink.pathname}${sharedLink.search}`);
    await visit.getByRole('button', { name: 'Accepter' }).click();
    await visit.waitForURL(url => !url.searchParams.has('vt_sid'));
    const vote = await friend.newPage();
    await vote.goto(listLink);
    // The shared-list page has no banner of its own: the friend's consent comes from the page's CMP, here as its call.
    await vote.waitForFunction(() => typeof window.Vitrine?.version === 'string');
    await vote.evaluate(() => window.Vitrine!.setConsent('granted'));
    await vote.locator('vitrine-wishlist [part="item"]').first().getByRole('button', { name: "J'adore" }).click();
    await waitForSent(friendLog.sent, ['share_visit', 'wishlist_vote']);

    const everything = [...sent, ...friendLog.sent];
    // Read back from the database: every event each page posted, stored once with the properties it sent, and
    // every event of every widget stored with its required properties (including those sent as a page unloaded).
    const ids = [...new Set(everything.map(event => event.messageId))];
    let stored: SentEvent[] = [];
    const deadline = Date.now() + 20_000;
    while ((stored = await storedEvents()).filter(event => ids.includes(event.messageId)).length < ids.length && Date.now() < deadline) {
      await new Promise(resolve => setTimeout(resolve, 250));
    }
    assert.deepEqual(
      ids.filter(id => !stored.some(event => event.messageId === id)).map(id => everything.find(event => event.messageId === id)!.name),
      [],
      'events sent but not stored',
    );
    assert.equal(new Set(stored.map(event => event.messageId)).size, stored.length, 'each event stored once');
    const names = new Set(stored.map(event => event.name));
    const widgetEvents = Object.keys(taxonomy.definitions.events).filter(name => name !== 'web_vitals');
    assert.deepEqual(widgetEvents.filter(name => !names.has(name)), [], 'every event of every widget was stored');
    for (const event of stored) {
      const sentAs = everything.find(candidate => candidate.messageId === event.messageId);
      if (sentAs) assert.deepEqual(event.properties, sentAs.properties, `${event.name} stored as sent`);
      const required = taxonomy.definitions.events[event.name].required ?? [];
      assert.deepEqual(required.filter(key => event.properties[key] === undefined), [], `${event.name} has its required properties`);
    }
    const byName = (name: string) => stored.filter(event => event.name === name);
    const added = byName('wishlist_add');
    assert.deepEqual(added.filter(event => event.properties.placement === 'button').map(event => event.properties.productId).sort(), ['ML-CHEMISE-OVERSIZE', 'ML-SAC-CABAS']);
    assert.equal(added.filter(event => event.properties.placement === 'feed').length, 1, "the look's wishlist button");
    // The hearts know their product's price (card attributes, or the product page's JSON-LD), as GA4's add_to_wishlist wants.
    for (const event of added.filter(event => event.properties.placement === 'button')) {
      assert.equal(event.properties.currency, 'EUR', `${String(event.properties.productId)} has its currency`);
      assert.equal(typeof event.properties.price, 'number', `${String(event.properties.productId)} has its price`);
    }
    assert.deepEqual(byName('wishlist_remove').map(event => event.properties.productId), ['ML-CHEMISE-OVERSIZE']);
    assert.equal(byName('login_error')[0].properties.errorCode, 'access_denied');
    assert.equal(byName('wishlist_share')[0].properties.itemCount, added.length - 1);
    assert.deepEqual(byName('wishlist_vote')[0].properties, { productId: byName('wishlist_vote')[0].properties.productId, vote: 1, hasComment: false });
    assert.equal(byName('share_visit')[0].properties.shareId, sharedLink.searchParams.get('vt_sid'));
    assert.deepEqual(
      stored.filter(event => event.name !== 'web_vitals' && !event.context.widget?.startsWith('vitrine-') && event.name !== 'share_visit').map(event => event.name),
      [],
      'widget events name their widget',
    );
    assert.deepEqual([...warnings, ...friendLog.warnings], [], 'no event was trimmed, refused or dropped');
    assert.deepEqual(await page.evaluate(() => window.Vitrine!.deliveryStats().then(stats => [stats.rejected, stats.dropped])), [0, 0]);
    await shopper.close();
    await friend.close();
  });
});
