import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Database } from '../db/db.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** PGlite or PostgreSQL, one dialect: only repositories send it SQL. */
    db: Database;
  }
}

/** The database the app was given (opened and migrated by its caller), closed with the app. */
export const dbPlugin = fp<{ db: Database }>(
  async (app: FastifyInstance, { db }) => {
    app.decorate('db', db);
    app.addHook('onClose', async () => db.close());
  },
  { name: 'vitrine-db' },
);
