import { EVENT_PROPERTIES } from './events.generated.js';
import type { AnalyticsEvent, EventName, EventProperties } from './track.js';
import { warnOnce } from './warn.js';

// Its own chunk, fetched as the engine starts: every page runs the engine, and the taxonomy is a third of it.

/**
 * Checks an event against its own entry in the taxonomy: an unknown event, or
 * one missing a required property, is not sent; a property this event does not
 * have, or that is not a primitive, is left out. One warning each.
 */
export function clean(event: AnalyticsEvent): AnalyticsEvent | undefined {
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
