const database = { type: 'string', enum: ['pglite', 'postgres'], description: 'The embedded PGlite, or PostgreSQL (DATABASE_URL)' } as const;

export const healthSchema = {
  summary: 'Liveness: the process serves requests (reads no database)',
  tags: ['ops'],
  response: {
    200: {
      type: 'object',
      required: ['status', 'database'],
      additionalProperties: false,
      properties: { status: { type: 'string', enum: ['ok'] }, database },
    },
  },
} as const;

export const readySchema = {
  summary: 'Readiness: the database answers, every migration is applied, and the instance is not draining',
  description: 'A 503 (`database_unavailable`, `migrations_pending` or `draining`) means: send traffic to another instance.',
  tags: ['ops'],
  response: {
    200: {
      type: 'object',
      required: ['status', 'database'],
      additionalProperties: false,
      properties: { status: { type: 'string', enum: ['ready'] }, database },
    },
    503: { $ref: 'Error#' },
  },
} as const;
