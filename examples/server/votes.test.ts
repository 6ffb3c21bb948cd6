// Votes under abuse and load (issue 20): voter tokens capped per address, list and day; bursts the owner sees
// and removes; the group commit (concurrent votes written together, each answered on its own).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { BURST_VOTERS_IN_WINDOW, VOTERS_PER_ADDRESS_PER_DAY } from './limits.js';
import { type Burst, findBursts } from './modules/wishlists/bursts.js';
import { type TestServer, startTestServer } from './test-server.js';

interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: T;
}
type VoteAnswer = Answer<{ item: { id: string; votes: { up: number; down: number } }; voterToken: string; error?: { code: string; message: string } }>;

/** HTTP from a chosen loopback source address (127.0.0.x), so one test stands for friends on several networks. */
function call<T>(server: TestServer, method: string, path: string, options: { body?: unknown; token?: string; from?: string } = {}): Promise<Answer<T>> {
  const { port } = new URL(server.url);
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: Record<string, string> = {};
  if (payload) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (method !== 'GET' && !path.includes('/vote')) headers['idempotency-key'] = randomUUID();
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, localAddress: options.from ?? '127.0.0.1', agent: false }, response => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', chunk => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

async function sharedList(server: TestServer, products = ['ML-ROBE-CAMILLE', 'ML-SAC-CABAS']) {
  const created = await call<{ wishlist: { id: string; items: Array<{ id: string }> }; ownerToken: string }>(server, 'POST', '/v1/wishlists', {
    body: { items: products.map(productId => ({ productId })) },
  });
  assert.equal(created.status, 201);
  const { wishlist, ownerToken } = created.body;
  const shared = await call<{ wishlist: { shareUrl: string } }>(server, 'POST', `/v1/wishlists/${wishlist.id}/share`, { token: ownerToken, body: {} });
  const share = new URL(shared.body.wishlist.shareUrl).pathname.split('/').pop()!;
  const vote = (itemId: string, value: 1 | -1, voterToken?: string, from?: string) =>
    call(server, 'PUT', `/v1/shared/${share}/items/${itemId}/vote`, { body: { value }, token: voterToken, from }) as Promise<VoteAnswer>;
  const owner = <T>(method: string, path: string) => call<T>(server, method, `/v1/wishlists/${wishlist.id}${path}`, { token: ownerToken });
  return { id: wishlist.id, items: wishlist.items.map(item => item.id), ownerToken, share, vote, owner };
}

const count = async (server: TestServer, sql: string, params: unknown[]) => (await server.db.query<{ n: number }>(sql, params)).rows[0].n;

