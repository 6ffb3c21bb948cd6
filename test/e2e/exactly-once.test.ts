import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type CountingCollector, startCountingCollector, startPages } from './counting-collector.js';
import { launchBrowser } from './harness.js';

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Each event once at a collector that does not deduplicate, on another origin than the pages:
 * the built script tag and share buttons in real Chromium, the collector counting what it takes in.
 */
describe('each event once at a plain collector on another origin (Chromium, built script tag)', () => {
  let browser: Browser;
  let collector: CountingCollector;
  let pages: { url: string; close(): Promise<void> };
  before(async () => {
    [browser, collector] = await Promise.all([launchBrowser(), startCountingCollector()]);
    pages = await startPages(collector.endpoint);
  });
  after(async () => {
    await browser?.close();
    await pages?.close();
    await collector?.close();
  });

  async function open(context: BrowserContext, path = '/a.html'): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${pages.url}${path}`);
    await page.getByRole('button', { name: 'Copier le lien' }).waitFor();
    // Ready to act: a click then copies even offline (what it does is fetched once the page is idle).
    await page.evaluate(() => document.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>('vitrine-share')?.updateComplete);
    return page;
  }
  async function shopper(): Promise<BrowserContext> {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: pages.url });
    return context;
  }
  /** Tracks an event through the runtime the loader started, as a widget would; answers its messageId. */
  const track = (page: Page, productId: string) =>
    page.evaluate(
      async ({ productId, runtimeUrl }) => {
        const runtime = (await import(runtimeUrl)) as { track(name: string, properties: object): { messageId: string } };
        return runtime.track('product_click', { productId }).messageId;
      },
      { productId, runtimeUrl: '/cdn/runtime.js' },
    );
  /** The messageIds of `name` events the collector took in since `start`. */
  const idsOf = (name: string, start: number) => [...new Set(collector.log.slice(start).filter(entry => entry.name === name).map(entry => entry.messageId))];
  async function until(condition: () => boolean, what: string, timeout = 15_000): Promise<void> {
    const deadline = Date.now() + timeout;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out: ${what}; log ${JSON.stringify(collector.log.slice(-10))}`);
      await sleep(100);
    }
  }

  test('a copy-link click followed by a navigation arrives once (pagehide and visibilitychange both fire)', async () => {
    const context = await shopper();
    const page = await open(context);
    const start = collector.log.length;
    await page.getByRole('button', { name: 'Copier le lien' }).click();
    // The shopper sees "Lien copié" (the copy is reported once the clipboard took it), then leaves at once: the
    // 2 s batch timer has not fired, the page sends as it goes away.
    await page.getByText('Lien copié').first().waitFor();
    await page.goto(`${pages.url}/b.html`);
    await page.getByRole('button', { name: 'Copier le lien' }).waitFor();
    await until(() => idsOf('share_copy_link', start).length === 1, 'the copy reached the collector');
    // Long enough for the next page to have sent anything it found stored (its batch timer is 2 s).
    await sleep(4000);
    const [id] = idsOf('share_copy_link', start);
    assert.equal(collector.received(id), 1, 'received once');

    // This page has seen the collector answer: its next copy goes out as it unloads, and only then.
    const again = collector.log.length;
    await page.getByRole('button', { name: 'Copier le lien' }).click();
    await page.getByText('Lien copié').first().waitFor();
    await page.goto(`${pages.url}/a.html`);
    await page.getByRole('button', { name: 'Copier le lien' }).waitFor();
    await until(() => idsOf('share_copy_link', again).length === 1, 'the second copy reached the collector');
    await sleep(4000);
    assert.equal(collector.received(idsOf('share_copy_link', again)[0]), 1, 'the second copy, received once');
    assert.equal(collector.log.filter(entry => entry.name === 'preflight').length, 0, 'no CORS preflight');
    await context.close();
  });

  test('an offline period, then online: each event once', async () => {
    const context = await shopper();
    const page = await open(context);
    const start = collector.log.length;
    // The sending half of delivery has arrived too (a page that never got it leaves its events to the next one).
    await page.waitForLoadState('networkidle');
    await context.setOffline(true);
    const ids = [await track(page, 'robe'), await track(page, 'sac')];
    await page.getByRole('button', { name: 'Copier le lien' }).click();
    await sleep(3000);
    assert.equal(collector.log.length, start, 'nothing attempted offline');
    await context.setOffline(false);
    await until(() => ids.every(id => collector.received(id) > 0) && idsOf('share_copy_link', start).length === 1, 'all arrived');
    // A navigation right after: nothing goes out twice.
    await page.goto(`${pages.url}/b.html`);
    await sleep(4000);
    assert.deepEqual([...ids, ...idsOf('share_copy_link', start)].map(id => collector.received(id)), [1, 1, 1]);
    await context.close();
  });

  test('503 then 200: retried with the same messageId, taken in once', async () => {
    const context = await shopper();
    const page = await open(context);
    collector.failNext(1, 503);
    const id = await track(page, 'trench');
    await until(() => collector.received(id) === 1, 'stored after the retry');
    await sleep(3000);
    assert.deepEqual(
      collector.log.filter(entry => entry.messageId === id).map(entry => entry.status),
      [503, 204],
    );
    // And across a navigation while nothing is pending: still once.
    await page.goto(`${pages.url}/b.html`);
    await sleep(3000);
    assert.equal(collector.received(id), 1);
    await context.close();
  });

  test('a tab closed mid-request and reopened: only the batch whose answer it never saw is sent again (at most twice)', async () => {
    const context = await shopper();
    const page = await open(context);
    collector.hold = true;
    const inFlight = await track(page, 'foulard');
    await until(() => collector.received(inFlight) === 1, 'the batch is in flight');
    // Tracked while the first request hangs: not in flight, so sent once, by this page as it closes or by the next.
    const waiting = await track(page, 'jupe');
    await page.close();
    collector.hold = false;
    const next = await open(context, '/b.html');
    await until(() => collector.received(waiting) >= 1 && collector.received(inFlight) >= 2, 'the next page delivered');
    await sleep(4000);
    assert.equal(collector.received(inFlight), 2, 'the unanswered batch: twice at most');
    assert.equal(collector.received(waiting), 1, 'what was not in flight: once');
    await next.close();
    await context.close();
  });
});
