import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { collectPageErrors, demoShop } from './harness.js';

describe('demo storefront (npm start)', () => {
  // A new user's first start: PGlite's initdb, every migration, and the feed's pictures encoded here.
  const shop = demoShop({}, { firstStart: true });

  test('home page loads the Vitrine loader under a strict CSP with no console error', async () => {
    const page = await shop.browser.newPage();
    const errors = collectPageErrors(page);
    const response = await page.goto(`${shop.storefront.url}/`);
    assert.equal(response?.status(), 200);
    assert.match(response?.headers()['content-security-policy'] ?? '', /script-src 'self'/);
    await page.waitForFunction(() => typeof window.Vitrine?.version === 'string');
    assert.match(await page.title(), /Maison Lumière/);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("every widget on the product page wears its own styles under the strict CSP (the built script tag's)", async () => {
    const page = await shop.browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${shop.storefront.url}/produits/robe-camille-lin.html`);
    await page.getByRole('button', { name: 'Partager sur Pinterest' }).waitFor();
    await page.waitForLoadState('networkidle');
    const styled = await page.evaluate(() =>
      [...document.querySelectorAll('*')]
        .filter(element => element.localName.startsWith('vitrine-') && element.shadowRoot)
        .map(element => ({ tag: element.localName, rules: element.shadowRoot!.adoptedStyleSheets.flatMap(sheet => [...sheet.cssRules].map(rule => rule.cssText)) })),
    );
    assert.ok(styled.length >= 2, `widgets on the page: ${styled.map(widget => widget.tag)}`);
    for (const { tag, rules } of styled) assert.ok(rules.some(rule => rule.startsWith(':host')), `${tag} adopted its sheet: ${rules.slice(0, 2)}`);
    const button = page.getByRole('button', { name: 'Partager sur Pinterest' });
    assert.equal(await button.evaluate(element => getComputedStyle(element).borderRadius), '999px', 'the share button is round');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("a widget's chunk downloads alongside the runtime, not after it, and runs once the runtime is configured", async () => {
    const page = await shop.browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${shop.storefront.url}/produits/robe-camille-lin.html`);
    await page.waitForFunction(() => customElements.get('vitrine-share') !== undefined);
    // This Chromium has no Web Share, so the share widget shows its network list: that chunk comes alongside too.
    const [runtime, share, networkList] = await page.evaluate(() =>
      ['runtime.js', 'vitrine-share.js', 'share-networks.js'].map(file => {
        const entry = performance.getEntriesByType('resource').find(e => e.name.endsWith(`/cdn/${file}`)) as PerformanceResourceTiming;
        return { start: entry.startTime, end: entry.responseEnd };
      }),
    );
    assert.ok(share.start < runtime.end, `vitrine-share.js started at ${share.start} ms, runtime.js ended at ${runtime.end} ms`);
    assert.ok(networkList.start < runtime.end, `share-networks.js started at ${networkList.start} ms, runtime.js ended at ${runtime.end} ms`);
    await page.locator('vitrine-share').getByRole('button', { name: 'Partager sur Pinterest' }).waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('where the system share sheet opens, the share network list is never downloaded', async () => {
    const page = await shop.browser.newPage();
    const errors = collectPageErrors(page);
    // Web Share as phones and Safari have it (the sheet itself never opens here). A string: tsx would wrap a function's arrows in its helpers.
    await page.addInitScript({ content: "Object.defineProperty(navigator, 'share', { value: async () => {} }); Object.defineProperty(navigator, 'canShare', { value: () => true });" });
    const requested: string[] = [];
    page.on('request', request => requested.push(new URL(request.url()).pathname));
    await page.goto(`${shop.storefront.url}/produits/robe-camille-lin.html`);
    await page.locator('vitrine-share').getByRole('button', { name: 'Partager…' }).waitFor();
    await page.waitForLoadState('networkidle');
    assert.ok(requested.includes('/vitrine/cdn/vitrine-share.js'), requested.join(', '));
    assert.ok(!requested.some(path => path.endsWith('/share-networks.js')), requested.join(', '));
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('product page carries JSON-LD Product data and Open Graph tags', async () => {
    const page = await shop.browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${shop.storefront.url}/produits/robe-camille-lin.html`);
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
    const page = await shop.browser.newPage();
    await page.goto(`${shop.storefront.url}/wishlist.html`);
    await page.waitForFunction(() => typeof window.Vitrine?.version === 'string');
    await page.getByRole('button', { name: 'Accepter' }).click();
    assert.equal(await page.evaluate(() => localStorage.getItem('maison-lumiere:consent')), 'granted');
    await page.close();
  });
});
