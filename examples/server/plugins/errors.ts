import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import FindMyWay, { type HTTPMethod } from 'find-my-way';

/** A 4xx the client should see, with a stable machine-readable code. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The JSON-Schema of every error body, referenced by each route's 4xx responses. */
export const errorSchema = {
  $id: 'Error',
  type: 'object',
  required: ['error'],
  additionalProperties: false,
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      additionalProperties: false,
      properties: {
        code: { type: 'string', description: 'Stable machine-readable code, e.g. invalid_request.' },
        message: { type: 'string', description: 'Human-readable explanation.' },
      },
    },
  },
} as const;

/** `{400: Error, 401: Error, …}` for a route's `response` schema, each status kept in the type for the route's reply type. */
export const errorResponses = <const Statuses extends number[]>(...statuses: Statuses) =>
  Object.fromEntries(statuses.map(status => [status, { $ref: 'Error#' }])) as { [Status in Statuses[number]]: { readonly $ref: 'Error#' } };

const errorBody = (code: string, message: string) => JSON.stringify({ error: { code, message } });

/** Codes for Fastify's own client errors, so clients never see `FST_ERR_*`. */
const fastifyCodes: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_request',
  FST_ERR_BAD_URL: 'invalid_url',
  FST_ERR_MAX_PARAM_LENGTH: 'invalid_url',
};

/**
 * Errors Fastify meets before any route runs (a path that is not valid percent-encoding, a parameter over
 * the length limit): the same body as every other error. A Fastify option, so it is passed to the factory.
 */
export const frameworkErrors: NonNullable<FastifyServerOptions['frameworkErrors']> = (error, _request, reply) =>
  (reply as FastifyReply)
    .status(400)
    .type('application/json; charset=utf-8')
    .send(errorBody(fastifyCodes[error.code] ?? 'invalid_request', error.code === 'FST_ERR_BAD_URL' ? 'The URL is not valid percent-encoding' : error.message));

/**
 * Errors Node's HTTP parser meets before Fastify sees a request: oversized headers (431), a request that took
 * too long (408), anything unparsable (400). Written on the socket, which is then closed.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'headers_too_large', 'The request headers are over the size limit']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request_timeout', 'The request did not arrive in time']
        : [400, 'invalid_request', 'The request is not valid HTTP'];
  if (socket.writable) {
    const body = errorBody(code, message);
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

const ROUTED_METHODS: HTTPMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * One error path: every failure leaves as `{"error": {"code", "message"}}`; only real bugs are 500.
 * A path the server knows, asked with another method, is a 405 naming the methods it has (`Allow`).
 */
export const errorsPlugin = fp(
  async (app: FastifyInstance) => {
    app.addSchema(errorSchema);

    // The routes' paths by method, to tell a wrong method (405) from an unknown path (404). Wildcards (the
    // static files) answer GET on any path, so they do not make every other path "known".
    const known = FindMyWay({ ignoreTrailingSlash: false });
    app.addHook('onRoute', route => {
      if (route.url.includes('*')) return;
      for (const method of [route.method].flat()) {
        if (ROUTED_METHODS.includes(method as HTTPMethod) && !known.hasRoute(method as HTTPMethod, route.url)) known.on(method as HTTPMethod, route.url, () => {});
      }
    });

    app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
      if (error instanceof ApiError) return reply.status(error.statusCode).send({ error: { code: error.code, message: error.message } });
      if ('validation' in error && error.validation) return reply.status(400).send({ error: { code: 'invalid_request', message: error.message } });
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        const code = fastifyCodes[error.code] ?? (status === 429 ? 'rate_limited' : error instanceof SyntaxError ? 'invalid_json' : 'invalid_request');
        return reply.status(status).send({ error: { code, message: error.message || `HTTP ${status}` } });
      }
      request.log.error({ err: error }, 'unhandled error');
      return reply.status(500).send({ error: { code: 'internal_error', message: 'Internal server error' } });
    });

    app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
      const path = request.url.split('?')[0];
      const allowed = ROUTED_METHODS.filter(method => known.find(method, path) !== null);
      if (allowed.length > 0) {
        return reply
          .status(405)
          .header('allow', allowed.join(', '))
          .send({ error: { code: 'method_not_allowed', message: `${request.method} is not allowed on ${path}; use ${allowed.join(' or ')}` } });
      }
      return reply.status(404).send({ error: { code: 'not_found', message: `No route for ${request.method} ${path}` } });
    });
  },
  { name: 'vitrine-errors' },
);
