import type { FastifyInstance } from 'fastify';
import { pendingMigrations } from '../../db/migrate.js';
import { typed } from '../../plugins/type-provider.js';
import { healthSchema, readySchema } from './schemas.js';

/**
 * For orchestrators: `/healthz` says the process serves (restart it if not); `/readyz` says it should get
 * traffic: its database answers with every migration applied, and it is not draining.
 */
export async function healthRoutes(root: FastifyInstance): Promise<void> {
  const app = typed(root);
  // Liveness reads no database: a database outage is not cured by restarting every instance.
  app.get('/healthz', { schema: healthSchema }, async () => ({ status: 'ok' as const, database: app.db.kind }));

  app.get('/readyz', { schema: readySchema }, async (_request, reply) => {
    const unready = (code: string, message: string) => reply.header('retry-after', '1').code(503).send({ error: { code, message } });
    if (app.draining) return unready('draining', 'This instance is shutting down');
    let pending: string[];
    try {
      pending = await pendingMigrations(app.db);
    } catch {
      return unready('database_unavailable', 'The database does not answer');
    }
    if (pending.length > 0) return unready('migrations_pending', `Migrations not applied yet: ${pending.join(', ')}`);
    return { status: 'ready' as const, database: app.db.kind };
  });
}
