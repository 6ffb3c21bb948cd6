// Angular (a standalone component with CUSTOM_ELEMENTS_SCHEMA, strict templates), built against the packed
// tarball: `ng build` compiles the template, whose `$event` of (vitrine-share) is a VitrineShareEvent; a handler
// for another event does not compile; and in Chromium the element upgrades and the typed handler fires.
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { stripVTControlCharacters } from 'node:util';
import type { Browser } from 'playwright-core';
import { freePort, launchBrowser } from '../e2e/harness.js';
import { assertShareHandlerFires, report } from './apps.js';
import { examples, installPackedVitrine, run, serve, type Served } from './consumers.js';

const app = `${examples}angular/`;
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

test('ng build, then the page in Chromium: the element renders and the typed (vitrine-share) handler fires', async () => {
  run(`${bin}ng`, ['build'], app, { NG_CLI_ANALYTICS: 'false' });
  const port = await freePort();
  preview = await serve(`${bin}vite`, ['preview', '--outDir', 'dist/browser', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], app, `http://127.0.0.1:${port}/`);
  await assertShareHandlerFires(browser, preview.url, 'x: https://shop.example/products/robe-camille');
});

test('strict templates reject a (vitrine-share) handler that takes another event type', () => {
  // One compilation of the app plus a component with the mistake: the app must have no error, the component one.
  const component = `${app}src/app/type-errors.ts`;
  const tsconfig = `${app}tsconfig.type-errors.json`;
  writeFileSync(
    component,
    "import { CUSTOM_ELEMENTS_SCHEMA, Component } from '@angular/core';\n" +
      "import type { LoginEvent } from 'vitrine/events';\n" +
      "@Component({ selector: 'app-type-errors', schemas: [CUSTOM_ELEMENTS_SCHEMA], template: '<vitrine-share (vitrine-share)=\"onLogin($event)\" />' })\n" +
      'export class TypeErrors {\n' +
      '  protected onLogin(event: LoginEvent): void {\n' +
      '    console.log(event.detail.user);\n' +
      '  }\n' +
      '}\n',
  );
  writeFileSync(tsconfig, JSON.stringify({ extends: './tsconfig.json', files: ['src/main.ts', 'src/app/type-errors.ts'] }));
  try {
    const output = stripVTControlCharacters(report(`${bin}ngc`, ['-p', tsconfig], app));
    const reported = [...output.matchAll(/^(src\/\S+):(\d+):\d+ - error/gm)].map(([, file, line]) => `${file}:${line}`);
    assert.deepEqual(reported, ['src/app/type-errors.ts:3'], output);
  } finally {
    rmSync(component);
    rmSync(tsconfig);
  }
});
