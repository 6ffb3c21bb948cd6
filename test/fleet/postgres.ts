// A throwaway PostgreSQL for the fleet, started the way .ci/run starts one: initdb in a temporary folder, a free
// port on 127.0.0.1, trust authentication, no Docker. As root, PostgreSQL refuses to run: it runs as `postgres`.
import { execFileSync } from 'node:child_process';
import { chownSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../e2e/harness.js';

export interface Postgres {
  url: string;
  stop(): Promise<void>;
}

/** The newest Debian PostgreSQL's bin folder. */
function postgresBin(): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b));
  if (versions.length === 0) throw new Error('PostgreSQL is not installed (Debian: apt-get install postgresql)');
  return `/usr/lib/postgresql/${versions.at(-1)}/bin`;
}

export async function startPostgres(): Promise<Postgres> {
  const bin = postgresBin();
  const dir = await mkdtemp(join(tmpdir(), 'vitrine-pg-'));
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  const run = (command: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : command, asRoot ? ['-u', 'postgres', '--', command, ...args] : args, { stdio: ['ignore', 'ignore', 'pipe'] });
  run(`${bin}/initdb`, ['-D', `${dir}/data`, '-U', 'vitrine', '--auth=trust', '-E', 'UTF8']);
  run(`${bin}/pg_ctl`, ['-D', `${dir}/data`, '-o', `-h 127.0.0.1 -p ${port} -k ${dir}`, '-l', `${dir}/log`, '-w', 'start']);
  return {
    url: `postgres://vitrine@127.0.0.1:${port}/postgres`,
    async stop() {
      run(`${bin}/pg_ctl`, ['-D', `${dir}/data`, '-m', 'fast', 'stop']);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A new, empty database on the server at `serverUrl`, dropped by `drop()`: the fleet's rows are only its own. */
export async function createDatabase(serverUrl: string, name: string): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.href, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
