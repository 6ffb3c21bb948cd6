// custom-elements.json as an editor, Storybook or a framework-types generator reads it: every element by
// its tag, at a path the package ships, with each event named and typed.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import type { ClassDeclaration, CustomElement, Declaration, Package } from 'custom-elements-manifest/schema.js';

const root = new URL('../../', import.meta.url);
const manifest: Package = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
const isElement = (declaration: Declaration): declaration is ClassDeclaration & CustomElement =>
  'customElement' in declaration && declaration.customElement === true;
const elements = manifest.modules.flatMap(module =>
  (module.declarations ?? []).filter(isElement).map(declaration => ({ path: module.path, declaration })));
const entryTags = readdirSync(new URL('src/components/', root), { recursive: true, encoding: 'utf8' })
  .flatMap(path => /(?:^|\/)(vitrine-[a-z-]+)\.ts$/.exec(path)?.[1] ?? [])
  .sort();

test('every element registered by an entry is in the manifest by its tag name', () => {
  assert.deepEqual(elements.map(({ declaration }) => declaration.tagName).sort(), entryTags);
});

test('paths point at the shipped dist/ files, which the build writes', () => {
  for (const { path } of elements) {
    assert.match(path, /^dist\/components\/.+\.js$/);
    assert.ok(existsSync(new URL(path, root)), `${path} is built`);
  }
  const definitions = manifest.modules.flatMap(module =>
    (module.exports ?? []).flatMap(entry => (entry.kind === 'custom-element-definition' ? [entry.name] : [])));
  assert.deepEqual(definitions.sort(), entryTags);
});

test('every event has a vitrine- name, its event class and a description', () => {
  for (const { declaration } of elements) {
    assert.ok(declaration.events?.length, `${declaration.tagName} documents its events`);
    for (const event of declaration.events ?? []) {
      assert.match(event.name, /^vitrine-[a-z-]+$/, `${declaration.tagName}: ${event.name}`);
      assert.match(event.type?.text ?? '', /Event$/, `${declaration.tagName}: ${event.name} is typed`);
      assert.ok(event.description, `${declaration.tagName}: ${event.name} is described`);
    }
  }
});
