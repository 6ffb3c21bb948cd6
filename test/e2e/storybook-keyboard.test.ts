import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type KeyboardOutcome, recordKeyboard } from './a11y-results.js';
import { launchBrowser } from './harness.js';
import { ADDON_AXE_OFF, openStory, serveStorybook } from './storybook-harness.js';

/** What has focus, looking through shadow roots: its tag, role, name, part and class. */
function focused(page: Page) {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element) return null;
    return {
      tag: element.localName,
      role: element.getAttribute('role'),
      label: element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 60),
      part: element.getAttribute('part'),
      className: element.getAttribute('class'),
      host: (element.getRootNode() as ShadowRoot).host?.localName,
    };
  });
}

/** The focused element (through shadow roots) draws a focus outline: WCAG 2.4.7. */
async function assertFocusRing(page: Page): Promise<void> {
  const outline = await page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    const style = getComputedStyle(element!);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  assert.notEqual(outline.style, 'none', 'the focused control shows an outline');
  assert.ok(outline.width >= 2, `the outline is at least 2px (${outline.width}px)`);
}

async function tabUntil(page: Page, matches: (focus: Awaited<ReturnType<typeof focused>>) => boolean, limit = 25): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (matches(await focused(page))) return;
  }
  assert.fail(`no focusable element matched within ${limit} Tab presses`);
}

