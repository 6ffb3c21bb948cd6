// The collector with its storage replaced by a no-op that accepts every row at once: the same Fastify app, plugins,
// hooks, body parsing, validation and answers as `npm start`, minus the event INSERT. The collector bench measures it
// to show how much of the gap to the bare baseline is HTTP and validation, and how much is storage.
import { buildApp } from '../examples/server/app.js';
import { loadConfig } from '../examples/server/config.js';
import { openDatabase } from '../examples/server/db/db.js';
import { migrate } from '../examples/server/db/migrate.js';

// The other routes read the database as they start (the wishlist signing secret): they get a real, empty one.
const database = await openDatabase({ dataDir: 'memory://' });
await migrate(database);
// The collector's group INSERT is its only prepared statement: every row stored, none returned (a plain INSERT's answer).
const db = { ...database, queryPrepared: async () => [] };
const config = loadConfig({ ...process.env, PORT: '0' });
const app = await buildApp({ db, config, logger: { level: config.logLevel } });
const url = await app.listen({ host: '127.0.0.1', port: 0 });
console.log(`LISTENING ${url}`);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