describe('voter caps and bursts', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ VOTE_RATE_LIMIT: '100000', MAX_CONNECTIONS_PER_ADDRESS: '1000' });
  });
  after(() => server.close());

  test(`one address mints at most ${VOTERS_PER_ADDRESS_PER_DAY} voters per list and day; the next first votes are 429`, async () => {
    const list = await sharedList(server);
    const answers = await Promise.all(Array.from({ length: 300 }, () => list.vote(list.items[0], 1)));
    const accepted = answers.filter(answer => answer.status === 200);
    const refused = answers.filter(answer => answer.status === 429);
    assert.equal(accepted.length, VOTERS_PER_ADDRESS_PER_DAY);
    assert.equal(refused.length, 300 - VOTERS_PER_ADDRESS_PER_DAY);
    assert.equal(refused[0].body.error?.code, 'too_many_voters');
    assert.deepEqual(Object.keys(refused[0].body), ['error']);
    assert.equal(typeof refused[0].body.error?.message, 'string');
    const retryAfter = Number(refused[0].headers['retry-after']);
    assert.ok(retryAfter > 0 && retryAfter <= 86_400, `Retry-After until the next UTC day, got ${retryAfter}`);
    assert.equal(new Set(accepted.map(answer => answer.body.voterToken)).size, VOTERS_PER_ADDRESS_PER_DAY);
    assert.equal(await count(server, 'SELECT count(*)::int AS n FROM wishlist_votes WHERE item_id = $1', [list.items[0]]), VOTERS_PER_ADDRESS_PER_DAY);

    // The voters minted keep voting (the cap is on new voters); another address and another list are not capped.
    assert.equal((await list.vote(list.items[1], -1, accepted[0].body.voterToken)).status, 200);
    assert.equal((await list.vote(list.items[0], 1, undefined, '127.0.0.2')).status, 200);
    const other = await sharedList(server);
    assert.equal((await other.vote(other.items[0], 1)).status, 200);
    // No raw address is stored: only a keyed hash.
    const stored = await server.db.query<{ address_hash: string }>('SELECT DISTINCT address_hash FROM wishlist_voters');
    assert.ok(stored.rows.every(row => /^[A-Za-z0-9_-]{22}$/.test(row.address_hash) && !row.address_hash.includes('127')));
  });

  test('the owner sees a burst from one address and removes its votes; those voters vote no more', async () => {
    const list = await sharedList(server);
    const friend = await list.vote(list.items[0], 1, undefined, '127.0.0.3');
    const stuffed = await Promise.all(Array.from({ length: 12 }, () => list.vote(list.items[0], 1, undefined, '127.0.0.4')));
    assert.ok(stuffed.every(answer => answer.status === 200));
    await list.vote(list.items[1], 1, stuffed[0].body.voterToken, '127.0.0.4');

    assert.equal((await call(server, 'GET', `/v1/wishlists/${list.id}/bursts`)).status, 401);
    const stranger = await sharedList(server);
    assert.equal((await call(server, 'GET', `/v1/wishlists/${list.id}/bursts`, { token: stranger.ownerToken })).status, 403);
    const listed = await list.owner<{ bursts: Array<Omit<Burst, 'voterIds'>> }>('GET', '/bursts');
    assert.equal(listed.status, 200);
    assert.equal(listed.body.bursts.length, 1);
    const [burst] = listed.body.bursts;
    assert.deepEqual({ kind: burst.kind, voters: burst.voters, votes: burst.votes }, { kind: 'address', voters: 12, votes: 13 });
    assert.ok(Date.parse(burst.from) <= Date.parse(burst.to));

    const removed = await list.owner<{ wishlist: { items: Array<{ id: string; votes: { up: number } }> }; removedVotes: number }>('DELETE', `/bursts/${burst.id}`);
    assert.equal(removed.status, 200);
    assert.equal(removed.body.removedVotes, 13);
    assert.deepEqual(
      removed.body.wishlist.items.map(item => item.votes.up),
      [1, 0],
      "the friend's vote stays",
    );
    assert.deepEqual((await list.owner<{ bursts: unknown[] }>('GET', '/bursts')).body.bursts, []);
    const again = await list.owner<{ error: { code: string } }>('DELETE', `/bursts/${burst.id}`);
    assert.equal(again.status, 404);
    assert.equal(again.body.error.code, 'burst_not_found');
    const blocked = await list.vote(list.items[0], 1, stuffed[1].body.voterToken, '127.0.0.4');
    assert.equal(blocked.status, 403);
    assert.equal(blocked.body.error?.code, 'voter_removed');
    assert.equal((await list.vote(list.items[1], -1, friend.body.voterToken, '127.0.0.3')).status, 200);
    // The removed voters still count against the address's cap for today.
    assert.equal(await count(server, 'SELECT sum(minted)::int AS n FROM wishlist_voter_quota WHERE wishlist_id = $1', [list.id]), 13);
  });

  test('many new voters in quick succession from rotating addresses are a burst too', async () => {
    const list = await sharedList(server);
    for (let n = 0; n < BURST_VOTERS_IN_WINDOW; n++) assert.equal((await list.vote(list.items[0], -1, undefined, `127.0.1.${n + 1}`)).status, 200);
    const { bursts } = (await list.owner<{ bursts: Array<{ kind: string; voters: number; votes: number }> }>('GET', '/bursts')).body;
    assert.deepEqual(bursts.map(({ kind, voters, votes }) => ({ kind, voters, votes })), [{ kind: 'window', voters: BURST_VOTERS_IN_WINDOW, votes: BURST_VOTERS_IN_WINDOW }]);
  });

  test('burst rules: an address burst, a run of quick voters, and a slow trickle that is none', () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 11, 2, 10) + minute * 60_000);
    const voter = (id: string, address: string, minute: number) => ({ voter_id: id, address_hash: address, day: '2026-12-02', created_at: at(minute), votes: 1 });
    const trickle = Array.from({ length: 20 }, (_, n) => voter(`t${n}`, `a${n}`, n * 5));
    assert.deepEqual(findBursts(trickle), [], 'one new voter every five minutes');
    const quick = Array.from({ length: 12 }, (_, n) => voter(`q${n}`, `b${n}`, 200 + n * 0.5));
    const sameAddress = Array.from({ length: 5 }, (_, n) => voter(`s${n}`, 'shared', 300 + n * 30));
    const bursts = findBursts([...trickle, ...quick, ...sameAddress]);
    assert.deepEqual(
      bursts.map(({ kind, voters }) => ({ kind, voters })),
      [
        { kind: 'window', voters: 12 },
        { kind: 'address', voters: 5 },
      ],
    );
    assert.equal(findBursts([...quick, voter('late', 'b99', 206.5)])[0].id, bursts[0].id, 'the id holds while the burst grows');
  });
});

