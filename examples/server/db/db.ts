import { mkdir } from 'node:fs/promises';
import { PGlite, protocol } from '@electric-sql/pglite';
import pg from 'pg';
import { type Channels, inProcessChannels, postgresChannels } from './channels.js';

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
   * (per connection), then only bound and executed. Parameters must be declared `text` in the SQL
   * (`$1::text`); each row comes back as the text output of its columns, in order. Outside any
   * transaction: it commits before resolving.
   */
  queryPrepared(name: string, sql: string, params: string[]): Promise<Array<Array<string | null>>>;
  /** PGlite only: its files as one uncompressed tar, which `DatabaseOptions.template` starts another database from. */
  dumpFiles?(): Promise<Blob>;
  /** Messages to every instance on this database (live wishlist updates): LISTEN/NOTIFY on PostgreSQL. */
  readonly channels: Channels;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  /** PGlite data folder, or `memory://`. */
  dataDir?: string;
  /** PostgreSQL only: a schema to create and use, so test files do not see each other's rows. */
  schema?: string;
  /** PGlite only: start from these files (a `dumpFiles()` tar) instead of an empty database. */
  template?: Blob;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.schema) : openPglite(options.dataDir ?? 'memory://', options.template);
}

async function openPglite(dataDir: string, template?: Blob): Promise<Database> {
  if (dataDir !== 'memory://') await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir: dataDir === 'memory://' ? undefined : dataDir, loadDataDir: template });
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
    dumpFiles: () => db.dumpDataDir('none'),
    // PGlite's files belong to one process, so every listener is in this one: no database round trip.
    channels: inProcessChannels(),
    close: () => db.close(),
  };
}

/**
 * PGlite's query() sends Parse, Describe, Bind, Describe, Execute and Sync as six calls into the database,
 * and Parse replans the statement each time: about 0.2–0.4 ms a statement before any row is written.
 * Here the statement is parsed once under its name, then each run is one Bind + Execute + Sync message,
 * built with PGlite's own protocol serializer.
 *
 * Parameters go as UTF-8 bytes in the binary format, which for `text` is the same bytes as the text format:
 * the serializer copies bytes at memory speed, where for a string it measures the UTF-8 length character by
 * character, twice (measured: 59 against 33 µs for a 15 KB group).
 */
function pglitePrepared(db: PGlite): Database['queryPrepared'] {
  const prepared = new Map<string, string>();
  const { serialize } = protocol;
  const utf8 = new TextEncoder();
  return (name, sql, params) =>
    // Both of PGlite's locks, as its own query() takes them: nothing else runs between these messages,
    // and the statement never lands inside a transaction another caller has open (runExclusive alone
    // takes only the query lock).
    db._runExclusiveTransaction(() =>
      db.runExclusive(async () => {
        const known = prepared.get(name);
        if (known !== sql) {
          if (known !== undefined) throw new Error(`prepared statement ${name} already holds another statement`);
          await db.execProtocol(concat(serialize.parse({ name, text: sql }), serialize.sync()));
          prepared.set(name, sql);
        }
        // execProtocol throws the database error, if any, after the Sync has ended the implicit transaction;
        // it resolves once PGlite has synced its files, as query() does.
        const { messages } = await db.execProtocol(concat(serialize.bind({ statement: name, values: params.map(param => utf8.encode(param)) }), serialize.execute(), serialize.sync()));
        return messages.filter(message => message instanceof protocol.messages.DataRowMessage).map(row => row.fields);
      }),
    );
}

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const message = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let at = 0;
  for (const part of parts) {
    message.set(part, at);
    at += part.length;
  }
  return message;
};

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
  const channels = postgresChannels(connectionString, schema ?? 'public', (sql, params) => pool.query(sql, params));
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
    channels,
    async close() {
      await channels.close();
      await pool.end();
    },
  };
}
