// A Next.js App Router page built against the packed tarball: `next build`, `next start`, server-rendered
// requests that do not crash the server (the element imported in a Client Component that also renders on the
// server), and the element upgrading in Chromium, where its typed handler fires.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { collectPageErrors, freePort, launchBrowser } from '../e2e/harness.js';
import { examples, installPackedVitrine, run, serve, type Served } from './consumers.js';

const app = `${examples}nextjs/`;
const next = `${examples}node_modules/.bin/next`;
const env = { NEXT_TELEMETRY_DISABLED: '1' };
let browser: Browser;
let server: Served;

before(async () => {
  installPackedVitrine();
  run(next, ['build'], app, env);
  const port = await freePort();
  server = await serve(next, ['start', '--hostname', '127.0.0.1', '--port', String(port)], app, `http://127.0.0.1:${port}/`, env);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('server-rendered requests answer the page, and the server stays up', async () => {
  for (let request = 0; request < 3; request++) {
    const response = await fetch(server.url);
    assert.equal(response.status, 200);
    assert.match(await response.text(), /<vitrine-share url="https:\/\/shop\.example\/products\/robe-camille"/);
  }
  // A timer started on the server would throw later (navigator is not defined) and take the process down.
  await new Promise(resolve => setTimeout(resolve, 3000));
  assert.equal((await fetch(server.url)).status, 200);
  assert.doesNotMatch(server.output.join(''), /Error|is not defined/);
});

test('in Chromium the element upgrades and the typed handler fires', async () => {
  const page = await browser.newPage();
  const errors = collectPageErrors(page);
  await page.goto(server.url);
  await page.locator('vitrine-share').getByRole('button', { name: 'Share on X' }).click();
  await page.locator('output').filter({ hasText: /^x$/ }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});
