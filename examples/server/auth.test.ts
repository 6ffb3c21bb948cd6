import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { type CryptoKey, type JWTPayload, SignJWT, exportJWK, generateKeyPair } from 'jose';
import { pkceChallenge, randomToken } from './modules/auth/oidc-client.js';
import { type TestServer, startTestServer } from './test-server.js';

const SHOP = 'http://shop.test';
const CLIENT_ID = 'vitrine-test-client';
const CLIENT_SECRET = randomBytes(16).toString('hex');

/**
 * A fake OpenID provider we control (the only fake: it stands in for Google/Facebook/Apple), signing with
 * a jose key pair, so each test can hand the server exactly the ID token it wants to see refused.
 */
class FakeIdp {
  server: Server = createServer((req, res) => void this.handle(req.url ?? '/', req, res));
  issuer = '';
  key!: CryptoKey;
  publicKey!: CryptoKey;
  otherKey!: CryptoKey;
  /** code → what the token endpoint answers, once. */
  codes = new Map<string, { challenge: string; idToken: () => Promise<string>; used: boolean }>();

  async start() {
    ({ privateKey: this.key, publicKey: this.publicKey } = await generateKeyPair('RS256'));
    ({ privateKey: this.otherKey } = await generateKeyPair('RS256'));
    await new Promise<void>(resolve => this.server.listen(0, '127.0.0.1', resolve));
    this.issuer = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private async handle(path: string, req: IncomingMessage, res: ServerResponse) {
    const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (path === '/.well-known/openid-configuration') {
      return json(200, { issuer: this.issuer, authorization_endpoint: `${this.issuer}/authorize`, token_endpoint: `${this.issuer}/token`, jwks_uri: `${this.issuer}/jwks` });
    }
    if (path === '/jwks') {
      const publicJwk = await exportJWK(this.publicKey);
      return json(200, { keys: [{ ...publicJwk, kid: 'k1', alg: 'RS256', use: 'sig' }] });
    }
    if (path === '/token' && req.method === 'POST') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const form = new URLSearchParams(body);
      const entry = this.codes.get(form.get('code') ?? '');
      if (form.get('client_id') !== CLIENT_ID || form.get('client_secret') !== CLIENT_SECRET) return json(401, { error: 'invalid_client' });
      if (!entry || entry.used) return json(400, { error: 'invalid_grant' });
      entry.used = true;
      // PKCE (RFC 7636): the verifier must hash to the challenge sent to /authorize.
      if (pkceChallenge(form.get('code_verifier') ?? '') !== entry.challenge) return json(400, { error: 'invalid_grant' });
      return json(200, { access_token: 'opaque', token_type: 'Bearer', id_token: await entry.idToken() });
    }
    return json(404, { error: 'not_found' });
  }

