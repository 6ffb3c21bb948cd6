// Svelte 5 + SvelteKit (adapter-node), built against the packed tarball: svelte-check knows <vitrine-*>
// (vitrine/svelte: typed attributes and onvitrine-* handlers), `vite build`, the Node server renders every
// request without crashing, and in Chromium the element upgrades and the typed handler fires.
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { freePort, launchBrowser } from '../e2e/harness.js';
import { assertServerRenders, assertShareHandlerFires, report } from './apps.js';
import { examples, installPackedVitrine, run, serve, type Served } from './consumers.js';

const app = `${examples}sveltekit/`;
const bin = `${examples}node_modules/.bin/`;
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

test('svelte-check accepts the app, and rejects a wrong attribute value and a handler for another event', () => {
  // One run checks both: the app must have no error, the added file exactly its two.
  const errors = `${app}src/routes/Errors.svelte`;
  writeFileSync(
    errors,
    '<script lang="ts">\n' +
      "  import type { LoginEvent } from 'vitrine/events';\n" +
      '  const onLogin = (event: LoginEvent) => event.detail.user;\n' +
      '</script>\n' +
      '<vitrine-share size="huge"></vitrine-share>\n' +
      '<vitrine-share onvitrine-share={onLogin}></vitrine-share>\n',
  );
  try {
    run(`${bin}svelte-kit`, ['sync'], app);
    const output = report(`${bin}svelte-check`, ['--tsconfig', './tsconfig.json', '--output', 'machine'], app);
    const reported = output.split('\n').filter(line => / (ERROR|WARNING) /.test(line));
    assert.deepEqual(
      reported.map(line => /"([^"]+)" (\d+):/.exec(line)?.slice(1).join(':')),
      ['src/routes/Errors.svelte:5', 'src/routes/Errors.svelte:6'],
      output,
    );
  } finally {
    rmSync(errors);
  }
});

test('vite build, then the Node server renders each request and stays up', async () => {
  run(`${bin}vite`, ['build', '--logLevel', 'error'], app);
  const port = await freePort();
  server = await serve(process.execPath, ['build'], app, `http://127.0.0.1:${port}/`, { HOST: '127.0.0.1', PORT: String(port) });
  await assertServerRenders(server, /<vitrine-share url="https:\/\/shop\.example\/products\/robe-camille"/);
});

test('in Chromium the element upgrades and the typed onvitrine-share handler fires', async () => {
  await assertShareHandlerFires(browser, server.url, 'x: https://shop.example/products/robe-camille');
});
