import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { type Storefront, collectPageErrors, launchBrowser, startStorefront } from './harness.js';

describe('demo storefront (npm start)', () => {
  let storefront: Storefront;
  let browser: Browser;
  before(async () => {
    [storefront, browser] = await Promise.all([startStorefront(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await storefront?.stop();
  });

  test('home page loads the Vitrine loader under a strict CSP with no console error', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    const response = await page.goto(`${storefront.url}/`);
    assert.equal(response?.status(), 200);
    assert.match(response?.headers()['content-security-policy'] ?? '', /script-src 'self'/);
    await page.waitForFunction(() => typeof window.Vitrine?.version === 'string');
    assert.match(await page.title(), /Maison Lumière/);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("a widget's chunk downloads alongside the runtime, not after it, and runs once the runtime is configured", async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${storefront.url}/produits/robe-camille-lin.html`);
    await page.waitForFunction(() => customElements.get('vitrine-share') !== undefined);
    const [runtime, share] = await page.evaluate(() =>
      ['runtime.js', 'vitrine-share.js'].map(file => {
        const entry = performance.getEntriesByType('resource').find(e => e.name.endsWith(`/cdn/${file}`)) as PerformanceResourceTiming;
        return { start: entry.startTime, end: entry.responseEnd };
      }),
    );
    assert.ok(share.start < runtime.end, `vitrine-share.js started at ${share.start} ms, runtime.js ended at ${runtime.end} ms`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('product page carries JSON-LD Product data and Open Graph tags', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${storefront.url}/produits/robe-camille-lin.html`);
    const product = await page.evaluate(() => {
      const script = document.querySelector('script[type="application/ld+json"]');
      return script ? JSON.parse(script.textContent ?? '{}') : null;
    });
    assert.equal(product?.['@type'], 'Product');
    assert.equal(product?.sku, 'ML-ROBE-CAMILLE');
    assert.ok(await page.locator('meta[property="og:image"]').getAttribute('content'));
    await page.waitForLoadState('networkidle');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the consent banner hands the choice to Vitrine', async () => {
    const page = await browser.newPage();
    await page.goto(`${storefront.url}/wishlist.html`);
    await page.waitForFunction(() => typeof window.Vitrine?.version === 'string');
    await page.getByRole('button', { name: 'Accepter' }).click();
    assert.equal(await page.evaluate(() => localStorage.getItem('maison-lumiere:consent')), 'granted');
    await page.close();
  });
});
