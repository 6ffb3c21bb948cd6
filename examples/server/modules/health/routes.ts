import type { FastifyInstance } from 'fastify';

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/healthz',
    {
      schema: {
        summary: 'Liveness and database check',
        tags: ['ops'],
        response: {
          200: {
            type: 'object',
            required: ['status', 'database'],
            additionalProperties: false,
            properties: {
              status: { type: 'string', enum: ['ok'] },
              database: { type: 'string', enum: ['pglite', 'postgres'] },
            },
          },
          503: { $ref: 'Error#' },
        },
      },
    },
    async (_request, reply) => {
      try {
        await app.db.query('SELECT 1');
      } catch {
        return reply.status(503).send({ error: { code: 'database_unavailable', message: 'The database does not answer' } });
      }
      return { status: 'ok' as const, database: app.db.kind };
    },
  );
}
