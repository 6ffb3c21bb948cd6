import { $config } from './config.js';
import type { Pipeline } from './delivery.js';
import { MAX_QUEUE, stats } from './delivery.js';
import type { AnalyticsEvent } from './track.js';
import { warnOnce } from './warn.js';

/** A batch goes out at this many events, or after the flush delay. */
export const BATCH_EVENTS = 20;
/** Under the collector's 64 KB body limit and the browser's 64 KB keepalive budget, with room for the envelope. */
export const BATCH_BYTES = 60_000;
/** Consecutive failures before this page stops retrying; the queue stays stored for the next page or the `online` event. */
const MAX_ATTEMPTS = 10;

const bytes = (value: unknown): number => new Blob([JSON.stringify(value)]).size;

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
 * The sending half of the pipeline (see startDelivery), loaded once there is something to send.
 *
 * - `fetch` with `keepalive`, the JSON as `text/plain` (CORS-safelisted: no
 *   preflight), no credentials. On `pagehide` or when the page is hidden,
 *   everything not in flight goes out the same way (`navigator.sendBeacon` if
 *   that fails) and is handed over: taken out of storage, since the browser
 *   delivers keepalive requests after the page is gone and the next page could
 *   not know it landed. Put back if the page lives to see the request fail. Until
 *   this page has seen the collector answer 2xx, while it fails, or offline, nothing
 *   goes out on unload: it stays stored and the next page sends it.
 * - Retries with exponential backoff and jitter on network errors, 408, 429
 *   (after `Retry-After`) and 5xx; other 4xx drop the batch (batches stay under
 *   the contract's 64 KB, so a 413 is a misconfigured collector, not a retry case).
 */
export function startSending(pipeline: Pipeline) {
  /** The batch of the request in progress: its events are not sent again from this page meanwhile. */
  let current: AnalyticsEvent[] = [];
  let attempts = 0;
  /** This page's last answer from the collector was a 2xx: only then is an unload send trusted to land. */
  let healthy = false;
  const { handed, persist } = pipeline;

  /** Stored or refused by the collector: out of the queue, and so out of storage. */
  const settle = (batch: AnalyticsEvent[]) => {
    const settled = new Set(batch.map(event => event.messageId));
    pipeline.queue = pipeline.queue.filter(event => !settled.has(event.messageId));
    persist();
  };

  const schedule = (delay: number) => {
    if (!delay || pipeline.timer === undefined) {
      clearTimeout(pipeline.timer);
      pipeline.timer = setTimeout(flush, delay);
    }
  };
  /** A full batch goes at once; a partial one waits for more events, up to the flush delay. */
  const scheduleNext = () => schedule(pipeline.queue.length < BATCH_EVENTS ? pipeline.flushDelay : 0);

  /** The oldest events that fit one request. */
  const take = (events: AnalyticsEvent[], most: number) => {
    let size = 0;
    let count = 0;
    while (count < events.length && count < most && (size += bytes(events[count]) + 1) < BATCH_BYTES) count++;
    return events.slice(0, count || 1);
  };

  /** One request. Resolves to the response (undefined: none came back); a 2xx means the batch is stored. */
  const post = (endpoint: string, batch: AnalyticsEvent[], unloading?: boolean): Promise<Response | void> => {
    const body = JSON.stringify({ batch, dropped: pipeline.dropped });
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
    clearTimeout(pipeline.timer);
    pipeline.timer = undefined;
    const { endpoint } = $config.get();
    let pending = pipeline.queue.filter(event => !current.includes(event) && !handed.has(event.messageId));
    if (!pipeline.granted() || !endpoint || !pending.length) return;
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
    const reported = pipeline.dropped;
    const response = await post(endpoint, current);
    const status = response ? response.status : 0;
    const batch = current;
    current = [];
    pipeline.retrying = false;
    if (status < 300 && status > 199) {
      pipeline.dropped -= reported;
      attempts = 0;
    } else if (status > 399 && status < 500 && status !== 408 && status !== 429) {
      warnOnce(`${status}`, `collector answered ${status}; events dropped`);
      stats.rejected += batch.length;
      settle(batch);
    } else {
      if (++attempts >= MAX_ATTEMPTS) return;
      pipeline.retrying = true;
      const retryAfter = Number(response && response.headers.get('retry-after'));
      return schedule(retryAfter > 0 ? Math.min(retryAfter, 300) * 1000 : Math.min(60_000, 500 * 2 ** attempts) * (0.5 + Math.random()));
    }
    if (pipeline.queue.length) scheduleNext();
  }

  const unload = () => void flush(true);
  addEventListener('pagehide', unload);
  addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && unload());

  return {
    flush: () => flush(),
    /** The browser is back online (the pipeline listens): a fresh round of attempts. */
    online: () => {
      attempts = 0;
      void flush();
    },
    schedule,
    /** An event was queued after consent: hidden pages send at once, others batch (unless a retry is waiting). */
    queued: () => (document.visibilityState === 'hidden' ? unload() : pipeline.retrying || scheduleNext()),
  };
}
