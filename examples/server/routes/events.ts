import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { requireAdmin } from '../lib/admin.js';
import { type EventRow, EventWriter, type RowOutcome } from '../lib/event-writer.js';
import { PLAIN_UUID } from '../lib/uuid.js';

/** The event taxonomy, shared with the client and the docs: schemas/events.schema.json. */
export const eventTaxonomy = JSON.parse(readFileSync(new URL('../../../schemas/events.schema.json', import.meta.url), 'utf8')) as {
  $id: string;
  properties: { name: { enum: string[] } };
};
export const EVENT_NAMES = eventTaxonomy.properties.name.enum;

/** What a client may send in one request: the client keeps its batches under this too. */
export const COLLECTOR_BODY_LIMIT = 64 * 1024;
const MAX_BATCH = 500;
/** Clocks drift, queues wait offline for days; a timestamp further ahead than this is a bug or a forgery. */
const MAX_CLOCK_AHEAD_MS = 24 * 3600 * 1000;

// ajv-formats is CommonJS: under NodeNext its default export is the module object.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
// allErrors off: the first error is enough for a reason, and it bounds the work per event.
const ajv = new Ajv({ strict: true, strictTypes: false, allErrors: false, coerceTypes: false, useDefaults: false });
(addFormats as unknown as (a: Ajv, formats: string[]) => void)(ajv, ['date-time', 'uri']);
ajv.addFormat('uuid', PLAIN_UUID);
const validateEvent = ajv.compile<EventRow>(eventTaxonomy);

function reasonOf(error: ErrorObject | undefined): string {
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

const idOf = (event: unknown): string => {
  const id = (event as { messageId?: unknown } | null)?.messageId;
  return typeof id === 'string' ? id.slice(0, 100) : '';
};

const eventSchema = {
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

/**
 * The analytics collector: `POST /v1/events` (JSON or text/plain, for beacons
 * sent without a CORS preflight), the per-day summary for the dashboard, and
 * an admin listing. Each event is validated on its own against the taxonomy;
 * storage is deduplicated on messageId by the primary key.
 */
export async function eventRoutes(app: FastifyInstance): Promise<void> {
  const writer = new EventWriter(app.db, {
    // A PostgreSQL server commits one group while the next is sent (measured: 2 writers 0.39-0.40 of the baseline,
    // 1 writer 0.36-0.37); PGlite runs one statement at a time whatever is in flight.
    concurrency: app.db.kind === 'postgres' ? 2 : 1,
    // Under 40 rows waiting, up to 2 more event-loop turns for the requests already sent to join:
    // groups of about 35 instead of 27 rows, +10 % events/s, p99 unchanged (measured at 50 connections).
    gatherRows: 40,
    gatherTurns: 2,
  });
  app.addHook('onClose', () => writer.flushed());
  app.addSchema(eventSchema);

  // Scoped to this plugin: beacons and keepalive fetches send the JSON batch as text/plain,
  // a CORS-safelisted type, so no preflight has to complete while the page unloads.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));

  app.post(
    '/v1/events',
    {
      bodyLimit: COLLECTOR_BODY_LIMIT,
      config: {
        rateLimit: {
          max: app.serverConfig.eventsRateLimit,
          timeWindow: 60_000,
          // No x-ratelimit-* headers on accepted batches: pages on other origins cannot read them (CORS exposes
          // only etag and retry-after) and the client does not need them; every beacon saved their bytes and work.
          // A 429 still carries Retry-After.
          addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
        },
      },
      schema: {
        summary: 'Collect a batch of analytics events',
        description:
          'Accepts `application/json` or `text/plain` (a JSON body, for `navigator.sendBeacon`) up to 64 KB. ' +
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
          413: { $ref: 'Error#' },
          415: { $ref: 'Error#' },
          429: { $ref: 'Error#' },
          503: { $ref: 'Error#' },
        },
      },
    },
    async (request, reply) => {
      const { batch, dropped } = request.body as { batch: unknown[]; dropped?: number };
      if (dropped) request.log.warn({ dropped }, 'a client dropped events from its full queue');
      const rejected: Array<{ messageId: string; reason: string }> = [];
      const valid: EventRow[] = [];
      const latest = Date.now() + MAX_CLOCK_AHEAD_MS;
      for (const event of batch) {
        if (!validateEvent(event)) rejected.push({ messageId: idOf(event), reason: reasonOf(validateEvent.errors?.[0]) });
        else if (Date.parse(event.timestamp) > latest) rejected.push({ messageId: event.messageId, reason: '/timestamp is in the future' });
        else valid.push(event);
      }
      let outcomes: RowOutcome[];
      try {
        outcomes = await writer.write(valid);
      } catch (error) {
        request.log.error({ err: error }, 'events not stored');
        // Nothing was committed for these rows: the client keeps them and retries.
        reply.header('retry-after', '5');
        return reply.status(503).send({ error: { code: 'storage_unavailable', message: 'Events could not be stored; retry later' } });
      }
      const accepted: string[] = [];
      const duplicates: string[] = [];
      valid.forEach(({ messageId }, i) => {
        const outcome = outcomes[i];
        if (outcome === 'stored') accepted.push(messageId);
        else if (outcome === 'duplicate') duplicates.push(messageId);
        else rejected.push({ messageId, reason: `the database cannot store this event: ${outcome.refused}`.slice(0, 300) });
      });
      return { accepted, duplicates, rejected };
    },
  );

  app.get(
    '/v1/events/summary',
    {
      schema: {
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
      },
    },
    async request => {
      const { days } = request.query as { days: number };
      const { rows } = await app.db.query<{ day: string; name: string; count: number }>(
        `SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, name, count(*)::int AS count
         FROM events WHERE occurred_at >= now() - make_interval(days => $1::int)
         GROUP BY 1, 2 ORDER BY 1 DESC, 3 DESC, 2`,
        [days],
      );
      return { rows };
    },
  );

  app.get(
    '/v1/events',
    {
      schema: {
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
        },
      },
    },
    async request => {
      requireAdmin(request, app.serverConfig.adminToken);
      const { name, limit } = request.query as { name?: string; limit: number };
      const { rows } = await app.db.query<{
        message_id: string;
        name: string;
        properties: Record<string, unknown>;
        context: Record<string, unknown>;
        occurred_at: Date;
        received_at: Date;
      }>(
        `SELECT message_id, name, properties, context, occurred_at, received_at FROM events
         WHERE $1::text IS NULL OR name = $1 ORDER BY received_at DESC, message_id LIMIT $2`,
        [name ?? null, limit],
      );
      return {
        events: rows.map(row => ({
          messageId: row.message_id,
          name: row.name,
          properties: row.properties,
          context: row.context,
          timestamp: new Date(row.occurred_at).toISOString(),
          receivedAt: new Date(row.received_at).toISOString(),
        })),
      };
    },
  );
}
