import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type FakeInstagram, startFakeInstagram } from './dev/fake-instagram/server.js';
import { type IncomingHttpHeaders, get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { FeedService } from './modules/feeds/scheduler.service.js';
import { type TestServer, startTestServer } from './test-server.js';

const FEED = 'maison-lumiere';
const HOUR = 3_600_000;

interface Feed {
  posts: Array<{
    id: string;
    type: string;
    caption: string;
    alt: string;
    slides: Array<{ id: string; type: string; width: number; height: number; video?: string; renditions: Array<{ width: number; webp: string; jpeg: string }>; hotspots: Array<{ id: string; x: number; y: number; productId: string; source: string }> }>;
  }>;
  products: Array<{ id: string; title: string; price: number }>;
}

describe('Instagram feed pipeline (against the fake Instagram)', () => {
  let fake: FakeInstagram;
  let server: TestServer;
  let mediaDir: string;
  const admin = { authorization: 'Bearer demo-admin-token' };
  const getFeed = async () => (await (await fetch(`${server.url}/v1/feeds/${FEED}`)).json()) as Feed;
  const status = async () => (await (await fetch(`${server.url}/v1/admin/feeds/${FEED}`, { headers: admin })).json()) as Record<string, unknown> & { token: { status: string; warning: string } };
  const apiCalls = () => fake.calls.filter(call => !call.path.startsWith('/oauth')).length;

  /** What the server logged at warn and error level (the test server's logger is silent otherwise). */
  const logged: string[] = [];

  before(async () => {
    fake = await startFakeInstagram();
    mediaDir = await mkdtemp(join(tmpdir(), 'vitrine-media-'));
    server = await startTestServer({ INSTAGRAM_GRAPH_URL: fake.url, INSTAGRAM_APP_ID: 'app', INSTAGRAM_APP_SECRET: 'secret', VITRINE_MEDIA_DIR: mediaDir });
    for (const level of ['warn', 'error'] as const) {
      server.app.log[level] = ((...args: unknown[]) => void logged.push(`${level}: ${args.filter(arg => typeof arg === 'string').join(' ')}`)) as never;
    }
  });
  after(async () => {
    await server?.close();
    await fake?.close();
    await rm(mediaDir, { recursive: true, force: true });
  });

  test('an unknown feed is a 404 JSON error, and admin routes need the admin token', async () => {
    const response = await fetch(`${server.url}/v1/feeds/nope`);
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'feed_not_found');
    assert.equal((await fetch(`${server.url}/v1/admin/feeds/${FEED}`)).status, 401);
    assert.equal((await fetch(`${server.url}/v1/admin/feeds/${FEED}`, { headers: { authorization: 'Bearer wrong' } })).status, 401);
  });

  test('the merchant connects with Instagram Login; the long-lived token never leaves the server', async () => {
    const start = await fetch(`${server.url}/v1/admin/feeds/${FEED}/instagram/authorize`, { method: 'POST', headers: admin });
    const { url } = (await start.json()) as { url: string };
    assert.match(url, /\/oauth\/authorize\?client_id=app&redirect_uri=.*&response_type=code&scope=instagram_business_basic&state=/);
    // The (fake) authorization window redirects back with a code and our state.
    const consent = await fetch(url, { redirect: 'manual' });
    const back = new URL(consent.headers.get('location')!);
    const callback = await fetch(`${server.url}${back.pathname}${back.search}`, { redirect: 'manual' });
    assert.equal(callback.status, 302);
    assert.match(callback.headers.get('location') ?? '', /^\/admin\/\?feed=maison-lumiere&connected=1$/);
    // Replaying the same state is refused.
    assert.equal((await fetch(`${server.url}${back.pathname}${back.search}`, { redirect: 'manual' })).status, 400);

    assert.deepEqual(await server.app.feeds.sync(FEED), { ok: true });
    const { rows } = await server.db.query<{ access_token: string }>('SELECT access_token FROM instagram_accounts WHERE feed_id = $1', [FEED]);
    const token = rows[0].access_token;
    assert.match(token, /^IGAAlong/);
    const feedText = await (await fetch(`${server.url}/v1/feeds/${FEED}`)).text();
    const statusText = JSON.stringify(await status());
    assert.ok(!feedText.includes(token) && !statusText.includes(token), 'the token is in a response');
    assert.equal((await status()).token.status, 'valid');
  });

  test('carousels keep every slide; videos keep their poster and file', async () => {
    const feed = await getFeed();
    assert.equal(feed.posts.length, 9);
    const carousel = feed.posts.find(post => post.id === '17900000000000002')!;
    assert.equal(carousel.type, 'carousel');
    assert.deepEqual(
      carousel.slides.map(slide => slide.id),
      ['17910000000000021', '17910000000000022', '17910000000000023'],
    );
    const mixed = feed.posts.find(post => post.id === '17900000000000006')!;
    assert.deepEqual(
      mixed.slides.map(slide => slide.type),
      ['image', 'video'],
    );
    assert.match(mixed.slides[1].video ?? '', /^\/media\/maison-lumiere\/17910000000000062-[0-9a-f]{12}\.mp4$/);
    const video = await fetch(`${server.url}${mixed.slides[1].video}`);
    assert.equal(video.headers.get('content-type'), 'video/mp4');
    assert.equal(Buffer.from(await video.arrayBuffer()).subarray(4, 8).toString(), 'ftyp');
    const reel = feed.posts.find(post => post.type === 'video')!;
    assert.equal(reel.slides[0].height, 1920);
    // Instagram product tags became hotspots on the right slides, with their products.
    assert.deepEqual(
      carousel.slides.map(slide => slide.hotspots.map(hotspot => hotspot.productId)),
      [['ML-CHEMISE-OVERSIZE'], ['ML-CHEMISE-OVERSIZE', 'ML-JUPE-PLISSEE'], []],
    );
    assert.ok(feed.products.some(product => product.id === 'ML-JUPE-PLISSEE' && product.price === 99));
    // Captions stay plain text, markup included, for the widget to render as text.
    assert.ok(feed.posts.some(post => post.caption.includes('<img src=x onerror="alert(\'xss\')">')));
  });

  test('media is re-hosted: no Instagram CDN URL in the served feed, immutable responsive files', async () => {
    const text = await (await fetch(`${server.url}/v1/feeds/${FEED}`)).text();
    assert.ok(!text.includes(fake.url), 'an upstream URL is in the feed');
    assert.ok(!/cdninstagram|fbcdn|\/cdn\//.test(text), 'a CDN URL is in the feed');
    const slide = (JSON.parse(text) as Feed).posts[0].slides[0];
    assert.deepEqual(
      slide.renditions.map(rendition => rendition.width),
      [320, 640, 1080],
    );
    for (const [url, type] of [
      [slide.renditions[0].webp, 'image/webp'],
      [slide.renditions[2].jpeg, 'image/jpeg'],
    ]) {
      const response = await fetch(`${server.url}${url}`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), type);
      assert.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable');
      await response.arrayBuffer();
    }
  });

  test('the feed is served from cache with an ETag and stale-while-revalidate', async () => {
    const calls = apiCalls();
    const first = await fetch(`${server.url}/v1/feeds/${FEED}`);
    await first.text();
    assert.match(first.headers.get('cache-control') ?? '', /stale-while-revalidate/);
    const etag = first.headers.get('etag')!;
    const again = await fetch(`${server.url}/v1/feeds/${FEED}`, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    assert.equal(apiCalls(), calls, 'a shopper request reached Instagram');
  });

  test('the feed is sent compressed as the browser accepts it (brotli, else gzip), the same JSON', async () => {
    const plain = await fetch(`${server.url}/v1/feeds/${FEED}`, { headers: { 'accept-encoding': 'identity' } });
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.equal(plain.headers.get('vary'), 'accept-encoding');
    const json = await plain.text();
    for (const [accept, encoding] of [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip, deflate', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
    ] as const) {
      // Raw bytes: fetch would decode them, and the test is of what goes on the wire.
      const { headers, body } = await new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) =>
        get(`${server.url}/v1/feeds/${FEED}`, { headers: { 'accept-encoding': accept } }, response => {
          const chunks: Buffer[] = [];
          response.on('data', chunk => chunks.push(chunk)).on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
        }).on('error', reject),
      );
      assert.equal(headers['content-encoding'], encoding, accept);
      assert.equal((encoding === 'br' ? brotliDecompressSync(body) : gunzipSync(body)).toString(), json);
      assert.ok(body.length < json.length / 3, `${encoding}: ${body.length} bytes for ${json.length}`);
    }
  });

  test('the token is refreshed once it is a day old, long before its 60 days', async () => {
    const now = new Date();
    await server.db.query('UPDATE instagram_accounts SET token_issued_at = $2 WHERE feed_id = $1', [FEED, new Date(now.getTime() - 2 * HOUR)]);
    await server.app.feeds.tick(now);
    assert.equal(fake.calls.filter(call => call.path === '/refresh_access_token').length, 0, 'refreshed a token younger than 24 h');

    const before = (await server.db.query<{ access_token: string }>('SELECT access_token FROM instagram_accounts')).rows[0].access_token;
    await server.db.query('UPDATE instagram_accounts SET token_issued_at = $2, token_expires_at = $3 WHERE feed_id = $1', [
      FEED,
      new Date(now.getTime() - 25 * HOUR),
      new Date(now.getTime() + 59 * 24 * HOUR),
    ]);
    await server.app.feeds.tick(now);
    const refreshes = fake.calls.filter(call => call.path === '/refresh_access_token');
    assert.equal(refreshes.length, 1);
    assert.equal(refreshes[0].query.grant_type, 'ig_refresh_token');
    const { rows } = await server.db.query<{ access_token: string; token_expires_at: Date }>('SELECT access_token, token_expires_at FROM instagram_accounts');
    assert.notEqual(rows[0].access_token, before);
    const days = (new Date(rows[0].token_expires_at).getTime() - now.getTime()) / (24 * HOUR);
    assert.ok(days > 59.9 && days <= 60, `new expiry in ${days} days`);
  });

  test('a token close to expiry that cannot be refreshed is flagged on the admin status', async () => {
    const now = new Date();
    fake.setMode('rate_limited');
    await server.db.query('UPDATE instagram_accounts SET token_issued_at = $2, token_expires_at = $3 WHERE feed_id = $1', [
      FEED,
      new Date(now.getTime() - 30 * 24 * HOUR),
      new Date(now.getTime() + 3 * 24 * HOUR),
    ]);
    await server.app.feeds.tick(now);
    fake.setMode('ok');
    const current = await status();
    assert.equal(current.token.status, 'expiring');
    assert.match(current.token.warning, /expires in 3 day/);
    assert.ok(logged.some(line => /^warn: Instagram token refresh failed; The Instagram token expires in 3 day/.test(line)), logged.join('\n'));
    await server.db.query(`UPDATE instagram_accounts SET token_issued_at = now(), token_expires_at = now() + interval '60 days'`);
    await server.db.query('UPDATE feeds SET retry_after = NULL, failures = 0');
  });

  test('a rate-limit error backs off: no call to Instagram until the backoff ends, the feed keeps being served', async () => {
    const etag = (await fetch(`${server.url}/v1/feeds/${FEED}`)).headers.get('etag');
    const now = new Date(Date.now() + 2 * HOUR); // the feed is due again
    fake.setMode('rate_limited');
    assert.deepEqual(await server.app.feeds.sync(FEED, now), { ok: false, error: 'rate_limited' });
    const failed = await status();
    assert.match(String(failed.lastError), /rate_limited: \(#4\) Application request limit reached/);
    const retryAfter = new Date(String(failed.retryAfter)).getTime();
    assert.ok(logged.some(line => /^warn: Instagram fetch failed \(\(#4\) Application request limit reached\); serving the last good feed/.test(line)), logged.join('\n'));
    assert.ok(retryAfter >= now.getTime() + 15 * 60_000, 'backs off at least 15 minutes');

    const calls = apiCalls();
    await server.app.feeds.tick(new Date(now.getTime() + 5 * 60_000));
    assert.deepEqual(await server.app.feeds.sync(FEED, new Date(now.getTime() + 5 * 60_000)), { ok: false, error: 'backing_off' });
    assert.equal(apiCalls(), calls, 'Instagram was called during the backoff');
    const served = await fetch(`${server.url}/v1/feeds/${FEED}`);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('etag'), etag);

    // A second rate limit doubles the wait.
    assert.deepEqual(await server.app.feeds.sync(FEED, new Date(retryAfter + 1000)), { ok: false, error: 'rate_limited' });
    const doubled = new Date(String((await status()).retryAfter)).getTime();
    assert.ok(doubled >= retryAfter + 1000 + 30 * 60_000, 'the second backoff is longer');

    fake.setMode('ok');
    await server.app.feeds.tick(new Date(doubled + 1000));
    const recovered = await status();
    assert.equal(recovered.lastError, null);
    assert.equal(recovered.retryAfter, null);
  });

  test('when Meta reports the quota nearly used (X-App-Usage), the scheduler pauses before the limit', async () => {
    const now = new Date(Date.now() + 24 * HOUR);
    fake.setMode('near_limit');
    assert.deepEqual(await server.app.feeds.sync(FEED, now), { ok: true });
    fake.setMode('ok');
    const paused = new Date(String((await status()).retryAfter)).getTime();
    assert.ok(paused >= now.getTime() + 3600_000 - 1000, 'no pause after a 95 % usage report');
    assert.ok(logged.some(line => /^warn: Instagram reports 95% of the app's rate limit used/.test(line)), logged.join('\n'));
    const mediaCalls = () => fake.calls.filter(call => call.path === '/me/media').length;
    const calls = mediaCalls();
    await server.app.feeds.tick(new Date(now.getTime() + 30 * 60_000));
    assert.equal(mediaCalls(), calls, 'fetched during the pause');
    await server.db.query('UPDATE feeds SET retry_after = NULL');
  });

  test('an expired token is reported (admin status) without losing the cached feed', async () => {
    const before = await (await fetch(`${server.url}/v1/feeds/${FEED}`)).text();
    fake.setMode('expired_token');
    assert.deepEqual(await server.app.feeds.sync(FEED), { ok: false, error: 'token_expired' });
    fake.setMode('ok');
    const current = await status();
    assert.equal(current.token.status, 'expired');
    assert.match(current.token.warning, /Reconnect Instagram/);
    assert.match(String(current.lastError), /token_expired: Error validating access token: Session has expired/);
    assert.ok(logged.some(line => /^error: Instagram token expired or revoked .*serving the last good feed; reconnect Instagram/.test(line)), logged.join('\n'));
    const after = await fetch(`${server.url}/v1/feeds/${FEED}`);
    assert.equal(after.status, 200);
    assert.equal(await after.text(), before);
    // No more calls with a dead token until the merchant reconnects.
    const calls = apiCalls();
    await server.app.feeds.tick(new Date(Date.now() + 2 * HOUR));
    assert.equal(apiCalls(), calls);
    await server.app.feeds.connect(FEED, fake.issueCode(), 'http://127.0.0.1/v1/instagram/callback');
    assert.equal((await status()).token.status, 'valid');
  });

  test('two instances on one database: a due feed is fetched by one of them, not both', async () => {
    // A second instance's scheduler on the same database, as in a fleet.
    const other = new FeedService(server.db, server.app.serverConfig, server.app.log);
    // Past the pause of the quota test above.
    const due = new Date(Date.now() + 48 * HOUR);
    const fetches = () => fake.calls.filter(call => call.path === '/me/media').length;
    let before = fetches();
    await server.app.feeds.tick(due);
    const onePass = fetches() - before;
    assert.ok(onePass > 0, 'the feed was due');
    before = fetches();
    const dueAgain = new Date(due.getTime() + 2 * HOUR);
    await Promise.all([server.app.feeds.tick(dueAgain), other.tick(dueAgain)]);
    assert.equal(fetches() - before, onePass, 'both schedulers ran; the feed was fetched once');
    await other.stop();
  });

  test('the hotspot API rejects out-of-range coordinates with a 400 and places valid ones', async () => {
    const url = `${server.url}/v1/admin/feeds/${FEED}/posts/17900000000000007/hotspots`;
    const post = (body: unknown, method = 'POST') => fetch(url, { method, headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    for (const bad of [
      { x: 1.5, y: 0.5, productId: 'ML-SAC-CABAS' },
      { x: 0.5, y: -0.1, productId: 'ML-SAC-CABAS' },
    ]) {
      const response = await post(bad);
      assert.equal(response.status, 400);
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'invalid_request');
    }
    assert.equal((await post({ hotspots: [{ x: 0.2, y: 2, productId: 'ML-SAC-CABAS' }] }, 'PUT')).status, 400);
    const unknown = await post({ x: 0.5, y: 0.5, productId: 'NOPE' });
    assert.equal(unknown.status, 400);
    assert.equal(((await unknown.json()) as { error: { code: string } }).error.code, 'unknown_product');
    assert.equal((await post({ x: 0.5, y: 0.5, slide: 3, productId: 'ML-SAC-CABAS' })).status, 400);
    assert.equal((await fetch(`${server.url}/v1/admin/feeds/${FEED}/posts/999/hotspots`, { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify({ x: 0.5, y: 0.5, productId: 'ML-SAC-CABAS' }) })).status, 404);
    assert.equal((await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ x: 0.5, y: 0.5, productId: 'ML-SAC-CABAS' }) })).status, 401);

    const placed = await post({ x: 0.25, y: 0.75, productId: 'ML-SAC-CABAS' });
    assert.equal(placed.status, 201);
    const feed = await getFeed();
    const hotspot = feed.posts.find(item => item.id === '17900000000000007')!.slides[0].hotspots[0];
    assert.deepEqual({ x: hotspot.x, y: hotspot.y, productId: hotspot.productId, source: hotspot.source }, { x: 0.25, y: 0.75, productId: 'ML-SAC-CABAS', source: 'merchant' });
    assert.ok(feed.products.some(product => product.id === 'ML-SAC-CABAS'));

    const replaced = await post({ hotspots: [] }, 'PUT');
    assert.equal(replaced.status, 200);
    assert.equal((await getFeed()).posts.find(item => item.id === '17900000000000007')!.slides[0].hotspots.length, 0);
  });
});
