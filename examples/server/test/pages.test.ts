import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { pageLocale } from '../pages/render.js';
import { type TestServer, startTestServer } from '../test-server.js';

describe('server-rendered pages: templates, FR/EN by Accept-Language', () => {
  test('Accept-Language picks the best of fr and en, French by default', () => {
    assert.equal(pageLocale(undefined), 'fr');
    assert.equal(pageLocale('en-GB,en;q=0.9'), 'en');
    assert.equal(pageLocale('de-DE,en;q=0.5,fr;q=0.8'), 'fr');
    assert.equal(pageLocale('de, en;q=0.1'), 'en');
    assert.equal(pageLocale('de'), 'fr');
    assert.equal(pageLocale('en;q=0, *'), 'fr');
  });

  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  async function shareToken(ownerName: string): Promise<string> {
    const json = { 'content-type': 'application/json' };
    const created = (await (
      await fetch(`${server.url}/v1/wishlists`, {
        method: 'POST',
        headers: { ...json, 'idempotency-key': randomUUID() },
        body: JSON.stringify({ ownerName, items: [{ productId: 'ML-ROBE-CAMILLE' }, { productId: 'ML-SAC-CABAS' }] }),
      })
    ).json()) as { wishlist: { id: string }; ownerToken: string };
    const shared = (await (
      await fetch(`${server.url}/v1/wishlists/${created.wishlist.id}/share`, {
        method: 'POST',
        headers: { ...json, 'idempotency-key': randomUUID(), authorization: `Bearer ${created.ownerToken}` },
        body: '{}',
      })
    ).json()) as { wishlist: { shareUrl: string } };
    return shared.wishlist.shareUrl.split('/').pop()!;
  }

  test('the share page speaks English to an English browser, French otherwise, and escapes the owner name', async () => {
    const token = await shareToken('<Zoé & "Léa">');
    const english = await fetch(`${server.url}/w/${token}`, { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    const html = await english.text();
    assert.equal(english.headers.get('content-language'), 'en');
    assert.match(english.headers.get('vary') ?? '', /accept-language/i);
    assert.match(html, /<html lang="en">/);
    assert.match(html, /<title>Help &lt;Zoé &amp; &quot;Léa&quot;&gt; choose<\/title>/);
    assert.match(html, /2 pieces: say “Love it” or “Not for me”/);
    assert.match(html, /data-locale="en"/);
    const french = await (await fetch(`${server.url}/w/${token}`)).text();
    assert.match(french, /<html lang="fr">/);
    assert.match(french, /2 pièces : dites « J&#x27;adore »/);
    const missing = await fetch(`${server.url}/w/${'x'.repeat(43)}`, { headers: { 'accept-language': 'en' } });
    assert.equal(missing.status, 404);
    assert.match(await missing.text(), /<h1>List not found<\/h1>/);
  });

  test('the sign-in popup page follows Accept-Language', async () => {
    const response = await fetch(`${server.url}/auth/demo/callback?state=unknown`, { headers: { 'accept-language': 'en' } });
    assert.equal(response.status, 400);
    const html = await response.text();
    assert.match(html, /<html lang="en">/);
    assert.match(html, /<h1>Link expired<\/h1>/);
    assert.match(await (await fetch(`${server.url}/auth/demo/callback?state=unknown`)).text(), /<h1>Lien expiré<\/h1>/);
  });
});
