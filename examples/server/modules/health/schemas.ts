const database = { type: 'string', enum: ['pglite', 'postgres'], description: 'The embedded PGlite, or PostgreSQL (DATABASE_URL)' } as const;

/** The body both probes answer: their one status word, and which database the instance runs on. */
const statusBody = <Status extends string>(status: Status) =>
  ({
    type: 'object',
    required: ['status', 'database'],
    additionalProperties: false,
    properties: { status: { type: 'string', enum: [status] }, database },
  }) as const;

export const healthSchema = {
  summary: 'Liveness: the process serves requests (reads no database)',
  tags: ['ops'],
  response: {
    200: statusBody('ok'),
  },
} as const;

export const readySchema = {
  summary: 'Readiness: the database answers, every migration is applied, and the instance is not draining',
  description: 'A 503 (`database_unavailable`, `migrations_pending` or `draining`) means: send traffic to another instance.',
  tags: ['ops'],
  response: {
    200: statusBody('ready'),
    503: { $ref: 'Error#' },
  },
} as const;
