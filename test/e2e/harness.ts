// Brings in the window.Vitrine type that page.evaluate callbacks use.
import type {} from '../../src/loader.js';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { keepMedia, warmDatabase, warmMedia } from './warm-start.js';
import { type Browser, type ConsoleMessage, type Page, chromium } from 'playwright-core';

const root = new URL('../../', import.meta.url);

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
  });
}

export interface Storefront {
  url: string;
  /** The server's process id (the benches read its CPU time). */
  pid: number;
  /** Lines the server printed, for debugging a failure. */
  output: string[];
  /** Resolves when the process ends: its exit code, or the signal that ended it. */
  exited: Promise<number | NodeJS.Signals | null>;
  stop(): Promise<void>;
}

export interface StorefrontOptions {
  /** Empty database and media folders, as on a new user's first `npm start` (default: warm-start.ts's copies). */
  firstStart?: boolean;
}

/**
 * Starts the server exactly as `npm start` does (after `npm run build`), on a free port with its own embedded
 * database folder, or DATABASE_URL when set. The folders hold what a first start made (warm-start.ts), unless
 * `firstStart` or the caller's own VITRINE_DATA_DIR / VITRINE_MEDIA_DIR.
 */
export async function startStorefront(env: NodeJS.ProcessEnv = {}, { firstStart = false }: StorefrontOptions = {}): Promise<Storefront> {
  const port = await freePort();
  // One temporary folder per server: the embedded database and the re-hosted media, removed on stop.
  const scratch = await mkdtemp(join(tmpdir(), 'vitrine-e2e-'));
  const dataDir = join(scratch, 'pglite');
  const mediaDir = join(scratch, 'media');
  const ownDatabase = !firstStart && !env.VITRINE_DATA_DIR && !(env.DATABASE_URL ?? process.env.DATABASE_URL);
  const ownMedia = !firstStart && !env.VITRINE_MEDIA_DIR;
  if (ownDatabase) await warmDatabase(dataDir);
  if (ownMedia) await warmMedia(mediaDir);
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'examples/server/start.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      VITRINE_DATA_DIR: dataDir,
      VITRINE_MEDIA_DIR: mediaDir,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | NodeJS.Signals | null>(resolve => child.once('exit', (code, signal) => resolve(code ?? signal)));
  child.stdout?.on('data', chunk => output.push(String(chunk)));
  child.stderr?.on('data', chunk => output.push(String(chunk)));
  const url = `http://127.0.0.1:${port}`;
  // Generous: the machine is shared, and under load the embedded database alone can take a minute to open.
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output.join('')}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      // A server left running would keep the test process alive after its failure.
      child.kill('SIGKILL');
      await rm(scratch, { recursive: true, force: true });
      throw new Error(`server did not start:\n${output.join('')}`);
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  return {
    url,
    pid: child.pid!,
    output,
    exited,
    async stop() {
      // Still running: neither exited nor killed by a signal (a test may SIGKILL it).
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise(resolve => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (ownMedia) await keepMedia(mediaDir);
      await rm(scratch, { recursive: true, force: true });
    },
  };
}

/** Waits until the server's feed scheduler has fetched the recorded Instagram account (it starts right after the server). */
export async function waitForFeed(storefront: Storefront, feedId = 'maison-lumiere'): Promise<void> {
  const deadline = Date.now() + 90_000;
  while ((await fetch(`${storefront.url}/v1/feeds/${feedId}`)).status !== 200) {
    if (Date.now() > deadline) throw new Error(`the feed was never fetched:\n${storefront.output.join('')}`);
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

/**
 * The demo shop (`npm start`) and a browser for the tests of one `describe()`: started before them, stopped
 * after. Read `storefront` and `browser` inside the tests, once they have started.
 */
export function demoShop(env: NodeJS.ProcessEnv = {}, options: StorefrontOptions = {}): { readonly storefront: Storefront; readonly browser: Browser } {
  const shop = {} as { storefront: Storefront; browser: Browser };
  before(async () => {
    [shop.storefront, shop.browser] = await Promise.all([startStorefront(env, options), launchBrowser()]);
  });
  after(async () => {
    await shop.browser?.close();
    await shop.storefront?.stop();
  });
  return shop;
}

/** Debian's Chromium, headless, with the flags this sandboxed machine needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

/** Collects console errors, page errors and CSP violations: a test asserts the list is empty. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', error => errors.push(`pageerror: ${error.message}`));
  // Chromium's "Failed to load resource" console line does not name the URL: record it here.
  page.on('response', response => {
    if (response.status() >= 400) errors.push(`http ${response.status()}: ${response.url()}`);
  });
  return errors;
}
