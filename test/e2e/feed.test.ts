import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { type Storefront, collectPageErrors, launchBrowser, startStorefront, waitForFeed } from './harness.js';

declare global {
  interface Window {
    layoutShift: number;
  }
}

describe('shoppable Instagram feed on the demo storefront (npm start, fake Instagram)', () => {
  let storefront: Storefront;
  let browser: Browser;
  let mediaDir: string;

  before(async () => {
    mediaDir = await mkdtemp(join(tmpdir(), 'vitrine-e2e-media-'));
    [storefront, browser] = await Promise.all([startStorefront({ VITRINE_MEDIA_DIR: mediaDir }), launchBrowser()]);
    await waitForFeed(storefront);
  });
  after(async () => {
    await browser?.close();
    await storefront?.stop();
    await rm(mediaDir, { recursive: true, force: true });
  });

  test('the home feed loads in view with a cumulative layout shift of 0.00 and no console error', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = collectPageErrors(page);
    await page.addInitScript(() => {
      window.layoutShift = 0;
      new PerformanceObserver(list => {
        for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
          if (!entry.hadRecentInput) window.layoutShift += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    // A slow network: the widget's code and the feed JSON arrive well after the page has painted.
    const slow = (pattern: string) =>
      page.route(pattern, async route => {
        await new Promise(resolve => setTimeout(resolve, 600));
        await route.continue();
      });
    await slow('**/vitrine/cdn/vitrine-feed.js');
    await slow('**/v1/feeds/maison-lumiere');
    // Land on the Instagram section so the feed is in the viewport while it loads.
    await page.goto(`${storefront.url}/#instagram`);
    await page.waitForFunction(() => {
      const images = document.querySelector('vitrine-feed')?.shadowRoot?.querySelectorAll<HTMLImageElement>('.tile img');
      return images?.length === 6 && Array.from(images).every(image => image.complete && image.naturalWidth > 0);
    });
    await page.waitForLoadState('networkidle');
    const feedBox = await page.locator('vitrine-feed').boundingBox();
    assert.ok(feedBox && feedBox.y < 800 && feedBox.y + feedBox.height > 0, 'the feed was not in the viewport');
    const shift = await page.evaluate(() => window.layoutShift);
    assert.equal(shift.toFixed(2), '0.00', `CLS ${shift}`);
    // Pictures come from this server (re-hosted), never from Instagram's CDN.
    const sources = await page.locator('vitrine-feed .tile img').evaluateAll(images => images.map(image => (image as HTMLImageElement).currentSrc));
    assert.ok(sources.every(source => source.startsWith(`${storefront.url}/media/maison-lumiere/`)), sources.join('\n'));
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a post opens with Instagram product-tag hotspots and "Shopper le look"', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${storefront.url}/`);
    await page.locator('vitrine-feed button.tile').first().click();
    const dialog = page.locator('vitrine-feed dialog');
    await dialog.waitFor();
    assert.equal(await dialog.locator('button.hotspot').getAttribute('aria-label'), '1. Robe Camille en lin, 129,00\u00a0€');
    assert.equal(await dialog.locator('h2').textContent(), 'Shopper le look');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the product page shows the posts that tag its product (look layout)', async () => {
    const page = await browser.newPage();
    await page.goto(`${storefront.url}/produits/robe-camille-lin.html`);
    await page.locator('vitrine-feed[layout="look"] .tile img').first().waitFor();
    assert.equal(await page.locator('vitrine-feed[layout="look"] .tile').count(), 2);
    await page.close();
  });

  test('a hotspot placed on the admin page appears on the storefront after reload', async () => {
    const admin = await browser.newPage();
    const errors = collectPageErrors(admin);
    await admin.goto(`${storefront.url}/admin/`);
    await admin.fill('#token', 'demo-admin-token');
    await admin.click('#auth button[type="submit"]');
    await admin.click('button[data-post-id="17900000000000003"]');
    await admin.waitForFunction(() => (document.getElementById('picture') as HTMLImageElement).naturalWidth > 0);
    const picture = admin.locator('#picture');
    const box = (await picture.boundingBox())!;
    await picture.click({ position: { x: box.width * 0.3, y: box.height * 0.6 } });
    assert.equal(Number(await admin.inputValue('#x')).toFixed(1), '0.3');
    await admin.selectOption('#product', 'ML-SAC-CABAS');
    await admin.click('#add-hotspot');
    await admin.getByText('Hotspot added').waitFor();
    assert.deepEqual(errors, []);
    await admin.close();

    const page = await browser.newPage();
    await page.goto(`${storefront.url}/`);
    // The third post's button: before the feed arrives, its tile is a placeholder that opens nothing.
    await page.locator('vitrine-feed button.tile').nth(2).click();
    const hotspot = page.locator('vitrine-feed dialog button.hotspot');
    await hotspot.waitFor();
    assert.equal(await hotspot.getAttribute('aria-label'), '1. Sac cabas en cuir, 189,00\u00a0€');
    assert.equal(Number(await hotspot.evaluate(button => (button as HTMLElement).style.getPropertyValue('--x'))).toFixed(1), '0.3');
    await page.close();
  });
});
