// vitrine/preact and vitrine/solid, from the packed tarball: a type-only fixture (no app to build) where tsc
// accepts <vitrine-*> with typed attributes, properties and handlers in Preact's and Solid's JSX, and each
// `@ts-expect-error` line (a wrong value, a handler for another event) must be an error.
import { before, test } from 'node:test';
import { examples, installPackedVitrine, run } from './consumers.js';

before(() => {
  installPackedVitrine();
});

test('tsc accepts Preact and Solid JSX with <vitrine-*>, and rejects each deliberate mistake', () => {
  run(`${examples}node_modules/.bin/tsc`, ['-p', '.'], `${examples}jsx-types/`);
});
