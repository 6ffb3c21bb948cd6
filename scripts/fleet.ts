// `npm run fleet`: a PostgreSQL of its own (initdb in a temporary folder, a free port, no Docker) and two instances
// of the `npm start` server on it, until Ctrl-C. With DATABASE_URL set, that server is used instead and nothing
// is started but the instances. FLEET_SIZE sets how many. See docs/scale.md.
import { startFleet } from '../test/fleet/fleet.js';
import { type Postgres, startPostgres } from '../test/fleet/postgres.js';

const size = Number(process.env.FLEET_SIZE ?? 2);
if (!Number.isInteger(size) || size < 1) throw new Error(`FLEET_SIZE must be a positive integer, got "${process.env.FLEET_SIZE}"`);

let postgres: Postgres | undefined;
if (!process.env.DATABASE_URL) {
  console.log('Starting PostgreSQL…');
  postgres = await startPostgres();
}
const databaseUrl = process.env.DATABASE_URL || postgres!.url;
console.log(`Starting ${size} instances on ${databaseUrl}…`);
const fleet = await startFleet(databaseUrl, { size }).catch(async error => {
  await postgres?.stop();
  throw error;
});
console.log(`\nDATABASE_URL=${databaseUrl}`);
for (const [index, instance] of fleet.instances.entries()) console.log(`instance ${index + 1}: ${instance.url}/  (pid ${instance.pid})`);
console.log('\nCtrl-C stops them all and removes the temporary database.');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    if (stopping) return;
    stopping = true;
    await fleet.stop();
    await postgres?.stop();
    process.exit(0);
  });
}
