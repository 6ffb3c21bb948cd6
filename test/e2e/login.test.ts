import assert from 'node:assert/strict';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type Storefront, collectPageErrors, launchBrowser, startStorefront } from './harness.js';

/** Sign-in end to end: the storefront from `npm start`, its local demo OpenID Connect provider, real Chromium. */
describe('sign-in with <vitrine-login> (demo OpenID Connect provider)', () => {
  let storefront: Storefront;
  let browser: Browser;
  /** A hostile page on another origin (127.0.0.2), and every request it received. */
  let attacker: Server;
  let attackerOrigin: string;
  const attackerHits: string[] = [];

  before(async () => {
    attacker = createServer((req, res) => {
      attackerHits.push(req.url ?? '');
      if (req.url === '/attack.js') {
        // Forges the popup's report towards whoever opened this page.
        res.writeHead(200, { 'content-type': 'text/javascript' });
        res.end(
          "for (const status of ['success', 'error']) window.opener.postMessage({ type: 'vitrine-login', provider: 'demo', status, error: 'access_denied' }, '*');" +
            "document.title = 'sent';",
        );
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>attacker</title><script src="/attack.js"></script>');
    });
    await new Promise<void>(resolve => attacker.listen(0, '127.0.0.2', resolve));
    attackerOrigin = `http://127.0.0.2:${(attacker.address() as AddressInfo).port}`;
    [storefront, browser] = await Promise.all([startStorefront(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await storefront?.stop();
    attacker?.closeAllConnections();
    await new Promise(resolve => attacker?.close(resolve));
  });

  /** A fresh browser profile (no cookies) on a storefront page, with its console errors collected. */
  async function open(path = '/'): Promise<{ context: BrowserContext; page: Page; errors: string[]; requests: string[] }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const requests: string[] = [];
    page.on('request', request => requests.push(request.url()));
    await page.goto(`${storefront.url}${path}`);
    await page.getByRole('button', { name: 'Continuer avec Vitrine Démo' }).waitFor();
    return { context, page, errors, requests };
  }

  const session = async (context: BrowserContext) => (await context.request.get(`${storefront.url}/v1/session`)).json();

  /** Clicks the demo button, signs in as Camille in the popup, and returns the popup's callback URL. */
  async function signInWithPopup(page: Page): Promise<string> {
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Continuer avec Vitrine Démo' }).click()]);
    let callback = '';
    popup.on('request', request => {
      if (request.url().includes('/auth/demo/callback')) callback = request.url();
    });
    await Promise.all([popup.waitForEvent('close'), popup.getByRole('button', { name: 'Continuer en tant que Camille' }).click()]);
    await page.getByText('Bonjour, Camille').waitFor();
    return callback;
  }

  test('popup sign-in shows the name, survives a reload, signs out; no provider script ever loads', async () => {
    const { context, page, errors, requests } = await open('/');
    await signInWithPopup(page);
    assert.equal((await session(context)).user.firstName, 'Camille');
    // The page never held a provider token: only the HttpOnly session cookie exists.
    assert.equal(await page.evaluate(() => document.cookie), '');

    await page.reload();
    await page.getByText('Bonjour, Camille').waitFor();

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('button', { name: 'Continuer avec Vitrine Démo' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Continuer avec Vitrine Démo' }).waitFor();
    assert.equal((await session(context)).status, 'anonymous');

    const foreign = requests.filter(url => !url.startsWith(`${storefront.url}/`));
    assert.deepEqual(foreign, [], 'the storefront page only talks to its own origin');
    assert.ok(!requests.some(url => /gsi\/client|connect\.facebook\.net|appleid\.cdn-apple\.com/.test(url)));
    await page.waitForLoadState('networkidle');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('redirect sign-in (mode="redirect") comes back to the same page, with no code in the address', async () => {
    const { context, page, errors } = await open('/produits/robe-camille-lin.html');
    await page.locator('vitrine-login').evaluate(element => element.setAttribute('mode', 'redirect'));
    await page.getByRole('button', { name: 'Continuer avec Vitrine Démo' }).click();
    await page.getByRole('button', { name: 'Continuer en tant que Camille' }).click();
    await page.getByText('Bonjour, Camille').waitFor();
    assert.equal(page.url(), `${storefront.url}/produits/robe-camille-lin.html`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a blocked popup falls back to the redirect flow', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      window.open = () => null;
    });
    const page = await context.newPage();
    await page.goto(`${storefront.url}/wishlist.html`);
    await page.getByRole('button', { name: 'Continuer avec Vitrine Démo' }).click();
    await page.getByRole('button', { name: 'Continuer en tant que Camille' }).click();
    await page.getByText('Bonjour, Camille').waitFor();
    assert.equal(page.url(), `${storefront.url}/wishlist.html`);
    await context.close();
  });

  test('refused at the provider, or popup closed: a message the shopper understands, and a retry that works', async () => {
    const { context, page } = await open('/');
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Continuer avec Vitrine Démo' }).click()]);
    await Promise.all([popup.waitForEvent('close'), popup.getByRole('button', { name: 'Refuser' }).click()]);
    await page.getByRole('alert').getByText('La connexion a été refusée').waitFor();

    const [again] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Réessayer' }).click()]);
    await again.close();
    await page.getByRole('alert').getByText('La fenêtre de connexion a été fermée avant la fin.').waitFor();

    await page.evaluate(() => window.Vitrine?.setLocale('en'));
    await page.getByRole('alert').getByText('The sign-in window was closed before you finished.').waitFor();
    const [third] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Try again' }).click()]);
    await Promise.all([third.waitForEvent('close'), third.getByRole('button', { name: 'Continue as Camille' }).click()]);
    await page.getByText('Hi, Camille').waitFor();
    assert.equal(await page.getByRole('alert').count(), 0);
    await context.close();
  });

  test('a provider the server has not configured says so, without breaking the page', async () => {
    const { context, page, errors } = await open('/');
    await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Se connecter avec Google' }).click()]);
    await page.getByRole('alert').getByText("Ce mode de connexion n'est pas disponible pour le moment.").waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a storefront with COOP same-origin (the popup is cut off from the page) still ends signed in", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route(`${storefront.url}/`, async route => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'cross-origin-opener-policy': 'same-origin' } });
    });
    await page.goto(`${storefront.url}/`);
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Continuer avec Vitrine Démo' }).click()]);
    // Once on the provider's page, the popup is cut off from the storefront, which reads it as closed.
    await page.getByRole('alert').getByText('La fenêtre de connexion a été fermée avant la fin.').waitFor();
    await popup.getByRole('button', { name: 'Continuer en tant que Camille' }).click();
    // It cannot report either, and stays on its success page.
    await popup.getByText('Vous êtes connecté·e.').waitFor();
    assert.equal(await popup.evaluate(() => window.opener), null);
    await popup.close();
    // Headless Chromium has no window manager to move focus back: send the event the browser sends then.
    await page.evaluate(() => dispatchEvent(new FocusEvent('focus')));
    await page.getByText('Bonjour, Camille').waitFor();
    assert.equal(await page.getByRole('alert').count(), 0);
    await context.close();
  });

  test('postMessage from another origin, or a forged event, is ignored while the real popup is open', async () => {
    const { context, page } = await open('/');
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Continuer avec Vitrine Démo' }).click()]);
    await page.getByText('Connexion en cours…').waitFor();

    // The page's own listener runs after the widget's: once it has seen the forged messages, the widget has too.
    const seen = page.evaluate(
      origin =>
        new Promise<void>(resolve => {
          let count = 0;
          addEventListener('message', event => {
            if (event.origin === origin && ++count === 2) resolve();
          });
        }),
      attackerOrigin,
    );
    const [hostile] = await Promise.all([page.waitForEvent('popup'), page.evaluate(url => void window.open(url, '_blank'), `${attackerOrigin}/attack.html`)]);
    await hostile.waitForFunction(() => document.title === 'sent');
    await seen;
    await page.evaluate(() => {
      // A forged event claiming the API's origin but not coming from the popup window.
      dispatchEvent(new MessageEvent('message', { origin: location.origin, source: window, data: { type: 'vitrine-login', status: 'error', error: 'access_denied' } }));
      return (document.querySelector('vitrine-login') as (Element & { updateComplete: Promise<boolean> }) | null)?.updateComplete;
    });
    await hostile.close();
    assert.equal(await page.getByText('Connexion en cours…').count(), 1, 'still waiting for the real popup');
    assert.equal(await page.getByRole('alert').count(), 0, 'no error from forged messages');
    assert.equal((await session(context)).status, 'anonymous');

    await Promise.all([popup.waitForEvent('close'), popup.getByRole('button', { name: 'Continuer en tant que Camille' }).click()]);
    await page.getByText('Bonjour, Camille').waitFor();
    await context.close();
  });

  test('attacks refused: wrong state, replayed callback, reused code, redirect targets off the list, PKCE stripped', async () => {
    const { context, page } = await open('/');
    const callback = await signInWithPopup(page);
    const used = new URL(callback);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('button', { name: 'Continuer avec Vitrine Démo' }).waitFor();

    // Wrong state, and the very same callback replayed (its state is spent): 400, no session.
    const wrong = await page.goto(`${storefront.url}/auth/demo/callback?code=${used.searchParams.get('code')}&state=not-the-state`);
    assert.equal(wrong?.status(), 400);
    const replay = await page.goto(callback);
    assert.equal(replay?.status(), 400);
    // Its transaction is gone, so the page follows the browser's language (Playwright: en-US).
    assert.match((await page.textContent('body')) ?? '', /expired or was already used/);
    assert.equal((await session(context)).status, 'anonymous');

    // The used code injected into a fresh transaction of this browser: the provider refuses it (single use, and PKCE).
    const start = await context.request.get(`${storefront.url}/auth/demo/start?mode=popup&origin=${encodeURIComponent(storefront.url)}`, { maxRedirects: 0 });
    assert.equal(start.status(), 303);
    const authorize = new URL(start.headers().location);
    const injected = await context.request.get(
      `${storefront.url}/auth/demo/callback?code=${used.searchParams.get('code')}&state=${authorize.searchParams.get('state')}`,
      { maxRedirects: 0 },
    );
    assert.equal(injected.status(), 400);
    assert.match(await injected.text(), /data-error="code_rejected"/);
    assert.equal((await session(context)).status, 'anonymous');

    // Our start route: a return page or popup origin that is not on the allowlist.
    for (const query of [`mode=redirect&return_to=${encodeURIComponent(`${attackerOrigin}/steal`)}`, `mode=popup&origin=${encodeURIComponent(attackerOrigin)}`]) {
      const refused = await context.request.get(`${storefront.url}/auth/demo/start?${query}`, { maxRedirects: 0 });
      assert.equal(refused.status(), 400, query);
    }
    // The provider: a redirect_uri that is not registered, or the PKCE challenge stripped, never comes back with a code.
    const tampered = new URL(authorize);
    tampered.searchParams.set('redirect_uri', `${attackerOrigin}/steal`);
    await page.goto(tampered.href);
    assert.match((await page.textContent('body')) ?? '', /redirect_uri/);
    const stripped = new URL(authorize);
    stripped.searchParams.delete('code_challenge');
    stripped.searchParams.delete('code_challenge_method');
    await page.goto(stripped.href);
    assert.ok(!page.url().includes('code='));
    assert.ok(!attackerHits.some(hit => hit.startsWith('/steal')), 'nothing ever reached the attacker');
    await context.close();
  });

  test('the guest wishlist merges into the account on sign-in', async () => {
    const { context, page } = await open('/');
    // A guest saves a piece, then signs in.
    const heart = page.locator('.card-actions[data-product-id="ML-SAC-CABAS"] vitrine-wishlist-button').getByRole('button');
    await heart.click();
    await page.waitForFunction(() => document.querySelector('.card-actions[data-product-id="ML-SAC-CABAS"] vitrine-wishlist-button')?.shadowRoot?.querySelector('[aria-pressed="true"]'));
    await signInWithPopup(page);
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('vitrine:wishlist:outbox') ?? '[]').length === 0);

    // Another device (no local list at all): signing in as the same shopper shows the piece, from the account.
    const otherDevice = await browser.newContext();
    const other = await otherDevice.newPage();
    await other.goto(`${storefront.url}/wishlist.html`);
    await signInWithPopup(other);
    await other.locator('vitrine-wishlist [part="item"]').filter({ hasText: 'Sac cabas en cuir' }).waitFor();
    await otherDevice.close();
    await context.close();
  });
});
