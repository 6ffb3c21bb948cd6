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
          description:
            'The contract behind Vitrine widgets: events collector, feeds, wishlists and votes, sign-in. Generated from the route schemas of the example server.',
        },
        servers: [{ url: publicUrl }],
      },
      refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
    });
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'vitrine-swagger' },
);
