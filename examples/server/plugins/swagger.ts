import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** The OpenAPI document, generated from the route schemas and served at /openapi.json. */
export const swaggerPlugin = fp<{ publicUrl: string }>(
  async (app: FastifyInstance, { publicUrl }) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Vitrine API',
          version: '1.0.0',
          // Answers no route schema lists, because they come before routing or from Node's HTTP parser.
          description: [
            'The contract behind Vitrine widgets: events collector, feeds, wishlists and votes, sign-in. Generated from the route schemas of the example server.',
            'Any request may also be answered, with the same `{"error": {"code", "message"}}` body: 405 `method_not_allowed` with `Allow` (a known path, another method), 404 `not_found`, 408 `request_timeout` (headers later than HEADERS_TIMEOUT_MS or the whole request later than REQUEST_TIMEOUT_MS), 431 `headers_too_large`, 429 `too_many_connections` (open connections per address over MAX_CONNECTIONS_PER_ADDRESS), and 503 `shutting_down` while the server closes.',
          ].join('\n\n'),
        },
        servers: [{ url: publicUrl }],
      },
      refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
    });
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'vitrine-swagger' },
);