/** Keyboard-only paths through each widget, in the built Storybook, as a shopper without a mouse takes them. */
describe('keyboard paths and reduced motion (built Storybook)', () => {
  let browser: Browser;
  let storybook: Awaited<ReturnType<typeof serveStorybook>>;
  let page: Page;
  const outcomes: KeyboardOutcome[] = [];
  /** A test that records its outcome for the conformance pages. */
  const check = (widget: string, name: string, criteria: string[], body: () => Promise<void>) =>
    test(name, async () => {
      page = await browser.newPage();
      try {
        await body();
        outcomes.push({ widget, check: name, criteria, passed: true });
      } catch (error) {
        outcomes.push({ widget, check: name, criteria, passed: false });
        throw error;
      } finally {
        await page.close();
      }
    });

  before(async () => {
    storybook = await serveStorybook();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await storybook?.close();
    recordKeyboard(outcomes);
  });

  check('share', 'share menu: Enter opens it on the first item, arrows, Home and End move, Escape closes and returns focus, Tab leaves', ['2.1.1', '2.1.2', '2.4.3', '2.4.7', '4.1.2'], async () => {
    await openStory(page, storybook.url, 'widgets-share--menu', { ...ADDON_AXE_OFF, locale: 'en' });
    await tabUntil(page, focus => focus?.host === 'vitrine-share');
    const button = await focused(page);
    assert.equal(button?.label, 'Share');
    await assertFocusRing(page);
    await page.keyboard.press('Enter');
    assert.equal((await focused(page))?.role, 'menuitem');
    const first = (await focused(page))?.label;
    await page.keyboard.press('ArrowDown');
    const second = (await focused(page))?.label;
    assert.notEqual(second, first, 'ArrowDown moves to the next item');
    await page.keyboard.press('End');
    assert.equal((await focused(page))?.label, 'Copy link');
    await page.keyboard.press('Home');
    assert.equal((await focused(page))?.label, first);
    await page.keyboard.press('Escape');
    assert.deepEqual(await focused(page), button, 'Escape returns focus to the menu button');
    assert.equal(await page.evaluate(() => document.querySelector('vitrine-share')!.shadowRoot!.querySelector('[role=menu]')!.hasAttribute('hidden')), true);
    await page.keyboard.press('ArrowDown');
    assert.equal((await focused(page))?.role, 'menuitem', 'ArrowDown opens it too');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.querySelector('vitrine-share')!.shadowRoot!.querySelector('[role=menu]')!.hasAttribute('hidden')), true, 'Tab closes it');
    assert.notEqual((await focused(page))?.role, 'menuitem', 'and moves on');
  });

  check('feed', 'feed dialog: Enter on a post opens it with focus inside, Tab stays inside, arrows change post, Escape closes and returns focus to the post', ['2.1.1', '2.1.2', '2.4.3', '2.4.7', '4.1.2'], async () => {
    await openStory(page, storybook.url, 'widgets-feed--grid', { ...ADDON_AXE_OFF, locale: 'en' });
    await tabUntil(page, focus => focus?.className === 'tile');
    assert.equal(await page.evaluate(() => document.querySelector('vitrine-feed')!.shadowRoot!.activeElement?.getAttribute('data-index')), '0', 'Tab reaches the first post');
    await assertFocusRing(page);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('vitrine-feed')!.shadowRoot!.querySelector('dialog')!.open);
    const inDialog = () => page.evaluate(() => Boolean(document.querySelector('vitrine-feed')!.shadowRoot!.activeElement?.closest('dialog')));
    // The page behind a modal <dialog> is inert: Tab cycles through the dialog and the browser's own UI, never the page.
    const onPageBehind = () =>
      page.evaluate(() => !document.querySelector('vitrine-feed')!.shadowRoot!.activeElement?.closest('dialog') && document.activeElement !== document.body && document.activeElement !== null);
    assert.ok(await inDialog(), 'focus moved into the dialog');
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      assert.equal(await onPageBehind(), false, `Tab ${i + 1} never reaches the page behind the modal dialog`);
    }
    await tabUntil(page, focus => focus?.part === 'close');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('vitrine-feed')!.shadowRoot!.querySelector('#counter')!.textContent === '2 of 6');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('vitrine-feed')!.shadowRoot!.querySelector('dialog')!.open);
    await page.waitForFunction(() => document.querySelector('vitrine-feed')!.shadowRoot!.activeElement?.getAttribute('data-index') === '1');
  });

  check('feed', 'hotspots: each is a button reached with Tab whose name starts with its visible number; Enter marks it pressed and moves focus to its product', ['2.1.1', '2.4.3', '2.4.7', '2.5.3', '4.1.2'], async () => {
    await openStory(page, storybook.url, 'widgets-feed--grid', { ...ADDON_AXE_OFF, locale: 'en' });
    await tabUntil(page, focus => focus?.className === 'tile');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('vitrine-feed')!.shadowRoot!.querySelector('dialog')!.open);
    await tabUntil(page, focus => focus?.part === 'hotspot');
    const hotspot = await focused(page);
    await assertFocusRing(page);
    assert.match(hotspot?.label ?? '', /^1\. Chemise oversize en coton, €79\.00$/);
    await page.keyboard.press('Enter');
    const product = await focused(page);
    assert.equal(product?.part, 'product-link');
    assert.match(product?.label ?? '', /Chemise oversize en coton/);
    assert.equal(await page.evaluate(() => document.querySelector('vitrine-feed')!.shadowRoot!.querySelector('[part=hotspot][aria-pressed=true]') !== null), true);
  });

  check('wishlist', 'swipe deck: the card takes focus and → votes "Love it", ← votes "Not for me", each moving to the next card', ['2.1.1', '2.4.3', '2.4.7', '2.5.1', '2.5.7', '4.1.2'], async () => {
    await openStory(page, storybook.url, 'widgets-wishlist--swipe-deck', { ...ADDON_AXE_OFF, locale: 'en' });
    const votes: number[] = [];
    await page.exposeFunction('recordVote', (value: number) => votes.push(value));
    await page.evaluate(() =>
      document.addEventListener('vitrine-wishlist-vote', event => (window as unknown as { recordVote(v: number): void }).recordVote((event as Event & { detail: { value: number } }).detail.value)),
    );
    await tabUntil(page, focus => focus?.part === 'card');
    assert.equal((await focused(page))?.label, 'Robe Camille en lin');
    await assertFocusRing(page);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('vitrine-wishlist')!.shadowRoot!.textContent!.includes('2 of 3'));
    await page.evaluate(() => (document.querySelector('vitrine-wishlist')!.shadowRoot!.querySelector('[part=card]') as HTMLElement).focus());
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => document.querySelector('vitrine-wishlist')!.shadowRoot!.textContent!.includes('3 of 3'));
    assert.deepEqual(votes, [1, -1]);
  });

  check('login', 'login: Tab reaches the provider button, Enter opens the sign-in popup at the provider\'s start URL', ['2.1.1', '2.4.3', '2.4.7', '4.1.2'], async () => {
    await openStory(page, storybook.url, 'widgets-login--google-only', { ...ADDON_AXE_OFF, locale: 'en' });
    await tabUntil(page, focus => focus?.host === 'vitrine-login');
    assert.match((await focused(page))?.label ?? '', /Google/);
    await assertFocusRing(page);
    const popup = page.waitForEvent('popup');
    await page.keyboard.press('Enter');
    const opened = await popup;
    assert.match(opened.url(), /\/auth\/google\/start\?.*mode=popup/);
    await opened.close();
  });

  for (const [widget, story] of [
    ['share', 'widgets-share--labels'],
    ['feed', 'widgets-feed--grid'],
    ['feed', 'widgets-feed--hotspots'],
    ['wishlist', 'widgets-wishlist--owner-list'],
    ['wishlist', 'widgets-wishlist--shared-voting'],
    ['login', 'widgets-login--all-providers'],
  ]) {
    check(widget, `reflow: ${story} at 320 CSS px (400 % zoom of 1280 px) needs no horizontal scrolling and clips no text`, ['1.4.4', '1.4.10'], async () => {
      await page.setViewportSize({ width: 320, height: 640 });
      await openStory(page, storybook.url, story, { ...ADDON_AXE_OFF, locale: 'fr' });
      const overflow = await page.evaluate(() => {
        const wide: string[] = [];
        // A loop, not a recursive helper: tsx names functions with a helper the page does not have.
        const roots: Array<Document | ShadowRoot> = [document];
        for (let root = roots.pop(); root; root = roots.pop()) {
          for (const element of root.querySelectorAll('*')) {
            if (element.shadowRoot) roots.push(element.shadowRoot);
            const box = element.getBoundingClientRect();
            const style = getComputedStyle(element);
            // Scroll containers (the carousel track, the slides) scroll on purpose; what matters is that nothing pokes out of the page.
            if (box.width > 0 && box.right > document.documentElement.clientWidth + 1 && style.position !== 'fixed' && !element.closest('.track, .slides')) wide.push(element.localName + (element.getAttribute('part') ? `[part=${element.getAttribute('part')}]` : ''));
            if (element.children.length === 0 && box.width > 1 && element.textContent?.trim() && element.scrollWidth > element.clientWidth + 1 && style.overflow === 'hidden') wide.push(`clipped ${element.localName}`);
          }
        }
        return { scrollWidth: document.documentElement.scrollWidth, wide };
      });
      assert.deepEqual(overflow, { scrollWidth: 320, wide: [] });
    });
  }

  check('all', 'reduced motion: with prefers-reduced-motion, the deck card, the feed tiles and carousels do not animate', ['2.3.3'], async () => {
    const motion = async () => ({
      card: await page.evaluate(() => {
        const card = document.querySelector('vitrine-wishlist')?.shadowRoot?.querySelector('[part=card]');
        return card ? getComputedStyle(card).transitionDuration : undefined;
      }),
    });
    await openStory(page, storybook.url, 'widgets-wishlist--swipe-deck', ADDON_AXE_OFF);
    assert.equal((await motion()).card, '0.2s', 'the card slides by default');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    assert.equal((await motion()).card, '0s');
    await openStory(page, storybook.url, 'widgets-feed--carousel', ADDON_AXE_OFF);
    const feed = await page.evaluate(() => {
      const root = document.querySelector('vitrine-feed')!.shadowRoot!;
      return { track: getComputedStyle(root.querySelector('.track')!).scrollBehavior, tile: getComputedStyle(root.querySelector('.tile img')!).transitionDuration };
    });
    assert.deepEqual(feed, { track: 'auto', tile: '0s' });
  });
});
