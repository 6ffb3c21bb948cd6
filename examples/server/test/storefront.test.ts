import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readProducts } from '../../storefront/build.js';
import { type TestServer, startTestServer } from '../test-server.js';

/** The demo storefront, generated from one layout, the page templates and products.json, as the server serves it. */
describe('generated storefront', () => {
  let server: TestServer;
  const PUBLIC_URL = 'https://boutique.example';
  before(async () => {
    server = await startTestServer({ PUBLIC_URL });
  });
  after(() => server.close());

  const page = async (path: string) => {
    const response = await fetch(`${server.url}${path}`);
    return { response, html: await response.text() };
  };

  test('every product of products.json has its page, its absolute URLs from PUBLIC_URL, under the strict CSP', async () => {
    for (const product of readProducts()) {
      const { response, html } = await page(`/produits/${product.slug}.html`);
      assert.equal(response.status, 200, product.slug);
      assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'self'/);
      assert.ok(html.includes(`<link rel="canonical" href="${PUBLIC_URL}/produits/${product.slug}.html">`), 'canonical from PUBLIC_URL');
      assert.ok(!html.includes('127.0.0.1'), 'no hard-coded origin');
      assert.ok(!/<script(?![^>]*\bsrc=)(?![^>]*application\/ld\+json)[^>]*>/.test(html), 'no inline script');
      assert.ok(!/\sstyle=/.test(html), 'no inline style');
      const jsonLd = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]) as { sku: string; offers: { url: string } };
      assert.equal(jsonLd.sku, product.id);
      assert.equal(jsonLd.offers.url, `${PUBLIC_URL}/produits/${product.slug}.html`);
      assert.ok(html.includes(`data-product-id="${product.id}"`));
    }
  });

  test('the home page lists every product once; the wishlist page is served; the templates are not', async () => {
    const { response, html } = await page('/');
    assert.equal(response.status, 200);
    assert.ok(html.includes(`<meta property="og:url" content="${PUBLIC_URL}/">`));
    for (const product of readProducts()) assert.equal(html.split(`<vitrine-wishlist-button product="${product.id}" `).length - 1, 1, product.id);
    assert.equal((await page('/index.html')).html, html);
    assert.equal((await page('/wishlist.html')).response.status, 200);
    assert.equal((await page('/templates/layout.html')).response.status, 404);
    assert.equal((await page('/build.ts')).response.status, 404);
    assert.equal((await page('/assets/store.css')).response.status, 200);
  });
});
