import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { collectPageErrors, launchBrowser } from './harness.js';
import { deepQueryAll, openStory, serveStorybook, storybookEntries } from './storybook-harness.js';

/** Every `<img>` in the page and its shadow roots, each scrolled into view (lazy ones load) and waited for. */
async function pictures(page: Page) {
  return page.evaluate(async query => {
    const images = (new Function(`return ${query}`)() as (selector: string) => HTMLImageElement[])('img');
    for (const image of images) {
      image.scrollIntoView({ block: 'center' });
      await image.decode().catch(() => undefined);
    }
    return images.map(image => ({ src: image.currentSrc || image.getAttribute('src') || `srcset="${image.getAttribute('srcset') ?? ''}"`, naturalWidth: image.naturalWidth }));
  }, deepQueryAll);
}

/**
 * The built Storybook (`npm run storybook:build`), served as files, as marketers open it. Each test opens a page
 * of its own, so two run at once: each page renders in its own process, on its own core.
 */
describe('built Storybook', { concurrency: 2 }, () => {
  let browser: Browser;
  let storybook: Awaited<ReturnType<typeof serveStorybook>>;
  const entries = storybookEntries();

  before(async () => {
    storybook = await serveStorybook();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await storybook?.close();
  });

  test('has stories to check', () => assert.ok(entries.filter(entry => entry.type === 'story').length > 20));

  for (const entry of entries) {
    test(`${entry.title} / ${entry.name}: renders without console errors, every picture loaded`, async () => {
      const page = await browser.newPage();
      const errors = collectPageErrors(page);
      await openStory(page, storybook.url, entry.id, {}, entry.type === 'docs' ? 'docs' : 'story');
      // A story whose element was never defined renders an empty box without any error: check every vitrine-* tag.
      const undefinedTags = await page.evaluate(() =>
        [...document.querySelectorAll('*')].map(element => element.localName).filter(tag => tag.startsWith('vitrine-') && !customElements.get(tag)),
      );
      assert.deepEqual([...new Set(undefinedTags)], [], 'every Vitrine element in the story is defined');
      assert.equal(await page.locator('.sb-show-errordisplay').count(), 0, 'Storybook shows its error screen');
      const blank = (await pictures(page)).filter(image => image.naturalWidth === 0);
      assert.deepEqual(blank, [], 'every <img> has loaded a picture (naturalWidth > 0)');
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  test('the feed shows pictures from staticDirs, not data: URLs', async () => {
    const page = await browser.newPage();
    await openStory(page, storybook.url, 'widgets-feed--grid');
    const images = await pictures(page);
    assert.ok(images.length >= 6, `the grid shows its posts (${images.length} pictures)`);
    for (const image of images) assert.match(image.src, new RegExp(`^${storybook.url}/images/[\\w-]+\\.svg$`));
    await page.close();
  });

  test('controls show the manifest: description, default and options of each attribute; events listed', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${storybook.url}/?path=/story/widgets-share--playground`);
    const panel = page.locator('#storybook-panel-root');
    await panel.getByText('(round icon buttons)', { exact: false }).first().waitFor();
    // The layout row: its description from the JSDoc, its default, and a radio per option of its type.
    const row = panel.locator('tr', { has: page.getByText('(round icon buttons)', { exact: false }) });
    assert.match(await row.innerText(), /'icons'/);
    for (const option of ['icons', 'labels', 'menu']) assert.equal(await row.getByLabel(option, { exact: true }).count(), 1, `layout offers ${option}`);
    // Events and CSS custom properties (global tokens included) come from it too.
    await panel.getByText('vitrine-share', { exact: true }).first().waitFor();
    await panel.getByText('--vitrine-focus-ring', { exact: true }).first().waitFor();
    assert.deepEqual(errors.filter(error => /custom-elements\.json/.test(error)), []);
    await page.close();
  });

  test('a friend\'s vote shows in the Actions panel as vitrine-wishlist-vote', async () => {
    const page = await browser.newPage();
    await page.goto(`${storybook.url}/?path=/story/widgets-wishlist--shared-voting&globals=locale:en`);
    const preview = page.frameLocator('#storybook-preview-iframe');
    await preview.locator('vitrine-wishlist').getByRole('button', { name: 'Love it' }).first().click();
    await page.getByRole('tab', { name: /Actions/ }).click();
    await page.locator('#storybook-panel-root').getByText('vitrine-wishlist-vote').filter({ visible: true }).first().waitFor();
    await page.close();
  });

  test('opening a post lists feed_post_open with its properties, accepted by the collector\'s schema; Actions shows it too', async () => {
    const page = await browser.newPage();
    await page.goto(`${storybook.url}/?path=/story/widgets-feed--grid`);
    const preview = page.frameLocator('#storybook-preview-iframe');
    await preview.locator('vitrine-feed').getByRole('button').first().click();
    const row = preview.locator('story-analytics li[data-event="feed_post_open"]');
    await row.waitFor();
    assert.match(await row.innerText(), /"feedId":"maison-lumiere".*"postId":"17900000000000001".*"position":0.*"layout":"grid".*✓ taxonomie/s);
    await page.getByRole('tab', { name: /Actions/ }).click();
    await page.locator('#storybook-panel-root').getByText('analytics: feed_post_open').first().waitFor();
    await page.close();
  });

  test('the Deutsch, Español and Italiano toolbar entries show the shipped catalogs, fetched on first use', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    for (const [locale, name] of [['de', 'Teilen'], ['es', 'Compartir'], ['it', 'Condividi']]) {
      await page.goto(`${storybook.url}/?path=/story/widgets-share--menu&globals=locale:${locale}`);
      await page.frameLocator('#storybook-preview-iframe').locator('vitrine-share').getByRole('button', { name, exact: true }).waitFor();
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a marketer types wording in the controls and the widget shows it at once; emptied, the built-in string is back', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${storybook.url}/?path=/story/guides-copy-overrides--live-wording&globals=locale:fr`);
    const share = page.frameLocator('#storybook-preview-iframe').locator('vitrine-share').first();
    await share.getByRole('button', { name: 'Partager ce look', exact: true }).waitFor();
    const field = page.locator('#storybook-panel-root #control-share');
    await field.fill('Partager la silhouette');
    await share.getByRole('button', { name: 'Partager la silhouette', exact: true }).waitFor();
    await field.fill('');
    await share.getByRole('button', { name: 'Partager', exact: true }).waitFor();
    // The messages control of a widget's own stories, as JSON.
    await page.goto(`${storybook.url}/?path=/story/widgets-wishlist-button--own-wording&globals=locale:en`);
    await page.frameLocator('#storybook-preview-iframe').locator('vitrine-wishlist-button').getByRole('button', { name: 'Save for later' }).waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the palette toolbar sets the global tokens, and the choice lives in the story URL', async () => {
    const page = await browser.newPage();
    await page.goto(`${storybook.url}/?path=/story/widgets-share--labels&globals=palette:dark-boutique`);
    await page.getByRole('button', { name: /Boutique sombre/ }).waitFor();
    const preview = page.frameLocator('#storybook-preview-iframe');
    const background = await preview.locator('vitrine-share').evaluate(element => {
      const button = element.shadowRoot!.querySelector('button')!;
      return [getComputedStyle(button).backgroundColor, getComputedStyle(button).color, getComputedStyle(button).borderRadius];
    });
    assert.deepEqual(background, ['rgb(29, 27, 25)', 'rgb(243, 236, 228)', '0px']);
    // Choosing another palette in the toolbar rewrites the URL, so a copied link opens the same view.
    await page.getByRole('button', { name: /Boutique sombre/ }).click();
    await page.getByText('Maison Lumière', { exact: true }).click();
    await page.waitForURL(/globals=palette:maison-lumiere/);
    await page.close();
  });
});
