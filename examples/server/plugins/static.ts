import { mkdirSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { applySecurityHeaders } from './security-headers.js';

export interface StaticOptions {
  /** The demo storefront's files (styles, scripts, images), at `/`. */
  storefrontDir: string;
  /** The demo storefront's generated pages, by path (examples/storefront/build.ts). */
  pages: Map<string, string>;
  /** The built SDK, at `/vitrine/`. */
  distDir: string;
  /** Re-hosted Instagram media, at `/media/`. */
  mediaDir: string;
}

const YEAR = 'public, max-age=31536000, immutable';

/** The files the server hands out as they are, each folder with its own headers. */
export const staticPlugin = fp<StaticOptions>(
  async (app: FastifyInstance, { storefrontDir, pages, distDir, mediaDir }) => {
    for (const [path, html] of pages) {
      const paths = path === '/index.html' ? ['/', path] : [path];
      for (const url of paths) {
        app.get(url, { schema: { hide: true }, config: { securityHeaders: 'storefront' } }, async (_request, reply) =>
          reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=300').send(html),
        );
      }
    }
    await app.register(fastifyStatic, {
      root: storefrontDir,
      prefix: '/',
      index: false,
      // The page templates are the generator's, not the site's.
      allowedPath: pathName => !pathName.startsWith('/templates/') && !pathName.endsWith('.ts'),
      setHeaders: response => applySecurityHeaders(response, 'storefront'),
    });
    await app.register(fastifyStatic, {
      root: distDir,
      prefix: '/vitrine/',
      decorateReply: false,
      cacheControl: false,
      // Chunks carry a content hash; entry files keep stable names and revalidate.
      setHeaders: (response, path) => response.header('cache-control', path.includes('/chunks/') ? YEAR : 'public, max-age=300'),
    });
    mkdirSync(mediaDir, { recursive: true });
    await app.register(fastifyStatic, {
      root: mediaDir,
      prefix: '/media/',
      decorateReply: false,
      cacheControl: false,
      index: false,
      // Names carry a content hash: a file never changes once written.
      setHeaders: response => response.header('cache-control', YEAR),
    });
    await app.register(fastifyStatic, {
      root: new URL('../admin/', import.meta.url).pathname,
      prefix: '/admin/',
      decorateReply: false,
      index: 'index.html',
      setHeaders: response => applySecurityHeaders(response, 'admin'),
    });
  },
  { name: 'vitrine-static' },
);
