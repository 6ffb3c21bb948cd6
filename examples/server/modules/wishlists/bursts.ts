import { createHash } from 'node:crypto';
import type { Queryable } from '../../db/db.js';
import { BURST_GAP_MS, BURST_LOOKBACK_DAYS, BURST_VOTERS_IN_WINDOW, BURST_VOTERS_PER_ADDRESS } from '../../limits.js';

export interface Voter {
  voter_id: string;
  address_hash: string;
  day: string;
  created_at: Date;
  votes: number;
}

export interface Burst {
  /** Stable while the burst grows: its kind and what groups it (the day and address, or its first voter's time). */
  id: string;
  /** `address`: many new voters from one address in one day; `window`: many new voters in quick succession. */
  kind: 'address' | 'window';
  voters: number;
  votes: number;
  from: string;
  to: string;
  voterIds: string[];
}

const burstId = (kind: Burst['kind'], key: string) => createHash('sha256').update(`${kind}:${key}`).digest('base64url').slice(0, 22);

const burstOf = (kind: Burst['kind'], key: string, voters: Voter[]): Burst => ({
  id: burstId(kind, key),
  kind,
  voters: voters.length,
  votes: voters.reduce((sum, voter) => sum + voter.votes, 0),
  from: voters[0].created_at.toISOString(),
  to: voters[voters.length - 1].created_at.toISOString(),
  voterIds: voters.map(voter => voter.voter_id),
});

/**
 * The list's suspicious bursts, from its recent voters in order of arrival: one address's voters of a day when
 * they are `BURST_VOTERS_PER_ADDRESS` or more; then, among the others (a voter is in one burst at most), runs of
 * voters each minted within `BURST_GAP_MS` of the previous when they are `BURST_VOTERS_IN_WINDOW` or more
 * (addresses that rotate). Voters the owner already removed are not counted.
 */
export function findBursts(voters: Voter[]): Burst[] {
  const bursts: Burst[] = [];
  const byAddress = new Map<string, Voter[]>();
  for (const voter of voters) {
    const key = `${voter.day}:${voter.address_hash}`;
    byAddress.set(key, [...(byAddress.get(key) ?? []), voter]);
  }
  const inBurst = new Set<string>();
  for (const [key, group] of byAddress) {
    if (group.length < BURST_VOTERS_PER_ADDRESS) continue;
    bursts.push(burstOf('address', key, group));
    group.forEach(voter => inBurst.add(voter.voter_id));
  }
  let run: Voter[] = [];
  const closeRun = () => {
    if (run.length >= BURST_VOTERS_IN_WINDOW) bursts.push(burstOf('window', run[0].voter_id, run));
    run = [];
  };
  for (const voter of voters.filter(entry => !inBurst.has(entry.voter_id))) {
    const last = run[run.length - 1];
    if (last && voter.created_at.getTime() - last.created_at.getTime() > BURST_GAP_MS) closeRun();
    run.push(voter);
  }
  closeRun();
  return bursts.sort((a, b) => a.from.localeCompare(b.from));
}

/** The list's voters of the last days not removed, oldest first, with how many votes each holds. */
export async function recentVoters(db: Queryable, listId: string): Promise<Voter[]> {
  const { rows } = await db.query<Voter>(
    `SELECT v.voter_id, v.address_hash, to_char(v.day, 'YYYY-MM-DD') AS day, v.created_at,
       (SELECT count(*)::int FROM wishlist_votes w WHERE w.voter_id = v.voter_id) AS votes
     FROM wishlist_voters v JOIN wishlist_shares s ON s.id = v.share_id
     WHERE s.wishlist_id = $1 AND v.removed_at IS NULL AND v.created_at > now() - make_interval(days => $2)
     ORDER BY v.created_at, v.voter_id`,
    [listId, BURST_LOOKBACK_DAYS],
  );
  return rows.map(row => ({ ...row, created_at: new Date(row.created_at) }));
}

/** Removes the voters' votes and stops their tokens; answers how many votes were removed. */
export async function removeVoters(db: Queryable, voterIds: string[]): Promise<number> {
  await db.query('UPDATE wishlist_voters SET removed_at = now() WHERE voter_id = ANY($1::text[]) AND removed_at IS NULL', [voterIds]);
  return (await db.query('DELETE FROM wishlist_votes WHERE voter_id = ANY($1::text[])', [voterIds])).rowCount;
}
