// Two instances of the `npm start` server on one PostgreSQL, under a load of uniquely identified events sent to
// both in turn as a load balancer would. One instance is killed with SIGKILL mid-load; a client whose request
// fails sends the same batch to the other instance, as the SDK's retry does. Afterwards every acknowledged event
// is stored, none twice, and the surviving instance answered every request it got.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { type Fleet, startFleet } from './fleet.js';
import { COLLECTOR_KEY, type CollectorAnswer, type SharedEvent, postEvents, shareEvent } from './load.js';
import { createDatabase } from './postgres.js';

const serverUrl = process.env.DATABASE_URL;
const skip = serverUrl ? false : 'DATABASE_URL is not set: the fleet tests need a PostgreSQL server (.ci/run starts one; docs/scale.md)';

const CLIENTS = 16;
const EVENTS_PER_BATCH = 5;
/** Events B acknowledges before it is killed: the kill lands mid-load, not before it. */
const ACKED_BY_B_BEFORE_KILL = 300;
const LOAD_AFTER_KILL_MS = 1500;
/** A machine too slow to reach the kill in this long fails the test instead of hanging it. */
const MAX_LOAD_MS = 60_000;

/** One POST /v1/events; null when the instance did not answer 200 (refused, reset, 503 while closing). */
async function post(url: string, batch: SharedEvent[]): Promise<CollectorAnswer | null> {
  const delivery = await postEvents(url, batch);
  return 'answer' in delivery ? delivery.answer : null;
}

describe('a fleet of two instances on one PostgreSQL', { skip }, () => {
  let database: Awaited<ReturnType<typeof createDatabase>> | undefined;
  let fleet: Fleet | undefined;

  before(async () => {
    database = await createDatabase(serverUrl!, `fleet_${randomBytes(6).toString('hex')}`);
    fleet = await startFleet(database.url, { env: { EVENTS_RATE_LIMIT: '1000000000', COLLECTOR_KEY } });
  });
  after(async () => {
    await fleet?.stop();
    await database?.drop();
  });

  test('kill -9 of one instance mid-load: nothing acknowledged is lost or stored twice, and the other keeps serving', async () => {
    const [a, b] = fleet!.instances;
    const sent = new Map<string, SharedEvent>();
    const acked = new Set<string>();
    const answered = { a: 0, b: 0 };
    const failed = { a: 0, b: 0 };
    let ackedByB = 0;
    let killedAt: number | undefined;
    let turn = 0;

    /** Delivers one batch: to the instance whose turn it is, then to the other one if that one fails. */
    async function deliver(batch: SharedEvent[]): Promise<void> {
      const first = turn++ % 2 === 0 ? 'a' : 'b';
      for (const name of first === 'a' ? (['a', 'b'] as const) : (['b', 'a'] as const)) {
        const answer = await post((name === 'a' ? a : b).url, batch);
        if (!answer) {
          failed[name]++;
          continue;
        }
        answered[name]++;
        assert.deepEqual(answer.rejected, [], 'no event of the load is rejected');
        for (const id of [...answer.accepted, ...answer.duplicates]) acked.add(id);
        if (name === 'b') ackedByB += answer.accepted.length + answer.duplicates.length;
        return;
      }
    }

    const loadStarted = Date.now();
    async function client(): Promise<void> {
      while (killedAt === undefined ? Date.now() - loadStarted < MAX_LOAD_MS : Date.now() - killedAt < LOAD_AFTER_KILL_MS) {
        const batch = Array.from({ length: EVENTS_PER_BATCH }, shareEvent);
        for (const event of batch) sent.set(event.messageId, event);
        await deliver(batch);
        if (killedAt === undefined && ackedByB >= ACKED_BY_B_BEFORE_KILL) {
          killedAt = Date.now();
          process.kill(b.pid, 'SIGKILL');
        }
      }
    }
    await Promise.all(Array.from({ length: CLIENTS }, client));

    assert.ok(killedAt !== undefined, `B acknowledged ${ackedByB} events in ${MAX_LOAD_MS} ms, fewer than ${ACKED_BY_B_BEFORE_KILL}: never killed`);
    assert.equal(failed.a, 0, 'the surviving instance answered every request it got');
    assert.ok(failed.b > 0, 'requests reached the killed instance after the kill (it died mid-load)');
    assert.equal(acked.size, sent.size, 'every batch was acknowledged by one instance or the other');
    assert.equal((await fetch(`${a.url}/healthz`)).status, 200);

    // Sending every event again: each one must come back as already stored, none as new.
    const all = [...sent.values()];
    const newlyStored: string[] = [];
    for (let start = 0; start < all.length; start += 100) {
      const answer = await post(a.url, all.slice(start, start + 100));
      assert.ok(answer, 'the surviving instance answers the reconciliation');
      assert.deepEqual(answer.rejected, []);
      newlyStored.push(...answer.accepted);
    }
    assert.deepEqual(newlyStored, [], 'no acknowledged event was lost');

    const { rows } = (await (await fetch(`${a.url}/v1/events/summary?days=2`)).json()) as { rows: Array<{ name: string; count: number }> };
    const stored = rows.filter(row => row.name === 'share').reduce((sum, row) => sum + row.count, 0);
    assert.equal(stored, sent.size, 'each event is stored exactly once');
    console.log(
      `# ${sent.size} events in batches of ${EVENTS_PER_BATCH}: B acknowledged ${ackedByB} before SIGKILL, ${failed.b} requests then failed on B ` +
        `and went to A; A answered ${answered.a} requests, failed 0; rows ${stored}`,
    );
  });
});
