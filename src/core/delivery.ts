import { $config } from './config.js';
import { $consent } from './consent.js';
import type * as Sending from './delivery-send.js';
import type * as Check from './event-check.js';
import type { AnalyticsEvent } from './track.js';
import { addSink, uuid } from './track.js';
import { warnOnce } from './warn.js';

/** localStorage keys, read and written only once consent is granted. Each page stores its queue under its own key, `vitrine:queue:<page id>`. */
export const QUEUE_KEY = 'vitrine:queue';
export const ANONYMOUS_ID_KEY = 'vitrine:anonymousId';
/** Events a page closed before its taxonomy check arrived: the next page checks them, then queues them. */
export const UNCHECKED_KEY = 'vitrine:unchecked';
/** Events kept at most (in memory before consent, in storage after); the oldest are dropped first and counted. */
export const MAX_QUEUE = 500;

/** Storage can be full, disabled or corrupted: the pipeline then keeps going in memory. */
export const safely = <T>(work: () => T): T | undefined => {
  try {
    return work();
  } catch {
    return undefined;
  }
};

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
export const stats: DeliveryStats = { delivered: 0, rejected: 0, dropped: 0, rejections: [] };
export const deliveryStats = (): DeliveryStats => ({ ...stats, rejections: [...stats.rejections] });

/** The pipeline's state, shared by this module (what is tracked, queued and stored) and the sending half (delivery-send.ts). */
export interface Pipeline {
  queue: AnalyticsEvent[];
  /** Sent as the page was hidden, answer not seen yet: kept out of storage and not sent again from this page. */
  handed: Set<string>;
  /** Events dropped from a full queue since the collector last heard about it. */
  dropped: number;
  /** A retry is waiting for its backoff: new events do not schedule a send meanwhile. */
  retrying: boolean;
  timer?: ReturnType<typeof setTimeout>;
  flushDelay: number;
  granted(): boolean;
  /** Mirrors the queue to this page's key in storage (after consent only). */
  persist(): void;
}

/**
 * Starts delivering tracked events to the configured endpoint, in batches,
 * after consent only. Each event keeps its messageId through retries, storage
 * and reloads, and each is sent once from a page, so a collector that does not
 * deduplicate receives it once across navigations, offline periods and errors;
 * only a batch in flight when the tab closed, or the queue of a tab still open
 * beside a new page, can be sent twice.
 *
 * - Before consent: events wait in memory; nothing is sent, nothing is read or
 *   written in storage. Denied: the queue and the stored keys are dropped.
 * - After consent: the queue is mirrored to localStorage on every change, under
 *   this page's own key, so a closed or crashed tab delivers on the next visit. Tabs
 *   write from their own cached copies of storage: one key per writer is what keeps
 *   a tab from erasing another's events. A page adopts the keys it finds.
 * - Sending (delivery-send.ts, its own chunk, fetched once consent is granted:
 *   until this page has sent something, an unload has nothing to trust, so nothing
 *   is lost while it is on its way).
 *
 * Returns `flush`: sends a batch of what is queued now, resolving when that request settled.
 */
