import type { RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { BODY_LIMITS } from '../../limits.js';
import { requireAdmin } from '../../plugins/admin.js';
import { perWindow } from '../../plugins/rate-limit.js';
import { unsafeTextAt } from '../../plugins/text-safety.js';
import { typed } from '../../plugins/type-provider.js';
import { type EventRow, EventWriter, latestEvents, summarizeEvents } from './repository.js';
import { MAX_CLOCK_AHEAD_MS, collectSchema, idOf, latestSchema, reasonOf, storedEventSchema, summarySchema, validateEvent } from './schemas.js';
import { senderCheck } from './sender.js';

type Rejection = { messageId: string; reason: string };

/** An event of a batch: valid and storable, or rejected with why (each event on its own, never the batch for one). */
function judge(event: unknown, latest: number): EventRow | Rejection {
  const unsafe = unsafeTextAt(event);
  if (unsafe) return { messageId: idOf(event), reason: `${unsafe} holds a character this API does not accept (U+0000, a control character or a lone surrogate)` };
  if (!validateEvent(event)) return { messageId: idOf(event), reason: reasonOf(validateEvent.errors?.[0]) };
  if (Date.parse(event.timestamp) > latest) return { messageId: event.messageId, reason: '/timestamp is in the future' };
  return event;
}

/**
 * The analytics collector: `POST /v1/events` (JSON or text/plain, for beacons
 * sent without a CORS preflight), the per-day summary for the dashboard, and
 * an admin listing. Each event is validated on its own against the taxonomy;
 * storage is deduplicated on messageId by the primary key.
 */
export async function eventRoutes(root: FastifyInstance): Promise<void> {
  const app = typed<[typeof storedEventSchema]>(root);
  const writer = new EventWriter(app.db, {
    // A PostgreSQL server commits one group while the next is sent (measured: 2 writers 0.39-0.40 of the baseline,
    // 1 writer 0.36-0.37); PGlite runs one statement at a time whatever is in flight.
    concurrency: app.db.kind === 'postgres' ? 2 : 1,
    // Under 40 rows waiting, up to 2 more event-loop turns for the requests already sent to join:
    // groups of about 35 instead of 27 rows, +10 % events/s, p99 unchanged (measured at 50 connections).
    gather: 40,
    gatherTurns: 2,
  });
  app.addHook('onClose', () => writer.flushed());
  app.addSchema(storedEventSchema);

  const { allowedOrigins, publicUrl, collectorKey, eventsRateLimit, adminRateLimit, adminToken } = app.serverConfig;
  const checkSender = senderCheck(new Set([...allowedOrigins, new URL(publicUrl).origin]), collectorKey);

  // Scoped to this plugin: beacons and keepalive fetches send the JSON batch as text/plain,
  // a CORS-safelisted type, so no preflight has to complete while the page unloads.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));

  app.post(
    '/v1/events',
    {
      bodyLimit: BODY_LIMITS.collector,
      onRequest: async request => checkSender(request.headers.origin, request.headers.authorization),
      config: {
        // Each event is accepted or rejected on its own: a bad string refuses that event, not the batch.
        checksOwnBodyText: true,
        // Per-route header options are honoured by @fastify/rate-limit, though only its plugin options type lists them.
        rateLimit: {
          ...perWindow(eventsRateLimit).rateLimit,
          // No x-ratelimit-* headers on accepted batches: pages on other origins cannot read them (CORS exposes
          // only etag and retry-after) and the client does not need them; every beacon saved their bytes and work.
          // A 429 still carries Retry-After.
          addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
        } as RateLimitOptions,
      },
      schema: collectSchema,
    },
    async (request, reply) => {
      const { batch, dropped } = request.body;
      if (dropped) request.log.warn({ dropped }, 'a client dropped events from its full queue');
      const rejected: Rejection[] = [];
      const valid: EventRow[] = [];
      const latest = Date.now() + MAX_CLOCK_AHEAD_MS;
      for (const event of batch) {
        const judged = judge(event, latest);
        if ('reason' in judged) rejected.push(judged);
        else valid.push(judged);
      }
      let outcomes: Awaited<ReturnType<EventWriter['write']>>;
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

  app.get('/v1/events/summary', { schema: summarySchema }, async request => ({ rows: await summarizeEvents(app.db, request.query.days) }));

  app.get('/v1/events', { config: perWindow(adminRateLimit), schema: latestSchema }, async request => {
    requireAdmin(request, adminToken);
    return { events: await latestEvents(app.db, request.query.name, request.query.limit) };
  });
}
