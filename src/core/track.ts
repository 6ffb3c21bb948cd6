import type { Locale } from './config.js';

/** The event taxonomy's names (see `src/core/events.schema.json`). */
export type EventName =
  | 'share'
  | 'share_copy_link'
  | 'share_visit'
  | 'feed_view'
  | 'feed_post_open'
  | 'hotspot_open'
  | 'product_click'
  | 'wishlist_add'
  | 'wishlist_remove'
  | 'wishlist_share'
  | 'wishlist_vote'
  | 'login_start'
  | 'login_success'
  | 'login_error'
  | 'web_vitals';

export type EventProperties = Record<string, string | number | boolean | null | undefined>;

export interface EventContext {
  page: { url: string; referrer: string };
  locale?: Locale;
  widget?: string;
  library: { name: 'vitrine'; version: string };
  anonymousId?: string;
  userId?: string;
}

export interface AnalyticsEvent {
  messageId: string;
  name: EventName;
  properties: EventProperties;
  timestamp: string;
  context: EventContext;
}

type Sink = (event: AnalyticsEvent) => void;
const sinks = new Set<Sink>();
let contextProvider: (widget?: string) => EventContext = widget => ({
  page: { url: globalThis.location?.href ?? '', referrer: globalThis.document?.referrer ?? '' },
  widget,
  library: { name: 'vitrine', version: '' },
});

/** Called by the pipeline to receive every tracked event. */
export function addSink(sink: Sink): () => void {
  sinks.add(sink);
  return () => sinks.delete(sink);
}

/** Called by the pipeline to build the shared context of every event. */
export function setContextProvider(provider: (widget?: string) => EventContext): void {
  contextProvider = provider;
}

/** v4 UUID; `crypto.randomUUID` needs a secure context, so fall back to getRandomValues on http pages. */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Records one analytics event. Widgets call this beside dispatching their DOM
 * event; the pipeline decides when (after consent) and how it is delivered.
 */
export function track(name: EventName, properties: EventProperties = {}, widget?: string): AnalyticsEvent {
  const event: AnalyticsEvent = {
    messageId: uuid(),
    name,
    properties,
    timestamp: new Date().toISOString(),
    context: contextProvider(widget),
  };
  sinks.forEach(sink => sink(event));
  return event;
}
