import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError } from './errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route checks its body's text itself (the collector: each event is accepted or rejected on its
     * own, so one bad event does not refuse the batch). Path and query are still checked.
     */
    checksOwnBodyText?: boolean;
  }
}

/**
 * Characters no field of this API may hold, because PostgreSQL refuses them (U+0000 in text and jsonb,
 * a lone surrogate is not UTF-8) or because they are never typed by a person: the C0 controls other than
 * tab, line feed and carriage return, and DEL. Lone surrogates match because of the `u` flag: a pair is
 * one code point.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const UNSAFE_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|\p{Cs}/u;
/** In a path segment or a query value, no control character at all. */
// eslint-disable-next-line no-control-regex -- as above
const UNSAFE_IN_URL = /[\u0000-\u001f\u007f]|\p{Cs}/u;

/** Where in `value` (a parsed body) the first unsafe string is, as a JSON pointer; undefined when there is none. */
export function unsafeTextAt(value: unknown, pattern: RegExp = UNSAFE_IN_TEXT, at = ''): string | undefined {
  if (typeof value === 'string') return pattern.test(value) ? at || '/' : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const path = `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (pattern.test(key)) return path;
    const found = unsafeTextAt(child, pattern, path);
    if (found) return found;
  }
  return undefined;
}

const describe = (part: string, pointer: string) =>
  `${part}${pointer === '/' ? '' : ` ${pointer}`} holds a character this API does not accept (U+0000, a control character or a lone surrogate)`;

function check(request: FastifyRequest): void {
  const params = unsafeTextAt(request.params, UNSAFE_IN_URL);
  if (params) throw new ApiError(400, 'invalid_text', describe('path parameter', params));
  const query = unsafeTextAt(request.query, UNSAFE_IN_URL);
  if (query) throw new ApiError(400, 'invalid_text', describe('query parameter', query));
  if (request.routeOptions.config.checksOwnBodyText) return;
  const body = unsafeTextAt(request.body);
  if (body) throw new ApiError(400, 'invalid_text', describe('body', body));
}

/**
 * Refuses, with a 400, any request whose path, query or body carries text the database cannot store or a
 * person never types, before validation and before any SQL: never a 500 from the database.
 */
export const textSafetyPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('preValidation', async request => check(request));
  },
  { name: 'vitrine-text-safety' },
);
