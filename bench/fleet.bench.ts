// The collector as a fleet: one instance, then two, of the `npm start` server on one PostgreSQL (DATABASE_URL, or
// one started here as `npm run fleet` does), each loaded by its own wrk, beside the bare node:http baseline of the
// same run. On 2 cores the load generators, both instances and PostgreSQL share the machine, so two instances do
// not double one: the figure that matters for docs/scale.md is what one PostgreSQL stores per second, and what a row costs.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startFleet } from '../test/fleet/fleet.js';
import { createDatabase, startPostgres } from '../test/fleet/postgres.js';
import { type LoadResult, UNIQUE_ID, printTable, runLoad, startBaseline } from './lib.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 50;
/** The load generator is a server-to-server sender (no Origin): it shows the collector key. */
const COLLECTOR_KEY = 'bench-collector-key';

const batchOf = (size: number) =>
  JSON.stringify({
    batch: Array.from({ length: size }, () => ({
      messageId: UNIQUE_ID,
      name: 'product_click',
      properties: { productId: 'robe-camille-lin', placement: 'product' },
      timestamp: new Date().toISOString(),
      context: { page: { url: 'http://127.0.0.1/produits/robe-camille-lin.html', referrer: '' }, locale: 'fr', library: { name: 'vitrine', version: '0.1.0' }, anonymousId: UNIQUE_ID },
    })),
  });

/** wrk against each of `urls` at once, the connections split between them; one row with the totals. */
async function loadInParallel(label: string, instances: Array<{ url: string; pid: number }>, size: number): Promise<LoadResult> {
  const runs = await Promise.all(
    instances.map(instance =>
      runLoad({
        url: `${instance.url}/v1/events`,
        label,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${COLLECTOR_KEY}` },
        body: batchOf(size),
        connections: Math.round(CONNECTIONS / instances.length),
        seconds: SECONDS,
        serverPid: instance.pid,
      }),
    ),
  );
  const sum = (pick: (run: LoadResult) => number | undefined) => runs.reduce((total, run) => total + (pick(run) ?? 0), 0);
  return {
    label,
    requestsPerSec: sum(run => run.requestsPerSec),
    p99Ms: Math.max(...runs.map(run => run.p99Ms)),
    non2xx: sum(run => run.non2xx),
    errors: sum(run => run.errors),
    total: sum(run => run.total),
    serverCpu: sum(run => run.serverCpu),
    loadCpu: sum(run => run.loadCpu),
    machineCpu: runs[0].machineCpu,
  };
}

const postgres = process.env.DATABASE_URL ? undefined : await startPostgres();
const database = await createDatabase(process.env.DATABASE_URL || postgres!.url, `bench_${randomBytes(6).toString('hex')}`);
const fleet = await startFleet(database.url, { env: { EVENTS_RATE_LIMIT: '1000000000', COLLECTOR_KEY } });
const client = new pg.Client({ connectionString: database.url });
await client.connect();
try {
  const [a] = fleet.instances;
  const baseline = await startBaseline();
  const base = await runLoad({ url: baseline.url, label: 'node:http answering 204 (baseline)', method: 'POST', body: batchOf(1), connections: CONNECTIONS, seconds: SECONDS, serverPid: baseline.pid });
  await baseline.stop();
  const runs: Array<{ result: LoadResult; events: number }> = [];
  for (const [label, instances, events] of [
    ['1 instance, 1 event/request', [a], 1],
    ['2 instances, 1 event/request (total)', fleet.instances, 1],
    ['1 instance, 10 events/request', [a], 10],
    ['2 instances, 10 events/request (total)', fleet.instances, 10],
  ] as const) {
    runs.push({ result: await loadInParallel(label, [...instances], events), events });
  }
  console.log(`\nPostgreSQL: ${database.url.replace(/\/\/[^@]*@/, '//')}`);
  printTable(
    runs.map(run => run.result),
    base,
  );
  // Requests cut off at each run's deadline may still commit: let them land before counting.
  await new Promise(resolve => setTimeout(resolve, 500));
  const { rows } = await client.query<{ rows: number; bytes: string }>("SELECT count(*)::int AS rows, pg_total_relation_size('events') AS bytes FROM events");
  const acknowledged = runs.reduce((sum, { result, events }) => sum + (result.total - result.non2xx) * events, 0);
  const cutOff = rows[0].rows - acknowledged;
  console.log();
  for (const { result, events } of runs) {
    console.log(`${result.label.padEnd(44)} ${String(result.requestsPerSec * events).padStart(7)} events/s  ratio ${(result.requestsPerSec / base.requestsPerSec).toFixed(2)}`);
  }
  console.log(
    `rows ${rows[0].rows} for ${acknowledged} acknowledged events (${cutOff} from requests cut off at the deadlines) → ${cutOff >= 0 && cutOff <= CONNECTIONS * 10 * runs.length ? 'ok' : 'MISMATCH'}; ` +
      `${Math.round(Number(rows[0].bytes) / rows[0].rows)} bytes per event on disk, indexes included`,
  );
  if (cutOff < 0 || runs.some(run => run.result.errors > 0)) process.exitCode = 1;
} finally {
  await client.end();
  await fleet.stop();
  await database.drop();
  await postgres?.stop();
}
