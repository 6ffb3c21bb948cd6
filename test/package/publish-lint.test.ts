// The packed tarball as registries and type checkers judge it: publint (package.json against the files it
// ships) and Are the Types Wrong (every exports subpath resolves to JavaScript and types, for Node's ESM
// resolution and for bundlers; the package is ESM-only, so CommonJS `require` is out of scope).
import { test } from 'node:test';
import { examples, installPackedVitrine, run } from './consumers.js';

const tarball = installPackedVitrine();
const bin = `${examples}node_modules/.bin/`;

test('publint finds nothing to report, not even a suggestion', () => {
  run(`${bin}publint`, ['--strict', '--level', 'suggestion', tarball], examples);
});

test('Are the Types Wrong passes every entry (ESM-only profile)', () => {
  run(`${bin}attw`, [tarball, '--profile', 'esm-only', '--format', 'ascii'], examples);
});
