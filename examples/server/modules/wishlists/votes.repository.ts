import type { Database } from '../../db/db.js';

/** One vote as the route hands it to the group commit. */
export interface VoteInput {
  itemId: string;
  voterId: string;
  /** The voter's link, from their token; absent for a first vote (no token yet: the link token decides). */
  shareId?: string;
  /** SHA-256 of the link token in the URL. */
  tokenHash: string;
  value: 1 | -1;
  /** null keeps the stored value. */
  comment: string | null;
  firstName: string | null;
  /** UTC day and address hash the voter cap counts, for a first vote. */
  day: string;
  addressHash: string;
}

export type VoteOutcome =
  | { kind: 'voted'; shareId: string; wishlistId: string; productId: string; variant: string; changed: boolean; up: number; down: number; comment: string; firstName: string }
  /** No active link with this token holding this item (or the voter's token names another link): the route says which. */
  | { kind: 'unmatched' }
  /** The owner removed this voter's votes (a burst): the token votes no more. */
  | { kind: 'removed' }
  /** A first vote past the address's voter cap on this list today. */
  | { kind: 'capped' };

/**
 * One statement writes the whole group, so a group costs one round trip (and on PGlite one call into the
 * database, planned once): which votes match an active link and its item; the voter cap, counted per
 * (list, day, address) under the quota row's lock; the new voters; and the votes (one upsert, sorted so
 * concurrent groups lock rows in one order). It returns one row per matched vote with what the vote replaced,
 * and one row per item with its tally before the group: the caller adds the group's changes.
 *
 * Its parts share one snapshot, so "what the vote replaced" is the snapshot's row: a vote without a comment
 * keeps the snapshot's comment. The vote writer never writes one (item, voter) in two groups at once; only the
 * same voter token on two instances in the same instant could see a stale comment. No part joins two of the
 * group's own lists: the plan is made once for any group size, and the planner's nested loops over them would
 * cost the square of the group's size. So the first votes learn their quota through a window over both.
 */
const STORE_GROUP = `
WITH b AS (
  SELECT * FROM jsonb_to_recordset($1::text::jsonb) AS b(n int, item uuid, share uuid, token_hash text, voter text,
    value smallint, comment text, first_name text, day date, address_hash text)
),
matched AS (
  SELECT b.*, s.id AS share_id, s.wishlist_id, i.product_id, i.variant, (v.removed_at IS NOT NULL) AS removed
  FROM b
  JOIN wishlist_shares s ON s.token_hash = b.token_hash AND s.revoked_at IS NULL AND (b.share IS NULL OR s.id = b.share)
  JOIN wishlist_items i ON i.id = b.item AND i.wishlist_id = s.wishlist_id
  LEFT JOIN wishlist_voters v ON v.voter_id = b.voter
),
quota AS (
  INSERT INTO wishlist_voter_quota AS q (wishlist_id, day, address_hash, minted, granted)
  SELECT wishlist_id, day, address_hash, LEAST(count(*), $2::text::int), LEAST(count(*), $2::text::int)
  FROM matched WHERE share IS NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (wishlist_id, day, address_hash) DO UPDATE
    SET minted = LEAST($2::text::int, q.minted + EXCLUDED.minted), granted = LEAST($2::text::int, q.minted + EXCLUDED.minted) - q.minted
  RETURNING wishlist_id, day, address_hash, granted
),
-- First votes (no voter token yet) in arrival order within their (list, day, address): the first ones within the granted count mint a voter.
first_votes AS (
  SELECT * FROM (
    SELECT keyed.*, row_number() OVER (PARTITION BY wishlist_id, day, address_hash ORDER BY n) AS rank,
      max(granted) OVER (PARTITION BY wishlist_id, day, address_hash) AS key_granted
    FROM (
      SELECT n, item, voter, value, comment, first_name, share_id, wishlist_id, product_id, variant, day, address_hash, NULL::int AS granted
      FROM matched WHERE share IS NULL
      UNION ALL
      SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, wishlist_id, NULL, NULL, day, address_hash, granted FROM quota
    ) keyed
  ) ranked
  WHERE n IS NOT NULL
),
new_voters AS (
  INSERT INTO wishlist_voters (voter_id, share_id, address_hash, day)
  SELECT voter, share_id, address_hash, day FROM first_votes WHERE rank <= key_granted
),
-- What each accepted vote leaves stored, beside what it replaces.
accepted AS (
  SELECT a.*, w.value AS old_value, COALESCE(a.comment, w.comment, '') AS new_comment, COALESCE(a.first_name, w.first_name, '') AS new_first_name,
    (w.value, w.comment, w.first_name) IS DISTINCT FROM (a.value, COALESCE(a.comment, w.comment, ''), COALESCE(a.first_name, w.first_name, '')) AS changed
  FROM (
    SELECT n, item, voter, value, comment, first_name, share_id, wishlist_id, product_id, variant FROM matched WHERE share IS NOT NULL AND NOT removed
    UNION ALL
    SELECT n, item, voter, value, comment, first_name, share_id, wishlist_id, product_id, variant FROM first_votes WHERE rank <= key_granted
  ) a
  LEFT JOIN wishlist_votes w ON w.item_id = a.item AND w.voter_id = a.voter
),
upsert AS (
  INSERT INTO wishlist_votes AS w (item_id, voter_id, value, comment, first_name)
  SELECT item, voter, value, new_comment, new_first_name FROM accepted WHERE changed ORDER BY item, voter
  ON CONFLICT (item_id, voter_id) DO UPDATE SET value = EXCLUDED.value, comment = EXCLUDED.comment, first_name = EXCLUDED.first_name, updated_at = now()
)
SELECT 'voted', n, item, share_id, wishlist_id, product_id, variant, changed, old_value, new_comment, new_first_name, NULL::bigint, NULL::bigint FROM accepted
UNION ALL
SELECT 'removed', n, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM matched WHERE share IS NOT NULL AND removed
UNION ALL
SELECT 'capped', n, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM first_votes WHERE rank > key_granted
UNION ALL
-- ARRAY(...) is computed once, then each item is one index range.
SELECT 'tally', NULL, item_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, count(*) FILTER (WHERE value = 1), count(*) FILTER (WHERE value = -1)
FROM wishlist_votes WHERE item_id = ANY (ARRAY(SELECT DISTINCT item FROM accepted)) GROUP BY item_id`;

