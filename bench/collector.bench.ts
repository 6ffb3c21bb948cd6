// The collector under load: wrk on 127.0.0.1 against (a) the bare node:http baseline answering 204 and
// (b) the real collector (the `npm start` server in its own process) storing to the embedded database, in the same run;
// then (c) the same collector with PostgreSQL when DATABASE_URL is set, after a baseline of its own. Every request carries new messageIds, and the
// rows are counted in the database afterwards: each 2xx must be exactly its rows, none lost, none twice.
// Beside them, the same collector with its storage replaced by a no-op shows how much of the gap is HTTP and validation.
import { type LoadResult, UNIQUE_ID, printTable, runLoad, startBenchScript, startServer } from './lib.js';

const SECONDS = 8;
const CONNECTIONS = 50;

// wrk writes a new UUID wherever UNIQUE_ID stands, in every request.
const event = (name: string) => ({
  messageId: UNIQUE_ID,
  name,
  properties: { ...(name === 'share' ? { network: 'facebook' } : {}), productId: 'robe-camille-lin', placement: 'product' },
  timestamp: new Date().toISOString(),
  context: {
    page: { url: 'http://127.0.0.1/produits/robe-camille-lin.html?utm_source=bench', referrer: '' },
    locale: 'fr',
    widget: 'vitrine-share',
    library: { name: 'vitrine', version: '0.1.0' },
    anonymousId: UNIQUE_ID,
  },
});
const batchOf = (name: string, size: number) => JSON.stringify({ batch: Array.from({ length: size }, () => event(name)) });
/** The load generator is a server-to-server sender (no Origin): it shows the collector key. */
const COLLECTOR_KEY = 'bench-collector-key';
const JSON_POST = { 'content-type': 'application/json', authorization: `Bearer ${COLLECTOR_KEY}` };

async function countRows(url: string): Promise<Map<string, number>> {
  const { rows } = (await (await fetch(`${url}/v1/events/summary?days=2`)).json()) as { rows: Array<{ name: string; count: number }> };
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.name, (counts.get(row.name) ?? 0) + row.count);
  return counts;
}

interface CollectorRun {
  result: LoadResult;
  events: number;
  rows: number;
}

/** One collector configuration: a 1-event run (the ratio) and a 10-event run (throughput with client batching). */
async function benchCollector(label: string, env: NodeJS.ProcessEnv): Promise<CollectorRun[]> {
  const server = await startServer({ EVENTS_RATE_LIMIT: '1000000000', COLLECTOR_KEY, ...env });
  try {
    const url = `${server.url}/v1/events`;
    const runs: CollectorRun[] = [];
    for (const [name, size] of [['share', 1], ['product_click', 10]] as const) {
      const before = (await countRows(server.url)).get(name) ?? 0;
      const result = await runLoad({
        url,
        label: `${label}, ${size} event${size > 1 ? 's' : ''}/request`,
        method: 'POST',
        headers: JSON_POST,
        body: batchOf(name, size),
        connections: CONNECTIONS,
        seconds: SECONDS,
        serverPid: server.pid,
      });
      // Requests cut off when the run stops may still commit: let them land before counting.
      await new Promise(resolve => setTimeout(resolve, 500));
      const rows = ((await countRows(server.url)).get(name) ?? 0) - before;
      runs.push({ result, events: size, rows });
    }
    return runs;
  } finally {
    await server.stop();
  }
}

/** One run of single-event batches against a bench server script in its own process. */
async function measureScript(script: string, label: string, path: string, env?: NodeJS.ProcessEnv) {
  const server = await startBenchScript(script, env);
  try {
    return await runLoad({
      url: `${server.url}${path}`,
      label,
      method: 'POST',
      headers: JSON_POST,
      body: batchOf('share', 1),
      connections: CONNECTIONS,
      seconds: SECONDS,
      serverPid: server.pid,
    });
  } finally {
    await server.stop();
  }
}

/** The bare baseline, measured again right before each collector configuration: this machine's speed drifts within a run. */
const measureBaseline = () => measureScript('./baseline-server.ts', 'node:http answering 204 (baseline)', '');

/** The collector's HTTP, plugins and validation alone: the same app answering as if every row were stored. */
const measureWithoutStorage = () =>
  measureScript('./collector-without-storage.ts', 'collector, storage a no-op (HTTP + validation only)', '/v1/events', {
    EVENTS_RATE_LIMIT: '1000000000',
    COLLECTOR_KEY,
    LOG_LEVEL: 'warn',
  });

const configurations: Array<[string, NodeJS.ProcessEnv]> = [['collector + embedded PGlite', { DATABASE_URL: '' }]];
if (process.env.DATABASE_URL) configurations.push(['collector + PostgreSQL', { DATABASE_URL: process.env.DATABASE_URL }]);
else console.log('(DATABASE_URL not set: the PostgreSQL run is skipped)');

let failed = false;
const ratios: string[] = [];
let withoutStorage = '';
for (const [index, [label, env]] of configurations.entries()) {
  const baseline = await measureBaseline();
  // Once, beside the first configuration: it does not depend on the database.
  const floor = index === 0 ? await measureWithoutStorage() : undefined;
  if (floor) withoutStorage = (floor.requestsPerSec / baseline.requestsPerSec).toFixed(2);
  const runs = await benchCollector(label, env);
  console.log();
  printTable([...(floor ? [floor] : []), ...runs.map(run => run.result)], baseline);
  for (const { result, events, rows } of runs) {
    const ok2xx = result.total - result.non2xx;
    const expected = ok2xx * events;
    // wrk stops mid-request at the deadline: those requests (at most one per connection) may be stored unanswered.
    const unanswered = rows - expected;
    const verdict = rows >= expected && unanswered <= CONNECTIONS * events ? 'ok' : 'MISMATCH';
    failed ||= verdict !== 'ok' || result.errors > 0;
    console.log(
      `${result.label.padEnd(48)} ${String(result.requestsPerSec * events).padStart(9)} events/s  ratio ${(result.requestsPerSec / baseline.requestsPerSec).toFixed(2)}  ` +
        `2xx ${ok2xx} × ${events} = ${expected} events, rows ${rows} (${unanswered} from requests cut off at the deadline), duplicates 0 (primary key) → ${verdict}`,
    );
  }
  ratios.push(`${label}: ${(runs[0].result.requestsPerSec / baseline.requestsPerSec).toFixed(2)}`);
}
console.log(`\ncollector / baseline, 1 event per request (goal ≥ 0.25): ${ratios.join('; ')} (without storage: ${withoutStorage})`);
process.exit(failed ? 1 : 0);
