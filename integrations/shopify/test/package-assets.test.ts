// The repackaging of dist/ for Shopify's flat assets folder, on a small dist of the same shape.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { packageAssets } from '../package-assets.js';

describe('packageAssets', () => {
  let dir: string;
  const write = async (path: string, code: string) => {
    await mkdir(join(dir, 'dist', path, '..'), { recursive: true });
    await writeFile(join(dir, 'dist', path), code);
  };
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vitrine-package-'));
    await write('vitrine.js', '!function(){const n=new URL("cdn/",document.currentScript?.src||location.href).href;import(`${n}runtime.js`)}();');
    await write('cdn/runtime.js', 'import{a as b}from"./chunks/core-AbC1.js";export{b as init};export const later=()=>import("./chunks/lazy-XyZ2.js");');
    await write('cdn/chunks/core-AbC1.js', 'export const a=1;');
    await write('cdn/chunks/lazy-XyZ2.js', 'import{init}from"../runtime.js";export*from"./core-AbC1.js";export const lazy=init;');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('flat names, every relative import rewritten, the loader looking beside itself, the bridge copied', async () => {
    const out = join(dir, 'assets');
    assert.deepEqual(await packageAssets(join(dir, 'dist'), out), ['chunk-core-AbC1.js', 'chunk-lazy-XyZ2.js', 'runtime.js', 'vitrine-shopify.js', 'vitrine.js']);
    const read = (name: string) => readFile(join(out, name), 'utf8');
    assert.equal(await read('runtime.js'), 'import{a as b}from"./chunk-core-AbC1.js";export{b as init};export const later=()=>import("./chunk-lazy-XyZ2.js");');
    assert.equal(await read('chunk-lazy-XyZ2.js'), 'import{init}from"./runtime.js";export*from"./chunk-core-AbC1.js";export const lazy=init;');
    assert.match(await read('vitrine.js'), /new URL\("\.\/",document\.currentScript/);
    assert.match(await read('vitrine-shopify.js'), /visitorConsentCollected/);
  });

  test('refuses what it cannot flatten: a loader without its cdn/ base, an import of a missing file', async () => {
    await write('vitrine.js', '!function(){const n=new URL("chunks/",document.currentScript.src)}();');
    await assert.rejects(packageAssets(join(dir, 'dist'), join(dir, 'assets')), /expected one new URL\("cdn\/", …\)/);
    await write('vitrine.js', '!function(){const n=new URL("cdn/",document.currentScript.src)}();');
    await write('cdn/chunks/lazy-XyZ2.js', 'import"./gone-1.js";');
    await assert.rejects(packageAssets(join(dir, 'dist'), join(dir, 'assets')), /imports \.\/gone-1\.js, which is not in dist\/cdn/);
  });
});
