import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import type { Page } from 'playwright-core';

const staticDir = new URL('../../storybook-static/', import.meta.url);

export interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
  tags?: string[];
}

/** The stories and docs pages of the built Storybook (`npm run storybook:build`), from its index.json. */
export function storybookEntries(): IndexEntry[] {
  assert.ok(existsSync(new URL('index.json', staticDir)), 'storybook-static/ is missing: run npm run storybook:build first');
  const index = JSON.parse(readFileSync(new URL('index.json', staticDir), 'utf8')) as { entries: Record<string, IndexEntry> };
  return Object.values(index.entries);
}

/** Serves the static build as a marketer's web server would, on a free port. */
export async function serveStorybook(): Promise<{ url: string; close(): Promise<void> }> {
  const server = Fastify();
  await server.register(fastifyStatic, { root: staticDir.pathname });
  // Chromium asks every origin for /favicon.ico; Storybook's build has none.
  server.get('/favicon.ico', (_request, reply) => reply.code(204).send());
  const url = await server.listen({ host: '127.0.0.1', port: 0 });
  return { url, close: () => server.close() };
}

export type Globals = Record<string, string>;

/**
 * The a11y addon runs axe after every render unless its `a11y.manual` global is on (as the URL carries it).
 * Tests that run axe themselves, or drive the keyboard, turn it off: each render then costs one axe run, not two.
 */
export const ADDON_AXE_OFF: Globals = { 'a11y.manual': '!true' };
const globalsParam = (globals: Globals) =>
  Object.entries(globals)
    .map(([key, value]) => `${key}:${value}`)
    .join(';');

/** Opens one story in the preview iframe, with toolbar globals in the URL as a shared link carries them. */
export async function openStory(page: Page, base: string, id: string, globals: Globals = {}, viewMode: 'story' | 'docs' = 'story'): Promise<void> {
  const query = Object.keys(globals).length ? `&globals=${globalsParam(globals)}` : '';
  await page.goto(`${base}/iframe.html?id=${id}&viewMode=${viewMode}${query}`);
  const root = viewMode === 'docs' ? '#storybook-docs' : '#storybook-root';
  await page.waitForFunction(selector => (document.querySelector(selector)?.childElementCount ?? 0) > 0, root);
  await page.waitForLoadState('networkidle');
  await settle(page);
}

/** Waits until every Vitrine element has rendered and the story's play function (if any) has run. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const elements = [...document.querySelectorAll('*')].filter(element => element.localName.startsWith('vitrine-')) as Array<Element & { updateComplete?: Promise<unknown> }>;
    await Promise.all(elements.map(element => element.updateComplete));
    await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

/**
 * Switches the toolbar's globals inside the open preview (as the toolbar does, over Storybook's channel)
 * and waits for the story to render again.
 */
export async function switchGlobals(page: Page, globals: Globals): Promise<void> {
  await page.evaluate(async next => {
    const channel = (window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: { emit(event: string, ...args: unknown[]): void; once(event: string, fn: () => void): void } })
      .__STORYBOOK_ADDONS_CHANNEL__;
    const rendered = new Promise<void>(resolve => channel.once('storyRendered', () => resolve()));
    channel.emit('updateGlobals', { globals: next });
    await Promise.race([rendered, new Promise(resolve => setTimeout(resolve, 3000))]);
  }, globals);
  await settle(page);
}

/** Shows another story in the already open preview (as the sidebar does), waiting for it to render and play. */
export async function switchStory(page: Page, storyId: string): Promise<void> {
  await page.evaluate(async id => {
    const channel = (window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: { emit(event: string, ...args: unknown[]): void; once(event: string, fn: () => void): void } })
      .__STORYBOOK_ADDONS_CHANNEL__;
    const rendered = new Promise<void>(resolve => channel.once('storyRendered', () => resolve()));
    channel.emit('setCurrentStory', { storyId: id, viewMode: 'story' });
    await Promise.race([rendered, new Promise(resolve => setTimeout(resolve, 5000))]);
  }, storyId);
  await settle(page);
}

/** Every element matching `selector` in the document and in every open shadow root, as a script in the page sees them. */
export const deepQueryAll = `(selector) => {
  const found = [];
  const visit = root => {
    found.push(...root.querySelectorAll(selector));
    for (const element of root.querySelectorAll('*')) if (element.shadowRoot) visit(element.shadowRoot);
  };
  visit(document);
  return found;
}`;
