import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { ServerConfig } from './config.js';
import type { Database } from './db.js';
import { ApiError, errorSchema, installErrorHandling } from './lib/errors.js';
import { PLAIN_UUID } from './lib/uuid.js';
import { authRoutes } from './routes/auth.js';
import { eventRoutes } from './routes/events.js';
import { feedRoutes } from './routes/feeds.js';
import { healthRoutes } from './routes/health.js';
import { productRoutes } from './routes/products.js';
import { wishlistRoutes } from './routes/wishlists.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    serverConfig: ServerConfig;
  }
}

export interface AppOptions {
  db: Database;
  config: ServerConfig;
  logger?: FastifyServerOptions['logger'];
}

/** Headers for the storefront's pages: a strict CSP the widgets must run under (no inline script or style). */
const STOREFRONT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

/**
 * Builds the example server: the contract a merchant can reimplement on their
 * own stack, described by the OpenAPI document generated from these route schemas.
 */
export async function buildApp({ db, config, logger = false }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    bodyLimit: 256 * 1024,
    // Keep-alive sockets would hold shutdown open; in-flight requests still finish.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    ajv: {
      // Unknown fields are a client error, not something to strip silently.
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false },
      onCreate: ajv => ajv.addFormat('uuid', PLAIN_UUID),
    },
  });
  app.decorate('db', db);
  app.decorate('serverConfig', config);
  app.addHook('onClose', async () => db.close());
  // A keep-alive socket that goes idle after close() began would hold shutdown open until its timeout:
  // answer the last in-flight requests with `connection: close`.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });

  installErrorHandling(app);
  app.addSchema(errorSchema);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Vitrine API',
        version: '1.0.0',
        description:
          'The contract behind Vitrine widgets: events collector, feeds, wishlists and votes, sign-in. Generated from the route schemas of the example server.',
      },
      servers: [{ url: config.publicUrl }],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });

  await app.register(cors, {
    // Exact matches only: an origin not on the list gets no CORS headers at all.
    origin: (origin, callback) => callback(null, origin !== undefined && config.allowedOrigins.includes(origin)),
    credentials: true,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['content-type', 'idempotency-key', 'authorization', 'if-none-match'],
    exposedHeaders: ['etag', 'retry-after'],
    maxAge: 600,
  });
  await app.register(rateLimit, {
    global: false,
    // Thrown by the plugin: an ApiError reaches the error handler as a 429 `{"error": {...}}` (a plain object would be a 500).
    errorResponseBuilder: (_request, context) => new ApiError(429, 'rate_limited', `Too many requests; retry in ${Math.ceil(context.ttl / 1000)} s`),
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html') && !request.url.startsWith('/admin')) {
      reply.header('content-security-policy', STOREFRONT_CSP);
    }
    return payload;
  });

  await app.register(healthRoutes);
  await app.register(productRoutes);
  await app.register(eventRoutes);
  await app.register(feedRoutes);
  // Cookies only where a session is read or set: the collector and the feeds, the busiest routes, skip the parsing.
  await app.register(async sessionScope => {
    await sessionScope.register(cookie);
    await sessionScope.register(authRoutes);
    await sessionScope.register(wishlistRoutes);
  });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(fastifyStatic, { root: config.storefrontDir, prefix: '/', index: 'index.html' });
  await app.register(fastifyStatic, {
    root: config.distDir,
    prefix: '/vitrine/',
    decorateReply: false,
    cacheControl: false,
    setHeaders: (reply, path) => {
      // Chunks carry a content hash; entry files keep stable names and revalidate.
      reply.header('cache-control', path.includes('/chunks/') ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
    },
  });

  return app;
}
