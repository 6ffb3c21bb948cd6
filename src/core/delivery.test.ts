import { expect, waitUntil } from '@open-wc/testing';
import { captureWarnings, testApi } from '../test-support/console.js';
import { configure } from './config.js';
import { $consent, setConsent } from './consent.js';
import { ANONYMOUS_ID_KEY, QUEUE_KEY, UNCHECKED_KEY, deliveryStats, startDelivery } from './delivery.js';
import { $userId } from './track.js';
import type { AnalyticsEvent } from './track.js';
import { track } from './track.js';
import { VERSION } from './version.js';
import { cleanStores } from '../test-support/stores.js';

/** One pipeline for this page, as the runtime starts one; tests reset consent and storage around it. */
const flush = startDelivery(50);
const collector = () => `${testApi()}/v1/events`;
const unreachable = 'http://127.0.0.1:9/v1/events';

interface StoredEvent {
  messageId: string;
  name: string;
  properties: Record<string, unknown>;
  context: AnalyticsEvent['context'];
}

/** The collector's rows for these messageIds, counted through the admin listing. */
async function storedRows(ids: string[]): Promise<StoredEvent[]> {
  const response = await fetch(`${testApi()}/v1/events?limit=1000`, { headers: { authorization: 'Bearer demo-admin-token' } });
  const { events } = (await response.json()) as { events: StoredEvent[] };
  return events.filter(event => ids.includes(event.messageId));
}

async function waitForRows(ids: string[]): Promise<StoredEvent[]> {
  let rows: StoredEvent[] = [];
  await waitUntil(async () => (rows = await storedRows(ids)).length >= ids.length, `${ids.length} events stored`, { timeout: 8000, interval: 100 });
  return rows;
}

/** Requests this page started to a URL since the test began, from the resource timing buffer (which fills asynchronously). */
let testStart = 0;
const requestsTo = (url: string) =>
  performance.getEntriesByType('resource').filter(entry => entry.name === url && entry.startTime >= testStart).length;
const storageKeys = () => Object.keys(localStorage).filter(key => key.startsWith('vitrine:'));
/** Every page's stored queue (each page stores under its own `vitrine:queue:<page id>`), as one list. */
const storedQueue = (): AnalyticsEvent[] =>
  storageKeys()
    .filter(key => key.startsWith(`${QUEUE_KEY}:`))
    .flatMap(key => JSON.parse(localStorage.getItem(key)!) as AnalyticsEvent[]);
const storedIds = () => storedQueue().map(event => event.messageId);
const idle = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

