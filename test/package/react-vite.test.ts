// React 19 + Vite, built against the packed tarball: strict tsc (JSX knows <vitrine-*> and its typed
// handlers), a production build, and the page in Chromium, where the element renders and the handler fires.
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { collectPageErrors, freePort, launchBrowser } from '../e2e/harness.js';
import { examples, installPackedVitrine, run, serve, type Served } from './consumers.js';

const app = `${examples}react-vite/`;
const bin = `${examples}node_modules/.bin/`;
let browser: Browser;
let preview: Served;

before(async () => {
  installPackedVitrine();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await preview?.stop();
});

test('strict tsc accepts the app: <vitrine-*> in JSX, typed attributes and on<event> handlers', () => {
  run(`${bin}tsc`, ['-p', '.'], app);
});

test('strict tsc rejects a wrong attribute value and a handler for another event type', () => {
  const errors = `${app}src/errors.tsx`;
  writeFileSync(
    errors,
    "import type { LoginEvent } from 'vitrine/events';\n" +
      'export const A = () => <vitrine-feed layout="mosaic" />;\n' +
      'export const B = () => <vitrine-share onvitrine-share={(event: LoginEvent) => event.detail.user} />;\n',
  );
  try {
    assert.throws(() => run(`${bin}tsc`, ['-p', '.'], app), (error: Error) => /errors\.tsx\(2,/.test(error.message) && /errors\.tsx\(3,/.test(error.message));
  } finally {
    rmSync(errors);
  }
});

test('vite build, then the page in Chromium: the element renders and the typed handler fires', async () => {
  run(`${bin}vite`, ['build', '--logLevel', 'warn'], app);
  const port = await freePort();
  preview = await serve(`${bin}vite`, ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], app, `http://127.0.0.1:${port}/`);
  const page = await browser.newPage();
  const errors = collectPageErrors(page);
  await page.goto(preview.url);
  const x = page.locator('vitrine-share').getByRole('button', { name: 'Share on X' });
  await x.click();
  await page.locator('output').filter({ hasText: 'x: https://shop.example/products/robe-camille' }).waitFor();
  assert.equal(await page.evaluate(() => customElements.get('vitrine-wishlist-button') !== undefined), true);
  assert.deepEqual(errors, []);
  await page.close();
});
