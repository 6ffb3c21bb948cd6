// A storefront page on another origin than the Vitrine API, as most merchants deploy it: the page (and its copy
// of dist/) on one origin, the example server (its app, a migrated database, the demo catalog) on another.
// With the page's origin missing from ALLOWED_ORIGINS, the widgets show their error state and the console names
// ALLOWED_ORIGINS; once listed, they work, and analytics go to the API's collector although the tag sets only
// data-api.
import assert from 'node:assert/strict';
import { createReadStream, existsSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startTestServer } from '../../examples/server/test-server.js';
import { freePort, launchBrowser } from './harness.js';

const dist = new URL('../../dist/', import.meta.url);

/** The merchant's own site: one product page, and Vitrine's dist/ served beside it as /vitrine/. */
async function startPageSite(api: string, port: number): Promise<{ url: string; server: Server }> {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Robe Camille</title>
<script src="/vitrine/vitrine.js" data-api="${api}/" data-consent="granted" async></script></head>
<body><vitrine-wishlist-button product="ML-ROBE-CAMILLE"></vitrine-wishlist-button><vitrine-wishlist></vitrine-wishlist></body></html>`;
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const file = new URL(path.replace(/^\/vitrine\//, ''), dist);
    if (path.startsWith('/vitrine/') && existsSync(file)) {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      createReadStream(file).pipe(response);
    } else if (path === '/') {
      response.writeHead(200, { 'content-type': 'text/html' }).end(page);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>(resolve => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, server };
}

const warningsOf = (page: Page) => {
  const warnings: string[] = [];
  page.on('console', message => message.type() === 'warning' && warnings.push(message.text()));
  return warnings;
};

describe('a storefront page on another origin than the API', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('not in ALLOWED_ORIGINS: a console warning names it, and the wishlist shows its error, not "offline"', async () => {
    const api = await startTestServer({ ALLOWED_ORIGINS: 'https://www.shop.example' });
    const site = await startPageSite(api.url, await freePort());
    try {
      const page = await browser.newPage();
      const warnings = warningsOf(page);
      await page.goto(site.url);
      await page.locator('vitrine-wishlist-button').getByRole('button').click();
      await page.locator('vitrine-wishlist').getByText('An item could not be added.').waitFor();
      assert.equal(await page.locator('vitrine-wishlist').getByText(/offline/i).count(), 0);
      const cors = warnings.find(warning => warning.includes('ALLOWED_ORIGINS'));
      assert.ok(cors, `a warning names ALLOWED_ORIGINS; got ${JSON.stringify(warnings)}`);
      assert.ok(cors.includes(site.url), 'it names the origin to add');
      await page.close();
    } finally {
      site.server.close();
      await api.close();
    }
  });

  test('listed: the wishlist saves, and events reach the collector on data-api (no data-endpoint)', async () => {
    const port = await freePort();
    const api = await startTestServer({ ALLOWED_ORIGINS: `http://127.0.0.1:${port}` });
    const site = await startPageSite(api.url, port);
    try {
      const page = await browser.newPage();
      const warnings = warningsOf(page);
      await page.goto(site.url);
      const collected = page.waitForRequest(request => request.url() === `${api.url}/v1/events` && request.method() === 'POST');
      await page.locator('vitrine-wishlist-button').getByRole('button').click();
      const request = await collected;
      const batch = JSON.parse(request.postData() ?? '{}') as { batch: Array<{ name: string }> };
      assert.ok(batch.batch.some(event => event.name === 'wishlist_add'));
      assert.ok((await request.response())?.ok(), 'the collector stored the batch');
      await page.waitForFunction(() => localStorage.getItem('vitrine:wishlist:owner') !== null);
      // No CORS refusal, and no missing-endpoint warning: the collector came from data-api.
      assert.deepEqual(warnings.filter(warning => /ALLOWED_ORIGINS|data-endpoint/.test(warning)), []);
      await page.close();
    } finally {
      site.server.close();
      await api.close();
    }
  });
});
