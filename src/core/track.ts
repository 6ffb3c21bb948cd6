import { atom } from 'nanostores';
import type { Locale } from './config.js';
import { $config, matchLocale } from './config.js';
import { $localeOverride } from './locale.js';
import type { EventPropertiesByName } from './events.generated.js';
import { scrubUrl } from './url.js';
import { VERSION } from './version.js';

export type * from './events.generated.js';

/** The event taxonomy's names (see `schemas/events.schema.json`). */
export type EventName = keyof EventPropertiesByName;

/** Any event's properties, as they travel: the types of each event's own are in `EventPropertiesByName`. */
export type EventProperties = Record<string, string | number | boolean | null | undefined>;

export interface EventContext {
  page: { url: string; referrer: string };
  locale?: Locale;
  widget?: string;
  library: { name: 'vitrine'; version: string };
  /** Random; set by the pipeline once consent is known (kept in memory, or in localStorage after consent). */
  anonymousId?: string;
  /** The signed-in customer's id (`$userId`, from the session); never an e-mail or a name. */
  userId?: string;
}

export interface AnalyticsEvent {
  messageId: string;
  name: EventName;
  properties: EventProperties;
  timestamp: string;
  context: EventContext;
}

/** The signed-in customer's id, which events carry as `userId`: set by the session feature (the engine knows no sign-in). */
export const $userId = atom<string | undefined>(undefined);

type Sink = (event: AnalyticsEvent) => void;
const sinks = new Set<Sink>();
/** The shared context of every event, as the page stands when it is tracked (locale: the page's, not the widget's). */
function context(widget?: string): EventContext {
  // Optional chaining: the npm build may run where there is no page (server-side rendering, Node tests), and track() must not throw there.
  const page = globalThis.document;
  return {
    page: { url: scrubUrl(globalThis.location?.href), referrer: scrubUrl(page?.referrer) },
    // A language a merchant added (setMessages) is outside the taxonomy's: the configured default stands in for it.
    locale: matchLocale($localeOverride.get() ?? page?.documentElement?.lang ?? '') ?? $config.get().locale,
    widget,
    library: { name: 'vitrine', version: VERSION },
    userId: $userId.get(),
  };
}

/** Called by the pipeline to receive every tracked event. */
export function addSink(sink: Sink): () => void {
  sinks.add(sink);
  return () => sinks.delete(sink);
}

/** v4 UUID; `crypto.randomUUID` needs a secure context, so fall back to getRandomValues on http pages. */
export const uuid = (): string =>
  crypto.randomUUID?.() ??
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, c => (+c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (+c / 4)))).toString(16));

/**
 * Records one analytics event. Widgets call this beside dispatching their DOM
 * event; the pipeline decides when (after consent) and how it is delivered.
 * Typed per event from the schema: a property the event does not have, or a
 * missing required one, does not compile.
 */
export function track<Name extends EventName>(name: Name, properties: EventPropertiesByName[Name], widget?: string): AnalyticsEvent {
  const event: AnalyticsEvent = {
    messageId: uuid(),
    name,
    properties: properties as EventProperties,
    timestamp: new Date().toISOString(),
    context: context(widget),
  };
  sinks.forEach(sink => sink(event));
  return event;
}
