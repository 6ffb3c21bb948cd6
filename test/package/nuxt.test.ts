// Nuxt 4 (server-rendered, Nitro's Node server), built against the packed tarball: `nuxt build`, the server
// renders each request and stays up, in Chromium the element upgrades and its typed @vitrine-share handler
// fires, and vue-tsc (over the tsconfigs `nuxt build` wrote) knows <vitrine-*> through vitrine/vue.
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { freePort, launchBrowser } from '../e2e/harness.js';
import { assertServerRenders, assertShareHandlerFires, report } from './apps.js';
import { examples, installPackedVitrine, run, serve, type Served } from './consumers.js';

const app = `${examples}nuxt/`;
const bin = `${examples}node_modules/.bin/`;
const env = { NUXT_TELEMETRY_DISABLED: '1' };
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

test('nuxt build, then the Nitro server renders each request and stays up', async () => {
  run(`${bin}nuxt`, ['build'], app, env);
  const port = await freePort();
  server = await serve(process.execPath, ['.output/server/index.mjs'], app, `http://127.0.0.1:${port}/`, { NITRO_HOST: '127.0.0.1', NITRO_PORT: String(port) });
  await assertServerRenders(server, /<vitrine-share url="https:\/\/shop\.example\/products\/robe-camille"/);
});

test('in Chromium the element upgrades and the typed @vitrine-share handler fires', async () => {
  await assertShareHandlerFires(browser, server.url, 'x: https://shop.example/products/robe-camille');
});

test('vue-tsc accepts the app, and rejects a wrong attribute value and a handler for another event', () => {
  // One run checks both: the app must have no error, the added file exactly its two.
  const errors = `${app}app/TypeErrors.vue`;
  writeFileSync(
    errors,
    '<script setup lang="ts">\n' +
      "import type { LoginEvent } from 'vitrine/events';\n" +
      'const onLogin = (event: LoginEvent) => event.detail.user;\n' +
      '</script>\n' +
      '<template>\n' +
      '  <vitrine-share size="huge" />\n' +
      '  <vitrine-share @vitrine-share="onLogin" />\n' +
      '</template>\n',
  );
  try {
    const output = report(`${bin}vue-tsc`, ['-b', '--noEmit', '--pretty', 'false'], app);
    const reported = [...output.matchAll(/^(\S+)\((\d+),\d+\): error/gm)].map(([, file, line]) => `${file}:${line}`);
    assert.deepEqual(reported, ['app/TypeErrors.vue:6', 'app/TypeErrors.vue:7'], output);
  } finally {
    rmSync(errors);
  }
});
