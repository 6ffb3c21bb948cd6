// package.json's exports as an importer meets them: one explicit entry per element, reachable with and
// without `.js`, each pointing at files the build writes.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url);
const { exports } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  exports: Record<string, string | { types: string; default: string }>;
};
const entries = readdirSync(new URL('src/components/', root), { recursive: true, encoding: 'utf8' })
  .filter(path => /(?:^|\/)vitrine-[a-z-]+\.ts$/.test(path))
  .map(path => path.replace(/\.ts$/, ''));

test('every element entry is exported, as .js and extensionless, with its types', () => {
  for (const entry of entries) {
    for (const subpath of [`./components/${entry}.js`, `./components/${entry}`]) {
      assert.deepEqual(exports[subpath], { types: `./dist/types/components/${entry}.d.ts`, default: `./dist/components/${entry}.js` }, subpath);
    }
  }
});

test('every exported file is built', () => {
  for (const [subpath, target] of Object.entries(exports)) {
    for (const file of typeof target === 'string' ? [target] : Object.values(target)) {
      assert.ok(existsSync(new URL(file, root)), `${subpath} → ${file}`);
    }
  }
});
