import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fixture, recordSharePreviews } from '../../scripts/share-previews.js';

/** The share-previews story draws the tags the server sends: the recording must still be what it sends. */
test('the share-previews fixture equals the og:/twitter: tags the server sends for a product page and a shared wishlist', async () => {
  const recorded = JSON.parse(readFileSync(fixture, 'utf8')) as unknown;
  assert.deepEqual(await recordSharePreviews(), recorded, 'run node --import tsx scripts/share-previews.ts and commit the fixture');
});
