import { $config } from './config.js';
import { $consent } from './consent.js';
import { EVENT_PROPERTIES } from './events.generated.js';
import type { AnalyticsEvent, EventName, EventProperties } from './track.js';
import { addSink, uuid } from './track.js';
import { warnOnce } from './warn.js';

/** localStorage keys, read and written only once consent is granted. */
export const QUEUE_KEY = 'vitrine:queue';
export const ANONYMOUS_ID_KEY = 'vitrine:anonymousId';
/** Events kept at most (in memory before consent, in storage after); the oldest are dropped first and counted. */
export const MAX_QUEUE = 500;
/** A batch goes out at this many events, or after the flush delay. */
export const BATCH_EVENTS = 20;
/** Under the collector's 64 KB body limit and the browser's 64 KB keepalive budget, with room for the envelope. */
export const BATCH_BYTES = 60_000;
/** Consecutive failures before this page stops retrying; the queue stays stored for the next page or the `online` event. */
const MAX_ATTEMPTS = 10;


/** Storage can be full, disabled or corrupted: the pipeline then keeps going in memory. */
const safely = <T>(work: () => T): T | undefined => {
  try {
    return work();
  } catch {
    return undefined;
  }
};

const bytes = (value: unknown): number => new Blob([JSON.stringify(value)]).size;

/** What this page's pipeline did, for debugging: `Vitrine.deliveryStats()`, or `deliveryStats()` from the npm package. */
export interface DeliveryStats {
  /** Events the collector stored (or already had). */
  delivered: number;
  /** Events the collector refused for good: not retried. */
  rejected: number;
  /** Events left out before sending: outside the taxonomy, or dropped from a full queue. */
  dropped: number;
  /** The latest refusals (at most 10), with the collector's reason. */
  rejections: Array<{ name: string; messageId: string; reason: string }>;
}
const stats: DeliveryStats = { delivered: 0, rejected: 0, dropped: 0, rejections: [] };
export const deliveryStats = (): DeliveryStats => ({ ...stats, rejections: [...stats.rejections] });

/**
 * Checks an event against its own entry in the taxonomy: an unknown event, or
 * one missing a required property, is not sent; a property this event does not
 * have, or that is not a primitive, is left out. One warning each.
 */
function clean(event: AnalyticsEvent): AnalyticsEvent | undefined {
  const spec = Object.hasOwn(EVENT_PROPERTIES, event.name) ? EVENT_PROPERTIES[event.name as EventName].split(' ') : undefined;
  if (!spec) return void warnOnce(event.name, `unknown event ${event.name}; not sent`);
  const properties: EventProperties = {};
  for (const [key, value] of Object.entries(event.properties)) {
    if (value == null) continue;
    if ((spec.includes(key) || spec.includes(`!${key}`)) && typeof value != 'object') properties[key] = value;
    else warnOnce(event.name + key, `${event.name}: ${key} is not one of its properties (${spec.join(' ')}); left out`);
  }
  const missing = spec.find(key => key[0] == '!' && properties[key.slice(1)] === undefined);
  if (missing) return void warnOnce(event.name + missing, `${event.name} needs ${missing.slice(1)}; not sent`);
  return { ...event, properties };
}

/** The collector's answer to a stored batch: what it refused is counted and named once in the console, never retried. */
function readAnswer(batch: AnalyticsEvent[], answer: { rejected?: Array<{ messageId: string; reason: string }> } | undefined): void {
  const refused = Array.isArray(answer?.rejected) ? answer.rejected : [];
  stats.delivered += batch.length - refused.length;
  for (const { messageId, reason } of refused) {
    const name = batch.find(event => event.messageId === messageId)?.name ?? 'event';
    stats.rejected++;
    stats.rejections = [...stats.rejections, { name, messageId, reason }].slice(-10);
    warnOnce(`rejected ${name} ${reason}`, `the collector refused ${name} (${reason}); not retried`);
  }
}

