import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { buildStorefront } from '../storefront/build.js';
import type { ServerConfig } from './config.js';
import type { Database } from './db/db.js';
import { BODY_LIMITS } from './limits.js';
import { connectionsPlugin } from './plugins/connections.js';
import { dbPlugin } from './plugins/db.js';
import { drainPlugin } from './plugins/drain.js';
import { clientErrorHandler, errorsPlugin, frameworkErrors } from './plugins/errors.js';
import { idempotencyPlugin } from './plugins/idempotency.js';
import { rateLimitPlugin } from './plugins/rate-limit.js';
import { securityHeadersPlugin } from './plugins/security-headers.js';
import { staticPlugin } from './plugins/static.js';
import { swaggerPlugin } from './plugins/swagger.js';
import { textSafetyPlugin } from './plugins/text-safety.js';
import { validatorCompilers } from './plugins/validation.js';
import { authRoutes } from './modules/auth/routes.js';
import { catalogRoutes } from './modules/catalog/routes.js';
import { eventRoutes } from './modules/events/routes.js';
import { feedRoutes } from './modules/feeds/routes.js';
import { healthRoutes } from './modules/health/routes.js';
import { productRoutes } from './modules/products/routes.js';
import { productSchema } from './modules/products/schemas.js';
import { wishlistRoutes } from './modules/wishlists/routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    serverConfig: ServerConfig;
  }
}

export interface AppOptions {
  db: Database;
  config: ServerConfig;
  logger?: FastifyServerOptions['logger'];
}

/**
 * Builds the example server: the contract a merchant can reimplement on their
 * own stack, described by the OpenAPI document generated from these route schemas.
 */
export async function buildApp({ db, config, logger = false }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    bodyLimit: BODY_LIMITS.default,
    // Keep-alive sockets would hold shutdown open; in-flight requests still finish.
    forceCloseConnections: 'idle',
    keepAliveTimeout: config.keepAliveTimeoutMs,
    // The 503 while closing is the connections plugin's, in the documented error shape.
    return503OnClosing: false,
    // Slow clients (slowloris): Node's defaults would wait 60 s for headers and forever for a body. The check
    // runs every second, so a deadline is kept to within a second.
    requestTimeout: config.requestTimeoutMs,
    http: { headersTimeout: config.headersTimeoutMs, requestTimeout: config.requestTimeoutMs, connectionsCheckingInterval: 1000 },
    clientErrorHandler,
    frameworkErrors,
    schemaController: { compilersFactory: { buildValidator: validatorCompilers } },
  });
  app.decorate('serverConfig', config);

  await app.register(errorsPlugin);
  await app.register(connectionsPlugin, { maxPerAddress: config.maxConnectionsPerAddress });
  await app.register(drainPlugin, { delayMs: config.drainDelayMs, timeoutMs: config.drainTimeoutMs });
  await app.register(securityHeadersPlugin);
  await app.register(textSafetyPlugin);
  await app.register(dbPlugin, { db });
  await app.register(idempotencyPlugin);
  await app.register(swaggerPlugin, { publicUrl: config.publicUrl });
  await app.register(cors, {
    // Exact matches only: an origin not on the list gets no CORS headers at all.
    origin: (origin, callback) => callback(null, origin !== undefined && config.allowedOrigins.includes(origin)),
    credentials: true,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['content-type', 'idempotency-key', 'authorization', 'if-none-match'],
    exposedHeaders: ['etag', 'retry-after'],
    maxAge: 600,
  });
  await app.register(rateLimitPlugin);

  // Products are embedded by the feeds and the catalog import too: their schema belongs to the whole app.
  app.addSchema(productSchema);
  await app.register(healthRoutes);
  await app.register(productRoutes);
  await app.register(eventRoutes);
  await app.register(feedRoutes);
  await app.register(catalogRoutes);
  // Cookies only where a session is read or set: the collector and the feeds, the busiest routes, skip the parsing.
  await app.register(async sessionScope => {
    await sessionScope.register(cookie);
    await sessionScope.register(authRoutes);
    await sessionScope.register(wishlistRoutes);
  });

  await app.register(staticPlugin, {
    storefrontDir: config.storefrontDir,
    pages: buildStorefront(config.publicUrl),
    distDir: config.distDir,
    mediaDir: config.mediaDir,
  });
  return app;
}
