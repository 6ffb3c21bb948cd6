// The extension as a merchant's shoppers meet it: blocks rendered by Liquid into a theme page, served from
// the shop's origin, the SDK from a stand-in for Shopify's CDN, the API from the example server, in Chromium.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type Storefront, collectPageErrors, freePort, launchBrowser, startStorefront } from '../../../test/e2e/harness.js';
import { type ShopifyProductsJson, toCatalog } from '../catalog.js';
import { packageAssets } from '../package-assets.js';
import { type LocalServer, type PageSpec, cdnFiles, renderPage, serve } from './pages.js';
import { extensionDir, productDrop, readJson, shopifyLiquid } from './shopify-liquid.js';

const ASSETS = '/extensions/vitrine/assets';
const ADMIN = { authorization: 'Bearer demo-admin-token' };
const TAGS = ['vitrine-share', 'vitrine-wishlist-button', 'vitrine-feed', 'vitrine-login'];

/**
 * Shopify's Customer Privacy API with its banner still up, as a page of a store in the EU sees it (Shopify's own
 * script cannot run here). A string, not a function: tsx's helpers would not exist inside the page.
 */
const customerPrivacyWithBanner = `(() => {
  const state = { analytics: '' };
  const privacy = {
    analyticsProcessingAllowed: () => state.analytics === 'yes',
    currentVisitorConsent: () => ({ analytics: state.analytics, marketing: '', preferences: '', sale_of_data: '' }),
    setTrackingConsent(consent, callback) {
      state.analytics = consent.analytics ? 'yes' : 'no';
      document.dispatchEvent(new CustomEvent('visitorConsentCollected', { detail: { analyticsAllowed: consent.analytics, marketingAllowed: false } }));
      callback?.();
    },
  };
  window.Shopify = { loadFeatures: (features, callback) => setTimeout(() => { window.Shopify.customerPrivacy = privacy; callback(); }, 10) };
})();`;