/**
 * Starts delivering tracked events to the configured endpoint, in batches,
 * after consent only. Each event keeps its messageId through retries, storage
 * and reloads, and each is sent once from a page, so a collector that does not
 * deduplicate receives it once across navigations, offline periods and errors;
 * only a batch in flight when the tab closed can be sent again by the next page.
 *
 * - Before consent: events wait in memory; nothing is sent, nothing is read or
 *   written in storage. Denied: the queue and the stored keys are dropped.
 * - After consent: the queue is mirrored to localStorage on every change (merged
 *   with other tabs' entries), so a closed or crashed tab delivers on the next visit.
 * - Sending: `fetch` with `keepalive`, the JSON as `text/plain` (CORS-safelisted:
 *   no preflight), no credentials. On `pagehide` or when the page is hidden,
 *   everything not in flight goes out the same way (`navigator.sendBeacon` if
 *   that fails) and is handed over: taken out of storage, since the browser
 *   delivers keepalive requests after the page is gone and the next page could
 *   not know it landed. Put back if the page lives to see the request fail. Until
 *   this page has seen the collector answer 2xx, while it fails, or offline, nothing
 *   goes out on unload: it stays stored and the next page sends it.
 * - Retries with exponential backoff and jitter on network errors, 408, 429
 *   (after `Retry-After`) and 5xx; other 4xx drop the batch (batches stay under
 *   the contract's 64 KB, so a 413 is a misconfigured collector, not a retry case).
 *
 * Returns `flush`: sends a batch of what is queued now, resolving when that request settled.
 */
