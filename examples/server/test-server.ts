import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { type ServerConfig, loadConfig } from './config.js';
import { type Database, openDatabase } from './db/db.js';
import { seedDemoCatalog } from './dev/seed.js';
import { migrate } from './db/migrate.js';
import { migratedTemplate } from './db/migrated-template.js';

export interface TestServer {
  url: string;
  app: FastifyInstance;
  db: Database;
  config: ServerConfig;
  close(): Promise<void>;
}

/**
 * A real server on an ephemeral 127.0.0.1 port with a real, migrated database:
 * in-memory PGlite by default, or a fresh schema in the PostgreSQL at
 * DATABASE_URL, so the same tests run against both.
 */
export async function startTestServer(
  env: NodeJS.ProcessEnv = {},
  configure?: (app: FastifyInstance) => void | Promise<void>,
): Promise<TestServer> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const schema = databaseUrl ? `test_${randomBytes(6).toString('hex')}` : undefined;
  const template = databaseUrl ? undefined : await migratedTemplate();
  const db = await openDatabase({ databaseUrl, dataDir: 'memory://', schema, template });
  // On PGlite the template is migrated already: this finds nothing to apply.
  await migrate(db);
  const config = { ...loadConfig({ PORT: '0', ALLOWED_ORIGINS: 'http://shop.test', ...env }), databaseUrl };
  await seedDemoCatalog(db, config.storefrontDir, config.publicUrl);
  const app = await buildApp({ db, config });
  await configure?.(app);
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: address,
    app,
    db,
    config,
    async close() {
      await app.close();
      if (databaseUrl && schema) {
        const cleanup = await openDatabase({ databaseUrl });
        await cleanup.exec(`DROP SCHEMA ${schema} CASCADE`);
        await cleanup.close();
      }
    },
  };
}
