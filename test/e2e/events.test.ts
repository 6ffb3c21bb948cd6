import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type CollectorProxy, startCollectorProxy } from './collector-proxy.js';
import { type Storefront, collectPageErrors, freePort, launchBrowser, startStorefront } from './harness.js';

interface StoredEvent {
  messageId: string;
  name: string;
  properties: Record<string, unknown>;
  context: { page: { url: string }; anonymousId?: string };
}

const RUNTIME = '/vitrine/cdn/runtime.js';

/** Tracks events from the page through the same runtime module the loader started (the one a widget would call). */
function trackInPage(page: Page, events: Array<[string, Record<string, unknown>]>): Promise<string[]> {
  return page.evaluate(
    async ({ runtimeUrl, events }) => {
      await window.Vitrine!.init();
      const runtime = (await import(runtimeUrl)) as { track(name: string, properties: object, widget?: string): { messageId: string } };
      return events.map(([name, properties]) => runtime.track(name, properties, 'vitrine-share').messageId);
    },
    { runtimeUrl: RUNTIME, events },
  );
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Every page's stored queue (each stores under its own `vitrine:queue:<page id>`), as messageIds; run in the page. */
const storedIds = () =>
  Object.keys(localStorage)
    .filter(key => key.startsWith('vitrine:queue:'))
    .flatMap(key => (JSON.parse(localStorage.getItem(key)!) as Array<{ messageId: string }>).map(event => event.messageId));
/** No stored queue is left: every event was acknowledged, and the keys of the pages that stored them are gone. */
const nothingStored = () => !Object.keys(localStorage).some(key => key.startsWith('vitrine:queue'));

describe('event pipeline end to end (npm start server, Chromium, collector behind a fault proxy)', () => {
  let storefront: Storefront;
  let browser: Browser;
  let proxy: CollectorProxy;

  before(async () => {
    // The pages come through the proxy, another origin than the server's: the collector takes their events
    // only with that origin on ALLOWED_ORIGINS, as a merchant's storefront on its own domain would configure.
    const proxyPort = await freePort();
    [storefront, browser] = await Promise.all([startStorefront({ ALLOWED_ORIGINS: `http://127.0.0.1:${proxyPort}` }), launchBrowser()]);
    proxy = await startCollectorProxy(storefront.url, proxyPort);
  });
  after(async () => {
    await browser?.close();
    await proxy?.close();
    await storefront?.stop();
  });

  /** Rows in the database for these messageIds, read through the admin listing. */
  async function rows(ids: string[]): Promise<StoredEvent[]> {
    const response = await fetch(`${storefront.url}/v1/events?limit=1000`, { headers: { authorization: 'Bearer demo-admin-token' } });
    const { events } = (await response.json()) as { events: StoredEvent[] };
    return events.filter(event => ids.includes(event.messageId));
  }
  async function waitForRows(ids: string[], timeout = 20_000): Promise<StoredEvent[]> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const found = await rows(ids);
      if (found.length >= ids.length || Date.now() > deadline) return found;
      await sleep(200);
    }
  }
  const postsOf = (ids: string[]) => proxy.log.filter(entry => entry.method === 'POST' && entry.messageIds.some(id => ids.includes(id)));

  /** A shopper who already accepted analytics on an earlier page (the banner stored the choice). */
  async function consentingContext(): Promise<BrowserContext> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${proxy.url}/`);
    await page.getByRole('button', { name: 'Accepter' }).click();
    await page.close();
    return context;
  }

  test('nothing leaves the page and nothing is stored before consent; "Accepter" delivers each event once', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const start = proxy.log.length;
    await page.goto(`${proxy.url}/?utm_source=newsletter&token=secret#top`);
    const ids = await trackInPage(page, [
      ['share', { network: 'facebook', productId: 'robe-camille-lin' }],
      ['share_copy_link', { productId: 'robe-camille-lin' }],
      ['product_click', { productId: 'sac-cabas-cuir' }],
    ]);
    await sleep(3000);
    assert.deepEqual(
      proxy.log.slice(start).filter(entry => entry.path.startsWith('/v1/events')),
      [],
      'no request to the collector before consent',
    );
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), [], 'localStorage untouched');
    assert.equal(await page.evaluate(() => document.cookie), '');
    assert.deepEqual(await context.cookies(), []);

    await page.getByRole('button', { name: 'Accepter' }).click();
    const stored = await waitForRows(ids);
    assert.deepEqual(stored.map(event => event.messageId).sort(), [...ids].sort());
    assert.equal(stored[0].context.page.url, `${proxy.url}/?utm_source=newsletter`);
    assert.ok(stored[0].context.anonymousId);
    assert.ok(postsOf(ids).every(entry => entry.contentType.startsWith('text/plain')));
    assert.deepEqual(await context.cookies(), [], 'still no cookies');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('events tracked right before a navigation arrive exactly once', async () => {
    const context = await consentingContext();
    const page = await context.newPage();
    await page.goto(`${proxy.url}/produits/robe-camille-lin.html`);
    const ids = await trackInPage(page, [
      ['share', { network: 'pinterest', productId: 'robe-camille-lin' }],
      ['wishlist_add', { productId: 'robe-camille-lin', variant: 'M' }],
    ]);
    // No wait: the flush timer has not fired; pagehide sends the batch with keepalive.
    await page.goto(`${proxy.url}/wishlist.html`);
    const stored = await waitForRows(ids);
    assert.equal(stored.length, 2);
    await page.waitForFunction(nothingStored);
    assert.equal(proxy.log.filter(entry => entry.method === 'OPTIONS').length, 0);
    assert.deepEqual((await rows(ids)).length, 2, 'each once in the database');
    await context.close();
  });

  test('a collector answering 503 then 200: retried with the same messageIds, stored once', async () => {
    const context = await consentingContext();
    const page = await context.newPage();
    await page.goto(`${proxy.url}/`);
    await page.waitForFunction(() => typeof window.Vitrine?.version === 'string');
    proxy.failNext(2, 503);
    const ids = await trackInPage(page, [
      ['feed_view', { feedId: 'home', layout: 'grid', postCount: 12 }],
      ['hotspot_open', { feedId: 'home', postId: 'p1', productId: 'foulard-soie-imprime' }],
    ]);
    const stored = await waitForRows(ids);
    assert.equal(stored.length, 2);
    const attempts = postsOf(ids);
    // Two injected 503s; a sampled web_vitals batch from an earlier page may take one of them first.
    const statuses = attempts.map(entry => entry.status);
    assert.ok(statuses.length >= 2 && statuses.at(-1) === 200 && statuses.slice(0, -1).every(status => status === 503), statuses.join());
    assert.ok(attempts.every(entry => ids.every(id => entry.messageIds.includes(id))), 'the same messageIds on every attempt');
    await context.close();
  });

  test('a forced offline period: nothing is attempted, everything arrives once back online', async () => {
    const context = await consentingContext();
    const page = await context.newPage();
    await page.goto(`${proxy.url}/wishlist.html`);
    await page.waitForFunction(() => typeof window.Vitrine?.version === 'string');
    await context.setOffline(true);
    const ids = await trackInPage(page, [
      ['wishlist_remove', { productId: 'trench-classique' }],
      ['wishlist_share', { itemCount: 3, network: 'whatsapp' }],
    ]);
    await sleep(3000);
    assert.equal(postsOf(ids).length, 0);
    assert.equal((await page.evaluate(storedIds)).length >= 2, true);
    await context.setOffline(false);
    const stored = await waitForRows(ids);
    assert.equal(stored.length, 2);
    await context.close();
  });

  test('a tab closed mid-batch delivers on the next visit, once', async () => {
    const context = await consentingContext();
    const first = await context.newPage();
    await first.goto(`${proxy.url}/`);
    await first.waitForFunction(() => typeof window.Vitrine?.version === 'string');
    proxy.down = true;
    const ids = await trackInPage(first, [
      ['login_start', { provider: 'google', mode: 'popup' }],
      ['login_error', { provider: 'google', errorCode: 'popup_closed' }],
      ['share', { network: 'x' }],
    ]);
    const deadline = Date.now() + 10_000;
    while (postsOf(ids).length === 0 && Date.now() < deadline) await sleep(100);
    assert.ok(postsOf(ids).length > 0, 'the batch was attempted');
    await first.close({ runBeforeUnload: false });
    assert.equal((await rows(ids)).length, 0, 'nothing stored while the collector was down');

    proxy.down = false;
    const next = await context.newPage();
    await next.goto(`${proxy.url}/produits/trench-classique.html`);
    const stored = await waitForRows(ids);
    assert.deepEqual(stored.map(event => event.messageId).sort(), [...ids].sort());
    await next.waitForFunction(nothingStored);
    await context.close();
  });

  test('two tabs queueing while the collector is down keep each other\'s events; all arrive once', async () => {
    const context = await consentingContext();
    const [left, right] = await Promise.all([context.newPage(), context.newPage()]);
    await Promise.all([left.goto(`${proxy.url}/`), right.goto(`${proxy.url}/wishlist.html`)]);
    proxy.down = true;
    const ids = [
      ...(await trackInPage(left, [['share', { network: 'x' }]])),
      ...(await trackInPage(right, [['wishlist_add', { productId: 'sac-cabas-cuir' }]])),
      ...(await trackInPage(left, [['product_click', { productId: 'sac-cabas-cuir' }]])),
    ];
    // The tabs store their queues as they settle (on a busy machine, after trackInPage returns): wait for the
    // stored queues to hold every id. A tab that wrote over the other's events would leave them missing for good.
    // Sampled web_vitals events may be queued too: what matters is that no tab erased the other's.
    const storedAll = async () => {
      const stored = await left.evaluate(storedIds);
      return ids.every(id => stored.includes(id));
    };
    const deadline = Date.now() + 10_000;
    while (!(await storedAll()) && Date.now() < deadline) await sleep(100);
    assert.ok(await storedAll(), 'the stored queues hold the events of both tabs');
    await Promise.all([left.close({ runBeforeUnload: false }), right.close({ runBeforeUnload: false })]);

    proxy.down = false;
    const next = await context.newPage();
    await next.goto(`${proxy.url}/`);
    assert.equal((await waitForRows(ids)).length, 3);
    await context.close();
  });

  test('the dashboard shows the summary under the strict CSP', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    const response = await page.goto(`${storefront.url}/dashboard.html`);
    assert.match(response?.headers()['content-security-policy'] ?? '', /script-src 'self'/);
    await page.getByRole('status').filter({ hasText: /événements sur 30 jours/ }).waitFor();
    const names = await page.locator('.total-name').allTextContents();
    assert.ok(names.includes('share') && names.includes('login_start'), names.join());
    assert.ok((await page.locator('#dashboard-table tbody tr').count()) >= names.length);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

