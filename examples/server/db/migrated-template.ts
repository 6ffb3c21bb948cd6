import { createHash } from 'node:crypto';
import { access, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openDatabase } from './db.js';
import { migrate } from './migrate.js';

const migrationsDir = new URL('./migrations/', import.meta.url);

/** Names the template by what it holds: this PGlite build and these migrations, so a change to either makes a new one. */
async function templateKey(): Promise<string> {
  const hash = createHash('sha256');
  const pglite = dirname(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')));
  hash.update(await readFile(join(pglite, 'package.json')));
  for (const file of (await readdir(migrationsDir)).sort()) hash.update(file).update(await readFile(new URL(file, migrationsDir)));
  return hash.digest('hex').slice(0, 16);
}

let file: Promise<string> | undefined;
let template: Promise<Blob> | undefined;

/**
 * An empty, migrated PGlite database's files as a tar, for test servers to start from: PGlite's initdb is most
 * of the time a test server takes to start, and loading a data directory is a fraction of it (README, Tests).
 * Made once per machine and kept in the temporary folder, since each test file is its own process.
 */
export function migratedTemplateFile(): Promise<string> {
  return (file ??= (async () => {
    const path = join(tmpdir(), `vitrine-pglite-template-${await templateKey()}.tar`);
    if (await access(path).then(() => true, () => false)) return path;
    const db = await openDatabase({ dataDir: 'memory://' });
    await migrate(db);
    const files = await db.dumpFiles!();
    await db.close();
    // Written aside, then renamed: a process reading the path never sees half a file.
    const partial = `${path}.${process.pid}`;
    await writeFile(partial, Buffer.from(await files.arrayBuffer()));
    await rename(partial, path);
    return path;
  })());
}

/** The template's files, read once per process. */
export function migratedTemplate(): Promise<Blob> {
  return (template ??= migratedTemplateFile().then(async path => new Blob([await readFile(path)])));
}
