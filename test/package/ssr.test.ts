// Vitrine on a server, from the packed tarball: every entry imported and the API called in plain Node (what
// Next.js, Nuxt or SvelteKit do while rendering), and every element rendered by Lit SSR (Astro, Eleventy).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { examples, installPackedVitrine, root } from './consumers.js';

const app = `${examples}node-ssr/`;
const node = (script: string) => spawnSync(process.execPath, [script], { cwd: app, encoding: 'utf8', timeout: 20_000 });

before(() => {
  installPackedVitrine();
});

test('on a server, importing every entry and calling the API throws nothing and leaves nothing running', () => {
  const { status, stdout, stderr, error } = node('server-import.js');
  assert.equal(error, undefined, 'the process exits on its own (no timer, listener or request keeps it alive)');
  assert.equal(status, 0, stderr);
  assert.equal(stderr, '');
  const { running } = JSON.parse(stdout) as { running: string[] };
  // File reads of the module loader may still be closing; a timer, socket or request would be listed by name.
  assert.deepEqual(running.filter(resource => !/^(CloseReq|FSReqCallback|FSReqPromise|FileHandle)$/.test(resource)), []);
});

test("the package's root entry exports the README's documented API, and nothing more", () => {
  const { stdout } = node('server-import.js');
  const { exports } = JSON.parse(stdout) as { exports: string[] };
  const readme = readFileSync(`${root}README.md`, 'utf8');
  const section = /<!-- public-api -->([\s\S]*?)<!-- \/public-api -->/.exec(readme)?.[1] ?? '';
  const documented = [...section.matchAll(/^\| `([$\w]+)`/gm)].map(match => match[1]).sort();
  assert.ok(documented.length > 0, 'README lists the API between <!-- public-api --> markers');
  assert.deepEqual(exports, documented);
});

test('Lit SSR renders every element: its host and a declarative shadow root, without throwing', () => {
  const { status, stdout, stderr } = node('render.js');
  assert.equal(status, 0, stderr);
  for (const tag of ['vitrine-feed', 'vitrine-login', 'vitrine-share', 'vitrine-wishlist', 'vitrine-wishlist-button']) {
    assert.match(stdout, new RegExp(`<${tag}[^>]*><template shadowroot="open" shadowrootmode="open"><style>`), tag);
  }
});