describe('group commit of votes', () => {
  let server: TestServer;
  let transactions = 0;
  before(async () => {
    server = await startTestServer({ VOTE_RATE_LIMIT: '100000', MAX_CONNECTIONS_PER_ADDRESS: '1000', VOTERS_PER_ADDRESS: '100000' });
    const transaction = server.db.transaction.bind(server.db);
    server.db.transaction = (work => {
      transactions++;
      return transaction(work);
    }) as typeof transaction;
  });
  after(() => server.close());

  test('N concurrent votes: N stored, each answered with its own outcome, in fewer transactions than votes', async () => {
    const list = await sharedList(server, ['ML-ROBE-CAMILLE', 'ML-SAC-CABAS', 'ML-FOULARD-SOIE']);
    const N = 120;
    transactions = 0;
    const answers = await Promise.all(Array.from({ length: N }, (_, n) => list.vote(list.items[n % 3], n % 2 ? 1 : -1)));
    assert.ok(answers.every(answer => answer.status === 200), answers.map(answer => answer.status).join());
    assert.equal(new Set(answers.map(answer => answer.body.voterToken)).size, N, 'N voters');
    answers.forEach((answer, n) => assert.equal(answer.body.item.id, list.items[n % 3], 'each answer is about its own item'));
    assert.ok(transactions < N / 2, `${transactions} transactions for ${N} votes`);
    assert.equal(await count(server, 'SELECT count(*)::int AS n FROM wishlist_votes WHERE item_id = ANY($1::uuid[])', [list.items]), N);

    // The same N voters change their votes at once, mixed with requests that fail on their own.
    const changed = await Promise.all([
      ...answers.map((answer, n) => list.vote(list.items[n % 3], n % 2 ? -1 : 1, answer.body.voterToken)),
      list.vote(randomUUID(), 1, answers[0].body.voterToken),
      list.vote(list.items[0], 1, `${answers[1].body.voterToken.slice(0, -4)}AAAA`),
    ]);
    assert.deepEqual(
      changed.slice(N).map(answer => [answer.status, answer.body.error?.code]),
      [
        [404, 'item_not_found'],
        [401, 'voter_token_invalid'],
      ],
    );
    assert.ok(changed.slice(0, N).every(answer => answer.status === 200));
    const { rows } = await server.db.query<{ value: number; n: number }>(
      'SELECT value, count(*)::int AS n FROM wishlist_votes WHERE item_id = ANY($1::uuid[]) GROUP BY value ORDER BY value',
      [list.items],
    );
    assert.deepEqual(rows, [
      { value: -1, n: N / 2 },
      { value: 1, n: N / 2 },
    ]);
    const owner = await list.owner<{ wishlist: { items: Array<{ votes: { up: number; down: number } }> } }>('GET', '');
    assert.equal(
      owner.body.wishlist.items.reduce((sum, item) => sum + item.votes.up + item.votes.down, 0),
      N,
    );

    // 50 identical repeats of one vote at once: one row, every request answered.
    const repeats = await Promise.all(Array.from({ length: 50 }, () => list.vote(list.items[0], 1, answers[0].body.voterToken)));
    assert.ok(repeats.every(answer => answer.status === 200 && answer.body.voterToken === answers[0].body.voterToken));
    assert.equal(await count(server, 'SELECT count(*)::int AS n FROM wishlist_votes WHERE voter_id = $1', [answers[0].body.voterToken.split('.')[1]]), 1);
  });
});
