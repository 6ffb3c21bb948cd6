import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestServer, startTestServer } from '../test-server.js';

describe('catalog import (admin)', () => {
  let server: TestServer;
  const admin = { authorization: 'Bearer demo-admin-token' };

  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test('Google Merchant Center RSS (g: namespace) and TSV, and JSON', async () => {
    const rss = `<?xml version="1.0"?>
<rss xmlns:g="http://base.google.com/ns/1.0" version="2.0"><channel><title>Maison Lumière</title>
<item>
  <g:id>ML-GILET-LIN</g:id><g:title><![CDATA[Gilet en lin & soie]]></g:title>
  <g:description>Gilet l&#233;ger</g:description>
  <g:price>89.00 EUR</g:price><g:availability>in_stock</g:availability>
  <g:link>https://shop.example/produits/gilet.html</g:link><g:image_link>https://shop.example/images/gilet.jpg</g:image_link>
</item>
<item><g:id>ML-BROKEN</g:id><g:title>Sans prix</g:title><g:availability>in stock</g:availability></item>
<item><g:id>ML-CEINTURE</g:id><title>Ceinture cuir</title><g:price>45,50 EUR</g:price><g:availability>out of stock</g:availability>
  <link>https://shop.example/produits/ceinture.html</link><g:image_link>https://shop.example/images/ceinture.jpg</g:image_link></item>
</channel></rss>`;
    const imported = await fetch(`${server.url}/v1/admin/catalog/import`, { method: 'POST', headers: { ...admin, 'content-type': 'application/xml' }, body: rss });
    assert.equal(imported.status, 200);
    const result = (await imported.json()) as { imported: number; skipped: Array<{ id: string; reason: string }> };
    assert.equal(result.imported, 2);
    assert.equal(result.skipped[0].id, 'ML-BROKEN');
    assert.match(result.skipped[0].reason, /price/);

    const tsv = ['id\ttitle\tdescription\tprice\tavailability\tlink\timage link', 'ML-BERET\tBéret en laine\tChaud\t39.00 EUR\tpreorder\thttps://shop.example/b.html\thttps://shop.example/b.jpg'].join('\n');
    const tsvImport = await fetch(`${server.url}/v1/admin/catalog/import`, { method: 'POST', headers: { ...admin, 'content-type': 'text/tab-separated-values' }, body: tsv });
    assert.equal(tsvImport.status, 200);

    const json = await fetch(`${server.url}/v1/admin/catalog/import`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ products: [{ id: 'ML-BOB', title: 'Bob', description: '', price: 25, currency: 'EUR', availability: 'in_stock', link: 'https://shop.example/bob', image: 'https://shop.example/bob.jpg' }] }),
    });
    assert.equal(json.status, 200);

    const { products } = (await (await fetch(`${server.url}/v1/products?ids=ML-GILET-LIN,ML-CEINTURE,ML-BERET,ML-BOB`)).json()) as {
      products: Array<{ id: string; title: string; price: number; currency: string; availability: string; description: string }>;
    };
    const byId = Object.fromEntries(products.map(product => [product.id, product]));
    assert.deepEqual(
      { title: byId['ML-GILET-LIN'].title, price: byId['ML-GILET-LIN'].price, description: byId['ML-GILET-LIN'].description },
      { title: 'Gilet en lin & soie', price: 89, description: 'Gilet léger' },
    );
    assert.deepEqual([byId['ML-CEINTURE'].price, byId['ML-CEINTURE'].availability], [45.5, 'out_of_stock']);
    assert.deepEqual([byId['ML-BERET'].title, byId['ML-BERET'].availability], ['Béret en laine', 'preorder']);
    assert.equal(byId['ML-BOB'].price, 25);

    const empty = await fetch(`${server.url}/v1/admin/catalog/import`, { method: 'POST', headers: { ...admin, 'content-type': 'text/xml' }, body: '<rss></rss>' });
    assert.equal(empty.status, 400);
  });

  test('a JSON product without a description is stored with an empty one (the schema makes it optional)', async () => {
    const response = await fetch(`${server.url}/v1/admin/catalog/import`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ products: [{ id: 'ML-FOULARD', title: 'Foulard', price: 35, currency: 'EUR', availability: 'in_stock', link: 'https://shop.example/foulard', image: 'https://shop.example/foulard.jpg' }] }),
    });
    assert.equal(response.status, 200, await response.clone().text());
    assert.deepEqual(await response.json(), { imported: 1, skipped: [] });
    const product = (await (await fetch(`${server.url}/v1/products/ML-FOULARD`)).json()) as { description: string };
    assert.equal(product.description, '');
  });
});