describe('Shopify theme app extension in Chromium, against the example server', () => {
  let api: Storefront;
  let shop: LocalServer;
  let cdn: LocalServer;
  let browser: Browser;
  let assetsDir: string;
  const pages = new Map<string, string>();
  const json: ShopifyProductsJson = { products: [] };

  before(async () => {
    assetsDir = await mkdtemp(join(tmpdir(), 'vitrine-shopify-assets-'));
    const written = await packageAssets(undefined, assetsDir);
    assert.ok(written.every(name => !name.includes('/')), 'flat assets');
    const [shopPort, cdnPort] = [await freePort(), await freePort()];
    const shopUrl = `http://127.0.0.1:${shopPort}`;
    // One at a time, each assigned as soon as it runs, so that after() closes whatever started if a later one fails.
    cdn = await serve(cdnPort, cdnFiles(assetsDir, ASSETS), { 'access-control-allow-origin': '*' });
    shop = await serve(shopPort, async path => (pages.has(path) ? { type: 'text/html; charset=utf-8', body: pages.get(path)! } : undefined));
    browser = await launchBrowser();
    api = await startStorefront({ ALLOWED_ORIGINS: shopUrl });

    // The store's catalog, imported the way docs/shopify.md says, with pictures on the local CDN.
    const fixture = await readJson<ShopifyProductsJson>(join(extensionDir, 'test/fixtures/products.json'));
    json.products = fixture.products.map(product => ({ ...product, images: product.images.map(image => ({ ...image, src: image.src.replace('https://cdn.shopify.com', cdn.origin) })) }));
    const imported = await fetch(`${api.url}/v1/admin/catalog/import`, {
      method: 'POST',
      headers: { ...ADMIN, 'content-type': 'application/json' },
      body: JSON.stringify({ products: toCatalog(json, { shopUrl, currency: 'EUR' }).products }),
    });
    assert.equal(imported.status, 200, await imported.text());

    const liquid = await shopifyLiquid({ assetBase: `//${new URL(cdn.origin).host}${ASSETS}`, shopUrl });
    const embed = { api: `${api.url}/`, consent: 'shopify', vitals_percent: 0 };
    const dress = productDrop(json.products[0]);
    const common: Omit<PageSpec, 'title' | 'path' | 'locale'> = { shopUrl, embed, header: [['login.liquid', { providers: 'demo', size: 'sm' }]] };
    for (const locale of ['fr', 'en'] as const) {
      pages.set(`/${locale}/products/robe-solene-lin`, await renderPage(liquid, {
        ...common,
        title: dress.title,
        path: `/${locale}/products/robe-solene-lin`,
        locale,
        product: dress,
        main: [['wishlist-button.liquid'], ['share-buttons.liquid', { layout: 'labels', no_native: true }], ['instagram-feed.liquid', { feed: 'maison-lumiere', layout: 'grid', limit: 3 }]],
      }));
    }
    pages.set('/fr/pages/liste-envies', await renderPage(liquid, { ...common, title: "Ma liste d'envies", path: '/fr/pages/liste-envies', locale: 'fr', main: [['wishlist.liquid', { heading: "Ma liste d'envies" }]] }));
  });

  after(async () => {
    await browser?.close();
    await Promise.all([api?.stop(), shop?.close(), cdn?.close()]);
    if (assetsDir) await rm(assetsDir, { recursive: true, force: true });
  });

  const open = async (path: string): Promise<{ page: Page; errors: string[] }> => {
    const context = await browser.newContext();
    await context.addInitScript(customerPrivacyWithBanner);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const response = await page.goto(`${shop.origin}${path}`);
    assert.equal(response?.status(), 200);
    return { page, errors };
  };
  const defined = (page: Page, tags: string[]) =>
    page.waitForFunction(names => names.every(name => customElements.get(name)), tags).then(() => page.evaluate(names => names.filter(name => customElements.get(name)), tags));

  test('product page in French: every widget defined from the flat CDN assets, the heart follows the variant picker, the add is stored, analytics wait for Shopify\'s cookie banner', async () => {
    const { page, errors } = await open('/fr/products/robe-solene-lin');
    assert.deepEqual(await defined(page, TAGS), TAGS);
    assert.ok(new URL(await page.evaluate(() => (document.querySelector('script[src$="/vitrine.js"]') as HTMLScriptElement).src)).origin === cdn.origin, 'the loader comes from the CDN origin');

    const heart = page.locator('vitrine-wishlist-button button');
    assert.equal(await heart.getAttribute('aria-label'), "Ajouter à ma liste d'envies");
    const wish = page.locator('vitrine-wishlist-button');
    await page.getByLabel('Variante').selectOption({ label: 'L / Sable' });
    assert.deepEqual(await wish.evaluate(element => [element.getAttribute('variant'), Number(element.getAttribute('price')), element.getAttribute('image')]), [
      'L / Sable',
      139,
      `//${new URL(cdn.origin).host}/s/files/1/0000/0001/files/robe-solene-sable.jpg?v=1732000000&width=800`,
    ]);
    await page.getByLabel('Variante').selectOption({ label: 'M / Terracotta' });
    assert.deepEqual(await wish.evaluate(element => [element.getAttribute('variant'), Number(element.getAttribute('price'))]), ['M / Terracotta', 129]);
    await heart.click();
    await page.waitForFunction(() => document.querySelector('vitrine-wishlist-button')?.shadowRoot?.querySelector('button')?.getAttribute('aria-pressed') === 'true');

    // Read back through the API, with the owner token the widget keeps.
    const owner = await page.waitForFunction(() => localStorage.getItem('vitrine:wishlist:owner')).then(handle => handle.jsonValue());
    const { id, token } = JSON.parse(owner as string) as { id: string; token: string };
    const deadline = Date.now() + 15_000;
    let items: Array<{ productId: string; variant: string; title?: string; price?: number }> = [];
    while (Date.now() < deadline) {
      const answer = await fetch(`${api.url}/v1/wishlists/${id}`, { headers: { authorization: `Bearer ${token}` } });
      items = ((await answer.json()) as { wishlist: { items: typeof items } }).wishlist.items;
      if (items.length) break;
      await new Promise(resolve => setTimeout(resolve, 200));
    }
    assert.deepEqual(
      items.map(item => [item.productId, item.variant, item.title, item.price]),
      [['8012345678901', 'M / Terracotta', 'Robe Solène en lin', 129]],
    );

    // The feed reports feed_view once half of it is visible. Nothing is stored for analytics while Shopify's
    // banner is up; accepting it lets the events go to the collector, from this page.
    await page.locator('vitrine-feed').scrollIntoViewIfNeeded();
    await page.locator('vitrine-feed [part="post"]').first().waitFor();
    // The wishlist's own keys are the shopper's list, not analytics: only the analytics keys must be absent.
    const analyticsKeys = () => Object.keys(localStorage).filter(key => /^vitrine:(queue|anonymousId|unchecked)/.test(key));
    assert.deepEqual(await page.evaluate(analyticsKeys), []);
    await page.evaluate(() => (window as unknown as { Shopify: { customerPrivacy: { setTrackingConsent(c: { analytics: boolean }): void } } }).Shopify.customerPrivacy.setTrackingConsent({ analytics: true }));
    type Stored = { name: string; properties: Record<string, unknown>; context: { locale?: string; page: { url: string } } };
    let stored: Stored[] = [];
    const eventsDeadline = Date.now() + 30_000;
    while (Date.now() < eventsDeadline && !stored.some(event => event.name === 'feed_view')) {
      await new Promise(resolve => setTimeout(resolve, 300));
      stored = ((await (await fetch(`${api.url}/v1/events?limit=50`, { headers: ADMIN })).json()) as { events: Stored[] }).events;
    }
    const view = stored.find(event => event.name === 'feed_view');
    assert.ok(view, `feed_view reached the collector after consent; stored: ${stored.map(event => event.name).join(', ') || 'none'}`);
    assert.equal(view.properties.feedId, 'maison-lumiere');
    assert.equal(view.context.locale, 'fr');
    assert.equal(view.context.page.url, `${shop.origin}/fr/products/robe-solene-lin`);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  test('product page in English: the widgets speak the store language', async () => {
    const { page, errors } = await open('/en/products/robe-solene-lin');
    await defined(page, TAGS);
    assert.equal(await page.locator('vitrine-wishlist-button button').getAttribute('aria-label'), 'Add to wishlist');
    await page.locator('vitrine-share [part~="button"]').first().waitFor();
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  test('wishlist page: the saved product with its catalog name and price', async () => {
    const { page, errors } = await open('/fr/products/robe-solene-lin');
    await defined(page, ['vitrine-wishlist-button']);
    await page.locator('vitrine-wishlist-button button').click();
    await page.waitForFunction(() => localStorage.getItem('vitrine:wishlist:owner'));
    await page.goto(`${shop.origin}/fr/pages/liste-envies`);
    assert.deepEqual(await defined(page, ['vitrine-wishlist']), ['vitrine-wishlist']);
    await page.waitForFunction(() => document.querySelector('vitrine-wishlist')?.shadowRoot?.querySelectorAll('[part="price"]').length === 1);
    const item = page.locator('vitrine-wishlist [part="item"]');
    assert.equal(await item.locator('.title').textContent(), 'Robe Solène en lin');
    assert.match((await item.locator('[part="price"]').textContent()) ?? '', /129,00\s€/);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});