export function startDelivery(flushDelay = 2000): () => Promise<void> {
  let anonymousId = uuid();
  const ownKey = `${QUEUE_KEY}:${uuid()}`;
  const granted = () => $consent.get() === 'granted';
  const load = (key: string): AnalyticsEvent[] => {
    const stored = safely(() => JSON.parse(localStorage.getItem(key) ?? '[]'));
    return Array.isArray(stored) ? stored : [];
  };
  /** Every stored queue, this page's included (`vitrine:queue` alone is the key of earlier versions). */
  const queueKeys = () => safely(() => Object.keys(localStorage).filter(key => key.startsWith(QUEUE_KEY))) ?? [];
  const pipeline: Pipeline = {
    queue: [],
    handed: new Set(),
    dropped: 0,
    retrying: false,
    flushDelay,
    granted,
    persist: () => {
      const kept = pipeline.queue.filter(event => !pipeline.handed.has(event.messageId));
      if (granted()) safely(() => (kept.length ? localStorage.setItem(ownKey, JSON.stringify(kept)) : localStorage.removeItem(ownKey)));
    },
  };
  let sender: Promise<ReturnType<typeof Sending.startSending>> | undefined;
  // A failed download is not kept here: the next event, or the online event, asks again.
  const sending = () =>
    (sender ??= import('./delivery-send.js').then(
      module => module.startSending(pipeline),
      error => {
        sender = undefined;
        throw error;
      },
    ));
  const send = (use: (sender: ReturnType<typeof Sending.startSending>) => void) => void sending().then(use, () => undefined);

  const enqueue = (events: AnalyticsEvent[]) => {
    const { queue } = pipeline;
    queue.push(...events);
    const overflow = queue.splice(0, queue.length - MAX_QUEUE).length;
    pipeline.dropped += overflow;
    stats.dropped += overflow;
    pipeline.persist();
  };

  /** Consent is granted: the event gets the anonymous id and reaches the dataLayer. */
  const release = (event: AnalyticsEvent) => {
    event.context.anonymousId ??= anonymousId;
    if ($config.get().dataLayer) ((window as { dataLayer?: unknown[] }).dataLayer ??= []).push({ event: `vitrine.${event.name}`, vitrine: event });
  };

  /** The taxonomy check (event-check.ts), fetched as the engine starts; events tracked meanwhile wait here, in order. */
  let check: typeof Check.clean | undefined;
  let unchecked: AnalyticsEvent[] = [];
  const accept = (tracked: AnalyticsEvent) => {
    let event = check!(tracked);
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
    if (granted()) send(sender => sender.queued());
  };
  let checking: Promise<void> | undefined;
  // A failed download is tried again with the next event.
  const loadCheck = () =>
    (checking ??= import('./event-check.js').then(
      module => {
        check = module.clean;
        unchecked.splice(0).forEach(accept);
      },
      () => void (checking = undefined),
    ));
  void loadCheck();
  const receive = (tracked: AnalyticsEvent) => {
    if (check) return accept(tracked);
    unchecked.push(tracked);
    void loadCheck();
  };
  addSink(tracked => $consent.get() === 'denied' || receive(tracked));
  addEventListener('online', () => {
    if (!check) void loadCheck();
    if (granted() && pipeline.queue.length) send(sender => sender.online());
  });
  // Closed before the check arrived (after consent): kept for the next page, which checks them, rather than lost.
  addEventListener('pagehide', () => {
    if (unchecked.length && granted()) safely(() => localStorage.setItem(UNCHECKED_KEY, JSON.stringify([...load(UNCHECKED_KEY), ...unchecked])));
  });

  $consent.subscribe(state => {
    if (state === 'denied') {
      clearTimeout(pipeline.timer);
      pipeline.timer = undefined;
      pipeline.queue = [];
      unchecked = [];
      pipeline.dropped = 0;
      safely(() => [...queueKeys(), ANONYMOUS_ID_KEY, UNCHECKED_KEY].forEach(key => localStorage.removeItem(key)));
    } else if (state === 'granted') {
      anonymousId = safely(() => localStorage.getItem(ANONYMOUS_ID_KEY)) || anonymousId;
      safely(() => localStorage.setItem(ANONYMOUS_ID_KEY, anonymousId));
      const waiting = pipeline.queue;
      waiting.forEach(release);
      pipeline.queue = [];
      // Other pages' queues are adopted: stored under this page's key first, then their keys are removed. A tab
      // still open keeps its events in memory and stores them again, so an event can go out twice, never zero times.
      const others = queueKeys().filter(key => key !== ownKey);
      enqueue([...new Map([...others.flatMap(load), ...waiting].map(event => [event.messageId, event])).values()]);
      safely(() => others.forEach(key => localStorage.removeItem(key)));
      // Fetched now, with or without events: a shopper who goes offline later still has it (a browser keeps a failed
      // module download failed for the page's lifetime).
      send(sender => sender.schedule(0));
      const left = load(UNCHECKED_KEY);
      safely(() => localStorage.removeItem(UNCHECKED_KEY));
      left.forEach(receive);
    }
  });

  return () => sending().then(send => send.flush());
}
