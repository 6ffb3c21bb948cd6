import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { UNSAFE_IN_TEXT } from '../plugins/text-safety.js';
import { type TestServer, startTestServer } from '../test-server.js';
import { HOSTILE_STRINGS, type OpenApiDocument, type Operation, attackerSegment, hostileString, nearSchema } from './openapi-fuzz.js';

/** At least this many bodies over the operations that take one; every operation also gets hostile path and query values. */
const BODIES = 10_500;
const RUNS_WITHOUT_BODY = 60;
const CONCURRENCY = 16;
const ORIGIN = 'http://shop.test';

/**
 * Every route and path parameter the OpenAPI document lists, fed with what an attacker sends: NUL, lone
 * surrogates and control characters in every string, wrong types, arbitrary JSON. Whatever arrives, the
 * answer is never a 5xx, and every error has the documented body.
 */
describe('fuzz over every route of /openapi.json', () => {
  let server: TestServer;
  let document: OpenApiDocument;
  const unlimited = '1000000000';

  before(async () => {
    server = await startTestServer({ VOTE_RATE_LIMIT: unlimited, EVENTS_RATE_LIMIT: unlimited, ADMIN_RATE_LIMIT: unlimited, ALLOWED_ORIGINS: ORIGIN });
    document = (await (await fetch(`${server.url}/openapi.json`)).json()) as OpenApiDocument;
  });
  after(() => server.close());

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, operation]) => ({ path, method: method.toUpperCase(), operation: operation as Operation })),
    );

  test('≥10,000 hostile requests, 0 answered 5xx, every error in the documented shape', async () => {
    const failures: string[] = [];
    let sent = 0;
    let bodies = 0;
    const statuses = new Map<number, number>();
    const seed = Number(process.env.FUZZ_SEED ?? 17);

    const withBody = operations().filter(({ operation }) => operation.requestBody).length;
    for (const [index, { path, method, operation }] of operations().entries()) {
      const pathParams = (operation.parameters ?? []).filter(parameter => parameter.in === 'path');
      const queryParams = (operation.parameters ?? []).filter(parameter => parameter.in === 'query');
      const json = operation.requestBody?.content['application/json']?.schema;
      const text = operation.requestBody && !json ? Object.keys(operation.requestBody.content)[0] : undefined;
      const request = fc.record({
        params: fc.tuple(...pathParams.map(() => fc.oneof(hostileString, fc.uuid(), fc.constantFrom('ML-ROBE-CAMILLE', 'maison-lumiere')))),
        query: fc.dictionary(fc.constantFrom(...(queryParams.length ? queryParams.map(parameter => parameter.name) : ['x'])), hostileString, { maxKeys: 2 }),
        body: json ? nearSchema(json, document) : text ? hostileString : fc.constant(undefined),
        admin: fc.boolean(),
      });
      const runs = json || text ? Math.ceil(BODIES / withBody) : RUNS_WITHOUT_BODY;
      const samples = fc.sample(request, { numRuns: runs, seed: seed + index });
      const send = async (sample: (typeof samples)[number]) => {
        let url = path;
        pathParams.forEach((parameter, i) => (url = url.replace(`{${parameter.name}}`, attackerSegment(String(sample.params[i])))));
        const query = new URLSearchParams(sample.query as Record<string, string>).toString();
        const headers: Record<string, string> = { origin: ORIGIN, 'idempotency-key': randomUUID() };
        if (sample.admin) headers.authorization = `Bearer ${server.config.adminToken}`;
        let body: string | undefined;
        if (sample.body !== undefined && method !== 'GET') {
          body = json ? JSON.stringify(sample.body) : String(sample.body);
          headers['content-type'] = json ? 'application/json' : text!;
        }
        const response = await fetch(`${server.url}${url}${query ? `?${query}` : ''}`, { method, headers, body });
        const answer = await response.text();
        sent++;
        if (body !== undefined) bodies++;
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status >= 500 && !(response.status === 503 && path.startsWith('/v1/feeds/'))) {
          failures.push(`${method} ${url} ${body?.slice(0, 200)} → ${response.status} ${answer.slice(0, 200)}`);
        } else if (response.status >= 400 && !response.headers.get('content-type')?.startsWith('text/html')) {
          // Pages (the share link's, the sign-in popup's) answer their errors as pages; everything else as JSON.
          let error: { code?: unknown; message?: unknown } | undefined;
          try {
            error = (JSON.parse(answer) as { error?: typeof error }).error;
          } catch {
            error = undefined;
          }
          if (typeof error?.code !== 'string' || typeof error.message !== 'string') failures.push(`${method} ${url} → ${response.status} body ${answer.slice(0, 200)}`);
        }
      };
      for (let at = 0; at < samples.length; at += CONCURRENCY) await Promise.all(samples.slice(at, at + CONCURRENCY).map(send));
    }
    console.log(`fuzz: ${sent} requests, ${bodies} with a body, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    assert.ok(bodies >= 10_000, `only ${bodies} bodies sent`);
    assert.deepEqual(failures.slice(0, 20), []);
  });

  test('each hostile string in a path parameter or JSON field is a 400 with the documented body', async () => {
    for (const value of HOSTILE_STRINGS.filter(value => UNSAFE_IN_TEXT.test(value))) {
      const product = await fetch(`${server.url}/v1/products/${attackerSegment(value)}`);
      assert.equal(product.status, 400, `GET /v1/products/${JSON.stringify(value)}`);
      // A lone surrogate is not even valid percent-encoded UTF-8: the URL itself is refused.
      assert.equal(((await product.json()) as { error: { code: string } }).error.code, /\p{Cs}/u.test(value) ? 'invalid_url' : 'invalid_text');
      const list = await fetch(`${server.url}/v1/wishlists`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify({ ownerName: value.slice(0, 40), items: [{ productId: 'ML-ROBE-CAMILLE', variant: value.slice(0, 40) }] }),
      });
      assert.equal(list.status, 400, `POST /v1/wishlists ownerName ${JSON.stringify(value)}`);
      assert.equal(((await list.json()) as { error: { code: string } }).error.code, 'invalid_text');
    }
  });
});
