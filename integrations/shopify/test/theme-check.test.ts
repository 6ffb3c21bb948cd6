// Shopify's own linter, as `shopify app deploy` and the Theme Store review run it, on the extension as it is
// deployed: the blocks, locales and toml, with the built SDK packaged into assets/ (run after `npm run build`).
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { check } from '@shopify/theme-check-node';
import { packageAssets } from '../package-assets.js';
import { extensionDir } from './shopify-liquid.js';

let deployed: string;

before(async () => {
  deployed = await mkdtemp(join(tmpdir(), 'vitrine-extension-'));
  for (const part of ['blocks', 'locales', 'shopify.extension.toml']) await cp(join(extensionDir, part), join(deployed, part), { recursive: true });
  await packageAssets(undefined, join(deployed, 'assets'));
  // The checks Shopify applies to theme app extensions (app blocks' schemas and tags, asset sizes, translations).
  await writeFile(join(deployed, '.theme-check.yml'), 'extends: theme-check:theme-app-extension\n');
});
after(() => rm(deployed, { recursive: true, force: true }));

test('theme-check (theme-app-extension config) finds nothing in the extension as deployed', async () => {
  const offenses = await check(deployed);
  const described = offenses.map(offense => `${offense.check} ${offense.uri.slice(offense.uri.indexOf(deployed) + deployed.length)}:${offense.start.line + 1} ${offense.message}`);
  assert.deepEqual(described, []);
});
