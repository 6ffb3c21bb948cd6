import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { locales } from '../../.storybook/locales.js';
import { paletteNames } from '../../.storybook/palettes.js';
import { launchBrowser } from './harness.js';
import { ADDON_AXE_OFF, openStory, serveStorybook, storybookEntries, switchGlobals, switchStory } from './storybook-harness.js';
import { type AxeOutcome, recordAxe } from './a11y-results.js';

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** The WCAG 2.0, 2.1 and 2.2 A and AA rules: what EN 301 549 (the European Accessibility Act's standard) asks. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }>;
  passes: Array<{ id: string }>;
  inapplicable: Array<{ id: string }>;
  incomplete: Array<{ id: string }>;
}

async function runAxe(page: Page): Promise<AxeResult> {
  // Our own axe-core (a devDependency), not the addon's copy, which ADDON_AXE_OFF keeps from running after each
  // render: two copies never wait for each other ("Axe is already running").
  if (!(await page.evaluate(() => '__vitrineAxe' in window))) {
    await page.addScriptTag({ path: axeSource });
    await page.evaluate(() => Object.assign(window, { __vitrineAxe: (window as unknown as { axe: unknown }).axe }));
  }
  return page.evaluate(
    tags =>
      (window as unknown as { __vitrineAxe: { run(context: unknown, options: unknown): Promise<AxeResult> } }).__vitrineAxe.run(
        // The analytics list under each story is Storybook tooling, not a widget.
        { include: [['#storybook-root']], exclude: [['story-analytics']] },
        { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] },
      ),
    wcagTags,
  );
}

/** Axe on every story of the built Storybook, in every toolbar language and brand palette. */
describe('accessibility of every story (axe-core, WCAG 2.2 A/AA rules)', () => {
  let browser: Browser;
  let storybook: Awaited<ReturnType<typeof serveStorybook>>;
  /**
   * Pages that each run a share of a story's languages and palettes: axe runs in each page's renderer, and a
   * page spends much of a switch waiting for the story to render, so four pages keep both cores busy. Each
   * switches stories and globals as the manager does, without reloading.
   */
  let pages: Page[] = [];
  const stories = storybookEntries().filter(entry => entry.type === 'story');
  const combinations = locales.flatMap(({ value: locale }) => paletteNames.map(palette => ({ locale, palette })));
  const outcomes: AxeOutcome[] = [];

  before(async () => {
    storybook = await serveStorybook();
    browser = await launchBrowser();
    pages = await Promise.all([0, 1, 2, 3].map(() => browser.newPage()));
    await Promise.all(pages.map(page => openStory(page, storybook.url, stories[0].id, ADDON_AXE_OFF)));
  });
  after(async () => {
    await browser?.close();
    await storybook?.close();
    recordAxe(outcomes);
  });

  for (const story of stories) {
    test(`${story.title} / ${story.name}: no serious or critical violation in ${locales.length} languages × ${paletteNames.length} palettes`, async () => {
      const results: AxeResult[] = [];
      await Promise.all(
        pages.map(async (page, share) => {
          // The first story is open already: switching to it would render nothing, and wait for the render.
          if (story !== stories[0]) await switchStory(page, story.id);
          for (let index = share; index < combinations.length; index += pages.length) {
            await switchGlobals(page, combinations[index]);
            results[index] = await runAxe(page);
          }
        }),
      );
      const failures: string[] = [];
      // Recorded in the order of the combinations, whichever page ran them.
      combinations.forEach(({ locale, palette }, index) => {
        const result = results[index];
        outcomes.push({
          widget: story.title.replace('Widgets/', '').toLowerCase(),
          story: story.name,
          locale,
          palette,
          passed: result.passes.map(rule => rule.id),
          inapplicable: result.inapplicable.map(rule => rule.id),
          incomplete: result.incomplete.map(rule => rule.id),
          violations: result.violations.map(rule => `${rule.id} (${rule.impact})`),
        });
        for (const violation of result.violations.filter(entry => entry.impact === 'serious' || entry.impact === 'critical')) {
          failures.push(`[${locale}, ${palette}] ${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map(node => JSON.stringify(node.target)).join(', ')}`);
        }
      });
      assert.deepEqual(failures, []);
    });
  }
});
