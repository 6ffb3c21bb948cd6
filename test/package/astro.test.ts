// Astro (server output, @astrojs/node), built against the packed tarball: `astro check` types the page's
// script (the `vitrine-share` listener takes a VitrineShareEvent), `astro build`, the Node server renders
// every request without crashing, and in Chromium the element upgrades and the typed listener fires.
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { stripVTControlCharacters } from 'node:util';
import type { Browser } from 'playwright-core';
import { freePort, launchBrowser } from '../e2e/harness.js';
import { assertServerRenders, assertShareHandlerFires, report } from './apps.js';
import { examples, installPackedVitrine, run, serve, type Served } from './consumers.js';

const app = `${examples}astro/`;
const astro = `${examples}node_modules/.bin/astro`;
const env = { ASTRO_TELEMETRY_DISABLED: '1' };
let browser: Browser;
let server: Served;

before(async () => {
  installPackedVitrine();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('astro check accepts the page, and rejects a listener for another event and a wrong property value', () => {
  // One run checks both: the page must have no error, the added file exactly its two.
  const errors = `${app}src/pages/errors.astro`;
  writeFileSync(
    errors,
    '<vitrine-share></vitrine-share>\n' +
      '<script>\n' +
      "  import type { LoginEvent } from 'vitrine/events';\n" +
      "  document.querySelector('vitrine-share')?.addEventListener('vitrine-share', (event: LoginEvent) => event.detail.user);\n" +
      "  document.querySelector('vitrine-share')!.size = 'huge';\n" +
      '</script>\n',
  );
  try {
    const output = stripVTControlCharacters(report(astro, ['check'], app, env));
    const reported = [...output.matchAll(/^(src\/\S+):(\d+):\d+ - (?:error|warning)/gm)].map(([, file, line]) => `${file}:${line}`);
    assert.deepEqual(reported.sort(), ['src/pages/errors.astro:4', 'src/pages/errors.astro:5'], output);
  } finally {
    rmSync(errors);
  }
});

test('astro build, then the Node server renders each request and stays up', async () => {
  run(astro, ['build', '--silent'], app, env);
  const port = await freePort();
  server = await serve(process.execPath, ['dist/server/entry.mjs'], app, `http://127.0.0.1:${port}/`, { HOST: '127.0.0.1', PORT: String(port) });
  await assertServerRenders(server, /<vitrine-share url="https:\/\/shop\.example\/products\/robe-camille"/);
});

test('in Chromium the element upgrades and the typed listener fires', async () => {
  await assertShareHandlerFires(browser, server.url, 'x: https://shop.example/products/robe-camille');
});