type Row = Array<string | null>;

/** Writes a group of votes in one statement (its own transaction) and answers each vote, in the group's order. */
export async function storeVoteGroup(db: Pick<Database, 'queryPrepared'>, votes: VoteInput[], cap: number): Promise<VoteOutcome[]> {
  const input = votes.map((vote, n) => ({
    n,
    item: vote.itemId,
    share: vote.shareId ?? null,
    token_hash: vote.tokenHash,
    voter: vote.voterId,
    value: vote.value,
    comment: vote.comment,
    first_name: vote.firstName,
    day: vote.day,
    address_hash: vote.addressHash,
  }));
  // Every column comes back as PostgreSQL's text output.
  const rows = await db.queryPrepared('votes_store_group', STORE_GROUP, [JSON.stringify(input), String(cap)]);
  const tallies = new Map<string, { up: number; down: number }>();
  for (const [kind, , item, , , , , , , , , up, down] of rows) if (kind === 'tally') tallies.set(item!, { up: Number(up), down: Number(down) });
  const voted: Row[] = rows.filter(([kind]) => kind === 'voted');
  // The tally before the group, plus what the group's votes replaced.
  for (const [, n, item, , , , , , oldValue] of voted) {
    const tally = tallies.get(item!) ?? { up: 0, down: 0 };
    if (oldValue === '1') tally.up--;
    if (oldValue === '-1') tally.down--;
    if (votes[Number(n)].value === 1) tally.up++;
    else tally.down++;
    tallies.set(item!, tally);
  }
  const outcomes: VoteOutcome[] = votes.map(() => ({ kind: 'unmatched' }));
  for (const [kind, n, item, shareId, wishlistId, productId, variant, changed, , comment, firstName] of rows) {
    if (kind === 'removed' || kind === 'capped') outcomes[Number(n)] = { kind };
    if (kind !== 'voted') continue;
    const { up, down } = tallies.get(item!)!;
    outcomes[Number(n)] = { kind, shareId: shareId!, wishlistId: wishlistId!, productId: productId!, variant: variant!, changed: changed === 't', up, down, comment: comment!, firstName: firstName! };
  }
  return outcomes;
}
