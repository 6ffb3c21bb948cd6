// Vue 3 + Vite, built against the packed tarball: vue-tsc knows <vitrine-*> (GlobalComponents, typed
// @vitrine-* handlers), the build succeeds, and in Chromium the element renders and the handler fires.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { collectPageErrors, freePort, launchBrowser } from '../e2e/harness.js';
import { examples, installPackedVitrine, run, serve, type Served } from './consumers.js';

const app = `${examples}vue-vite/`;
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

test('vue-tsc accepts the app: <vitrine-share> and its typed @vitrine-share handler', () => {
  run(`${bin}vue-tsc`, ['-p', '.'], app);
});

test('vite build, then the page in Chromium: the element renders and the handler fires', async () => {
  run(`${bin}vite`, ['build', '--logLevel', 'warn'], app);
  const port = await freePort();
  preview = await serve(`${bin}vite`, ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], app, `http://127.0.0.1:${port}/`);
  const page = await browser.newPage();
  const errors = collectPageErrors(page);
  await page.goto(preview.url);
  await page.locator('vitrine-share').getByRole('button', { name: 'Share on X' }).click();
  await page.locator('output').filter({ hasText: 'x: https://shop.example/products/robe-camille' }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});
