// What every framework app's test checks once it is served: the server renders the page on each request and
// stays up, and in Chromium the element upgrades and the app's typed handler fires.
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { collectPageErrors } from '../e2e/harness.js';
import { run, type Served } from './consumers.js';

/** Server-rendered requests answer the page with the element's tag and attributes; the server stays up. */
export async function assertServerRenders(server: Served, markup: RegExp): Promise<void> {
  for (let request = 0; request < 3; request++) {
    const response = await fetch(server.url);
    assert.equal(response.status, 200);
    assert.match(await response.text(), markup);
  }
  // A timer started on the server would throw later (navigator is not defined) and take the process down.
  await new Promise(resolve => setTimeout(resolve, 3000));
  assert.equal((await fetch(server.url)).status, 200);
  assert.doesNotMatch(server.output.join(''), /Error|is not defined/);
}

/**
 * Opens the page: `<vitrine-share>` upgrades (its shadow root renders the "Share on X" button), and a click
 * reaches the app's handler, which writes what it received into the page's `<output>`.
 */
export async function assertShareHandlerFires(browser: Browser, url: string, shown: string): Promise<void> {
  const page = await browser.newPage();
  const errors = collectPageErrors(page);
  await page.goto(url);
  await page.locator('vitrine-share').getByRole('button', { name: 'Share on X' }).click();
  await page.locator('output').filter({ hasText: shown }).waitFor();
  assert.equal(await page.evaluate(() => document.querySelector('vitrine-share')?.shadowRoot?.childElementCount ?? 0) > 0, true);
  assert.deepEqual(errors, []);
  await page.close();
}

/** A checker's report, whether it passed or failed (tests that add deliberate errors read which it found). */
export function report(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  try {
    return run(command, args, cwd, env);
  } catch (error) {
    return (error as Error).message;
  }
}
