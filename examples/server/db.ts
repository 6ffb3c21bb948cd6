import { mkdir } from 'node:fs/promises';
import { PGlite, protocol } from '@electric-sql/pglite';
import pg from 'pg';

export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<R>>;
}

/**
 * The one database interface the routes use. PGlite (embedded PostgreSQL) and a
 * real PostgreSQL share a dialect, so the same SQL and migrations run on both.
 */
export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs several statements (a migration) in one call. */
  exec(sql: string): Promise<void>;
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * For a statement run over and over (the collector's INSERT): parsed and planned once under `name`
   * (per connection), then only bound and executed. Parameters go as text; each row comes back as the
   * text output of its columns, in order. Outside any transaction: it commits before resolving.
   */
  queryPrepared(name: string, sql: string, params: string[]): Promise<Array<Array<string | null>>>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  /** PGlite data folder, or `memory://`. */
  dataDir?: string;
  /** PostgreSQL only: a schema to create and use, so test files do not see each other's rows. */
  schema?: string;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.schema) : openPglite(options.dataDir ?? 'memory://');
}

async function openPglite(dataDir: string): Promise<Database> {
  if (dataDir !== 'memory://') await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir === 'memory://' ? undefined : dataDir);
  const wrap = (q: Pick<PGlite, 'query'>): Queryable => ({
    async query<R>(sql: string, params?: unknown[]) {
      const result = await q.query<R>(sql, params);
      // PGlite reports affectedRows 0 for SELECT: count returned rows when the statement returns any.
      return { rows: result.rows, rowCount: result.fields.length > 0 ? result.rows.length : (result.affectedRows ?? 0) };
    },
  });
  return {
    kind: 'pglite',
    ...wrap(db),
    async exec(sql) {
      await db.exec(sql);
    },
    transaction: work => db.transaction(tx => work(wrap(tx))),
    queryPrepared: pglitePrepared(db),
    close: () => db.close(),
  };
}

/**
 * PGlite's query() sends Parse, Describe, Bind, Describe, Execute and Sync as six calls into the database,
 * and Parse replans the statement each time: about 0.2–0.4 ms a statement before any row is written.
 * Here the statement is parsed once under its name, then each run is one Bind + Execute + Sync message.
 */
function pglitePrepared(db: PGlite): Database['queryPrepared'] {
  const prepared = new Map<string, string>();
  const encoder = new TextEncoder();
  let buffer = new Uint8Array(64 * 1024);
  // Bind (unnamed portal, all parameters and results as text), Execute (all rows), Sync: one message for one call.
  const bindExecuteSync = (name: string, params: string[]): Uint8Array => {
    // UTF-8 is at most 3 bytes per UTF-16 code unit.
    const bound = 64 + 3 * name.length + params.reduce((sum, param) => sum + 4 + 3 * param.length, 0);
    if (buffer.length < bound) buffer = new Uint8Array(Math.max(bound, 2 * buffer.length));
    const view = new DataView(buffer.buffer);
    let at = 0;
    buffer[at++] = 0x42; // 'B'
    at += 4; // length, set below
    buffer[at++] = 0; // unnamed portal
    at += encoder.encodeInto(name, buffer.subarray(at)).written;
    buffer[at++] = 0;
    view.setInt16(at, 0); // no parameter format codes: all text
    view.setInt16(at + 2, params.length);
    at += 4;
    for (const param of params) {
      const { written } = encoder.encodeInto(param, buffer.subarray(at + 4));
      view.setInt32(at, written);
      at += 4 + written;
    }
    view.setInt16(at, 0); // no result format codes: all text
    at += 2;
    view.setInt32(1, at - 1);
    buffer[at++] = 0x45; // 'E': unnamed portal, no row limit
    view.setInt32(at, 9);
    buffer[at + 4] = 0;
    view.setInt32(at + 5, 0);
    at += 9;
    buffer[at++] = 0x53; // 'S'
    view.setInt32(at, 4);
    at += 4;
    return buffer.slice(0, at);
  };
  return (name, sql, params) =>
    // Both of PGlite's locks, as its own query() takes them: nothing else runs between these messages,
    // and the statement never lands inside a transaction another caller has open.
    db._runExclusiveTransaction(() =>
      db.runExclusive(async () => {
        const known = prepared.get(name);
        if (known !== sql) {
          if (known !== undefined) throw new Error(`prepared statement ${name} already holds another statement`);
          await db.execProtocol(new Uint8Array([...protocol.serialize.parse({ name, text: sql }), ...protocol.serialize.sync()]));
          prepared.set(name, sql);
        }
        // execProtocol throws the database error, if any, after the Sync has ended the implicit transaction;
        // it resolves once PGlite has synced its files, as query() does.
        const { messages } = await db.execProtocol(bindExecuteSync(name, params));
        return messages.filter(message => message instanceof protocol.messages.DataRowMessage).map(row => row.fields);
      }),
    );
}

/** Every column as PostgreSQL's text output, as PGlite's queryPrepared returns it. */
const rawText = { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig;

async function openPostgres(connectionString: string, schema?: string): Promise<Database> {
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  if (schema) {
    const admin = new pg.Client({ connectionString });
    await admin.connect();
    await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await admin.end();
  }
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<R>(sql: string, params?: unknown[]) {
      const result = await q.query(sql, params);
      return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
    },
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async queryPrepared(name, text, params) {
      // node-postgres prepares a named statement once per connection of the pool.
      const result = await pool.query<Array<string | null>>({ name, text, values: params, rowMode: 'array', types: rawText });
      return result.rows;
    },
    close: () => pool.end(),
  };
}
