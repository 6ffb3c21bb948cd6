import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** The storefront's pages (and the share page): a strict CSP the widgets must run under (no inline script or style). */
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
 * The header sets a route (or a static folder) opts into by name, in its `config.securityHeaders`:
 * each route says what it is, and no hook guesses from the URL.
 */
export const SECURITY_HEADERS = {
  /** Storefront pages: the strict CSP. */
  storefront: { 'content-security-policy': STOREFRONT_CSP },
  /** A capability URL's page (`/w/<token>`): the storefront's CSP, never leaked in Referer, never cached. */
  capability: { 'content-security-policy': STOREFRONT_CSP, 'referrer-policy': 'no-referrer', 'cache-control': 'private, no-store' },
  /** The admin page: external script, this origin only. */
  admin: {
    'content-security-policy':
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'",
  },
  /** Sign-in and session: nothing third-party, nothing cached, no Referer carrying the OAuth code. */
  signIn: {
    'content-security-policy': "default-src 'none'; script-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
  },
} as const satisfies Record<string, Record<string, string>>;

export type SecurityHeaders = keyof typeof SECURITY_HEADERS;

declare module 'fastify' {
  interface FastifyContextConfig {
    securityHeaders?: SecurityHeaders;
  }
}

/** Every response's own headers; the named set of the route on top. */
const BASELINE = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'strict-origin-when-cross-origin' } as const;

/** For @fastify/static's `setHeaders`, whose files have no route config. */
export function applySecurityHeaders(reply: { header(name: string, value: string): unknown }, name: SecurityHeaders): void {
  for (const [header, value] of Object.entries(SECURITY_HEADERS[name])) reply.header(header, value);
}

export const securityHeadersPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('onSend', async (request, reply, payload) => {
      const named = request.routeOptions.config?.securityHeaders;
      // Static files set theirs already (setHeaders); the baseline never overrides a route's own choice.
      for (const [header, value] of Object.entries(BASELINE)) if (!reply.hasHeader(header)) reply.header(header, value);
      if (named) reply.headers(SECURITY_HEADERS[named]);
      return payload;
    });
  },
  { name: 'vitrine-security-headers' },
);
