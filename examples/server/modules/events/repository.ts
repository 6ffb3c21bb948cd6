import type { Database, Queryable } from '../../db/db.js';
import { GroupCommit, type GroupCommitOptions, type Pending } from '../../db/group-commit.js';

export interface EventRow {
  messageId: string;
  name: string;
  properties: Record<string, unknown>;
  context: Record<string, unknown>;
  timestamp: string;
}

/** What became of one event: stored by this write, already stored (a duplicate), or refused by the database with why. */
export type RowOutcome = 'stored' | 'duplicate' | { refused: string };

interface PendingRow extends Pending<RowOutcome> {
  row: EventRow;
}

/**
 * SQLSTATE class 22, data exception: a value valid JSON and the taxonomy allow but the database cannot store
 * (a \u0000 in a string, a date outside its range). The event is refused; retrying it would fail again.
 */
const isDataException = (error: unknown): boolean => String((error as { code?: unknown } | null)?.code).startsWith('22');
/** SQLSTATE 23505: a messageId already stored (the primary key). */
const isUniqueViolation = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === '23505';

/** Inserts the rows of a group, sent as one JSON text parameter. */
const INSERT_GROUP = `INSERT INTO events (message_id, name, properties, context, occurred_at)
  SELECT "messageId", name, properties, context, "timestamp"
  FROM jsonb_to_recordset($1::text::jsonb) AS batch("messageId" uuid, name text, properties jsonb, context jsonb, "timestamp" timestamptz)`;
/** How many groups go straight to ON CONFLICT DO NOTHING after one held a duplicate. */
const DEDUP_GROUPS_AFTER_DUPLICATE = 10;

export interface EventWriterOptions extends GroupCommitOptions {
  /** Rows per INSERT at most; bounds one statement's work. */
  maxRows?: number;
}

/**
 * Group commit for the collector. Requests hand their events to `write()`,
 * which resolves only once they are committed. Rows arriving in the same tick,
 * or while an INSERT is running, go out together in the next multi-row INSERT,
 * so under load one commit carries many requests' events and durability does
 * not cost a round trip per event.
 */
export class EventWriter extends GroupCommit<PendingRow> {
  private dedupGroupsLeft = 0;
  private readonly maxRows: number;

  constructor(
    private readonly db: Pick<Database, 'queryPrepared'>,
    { maxRows = 2000, ...options }: EventWriterOptions = {},
  ) {
    super(options);
    this.maxRows = maxRows;
  }

  /** Stores the rows; resolves per row, once durable, to what became of it. Rejects when nothing could be stored (retry later). */
  write(rows: EventRow[]): Promise<RowOutcome[]> {
    const pending: PendingRow[] = [];
    const settled = Promise.all(rows.map(row => new Promise<RowOutcome>((settle, fail) => pending.push({ row, settle, fail }))));
    this.hand(...pending);
    return settled;
  }

  protected take(): PendingRow[] {
    return this.buffer.splice(0, this.maxRows);
  }

  protected async commit(group: PendingRow[]): Promise<void> {
    // One row per messageId in a statement: the first copy is the one stored, later copies are duplicates
    // (settled only once the first is durable, so a failed INSERT fails them all and they are retried).
    const first = new Map<string, PendingRow>();
    const copies: Array<[string, PendingRow]> = [];
    for (const pending of group) {
      const id = pending.row.messageId.toLowerCase();
      if (first.has(id)) copies.push([id, pending]);
      else first.set(id, pending);
    }
    const outcomes = new Map<string, RowOutcome>();
    await this.storeIsolatingRefusals([...first], outcomes);
    for (const [id, pending] of first) pending.settle(outcomes.get(id)!);
    for (const [id, pending] of copies) {
      const outcome = outcomes.get(id)!;
      pending.settle(outcome === 'stored' ? 'duplicate' : outcome);
    }
  }

  /**
   * Stores `rows`. One event the database refuses fails the whole statement: then each half is stored on its
   * own, down to that event alone, which is refused while the others are stored (a few statements for one bad
   * event in a group, not one per event). A bad event never blocks a client's queue with 503s.
   */
  private async storeIsolatingRefusals(rows: Array<[string, PendingRow]>, outcomes: Map<string, RowOutcome>): Promise<void> {
    try {
      await this.store(rows, outcomes);
    } catch (error) {
      if (!isDataException(error)) throw error;
      if (rows.length === 1) {
        outcomes.set(rows[0][0], { refused: (error as Error).message });
        return;
      }
      const half = Math.ceil(rows.length / 2);
      await this.storeIsolatingRefusals(rows.slice(0, half), outcomes);
      await this.storeIsolatingRefusals(rows.slice(half), outcomes);
    }
  }

  /**
   * Stores `rows` (by lower-case messageId) and records each row's outcome once it is committed.
   *
   * First as a plain INSERT: a messageId already stored fails it on the primary key (23505, nothing written).
   * Only then does the group go again with ON CONFLICT DO NOTHING RETURNING, which names the duplicates. The
   * primary key deduplicates either way; the plain INSERT skips the speculative insertion and the returned
   * ids that most groups, holding no duplicate, never need (measured: about 20 % less database time a row).
   * After a duplicate, the next groups go straight to the second form: a client resending a batch often
   * resends several.
   */
  private async store(rows: Array<[string, PendingRow]>, outcomes: Map<string, RowOutcome>): Promise<void> {
    // One parameter for the whole group: the validated events as JSON, unpacked by the database.
    const group = [JSON.stringify(rows.map(([, pending]) => pending.row))];
    if (this.dedupGroupsLeft === 0) {
      try {
        await this.db.queryPrepared('events_insert', INSERT_GROUP, group);
        for (const [id] of rows) outcomes.set(id, 'stored');
        return;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        this.dedupGroupsLeft = DEDUP_GROUPS_AFTER_DUPLICATE;
      }
    } else {
      this.dedupGroupsLeft--;
    }
    const inserted = await this.db.queryPrepared('events_insert_or_skip', `${INSERT_GROUP} ON CONFLICT (message_id) DO NOTHING RETURNING message_id`, group);
    const stored = new Set(inserted.map(([id]) => id));
    for (const [id] of rows) outcomes.set(id, stored.has(id) ? 'stored' : 'duplicate');
  }
}

export interface DaySummaryRow {
  day: string;
  name: string;
  count: number;
}

/** Events per day (UTC, by when they happened) and name, over the last `days` days. */
export async function summarizeEvents(db: Queryable, days: number): Promise<DaySummaryRow[]> {
  const { rows } = await db.query<DaySummaryRow>(
    `SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, name, count(*)::int AS count
     FROM events WHERE occurred_at >= now() - make_interval(days => $1::int)
     GROUP BY 1, 2 ORDER BY 1 DESC, 3 DESC, 2`,
    [days],
  );
  return rows;
}

/** The latest stored events, newest first, of one name or all. */
export async function latestEvents(db: Queryable, name: string | undefined, limit: number) {
  const { rows } = await db.query<{
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
  return rows.map(row => ({
    messageId: row.message_id,
    name: row.name,
    properties: row.properties,
    context: row.context,
    timestamp: new Date(row.occurred_at).toISOString(),
    receivedAt: new Date(row.received_at).toISOString(),
  }));
}
