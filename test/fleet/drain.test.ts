// Two instances on one PostgreSQL under a load of uniquely identified events, sent to both in turn as a load
// balancer would: it probes /readyz and takes an instance out of rotation once the probe reads anything but 200.
// One instance gets SIGTERM mid-load: its /readyz turns 503 while it still serves, the balancer takes it out,
// then it stops accepting, finishes what it was sent and exits 0. No request it was sent is reset.
// The balancer is modelled because a server cannot promise more alone: connections that reach the kernel's
// accept queue as the listener closes are reset by the kernel, which is what the drain delay is for.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { type Fleet, startFleet } from './fleet.js';
import { COLLECTOR_KEY, type SharedEvent, postEvents, shareEvent } from './load.js';
import { createDatabase } from './postgres.js';

const serverUrl = process.env.DATABASE_URL;
const skip = serverUrl ? false : 'DATABASE_URL is not set: the fleet tests need a PostgreSQL server (.ci/run starts one; docs/scale.md)';

const CLIENTS = 16;
const EVENTS_PER_BATCH = 5;
/** Events B acknowledges before its SIGTERM: the drain starts under load. */
const ACKED_BY_B_BEFORE_TERM = 300;
/** B keeps serving this long with /readyz at 503 (DRAIN_DELAY_MS), as it would while a load balancer notices. */
const DRAIN_DELAY_MS = 500;
/** The balancer's probe interval: well under the drain delay, as docs/scale.md asks. */
const PROBE_INTERVAL_MS = 100;
const LOAD_AFTER_EXIT_MS = 500;
const MAX_LOAD_MS = 60_000;

describe('a fleet of two instances on one PostgreSQL: SIGTERM drains', { skip }, () => {
  let database: Awaited<ReturnType<typeof createDatabase>> | undefined;
  let fleet: Fleet | undefined;

  before(async () => {
    database = await createDatabase(serverUrl!, `fleet_${randomBytes(6).toString('hex')}`);
    fleet = await startFleet(database.url, { env: { EVENTS_RATE_LIMIT: '1000000000', COLLECTOR_KEY, DRAIN_DELAY_MS: String(DRAIN_DELAY_MS) } });
  });
  after(async () => {
    await fleet?.stop();
    await database?.drop();
  });

  test('SIGTERM mid-load: /readyz turns 503, no request is reset, every batch is acknowledged once, the instance exits 0', async () => {
    const [a, b] = fleet!.instances;
    const sent = new Set<string>();
    const acked = new Set<string>();
    const afterTerm = { answered: 0, refused: 0, status: 0 };
    const resets: string[] = [];
    let failedOnA = 0;
    let ackedByB = 0;
    let termAt: number | undefined;
    let exitedAt: number | undefined;
    let turn = 0;
    let bInRotation = true;

    async function deliver(batch: SharedEvent[]): Promise<void> {
      const order = !bInRotation ? [a] : turn++ % 2 === 0 ? [a, b] : [b, a];
      for (const instance of order) {
        const delivery = await postEvents(instance.url, batch);
        if (instance === b && termAt !== undefined) {
          if ('answer' in delivery) afterTerm.answered++;
          else if ('status' in delivery) afterTerm.status++;
          else if (delivery.failure === 'refused') afterTerm.refused++;
        }
        if ('failure' in delivery && delivery.failure === 'reset') resets.push(`${instance === a ? 'A' : 'B'}: ${delivery.code}`);
        if (!('answer' in delivery)) {
          if (instance === a) failedOnA++;
          continue;
        }
        assert.deepEqual(delivery.answer.rejected, [], 'no event of the load is rejected');
        for (const id of [...delivery.answer.accepted, ...delivery.answer.duplicates]) acked.add(id);
        if (instance === b) ackedByB += delivery.answer.accepted.length + delivery.answer.duplicates.length;
        return;
      }
    }

    const exitCode = b.exited.then(code => {
      exitedAt = Date.now();
      return code;
    });
    const readiness: number[] = [];
    const loadStarted = Date.now();
    async function client(): Promise<void> {
      while (exitedAt === undefined ? Date.now() - loadStarted < MAX_LOAD_MS : Date.now() - exitedAt < LOAD_AFTER_EXIT_MS) {
        const batch = Array.from({ length: EVENTS_PER_BATCH }, shareEvent);
        batch.forEach(event => sent.add(event.messageId));
        await deliver(batch);
        if (termAt === undefined && ackedByB >= ACKED_BY_B_BEFORE_TERM) {
          termAt = Date.now();
          process.kill(b.pid, 'SIGTERM');
        }
      }
    }
    // The balancer's probe of B, on its own schedule from the start, until B stops answering.
    async function probe(): Promise<void> {
      while (exitedAt === undefined) {
        const status = await fetch(`${b.url}/readyz`, { headers: { connection: 'close' } }).then(
          response => response.status,
          () => 0,
        );
        if (readiness.at(-1) !== status) readiness.push(status);
        if (status !== 200) bInRotation = false;
        if (status === 0) return;
        await new Promise(resolve => setTimeout(resolve, PROBE_INTERVAL_MS));
      }
    }
    await Promise.all([probe(), ...Array.from({ length: CLIENTS }, client)]);

    assert.ok(termAt !== undefined, `B acknowledged ${ackedByB} events in ${MAX_LOAD_MS} ms, fewer than ${ACKED_BY_B_BEFORE_TERM}: never drained`);
    assert.equal(await exitCode, 0, `B exits 0 after its drain:\n${b.output.join('')}`);
    assert.deepEqual(resets, [], 'no request was reset');
    assert.equal(failedOnA, 0, 'the other instance answered every request it got');
    assert.ok(afterTerm.answered > 0, 'B answered requests after its SIGTERM (the drain ran under load)');
    assert.ok(readiness.includes(503), `B's /readyz turned 503 while it drained (read: ${readiness.join(', ')})`);
    assert.equal(acked.size, sent.size, 'every batch was acknowledged by one instance or the other');
    const { rows } = (await (await fetch(`${a.url}/v1/events/summary?days=2`)).json()) as { rows: Array<{ name: string; count: number }> };
    const stored = rows.filter(row => row.name === 'share').reduce((sum, row) => sum + row.count, 0);
    assert.equal(stored, sent.size, 'each event is stored exactly once');
    console.log(
      `# ${sent.size} events; B acknowledged ${ackedByB} before SIGTERM; after it B answered ${afterTerm.answered} requests, ` +
        `refused ${afterTerm.refused} connections, answered ${afterTerm.status} with another status; resets ${resets.length}; ` +
        `exited ${exitedAt! - termAt!} ms after SIGTERM; /readyz read ${readiness.join(' → ')}`,
    );
  });
});
