// Votes per second on the wishlist's friend-vote endpoint, with the one-vote-per-voter-per-item unique
// constraint enforced by the database (upsert), beside the bare node:http baseline of the same run.
// The per-address rate limit and voter cap are lifted for the run (VOTE_RATE_LIMIT, VOTERS_PER_ADDRESS), so the database path is what is measured.
import { randomUUID } from 'node:crypto';
import { type LoadResult, printTable, runLoad, startBaseline, startServer } from './lib.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
// As the collector's bench: 50 shoppers at once, for the baseline too, so the group commit has votes to group.
const CONNECTIONS = 50;
const VOTERS = 400;
const PRODUCTS = ['ML-ROBE-CAMILLE', 'ML-CHEMISE-OVERSIZE', 'ML-JUPE-PLISSEE', 'ML-TRENCH-CLASSIQUE', 'ML-SAC-CABAS', 'ML-FOULARD-SOIE'];

const baseline = await startBaseline();
const server = await startServer({ VOTE_RATE_LIMIT: '100000000', VOTERS_PER_ADDRESS: '100000000', LOG_LEVEL: 'error' });
try {
  const json = async <T>(path: string, init: RequestInit): Promise<T> => {
    const response = await fetch(`${server.url}${path}`, init);
    if (!response.ok) throw new Error(`${init.method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  // Three shared lists of six items each: 18 items.
  const lists = await Promise.all(
    [0, 1, 2].map(async () => {
      const { wishlist, ownerToken } = await json<{ wishlist: { id: string; items: Array<{ id: string }> }; ownerToken: string }>('/v1/wishlists', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify({ items: PRODUCTS.map(productId => ({ productId })) }),
      });
      const shared = await json<{ wishlist: { shareUrl: string } }>(`/v1/wishlists/${wishlist.id}/share`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), authorization: `Bearer ${ownerToken}` },
        body: '{}',
      });
      return { share: new URL(shared.wishlist.shareUrl).pathname.split('/').pop()!, items: wishlist.items.map(item => item.id) };
    }),
  );
  // Voters get their signed tokens the normal way: from their first vote.
  const voters: Array<{ list: (typeof lists)[number]; token: string }> = [];
  for (let start = 0; start < VOTERS; start += 50) {
    voters.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(50, VOTERS - start) }, async (_, index) => {
          const list = lists[(start + index) % lists.length];
          const { voterToken } = await json<{ voterToken: string }>(`/v1/shared/${list.share}/items/${list.items[0]}/vote`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            body: '{"value":1}',
          });
          return { list, token: voterToken };
        }),
      )),
    );
  }

  // wrk picks one of these per request at random: every (voter, item, value) of a run is in its list.
  const vote = (voter: (typeof voters)[number], item: string, value: number) => ({
    path: `/v1/shared/${voter.list.share}/items/${item}/vote`,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${voter.token}` },
    body: JSON.stringify({ value }),
  });
  const votes = (label: string, requests: Array<ReturnType<typeof vote>>): Promise<LoadResult> =>
    runLoad({ url: server.url, label, method: 'PUT', connections: CONNECTIONS, seconds: SECONDS, serverPid: server.pid, requests });
  const hotVoters = voters.filter(entry => entry.list === lists[0]);

  const base = await runLoad({ url: baseline.url, label: 'node:http baseline (204)', method: 'POST', body: '{"value":1}', connections: CONNECTIONS, seconds: SECONDS, serverPid: baseline.pid });
  const results = [
    await runLoad({ url: `${server.url}/healthz`, label: 'GET /healthz (same server: Fastify, no database)', connections: CONNECTIONS, seconds: SECONDS, serverPid: server.pid }),
    await votes(
      `votes: ${VOTERS} voters x 18 items, changing`,
      voters.flatMap(voter => voter.list.items.flatMap(item => [vote(voter, item, 1), vote(voter, item, -1)])),
    ),
    await votes(
      `votes: hot item, ${hotVoters.length} voters, changing`,
      hotVoters.flatMap(voter => [vote(voter, lists[0].items[1], 1), vote(voter, lists[0].items[1], -1)]),
    ),
    await votes('votes: one voter repeating one vote (no-op upsert)', [vote(voters[0], voters[0].list.items[0], 1)]),
  ];
  printTable(results, base);
  const changing = results[1].requestsPerSec / base.requestsPerSec;
  console.log(`\nvotes / baseline, ${VOTERS} voters x 18 items (goal ≥ 0.10): ${changing.toFixed(2)}`);

  // The constraint held: one row per voter per item, whatever the load.
  const check = await json<{ items: Array<{ votes: { up: number; down: number } }> }>(`/v1/shared/${lists[0].share}`, { method: 'GET' });
  const hot = check.items[1].votes;
  const voters0 = hotVoters.length;
  console.log(`hot item tally: ${hot.up} + ${hot.down} = ${hot.up + hot.down} votes from ${voters0} voters (≤ ${voters0}: ${hot.up + hot.down <= voters0 ? 'ok' : 'VIOLATED'})`);
  if (hot.up + hot.down > voters0) process.exitCode = 1;
} finally {
  await server.stop();
  await baseline.stop();
}