  /** A well-formed ID token for `nonce`, with `changes` applied (claims, or the signing key). */
  token(nonce: string | undefined, changes: { claims?: JWTPayload; key?: CryptoKey; exp?: number; iat?: number; iss?: string; aud?: string | string[] } = {}) {
    return async () => {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ given_name: 'Alex', picture: 'https://images.example/alex.jpg', ...(nonce ? { nonce } : {}), ...changes.claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(changes.iss ?? this.issuer)
        .setAudience(changes.aud ?? CLIENT_ID)
        .setSubject('subject-alex')
        .setIssuedAt(changes.iat ?? now)
        .setExpirationTime(changes.exp ?? now + 300)
        .sign(changes.key ?? this.key);
    };
  }
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('sign-in routes (authorization code + PKCE + state + nonce, BFF session)', () => {
  const idp = new FakeIdp();
  let server: TestServer;

  before(async () => {
    await idp.start();
    server = await startTestServer({ DEMO_IDP_ISSUER: idp.issuer, DEMO_IDP_CLIENT_ID: CLIENT_ID, DEMO_IDP_CLIENT_SECRET: CLIENT_SECRET });
  });
  after(async () => {
    await server.close();
    idp.server.closeAllConnections();
    await new Promise(resolve => idp.server.close(resolve));
  });

  const sessionCount = async () => Number((await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions')).rows[0].n);

  /** Clicks "sign in": the start route's redirect, as the browser would follow it. */
  async function begin(query = `mode=popup&origin=${encodeURIComponent(SHOP)}&lang=en`) {
    const response = await fetch(`${server.url}/auth/demo/start?${query}`, { redirect: 'manual' });
    assert.equal(response.status, 303, await response.clone().text());
    const authorize = new URL(response.headers.get('location')!);
    const cookie = response.headers.getSetCookie().find(value => value.startsWith('vitrine_auth='))!;
    return {
      response,
      authorize,
      state: authorize.searchParams.get('state')!,
      nonce: authorize.searchParams.get('nonce')!,
      cookie: cookie.split(';')[0],
      setCookie: cookie,
    };
  }

  /** The provider's redirect back with a code whose ID token is `idToken`. */
  async function callback(flow: Awaited<ReturnType<typeof begin>>, idToken: () => Promise<string>, options: { code?: string; extra?: string; cookie?: string } = {}) {
    const code = options.code ?? randomToken();
    if (!options.code) idp.codes.set(code, { challenge: flow.authorize.searchParams.get('code_challenge')!, idToken, used: false });
    const response = await fetch(`${server.url}/auth/demo/callback?code=${code}&state=${encodeURIComponent(flow.state)}${options.extra ?? ''}`, {
      headers: { cookie: options.cookie ?? flow.cookie },
      redirect: 'manual',
    });
    return { response, body: await response.text(), code, session: response.headers.getSetCookie().find(value => value.startsWith('vitrine_session=')) };
  }

  test('PKCE S256 matches the RFC 7636 Appendix B vector; verifiers are 43 unreserved characters, all distinct', () => {
    assert.equal(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'), 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    const verifiers = Array.from({ length: 1000 }, randomToken);
    assert.ok(verifiers.every(verifier => /^[A-Za-z0-9._~-]{43,128}$/.test(verifier)));
    assert.equal(new Set(verifiers).size, 1000);
  });

  test('start: redirects to the provider with S256, state and nonce; binds the browser; never shows the verifier', async () => {
    const flow = await begin();
    const params = Object.fromEntries(flow.authorize.searchParams);
    assert.equal(flow.authorize.origin + flow.authorize.pathname, `${idp.issuer}/authorize`);
    assert.equal(params.response_type, 'code');
    assert.equal(params.client_id, CLIENT_ID);
    assert.equal(params.redirect_uri, `${server.config.publicUrl}/auth/demo/callback`);
    assert.equal(params.code_challenge_method, 'S256');
    assert.match(params.code_challenge, /^[A-Za-z0-9_-]{43}$/);
    assert.ok(params.state.length >= 43 && params.nonce.length >= 43);
    const { rows } = await server.db.query<{ code_verifier: string; state_hash: string }>('SELECT code_verifier, state_hash FROM auth_transactions WHERE nonce = $1', [params.nonce]);
    assert.equal(pkceChallenge(rows[0].code_verifier), params.code_challenge);
    assert.ok(!flow.response.headers.get('location')!.includes(rows[0].code_verifier));
    assert.notEqual(rows[0].state_hash, params.state, 'only a hash of state is stored');
    assert.match(flow.setCookie, /HttpOnly/);
    assert.match(flow.setCookie, /SameSite=Lax/);
    assert.match(flow.setCookie, /Path=\/auth\//);
    assert.equal(flow.response.headers.get('cache-control'), 'no-store');
    assert.equal(flow.response.headers.get('referrer-policy'), 'no-referrer');
  });

  test('start: the popup origin and the return page must be on the allowlist, exactly', async () => {
    for (const origin of [`${SHOP}.evil.test`, 'http://evil.test', 'HTTP://SHOP.TEST', `${SHOP}:444`, 'https://shop.test', `${SHOP}/`, 'null', '']) {
      const response = await fetch(`${server.url}/auth/demo/start?mode=popup&origin=${encodeURIComponent(origin)}`, { redirect: 'manual' });
      assert.equal(response.status, 400, origin);
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'origin_not_allowed');
    }
    for (const returnTo of ['http://evil.test/', `${SHOP}@evil.test/`, `http://evil.test/${SHOP}`, '//evil.test/x', 'javascript:alert(1)', `${SHOP}.evil.test/`, '/relative']) {
      const response = await fetch(`${server.url}/auth/demo/start?mode=redirect&return_to=${encodeURIComponent(returnTo)}`, { redirect: 'manual' });
      assert.equal(response.status, 400, returnTo);
    }
    assert.equal((await fetch(`${server.url}/auth/demo/start?mode=popup`, { redirect: 'manual' })).status, 400);
    assert.equal((await fetch(`${server.url}/auth/myspace/start?mode=popup&origin=${SHOP}`, { redirect: 'manual' })).status, 404);
  });

  test('a known provider that is not configured answers the popup with provider_unavailable', async () => {
    const response = await fetch(`${server.url}/auth/google/start?mode=popup&origin=${encodeURIComponent(SHOP)}`);
    assert.equal(response.status, 400);
    assert.match(await response.text(), /data-origin="http:\/\/shop.test" data-provider="google" data-status="error" data-error="provider_unavailable"/);
  });

  test('popup sign-in: the code is exchanged, the ID token checked, the session started; the page posts to the shop origin only', async () => {
    const before = await sessionCount();
    const flow = await begin();
    const { response, body, session } = await callback(flow, idp.token(flow.nonce));
    assert.equal(response.status, 200, body);
    assert.match(body, /<script src="\/auth\/popup.js" data-origin="http:\/\/shop.test" data-provider="demo" data-status="success" defer><\/script>/);
    assert.doesNotMatch(body, /<script>/, 'no inline script');
    assert.match(response.headers.get('content-security-policy')!, /default-src 'none'; script-src 'self'/);
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.match(session!, /HttpOnly/);
    assert.ok(response.headers.getSetCookie().some(value => /^vitrine_auth=;/.test(value)), 'binding cookie cleared');
    assert.equal(await sessionCount(), before + 1);

    const me = await fetch(`${server.url}/v1/session`, { headers: { cookie: session!.split(';')[0] } });
    const user = ((await me.json()) as { user: Record<string, string> }).user;
    assert.deepEqual({ ...user, id: typeof user.id }, { id: 'string', firstName: 'Alex', provider: 'demo', avatarUrl: 'https://images.example/alex.jpg' });

    const script = await fetch(`${server.url}/auth/popup.js`);
    const source = await script.text();
    assert.match(source, /postMessage\(message, origin\)/);
    assert.doesNotMatch(source, /'\*'/);
    assert.match(source, /history\.replaceState/);
  });

  test('redirect sign-in returns to the exact page with a result marker, never elsewhere', async () => {
    const flow = await begin(`mode=redirect&return_to=${encodeURIComponent(`${SHOP}/produits/robe.html?taille=38#avis`)}`);
    const { response } = await callback(flow, idp.token(flow.nonce));
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), `${SHOP}/produits/robe.html?taille=38#vitrine-login=demo:success`);
  });

  test('state: missing, unknown, prototype names, replayed, expired or from another browser → 400 and no session', async () => {
    const before = await sessionCount();
    const flow = await begin();
    for (const state of ['', 'wrong', 'constructor', '__proto__', flow.state.slice(0, -1)]) {
      const response = await fetch(`${server.url}/auth/demo/callback?code=x&state=${state}`, { headers: { cookie: flow.cookie } });
      assert.equal(response.status, 400, state);
      assert.match(await response.text(), /expired or was already used|expiré ou a déjà servi/);
    }
    // Another browser (login CSRF): no binding cookie, or someone else's.
    assert.equal((await callback(flow, idp.token(flow.nonce), { cookie: '' })).response.status, 400);
    const other = await begin();
    assert.equal((await callback(other, idp.token(other.nonce), { cookie: flow.cookie })).response.status, 400);
    // The state was consumed by the first attempt: even the right browser cannot use it again.
    const replay = await begin();
    assert.equal((await callback(replay, idp.token(replay.nonce))).response.status, 200);
    assert.equal((await callback(replay, idp.token(replay.nonce))).response.status, 400);
    // Expired (older than 10 minutes).
    const late = await begin();
    await server.db.query(`UPDATE auth_transactions SET created_at = now() - interval '11 minutes' WHERE nonce = $1`, [late.nonce]);
    assert.equal((await callback(late, idp.token(late.nonce))).response.status, 400);
    assert.equal(await sessionCount(), before + 1, 'only the one good sign-in made a session');
  });

  test('ID tokens refused: bad signature, audience, issuer, expiry, replayed or missing nonce, alg none, HS256, several audiences without azp', async () => {
    const before = await sessionCount();
    const previous = await begin();
    const now = Math.floor(Date.now() / 1000);
    const cases: Record<string, (nonce: string) => () => Promise<string>> = {
      'bad signature': nonce => idp.token(nonce, { key: idp.otherKey }),
      'wrong audience': nonce => idp.token(nonce, { aud: 'someone-else' }),
      'wrong issuer': nonce => idp.token(nonce, { iss: 'https://accounts.evil.test' }),
      expired: nonce => idp.token(nonce, { iat: now - 7200, exp: now - 3600 }),
      'replayed nonce (another sign-in’s)': () => idp.token(previous.nonce),
      'missing nonce': () => idp.token(undefined),
      'alg none': nonce => async () => `${b64({ alg: 'none' })}.${b64({ iss: idp.issuer, aud: CLIENT_ID, sub: 'x', nonce, iat: now, exp: now + 300 })}.`,
      'HS256 with a guessable key': nonce => async () =>
        new SignJWT({ nonce }).setProtectedHeader({ alg: 'HS256', kid: 'k1' }).setIssuer(idp.issuer).setAudience(CLIENT_ID).setSubject('x').setIssuedAt().setExpirationTime('5m').sign(new TextEncoder().encode(CLIENT_SECRET)),
      'several audiences, no azp': nonce => idp.token(nonce, { aud: [CLIENT_ID, 'other-client'] }),
    };
    for (const [name, make] of Object.entries(cases)) {
      const flow = await begin();
      const { response, body, session } = await callback(flow, make(flow.nonce));
      assert.equal(response.status, 400, name);
      assert.match(body, /data-error="invalid_token"/, name);
      assert.equal(session, undefined, name);
    }
    assert.equal(await sessionCount(), before);
  });

  test('a code is single-use: injecting a used code into a new sign-in is refused by the provider', async () => {
    const first = await begin();
    const used = await callback(first, idp.token(first.nonce));
    assert.equal(used.response.status, 200);
    const second = await begin();
    const { response, body, session } = await callback(second, idp.token(second.nonce), { code: used.code });
    assert.equal(response.status, 400);
    assert.match(body, /data-error="code_rejected"/);
    assert.equal(session, undefined);
  });

  test('provider refusal and issuer mix-up come back as errors the widget can show', async () => {
    const denied = await begin();
    const response = await fetch(`${server.url}/auth/demo/callback?error=access_denied&state=${denied.state}`, { headers: { cookie: denied.cookie } });
    assert.match(await response.text(), /data-error="access_denied"/);
    const redirected = await begin(`mode=redirect&return_to=${encodeURIComponent(`${SHOP}/`)}`);
    const back = await fetch(`${server.url}/auth/demo/callback?error=server_error&state=${redirected.state}`, { headers: { cookie: redirected.cookie }, redirect: 'manual' });
    assert.equal(back.headers.get('location'), `${SHOP}/#vitrine-login=demo:provider_error`);
    const mixUp = await begin();
    const { body } = await callback(mixUp, idp.token(mixUp.nonce), { extra: `&iss=${encodeURIComponent('https://accounts.evil.test')}` });
    assert.match(body, /data-error="invalid_issuer"/);
  });

  test('GET /v1/session and POST /v1/session/logout', async () => {
    assert.deepEqual(await (await fetch(`${server.url}/v1/session`)).json(), { status: 'anonymous' });
    const flow = await begin();
    const { session } = await callback(flow, idp.token(flow.nonce));
    const cookie = session!.split(';')[0];
    const refused = await fetch(`${server.url}/v1/session/logout`, {
      method: 'POST',
      headers: { cookie, origin: 'http://evil.test', 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(refused.status, 403);
    const out = await fetch(`${server.url}/v1/session/logout`, { method: 'POST', headers: { cookie, origin: SHOP, 'content-type': 'application/json' }, body: '{}' });
    assert.deepEqual(await out.json(), { status: 'anonymous' });
    assert.ok(out.headers.getSetCookie().some(value => /^vitrine_session=;/.test(value)));
    assert.deepEqual(await (await fetch(`${server.url}/v1/session`, { headers: { cookie } })).json(), { status: 'anonymous' });
  });

  test('the sign-in routes are in the OpenAPI document', async () => {
    const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    for (const path of ['/auth/{provider}/start', '/auth/{provider}/callback', '/v1/session', '/v1/session/logout']) assert.ok(document.paths[path], path);
  });
});
