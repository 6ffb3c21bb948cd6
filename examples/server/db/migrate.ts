import { readdir, readFile } from 'node:fs/promises';
import type { Database, Queryable } from './db.js';
import { MIGRATION_LOCK_ID } from '../limits.js';

const migrationsDir = new URL('./migrations/', import.meta.url);

/**
 * Applies `migrations/NNN_name.sql` files not yet recorded, in order, each in
 * its own transaction. An advisory lock keeps two servers starting at once on
 * one PostgreSQL from racing.
 */
const migrationFiles = async () => (await readdir(migrationsDir)).filter(file => /^\d{3}_[a-z0-9_]+\.sql$/.test(file)).sort();

export async function migrate(db: Database): Promise<string[]> {
  const files = await migrationFiles();
  await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  const applied: string[] = [];
  for (const file of files) {
    const version = file.replace(/\.sql$/, '');
    const sql = await readFile(new URL(file, migrationsDir), 'utf8');
    await db.transaction(async tx => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_ID]);
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [version]);
      if (done.rowCount > 0) return;
      for (const statement of splitStatements(sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
      applied.push(version);
    });
  }
  return applied;
}

let shipped: Promise<string[]> | undefined;

/** The migrations this code ships that the database has not recorded (`/readyz`: a rolling deploy's new code waits for them). */
export async function pendingMigrations(db: Queryable): Promise<string[]> {
  const versions = await (shipped ??= migrationFiles().then(files => files.map(file => file.replace(/\.sql$/, ''))));
  const { rows } = await db.query<{ version: string }>('SELECT version FROM schema_migrations WHERE version = ANY($1::text[])', [versions]);
  const applied = new Set(rows.map(row => row.version));
  return versions.filter(version => !applied.has(version));
}

/** Splits a migration on `;` at line ends; migrations keep one statement per `;`-terminated block (no function bodies). */
function splitStatements(sql: string): string[] {
  return sql
    .replace(/^\s*--.*$/gm, '')
    .split(/;\s*$/m)
    .map(statement => statement.trim())
    .filter(Boolean);
}
