import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { configure } from '../../core/config.js';
import { $session } from '../../features/session/session.js';
import { type AnalyticsEvent, addSink } from '../../core/track.js';
import { captureWarnings, testApi } from '../../test-support/console.js';
import type { VitrineLogin } from './login.element.js';
import './vitrine-login.js';
import { cleanStores } from '../../test-support/stores.js';

const buttons = (el: VitrineLogin) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[part~="button"]')];
const text = (el: VitrineLogin) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();

describe('<vitrine-login>', () => {
  const realOpen = window.open;
  let events: AnalyticsEvent[] = [];
  let removeSink: () => void;
  let frame: HTMLIFrameElement | undefined;

  beforeEach(() => {
    configure({ api: testApi() });
    events = [];
    removeSink = addSink(event => events.push(event));
  });
  afterEach(() => {
    window.open = realOpen;
    removeSink();
    frame?.remove();
    frame = undefined;
    $session.set({ status: 'unknown' });
    cleanStores();
  });

  /** A real window (an iframe's) standing in for the popup, so `event.source` can be checked for real. */
  const stubPopup = async () => {
    frame = document.createElement('iframe');
    document.body.append(frame);
    const popup = frame.contentWindow!;
    const opened: string[] = [];
    window.open = ((url: string) => {
      opened.push(url);
      return popup;
    }) as typeof window.open;
    return { popup, opened };
  };

  it('asks the server who is signed in, then shows the providers in order with their own wording', async () => {
    const el = await fixture<VitrineLogin>(html`<vitrine-login lang="fr" providers="apple, google,facebook"></vitrine-login>`);
    await waitUntil(() => $session.get().status === 'anonymous', 'GET /v1/session answered');
    expect(buttons(el).map(button => button.textContent!.trim())).to.deep.equal([
      'Se connecter avec Apple',
      'Se connecter avec Google',
      'Continuer avec Facebook',
    ]);
    el.lang = 'en';
    await el.updateComplete;
    await waitUntil(() => buttons(el)[1].textContent!.includes('Sign in with Google'));
    expect(buttons(el)[2].textContent!.trim()).to.equal('Continue with Facebook');
  });

  it('warns once about an unknown provider or size, and keeps working', async () => {
    $session.set({ status: 'anonymous' });
    const warnings = captureWarnings();
    const el = await fixture<VitrineLogin>(html`<vitrine-login providers="google,myspace" size="huge"></vitrine-login>`);
    warnings.restore();
    expect(buttons(el)).to.have.length(1);
    expect(el.size).to.equal('md');
    expect(warnings.messages).to.have.length(2);
    expect(warnings.messages[0]).to.contain('providers="google,myspace"').and.contain('google, facebook, apple, demo');
    expect(warnings.messages[1]).to.contain('size="huge"');
  });

  it('compact mode keeps an accessible name on icon-only buttons', async () => {
    $session.set({ status: 'anonymous' });
    const el = await fixture<VitrineLogin>(html`<vitrine-login lang="en" compact providers="google,apple,demo"></vitrine-login>`);
    expect(buttons(el).map(button => button.getAttribute('aria-label'))).to.deep.equal(['Sign in with Google', 'Sign in with Apple', 'Continue with Vitrine Demo']);
    expect(buttons(el).every(button => button.textContent!.trim() === '')).to.equal(true);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('signed in: first name, avatar through safeUrl (else the initial), and sign-out against the server', async () => {
    $session.set({ status: 'signed-in', user: { id: 'c1', firstName: 'Camille', provider: 'demo', avatarUrl: 'javascript:alert(1)' } });
    const el = await fixture<VitrineLogin>(html`<vitrine-login lang="fr"></vitrine-login>`);
    expect(text(el)).to.contain('Bonjour, Camille');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part="avatar"]')!.textContent).to.equal('C');
    $session.set({ status: 'signed-in', user: { id: 'c1', firstName: 'Camille', provider: 'demo', avatarUrl: `${testApi()}/images/logo.svg` } });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('img')!.getAttribute('src')).to.equal(`${testApi()}/images/logo.svg`);
    await expect(el).shadowDom.to.be.accessible();

    let loggedOut = false;
    el.addEventListener('vitrine-logout', () => (loggedOut = true));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="sign-out"]')!.click();
    await waitUntil(() => $session.get().status === 'anonymous', 'POST /v1/session/logout answered');
    expect(loggedOut).to.equal(true);
    await el.updateComplete;
    expect(buttons(el)).to.have.length(3);
  });

  it('a cancelled vitrine-login-request opens nothing', async () => {
    $session.set({ status: 'anonymous' });
    const { opened } = await stubPopup();
    const el = await fixture<VitrineLogin>(html`<vitrine-login providers="google"></vitrine-login>`);
    el.addEventListener('vitrine-login-request', event => event.preventDefault());
    buttons(el)[0].click();
    expect(opened).to.deep.equal([]);
    expect(events).to.deep.equal([]);
  });

  it('opens the popup on the API with the exact page origin, and ignores messages from another origin or window', async () => {
    $session.set({ status: 'anonymous' });
    const { popup, opened } = await stubPopup();
    const el = await fixture<VitrineLogin>(html`<vitrine-login lang="en" providers="demo"></vitrine-login>`);
    buttons(el)[0].click();
    await el.updateComplete;
    const url = new URL(opened[0]);
    expect(url.origin + url.pathname).to.equal(`${testApi()}/auth/demo/start`);
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({ mode: 'popup', origin: location.origin, lang: 'en' });
    expect(events.map(event => [event.name, event.properties])).to.deep.equal([['login_start', { provider: 'demo', mode: 'popup' }]]);
    expect(text(el)).to.contain('Signing in…');

    const apiOrigin = new URL(testApi()).origin;
    const forged = { type: 'vitrine-login', provider: 'demo', status: 'error', error: 'access_denied' };
    window.dispatchEvent(new MessageEvent('message', { data: forged, origin: 'http://127.0.0.2:9', source: popup }));
    window.dispatchEvent(new MessageEvent('message', { data: forged, origin: apiOrigin, source: window }));
    window.dispatchEvent(new MessageEvent('message', { data: { type: 'other' }, origin: apiOrigin, source: popup }));
    await el.updateComplete;
    expect(el.error).to.equal(undefined);
    expect(text(el)).to.contain('Signing in…');

    // A second click while the popup is open focuses it rather than starting again.
    buttons(el)[0].click();
    expect(opened).to.have.length(1);

    window.dispatchEvent(new MessageEvent('message', { data: forged, origin: apiOrigin, source: popup }));
    await el.updateComplete;
    expect(el.error).to.deep.equal({ provider: 'demo', code: 'access_denied' });
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('Sign-in was declined');
    expect(events.at(-1)!.name).to.equal('login_error');
    expect(events.at(-1)!.properties).to.deep.equal({ provider: 'demo', errorCode: 'access_denied' });
    expect(JSON.stringify(events)).not.to.contain('Camille');

    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    expect(opened).to.have.length(2);
    expect(el.error).to.equal(undefined);
  });

  it('a success message is checked with the server: no session there means no sign-in', async () => {
    $session.set({ status: 'anonymous' });
    const { popup } = await stubPopup();
    const el = await fixture<VitrineLogin>(html`<vitrine-login lang="fr" providers="google"></vitrine-login>`);
    buttons(el)[0].click();
    window.dispatchEvent(new MessageEvent('message', { data: { type: 'vitrine-login', status: 'success' }, origin: new URL(testApi()).origin, source: popup }));
    await waitUntil(() => el.error !== undefined, 'the server was asked');
    expect(el.error).to.deep.equal({ provider: 'google', code: 'failed' });
    expect($session.get().status).to.equal('anonymous');
    expect(text(el)).to.contain("La connexion n'a pas abouti");
  });

  it('a popup closed before the end says so, and offers a retry', async () => {
    $session.set({ status: 'anonymous' });
    const popup = { closed: false, focus() {} };
    window.open = (() => popup) as unknown as typeof window.open;
    const el = await fixture<VitrineLogin>(html`<vitrine-login lang="en" providers="facebook"></vitrine-login>`);
    buttons(el)[0].click();
    popup.closed = true;
    await waitUntil(() => el.error !== undefined, 'the closed popup was noticed', { timeout: 5000 });
    expect(el.error).to.deep.equal({ provider: 'facebook', code: 'popup_closed' });
    expect(text(el)).to.contain('The sign-in window was closed before you finished.');
    expect(el.shadowRoot!.querySelector('[part="retry"]')!.textContent).to.equal('Try again');
  });

  it('a network failure is explained in the shopper’s language', async () => {
    $session.set({ status: 'anonymous' });
    const { popup } = await stubPopup();
    configure({ api: 'http://127.0.0.1:9/' });
    const el = await fixture<VitrineLogin>(html`<vitrine-login lang="fr" providers="demo"></vitrine-login>`);
    buttons(el)[0].click();
    window.dispatchEvent(new MessageEvent('message', { data: { type: 'vitrine-login', status: 'success' }, origin: 'http://127.0.0.1:9', source: popup }));
    await waitUntil(() => el.error !== undefined, 'the request failed', { timeout: 8000 });
    expect(el.error!.code).to.equal('network');
    expect(text(el)).to.contain('vérifiez votre accès à Internet');
  });

  it('back from a redirect: reads the result marker, strips it from the address, and reports it', async () => {
    history.replaceState(null, '', `${location.pathname}${location.search}#vitrine-login=apple:access_denied`);
    const el = await fixture<VitrineLogin>(html`<vitrine-login lang="en" providers="apple"></vitrine-login>`);
    expect(location.hash).to.equal('');
    expect(el.error).to.deep.equal({ provider: 'apple', code: 'access_denied' });
    expect(events.map(event => event.name)).to.deep.equal(['login_error']);
    await waitUntil(() => $session.get().status === 'anonymous', 'the session was still asked for');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.providers')!.classList.contains('loading')).to.equal(false);
  });
});
