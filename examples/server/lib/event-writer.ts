import type { Database } from '../db.js';

export interface EventRow {
  messageId: string;
  name: string;
  properties: Record<string, unknown>;
  context: Record<string, unknown>;
  timestamp: string;
}

interface PendingRow {
  row: EventRow;
  /** true: stored by this write; false: the messageId was already stored (a duplicate). */
  settle(stored: boolean): void;
  fail(error: unknown): void;
}

/**
 * Group commit for the collector. Requests hand their events to `write()`,
 * which resolves only once they are committed. Rows arriving in the same tick,
 * or while an INSERT is running, go out together in the next multi-row INSERT,
 * so under load one commit carries many requests' events and durability does
 * not cost a round trip per event.
 */
export class EventWriter {
  private buffer: PendingRow[] = [];
  private running = false;
  private idle: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Pick<Database, 'queryPrepared'>,
    /** Rows per INSERT at most; PostgreSQL takes arrays of any length, this bounds one statement's work. */
    private readonly maxRows = 2000,
  ) {}

  /** Stores the rows; resolves per row to true (stored) or false (duplicate messageId) once durable. */
  write(rows: EventRow[]): Promise<boolean[]> {
    const settled = Promise.all(
      rows.map(row => new Promise<boolean>((settle, fail) => this.buffer.push({ row, settle, fail }))),
    );
    if (!this.running) {
      this.running = true;
      // setImmediate: let the other requests parsed in this tick join the first INSERT.
      this.idle = new Promise(resolve => setImmediate(() => this.drain().finally(resolve)));
    }
    return settled;
  }

  /** Resolves when every buffered row is written (for shutdown). */
  flushed(): Promise<void> {
    return this.idle;
  }

  private async drain(): Promise<void> {
    while (this.buffer.length > 0) {
      const group = this.buffer.splice(0, this.maxRows);
      await this.insert(group).catch(error => group.forEach(pending => pending.fail(error)));
    }
    this.running = false;
  }

  private async insert(group: PendingRow[]): Promise<void> {
    // One row per messageId in a statement: the first copy is the one stored, later copies are duplicates
    // (settled only once the first is durable, so a failed INSERT fails them all and they are retried).
    const first = new Map<string, PendingRow>();
    const copies: PendingRow[] = [];
    for (const pending of group) {
      const id = pending.row.messageId.toLowerCase();
      if (first.has(id)) copies.push(pending);
      else first.set(id, pending);
    }
    // One parameter for the whole group: the validated events as JSON, unpacked by the database.
    const inserted = await this.db.queryPrepared(
      'events_insert',
      `INSERT INTO events (message_id, name, properties, context, occurred_at)
       SELECT "messageId", name, properties, context, "timestamp"
       FROM jsonb_to_recordset($1::jsonb) AS batch("messageId" uuid, name text, properties jsonb, context jsonb, "timestamp" timestamptz)
       ON CONFLICT (message_id) DO NOTHING
       RETURNING message_id`,
      [JSON.stringify([...first.values()].map(pending => pending.row))],
    );
    const stored = new Set(inserted.map(([id]) => id));
    for (const [id, pending] of first) pending.settle(stored.has(id));
    copies.forEach(pending => pending.settle(false));
  }
}
