import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { PLAIN_UUID } from '../../plugins/uuid.js';
import type { EventRow } from './repository.js';

/** The event taxonomy, shared with the client and the docs: schemas/events.schema.json, read by this file only. */
export const eventTaxonomy = JSON.parse(readFileSync(new URL('../../../../schemas/events.schema.json', import.meta.url), 'utf8')) as {
  $id: string;
  properties: { name: { enum: string[] } };
};
export const EVENT_NAMES = eventTaxonomy.properties.name.enum;

export const MAX_BATCH = 500;
/** Clocks drift, queues wait offline for days; a timestamp further ahead than this is a bug or a forgery. */
export const MAX_CLOCK_AHEAD_MS = 24 * 3600 * 1000;

// ajv-formats is CommonJS: under NodeNext its default export is the module object.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
// allErrors off: the first error is enough for a reason, and it bounds the work per event.
const ajv = new Ajv({ strict: true, strictTypes: false, allErrors: false, coerceTypes: false, useDefaults: false });
(addFormats as unknown as (a: Ajv, formats: string[]) => void)(ajv, ['date-time', 'uri']);
ajv.addFormat('uuid', PLAIN_UUID);
export const validateEvent = ajv.compile<EventRow>(eventTaxonomy);

export function reasonOf(error: ErrorObject | undefined): string {
  if (!error) return 'invalid event';
  const where = error.instancePath || 'event';
  const detail =
    'additionalProperty' in error.params
      ? `: ${String(error.params.additionalProperty)}`
      : 'allowedValues' in error.params
        ? `: ${(error.params.allowedValues as unknown[]).join(', ')}`
        : '';
  return `${where} ${error.message ?? 'is invalid'}${detail}`.slice(0, 300);
}

export const idOf = (event: unknown): string => {
  const id = (event as { messageId?: unknown } | null)?.messageId;
  return typeof id === 'string' ? id.slice(0, 100) : '';
};

export const storedEventSchema = {
  $id: 'StoredEvent',
  type: 'object',
  required: ['messageId', 'name', 'properties', 'context', 'timestamp', 'receivedAt'],
  additionalProperties: false,
  properties: {
    messageId: { type: 'string', format: 'uuid' },
    name: { type: 'string', enum: EVENT_NAMES },
    properties: { type: 'object', additionalProperties: true },
    context: { type: 'object', additionalProperties: true },
    timestamp: { type: 'string', format: 'date-time' },
    receivedAt: { type: 'string', format: 'date-time' },
  },
} as const;

export const collectSchema = {
  summary: 'Collect a batch of analytics events',
  description:
    'Accepts `application/json` or `text/plain` (a JSON body, for `navigator.sendBeacon`) up to 64 KB, ' +
    'from a storefront origin on the allowlist (`Origin`), or without an `Origin` with `Authorization: Bearer <COLLECTOR_KEY>` (server to server). ' +
    `Each event is validated against the taxonomy (${eventTaxonomy.$id}); valid ones are stored once per messageId. ` +
    'The answer lists what was stored, what was already stored (safe to forget) and what was rejected, with why (do not retry those).',
  tags: ['events'],
  consumes: ['application/json', 'text/plain'],
  body: {
    type: 'object',
    required: ['batch'],
    additionalProperties: false,
    properties: {
      batch: {
        type: 'array',
        minItems: 1,
        maxItems: MAX_BATCH,
        items: { type: 'object', description: 'An event: messageId, name, properties, timestamp, context (see the taxonomy).' },
      },
      dropped: { type: 'integer', minimum: 0, description: 'Events the client dropped from a full queue since its last delivery.' },
    },
  },
  response: {
    200: {
      type: 'object',
      required: ['accepted', 'duplicates', 'rejected'],
      additionalProperties: false,
      properties: {
        accepted: { type: 'array', items: { type: 'string' } },
        duplicates: { type: 'array', items: { type: 'string' } },
        rejected: {
          type: 'array',
          items: {
            type: 'object',
            required: ['messageId', 'reason'],
            additionalProperties: false,
            properties: { messageId: { type: 'string' }, reason: { type: 'string' } },
          },
        },
      },
    },
    400: { $ref: 'Error#' },
    401: { $ref: 'Error#' },
    403: { $ref: 'Error#' },
    413: { $ref: 'Error#' },
    415: { $ref: 'Error#' },
    429: { $ref: 'Error#' },
    503: { $ref: 'Error#' },
  },
} as const;

export const summarySchema = {
  summary: 'Event counts per day (UTC, by when they happened) and name',
  tags: ['events'],
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: { days: { type: 'integer', minimum: 1, maximum: 366, default: 30, description: 'How many days back.' } },
  },
  response: {
    200: {
      type: 'object',
      required: ['rows'],
      additionalProperties: false,
      properties: {
        rows: {
          type: 'array',
          items: {
            type: 'object',
            required: ['day', 'name', 'count'],
            additionalProperties: false,
            properties: {
              day: { type: 'string', format: 'date' },
              name: { type: 'string' },
              count: { type: 'integer' },
            },
          },
        },
      },
    },
    400: { $ref: 'Error#' },
  },
} as const;

export const latestSchema = {
  summary: 'The latest stored events, newest first (admin)',
  tags: ['events'],
  headers: { type: 'object', properties: { authorization: { type: 'string', description: 'Bearer <admin token>' } } },
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      name: { type: 'string', enum: EVENT_NAMES },
      limit: { type: 'integer', minimum: 1, maximum: 1000, default: 50 },
    },
  },
  response: {
    200: { type: 'object', required: ['events'], additionalProperties: false, properties: { events: { type: 'array', items: { $ref: 'StoredEvent#' } } } },
    400: { $ref: 'Error#' },
    401: { $ref: 'Error#' },
    429: { $ref: 'Error#' },
  },
} as const;