export function startDelivery(flushDelay = 2000): () => Promise<void> {
  let queue: AnalyticsEvent[] = [];
  /** The batch of the request in progress: its events are not sent again from this page meanwhile. */
  let current: AnalyticsEvent[] = [];
  /** Stored or refused by the collector: not written back to storage from another tab's copy. */
  const settled = new Set<string>();
  /** Sent as the page was hidden, answer not seen yet: kept out of storage and not sent again from this page. */
  const handed = new Set<string>();
  let dropped = 0;
  let attempts = 0;
  let retrying = false;
  /** This page's last answer from the collector was a 2xx: only then is an unload send trusted to land. */
  let healthy = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let anonymousId = uuid();
  const granted = () => $consent.get() === 'granted';

  const load = (): AnalyticsEvent[] => {
    const stored = safely(() => JSON.parse(localStorage.getItem(QUEUE_KEY) ?? '[]'));
    return Array.isArray(stored) ? stored : [];
  };
  const persist = () => {
    if (!granted()) return;
    const mine = new Set(queue.map(event => event.messageId));
    const kept = (event: AnalyticsEvent) => !settled.has(event.messageId) && !handed.has(event.messageId);
    const others = load().filter(event => !mine.has(event.messageId) && kept(event));
    safely(() => localStorage.setItem(QUEUE_KEY, JSON.stringify([...others, ...queue.filter(kept)].slice(-MAX_QUEUE))));
  };
  const settle = (batch: AnalyticsEvent[]) => {
    batch.forEach(event => settled.add(event.messageId));
    queue = queue.filter(event => !settled.has(event.messageId));
    persist();
  };
  const enqueue = (events: AnalyticsEvent[]) => {
    queue.push(...events);
    const overflow = queue.splice(0, queue.length - MAX_QUEUE).length;
    dropped += overflow;
    stats.dropped += overflow;
    persist();
  };

  /** Consent is granted: the event gets the anonymous id and reaches the dataLayer. */
  const release = (event: AnalyticsEvent) => {
    event.context.anonymousId ??= anonymousId;
    if ($config.get().dataLayer) ((window as { dataLayer?: unknown[] }).dataLayer ??= []).push({ event: `vitrine.${event.name}`, vitrine: event });
  };

  const schedule = (delay: number) => {
    if (!delay || timer === undefined) {
      clearTimeout(timer);
      timer = setTimeout(flush, delay);
    }
  };
  /** A full batch goes at once; a partial one waits for more events, up to the flush delay. */
  const scheduleNext = () => schedule(queue.length < BATCH_EVENTS ? flushDelay : 0);

  /** The oldest events that fit one request. */
  const take = (events: AnalyticsEvent[], most: number) => {
    let size = 0;
    let count = 0;
    while (count < events.length && count < most && (size += bytes(events[count]) + 1) < BATCH_BYTES) count++;
    return events.slice(0, count || 1);
  };

  /** One request. Resolves to the response (undefined: none came back); a 2xx means the batch is stored. */
  const post = (endpoint: string, batch: AnalyticsEvent[], unloading?: boolean): Promise<Response | void> => {
    const body = JSON.stringify({ batch, dropped });
    const ids = batch.map(event => event.messageId);
    healthy = false;
    if (unloading) {
      ids.forEach(id => handed.add(id));
      persist();
    }
    /** The page is still here to see the outcome: a handed-over event that did not land goes back to storage. */
    const seen = (stored?: boolean) => {
      if (stored) settle(batch);
      if (!unloading) return;
      ids.forEach(id => handed.delete(id));
      if (stored) return;
      persist();
      scheduleNext();
    };
    return fetch(endpoint, { method: 'POST', body, headers: { 'content-type': 'text/plain' }, keepalive: true, credentials: 'omit' }).then(
      response => {
        healthy = response.ok;
        seen(response.ok);
        // A collector that answers no JSON (a plain 204) stored everything.
        if (response.ok) void response.json().then(answer => readAnswer(batch, answer), () => readAnswer(batch, undefined));
        return response;
      },
      () => seen(unloading && navigator.sendBeacon?.(endpoint, new Blob([body], { type: 'text/plain' }))),
    );
  };

  /**
   * Sends the next batch, and schedules what follows. `unloading` (the page may
   * be going away): everything not in flight goes out at once, in as many requests as it takes.
   */
  async function flush(unloading?: boolean): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const { endpoint } = $config.get();
    let pending = queue.filter(event => !current.includes(event) && !handed.has(event.messageId));
    if (!granted() || !endpoint || !pending.length) return;
    if (unloading === true) {
      // Not yet seen answering (or failing now), or no network: keep everything stored for the next page, which
      // sends it, rather than hand it to a request nobody will see fail.
      if (!healthy || !navigator.onLine) return;
      while (pending.length) {
        const batch = take(pending, MAX_QUEUE);
        pending = pending.slice(batch.length);
        void post(endpoint, batch, true);
      }
      return;
    }
    if (current.length || !navigator.onLine) return;
    current = take(pending, BATCH_EVENTS);
    const reported = dropped;
    const response = await post(endpoint, current);
    const status = response ? response.status : 0;
    const batch = current;
    current = [];
    retrying = false;
    if (status < 300 && status > 199) {
      dropped -= reported;
      attempts = 0;
    } else if (status > 399 && status < 500 && status !== 408 && status !== 429) {
      warnOnce(`${status}`, `collector answered ${status}; events dropped`);
      stats.rejected += batch.length;
      settle(batch);
    } else {
      if (++attempts >= MAX_ATTEMPTS) return;
      retrying = true;
      const retryAfter = Number(response && response.headers.get('retry-after'));
      return schedule(retryAfter > 0 ? Math.min(retryAfter, 300) * 1000 : Math.min(60_000, 500 * 2 ** attempts) * (0.5 + Math.random()));
    }
    if (queue.length) scheduleNext();
  }

  addSink(tracked => {
    if ($consent.get() === 'denied') return;
    let event = clean(tracked);
    if (!event) stats.dropped++;
    const { beforeSend } = $config.get();
    try {
      if (event && beforeSend) event = beforeSend(event) ?? undefined;
    } catch (error) {
      warnOnce('beforeSend', `beforeSend threw ${error}`);
    }
    if (!event) return;
    if (granted()) release(event);
    enqueue([event]);
    if (document.visibilityState === 'hidden') void flush(true);
    else if (!retrying) scheduleNext();
  });

  $consent.subscribe(state => {
    if (state === 'denied') {
      clearTimeout(timer);
      timer = undefined;
      queue = [];
      dropped = 0;
      safely(() => [QUEUE_KEY, ANONYMOUS_ID_KEY].forEach(key => localStorage.removeItem(key)));
    } else if (state === 'granted') {
      anonymousId = safely(() => localStorage.getItem(ANONYMOUS_ID_KEY)) || anonymousId;
      safely(() => localStorage.setItem(ANONYMOUS_ID_KEY, anonymousId));
      const waiting = queue;
      const known = new Set(waiting.map(event => event.messageId));
      waiting.forEach(release);
      queue = [];
      enqueue([...load().filter(event => !known.has(event.messageId)), ...waiting]);
      schedule(0);
    }
  });

  const unload = () => void flush(true);
  addEventListener('pagehide', unload);
  addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && unload());
  addEventListener('online', () => {
    attempts = 0;
    void flush();
  });
  return () => flush();
}
