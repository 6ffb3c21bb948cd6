import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { collectPageErrors, launchBrowser } from './harness.js';

const staticDir = new URL('../../storybook-static/', import.meta.url);

interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
}

/** Every story and docs page of the built Storybook (`npm run storybook:build`) renders with no console error. */
describe('built Storybook', () => {
  let server: FastifyInstance;
  let browser: Browser;
  let url: string;
  assert.ok(existsSync(new URL('index.json', staticDir)), 'storybook-static/ is missing: run npm run storybook:build first');
  const entries = Object.values(
    (JSON.parse(readFileSync(new URL('index.json', staticDir), 'utf8')) as { entries: Record<string, IndexEntry> }).entries,
  );

  before(async () => {
    server = Fastify();
    await server.register(fastifyStatic, { root: staticDir.pathname });
    // Chromium asks every origin for /favicon.ico; Storybook's build has none.
    server.get('/favicon.ico', (_request, reply) => reply.code(204).send());
    url = await server.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('has stories to check', () => assert.ok(entries.length > 0));

  for (const entry of entries) {
    test(`${entry.title} / ${entry.name} renders without console errors`, async () => {
      const page = await browser.newPage();
      const errors = collectPageErrors(page);
      await page.goto(`${url}/iframe.html?id=${entry.id}&viewMode=${entry.type === 'docs' ? 'docs' : 'story'}`);
      const root = entry.type === 'docs' ? '#storybook-docs' : '#storybook-root';
      await page.waitForFunction(selector => (document.querySelector(selector)?.childElementCount ?? 0) > 0, root);
      await page.waitForLoadState('networkidle');
      // A story whose element was never defined renders an empty box without any error: check every vitrine-* tag.
      const undefinedTags = await page.evaluate(() =>
        [...document.querySelectorAll('*')].map(element => element.localName).filter(tag => tag.startsWith('vitrine-') && !customElements.get(tag)),
      );
      assert.deepEqual([...new Set(undefinedTags)], [], 'every Vitrine element in the story is defined');
      const storybookError = await page.locator('.sb-show-errordisplay').count();
      assert.equal(storybookError, 0, 'Storybook shows its error screen');
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