describe('event delivery', () => {
  beforeEach(() => {
    performance.setResourceTimingBufferSize(10_000);
    testStart = performance.now();
    configure({ endpoint: collector() });
  });
  afterEach(async () => {
    // Denied drops the queue and the stored keys; then back to "not asked yet".
    setConsent('denied');
    $consent.set('unknown');
    $userId.set(undefined);
    cleanStores();
    localStorage.clear();
  });

  it('sends nothing and stores nothing before consent, then delivers every event once', async () => {
    localStorage.setItem('host:key', 'kept');
    const before = JSON.stringify(localStorage);
    const events = [track('share', { network: 'facebook' }, 'vitrine-share'), track('feed_view', { feedId: 'home' }, 'vitrine-feed')];
    await idle(300);
    expect(requestsTo(collector())).to.equal(0);
    expect(JSON.stringify(localStorage)).to.equal(before);

    setConsent('granted');
    const rows = await waitForRows(events.map(event => event.messageId));
    expect(rows.map(row => row.messageId).sort()).to.deep.equal(events.map(event => event.messageId).sort());
    // The anonymous id is stored only now, and every released event carries it.
    const anonymousId = localStorage.getItem(ANONYMOUS_ID_KEY);
    expect(anonymousId).to.match(/^[0-9a-f-]{36}$/);
    expect(rows.every(row => row.context.anonymousId === anonymousId)).to.equal(true);
    await waitUntil(() => storedQueue().length === 0, 'stored queue emptied', { timeout: 5000 });
  });

  it('denied drops the queue and the stored keys, and later events', async () => {
    configure({ endpoint: unreachable });
    setConsent('granted');
    track('wishlist_add', { productId: 'robe-camille-lin' }, 'vitrine-wishlist');
    expect(storedQueue()).to.have.length(1);
    setConsent('denied');
    expect(storageKeys()).to.deep.equal([]);
    track('wishlist_add', { productId: 'sac-cabas-cuir' }, 'vitrine-wishlist');
    configure({ endpoint: collector() });
    await flush();
    await idle(200);
    expect(storageKeys()).to.deep.equal([]);
    expect(requestsTo(collector())).to.equal(0);
  });

  it('delivers a queue a previous page left in storage, once, after consent', async () => {
    // What a tab closed mid-batch leaves behind (written under consent on that visit).
    const leftover = { ...track('product_click', { productId: 'trench-classique' }) };
    setConsent('denied');
    $consent.set('unknown');
    localStorage.setItem(`${QUEUE_KEY}:a-closed-tab`, JSON.stringify([leftover]));
    setConsent('granted');
    const rows = await waitForRows([leftover.messageId]);
    expect(rows).to.have.length(1);
    // Adopted by this page, then acknowledged: no stored queue is left, the closed tab's key included.
    await waitUntil(() => !storageKeys().some(key => key.startsWith(QUEUE_KEY)), 'acknowledged events leave storage', { timeout: 5000 });
  });

  it('checks, then delivers, what a page closed before its taxonomy check arrived left for the next page', async () => {
    // What the pagehide of such a page stores (under consent): the events as tracked, not yet checked nor edited.
    const unchecked = { ...track('share', { network: 'x' }) };
    unchecked.properties = { ...unchecked.properties, price: 12 };
    setConsent('denied');
    $consent.set('unknown');
    localStorage.setItem(UNCHECKED_KEY, JSON.stringify([unchecked]));
    const warnings = captureWarnings();
    setConsent('granted');
    const [row] = await waitForRows([unchecked.messageId]);
    warnings.restore();
    expect(row.properties).to.deep.equal({ network: 'x' });
    expect(warnings.messages.some(message => message.includes('share: price is not one of its properties'))).to.equal(true);
    expect(localStorage.getItem(UNCHECKED_KEY)).to.equal(null);
  });

  it('keeps a corrupted or foreign stored queue from stopping delivery', async () => {
    localStorage.setItem(`${QUEUE_KEY}:a-closed-tab`, '{not json');
    localStorage.setItem(QUEUE_KEY, '{"an earlier version": true}');
    setConsent('granted');
    const event = track('login_start', { provider: 'google' }, 'vitrine-login');
    expect(await waitForRows([event.messageId])).to.have.length(1);
  });

  it('carries the page URL without secrets, the locale, widget, version and the signed-in customer', async () => {
    const original = location.href;
    history.replaceState(null, '', '?code=abc&state=xyz&token=t&email=a%40b.c&utm_source=instagram#access_token=secret');
    $userId.set('cus_42');
    document.documentElement.lang = 'fr';
    const event = track('login_success', { provider: 'google' }, 'vitrine-login');
    history.replaceState(null, '', original);
    document.documentElement.lang = 'en';
    const url = new URL(event.context.page.url);
    expect([...url.searchParams.keys()]).to.deep.equal(['utm_source']);
    expect(url.hash).to.equal('');
    expect(event.context).to.include({ locale: 'fr', widget: 'vitrine-login', userId: 'cus_42' });
    expect(event.context.library).to.deep.equal({ name: 'vitrine', version: VERSION });
    expect(event.messageId).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    setConsent('granted');
    const [row] = await waitForRows([event.messageId]);
    expect(row.context.page.url).to.equal(event.context.page.url);
  });

  it('drops properties and events outside the taxonomy, with one warning each', async () => {
    const warnings = captureWarnings();
    setConsent('granted');
    // Cast: the types refuse these at compile time (events.test.ts); plain JavaScript callers get the runtime check.
    const kept = track('share', { network: 'x', colour: 'red', nested: { a: 1 }, productId: undefined } as never);
    track('page_view' as never, {} as never);
    track('share', { network: 'facebook', colour: 'blue' } as never);
    warnings.restore();
    expect(warnings.messages).to.have.length(3);
    expect(warnings.messages.join('\n')).to.contain('colour').and.contain('nested').and.contain('page_view');
    const [row] = await waitForRows([kept.messageId]);
    expect(row.properties).to.deep.equal({ network: 'x' });
  });

  it("checks each event against its own properties: another event's property is left out, a missing required one keeps it from being sent", async () => {
    const warnings = captureWarnings();
    setConsent('granted');
    // `postId` is a feed property, not a share's; `wishlist_add` needs a productId.
    const kept = track('share', { network: 'x', postId: 'p1' } as never);
    const refused = track('wishlist_add', { variant: 'M' } as never);
    const before = deliveryStats().dropped;
    track('wishlist_add', { variant: 'S' } as never);
    warnings.restore();
    expect(warnings.messages.join('\n')).to.contain('share: postId is not one of its properties').and.contain('wishlist_add needs productId; not sent');
    expect(deliveryStats().dropped).to.equal(before + 1);
    const [row] = await waitForRows([kept.messageId]);
    expect(row.properties).to.deep.equal({ network: 'x' });
    expect(await storedRows([refused.messageId])).to.deep.equal([]);
  });

  it('an event the collector rejects is named once in the console with its reason, counted, and not retried', async () => {
    const warnings = captureWarnings();
    setConsent('granted');
    const before = deliveryStats();
    // The client checks names, not patterns: the collector refuses this network id.
    const refused = [track('share', { network: 'Not a network!' }), track('share', { network: 'Not a network!' })];
    const stored = track('share', { network: 'pinterest' });
    await waitForRows([stored.messageId]);
    await waitUntil(() => deliveryStats().rejected === before.rejected + 2, 'two rejections counted', { timeout: 5000 });
    warnings.restore();
    const stats = deliveryStats();
    expect(stats.delivered).to.equal(before.delivered + 1);
    expect(stats.rejections.slice(-2).map(entry => [entry.name, entry.messageId])).to.deep.equal(refused.map(event => ['share', event.messageId]));
    expect(stats.rejections.at(-1)!.reason).to.contain('/properties/network must match pattern');
    const messages = warnings.messages.filter(message => message.includes('refused'));
    expect(messages).to.have.length(1);
    expect(messages[0]).to.contain('the collector refused share (/properties/network must match pattern');
    // Settled: not in the queue, not sent again.
    await flush();
    expect(storedQueue()).to.deep.equal([]);
    expect(await storedRows(refused.map(event => event.messageId))).to.deep.equal([]);
  });

  it('beforeSend edits or drops events; released events reach the dataLayer', async () => {
    const host = window as unknown as { dataLayer?: Array<{ event: string; vitrine: AnalyticsEvent }> };
    delete host.dataLayer;
    configure({
      dataLayer: true,
      beforeSend: event => (event.name === 'share' ? null : { ...event, properties: { ...event.properties, placement: 'edited' } }),
    });
    const dropped = track('share', { network: 'x' });
    const edited = track('wishlist_add', { productId: 'foulard-soie-imprime' });
    expect(host.dataLayer).to.equal(undefined);
    setConsent('granted');
    const [row] = await waitForRows([edited.messageId]);
    expect(row.properties).to.deep.equal({ productId: 'foulard-soie-imprime', placement: 'edited' });
    expect(host.dataLayer!.map(entry => entry.event)).to.deep.equal(['vitrine.wishlist_add']);
    expect(await storedRows([dropped.messageId])).to.deep.equal([]);

    const warnings = captureWarnings();
    configure({ beforeSend: () => { throw new Error('oops'); } });
    const unchanged = track('hotspot_open', { productId: 'p1' });
    warnings.restore();
    expect(warnings.messages[0]).to.contain('beforeSend threw');
    expect(await waitForRows([unchanged.messageId])).to.have.length(1);
    delete host.dataLayer;
  });

  it('batches 45 events into requests of at most 20', async () => {
    setConsent('granted');
    await flush();
    const sizes: number[] = [];
    const originalFetch = window.fetch;
    window.fetch = (input, init) => {
      if (init?.method === 'POST') sizes.push((JSON.parse(String(init.body)) as { batch: unknown[] }).batch.length);
      return originalFetch(input, init);
    };
    try {
      const events = Array.from({ length: 45 }, (_, i) => track('feed_post_open', { postId: `p${i}`, position: i }));
      const rows = await waitForRows(events.map(event => event.messageId));
      expect(rows).to.have.length(45);
      expect(sizes).to.deep.equal([20, 20, 5]);
    } finally {
      window.fetch = originalFetch;
    }
  });

  it('retries a network failure with backoff, keeping the same messageId', async () => {
    configure({ endpoint: unreachable });
    setConsent('granted');
    const event = track('wishlist_vote', { productId: 'robe-camille-lin', vote: 1 });
    await waitUntil(() => requestsTo(unreachable) === 1, 'first attempt failed', { timeout: 5000 });
    expect(storedIds()).to.deep.equal([event.messageId]);
    configure({ endpoint: collector() });
    expect(await waitForRows([event.messageId])).to.have.length(1);
  });

  it('never writes over another tab\'s stored queue: each page stores under its own key', async () => {
    configure({ endpoint: unreachable });
    setConsent('granted');
    // Another tab, open beside this page, stores its queue after this page started.
    const mine = track('wishlist_add', { productId: 'sac-cabas-cuir' });
    const theirs = { ...mine, messageId: crypto.randomUUID(), name: 'share', properties: { network: 'x' } };
    localStorage.setItem(`${QUEUE_KEY}:the-other-tab`, JSON.stringify([theirs]));
    track('product_click', { productId: 'sac-cabas-cuir' });
    await waitUntil(() => storedQueue().length === 3, 'both tabs\' events stored', { timeout: 5000 });
    expect(localStorage.getItem(`${QUEUE_KEY}:the-other-tab`)).to.equal(JSON.stringify([theirs]));
    expect(storedIds()).to.include.members([theirs.messageId, mine.messageId]);
  });

  it('drops a batch the collector refuses with a 4xx other than 408/429, without retrying', async () => {
    const refusing = `${testApi()}/v1/no-such-collector`;
    configure({ endpoint: refusing });
    const warnings = captureWarnings();
    setConsent('granted');
    track('share', { network: 'x' });
    await waitUntil(() => storedQueue().length === 0, 'queue dropped', { timeout: 5000 });
    await idle(1500);
    warnings.restore();
    expect(requestsTo(refusing)).to.equal(1);
    expect(warnings.messages[0]).to.contain('404');
  });

  it('waits while offline and sends when the browser is back online', async () => {
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    setConsent('granted');
    const event = track('product_click', { productId: 'jupe-plissee-satin' });
    await idle(300);
    expect(requestsTo(collector())).to.equal(0);
    delete (navigator as { onLine?: boolean }).onLine;
    dispatchEvent(new Event('online'));
    expect(await waitForRows([event.messageId])).to.have.length(1);
  });

  it('before the collector has answered this page, nothing goes out on pagehide: the next page sends it', async () => {
    configure({ endpoint: unreachable });
    setConsent('granted');
    // The collector does not answer: this page has no reason to trust an unload send.
    track('share', { network: 'x' });
    await flush();
    const event = track('share', { network: 'pinterest' });
    const originalFetch = window.fetch;
    let sent = 0;
    window.fetch = (input, init) => (sent++, originalFetch(input, init));
    try {
      dispatchEvent(new PageTransitionEvent('pagehide'));
      expect(sent).to.equal(0);
      expect(storedIds()).to.contain(event.messageId);
    } finally {
      window.fetch = originalFetch;
    }
  });

  it('sends what is left on pagehide, as text/plain with keepalive, once even when the page is then hidden too', async () => {
    setConsent('granted');
    // Only once this page has seen the collector answer is an unload send trusted to land.
    const first = track('share', { network: 'x' });
    await flush();
    await waitForRows([first.messageId]);
    const originalFetch = window.fetch;
    const seen: RequestInit[] = [];
    window.fetch = (input, init) => {
      seen.push(init!);
      return originalFetch(input, init);
    };
    try {
      const event = track('share_copy_link', { productId: 'robe-camille-lin' });
      dispatchEvent(new PageTransitionEvent('pagehide'));
      // A navigation fires both; a collector that does not deduplicate must get one copy.
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      dispatchEvent(new Event('visibilitychange'));
      delete (document as { visibilityState?: string }).visibilityState;
      expect(seen).to.have.length(1);
      // Handed over to the browser: out of storage, so the next page does not send it again.
      expect(storedIds()).not.to.contain(event.messageId);
      expect(seen[0]).to.include({ keepalive: true, credentials: 'omit', method: 'POST' });
      expect(seen[0].headers).to.deep.equal({ 'content-type': 'text/plain' });
      expect(await waitForRows([event.messageId])).to.have.length(1);
    } finally {
      window.fetch = originalFetch;
    }
  });
});
