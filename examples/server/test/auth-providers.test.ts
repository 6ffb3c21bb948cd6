import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { exportPKCS8, generateKeyPair, jwtVerify } from 'jose';
import { loadAuthConfig } from '../modules/auth/providers.js';
import { startTestServer } from '../test-server.js';

const SHOP = 'http://shop.test';

describe('sign-in with an unreachable provider', () => {
  test('start answers the popup with provider_unreachable (a 4xx, never a 500)', async () => {
    const server = await startTestServer({ DEMO_IDP_ISSUER: 'http://127.0.0.1:9', DEMO_IDP_CLIENT_ID: 'vitrine-test-client', DEMO_IDP_CLIENT_SECRET: 'secret' });
    try {
      const response = await fetch(`${server.url}/auth/demo/start?mode=popup&origin=${encodeURIComponent(SHOP)}`);
      assert.equal(response.status, 400);
      assert.match(await response.text(), /data-error="provider_unreachable"/);
      const back = await fetch(`${server.url}/auth/demo/start?mode=redirect&return_to=${encodeURIComponent(`${SHOP}/page`)}`, { redirect: 'manual' });
      assert.equal(back.headers.get('location'), `${SHOP}/page#vitrine-login=demo:provider_unreachable`);
    } finally {
      await server.close();
    }
  });
});

describe('provider configuration', () => {
  test('AUTH_REDIRECT_URIS must list each configured callback exactly', () => {
    const env = { GOOGLE_CLIENT_ID: 'id', GOOGLE_CLIENT_SECRET: 'secret' };
    assert.deepEqual(loadAuthConfig(env, 'https://shop.example').redirectUris, ['https://shop.example/auth/google/callback']);
    assert.ok(loadAuthConfig({ ...env, AUTH_REDIRECT_URIS: 'https://shop.example/auth/google/callback' }, 'https://shop.example').providers.google);
    for (const listed of ['https://shop.example/auth/google/callback/', 'https://SHOP.example/auth/google/callback', 'https://shop.example/auth/']) {
      assert.throws(() => loadAuthConfig({ ...env, AUTH_REDIRECT_URIS: listed }, 'https://shop.example'), /AUTH_REDIRECT_URIS/, listed);
    }
  });

  test("Apple's client secret is an ES256 JWT from the team, for the Services ID, to Apple, signed with the key id", async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const config = loadAuthConfig(
      { APPLE_CLIENT_ID: 'shop.example.signin', APPLE_TEAM_ID: 'TEAM123456', APPLE_KEY_ID: 'KEY1234567', APPLE_PRIVATE_KEY: (await exportPKCS8(privateKey)).replace(/\n/g, '\\n') },
      'https://shop.example',
    );
    const apple = config.providers.apple!;
    assert.equal(apple.responseMode, 'form_post');
    const secret = await apple.clientSecret();
    const { payload, protectedHeader } = await jwtVerify(secret, publicKey, { issuer: 'TEAM123456', subject: 'shop.example.signin', audience: 'https://appleid.apple.com' });
    assert.deepEqual(protectedHeader, { alg: 'ES256', kid: 'KEY1234567' });
    assert.ok(payload.exp! - payload.iat! <= 15_777_000, 'at most six months');
  });
});
