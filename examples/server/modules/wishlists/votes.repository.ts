import type { Queryable } from '../../db/db.js';

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

interface Matched {
  n: number;
  share_id: string;
  wishlist_id: string;
  product_id: string;
  variant: string;
  removed: boolean;
}

const json = (rows: unknown[]) => JSON.stringify(rows);

/**
 * Writes a group of votes in the caller's transaction, in five statements whatever the group's size: which votes
 * match an active link and its item; the voter cap, counted per (list, day, address) under the quota row's lock;
 * the new voters; the votes (one upsert, sorted so concurrent groups lock rows in one order); and the answers,
 * read after the writes so each tally includes the whole group. `votes` holds at most one vote per (item, voter).
 */
export async function storeVoteGroup(tx: Queryable, votes: VoteInput[], cap: number): Promise<VoteOutcome[]> {
  const outcomes: VoteOutcome[] = votes.map(() => ({ kind: 'unmatched' }));
  const { rows: matched } = await tx.query<Matched>(
    `SELECT b.n, s.id AS share_id, s.wishlist_id, i.product_id, i.variant, (v.removed_at IS NOT NULL) AS removed
     FROM jsonb_to_recordset($1::text::jsonb) AS b(n int, item uuid, share uuid, token_hash text, voter text)
     JOIN wishlist_shares s ON s.token_hash = b.token_hash AND s.revoked_at IS NULL AND (b.share IS NULL OR s.id = b.share)
     JOIN wishlist_items i ON i.id = b.item AND i.wishlist_id = s.wishlist_id
     LEFT JOIN wishlist_voters v ON v.voter_id = b.voter`,
    [json(votes.map((vote, n) => ({ n, item: vote.itemId, share: vote.shareId ?? null, token_hash: vote.tokenHash, voter: vote.voterId })))],
  );
  const accepted: Array<Matched & { vote: VoteInput }> = [];
  const fresh = new Map<string, Array<Matched & { vote: VoteInput }>>();
  for (const row of matched) {
    const vote = votes[row.n];
    if (row.removed) outcomes[row.n] = { kind: 'removed' };
    else if (vote.shareId) accepted.push({ ...row, vote });
    else {
      const key = `${row.wishlist_id} ${vote.day} ${vote.addressHash}`;
      fresh.set(key, [...(fresh.get(key) ?? []), { ...row, vote }]);
    }
  }

  if (fresh.size > 0) {
    const keys = [...fresh.keys()].sort();
    const { rows: grants } = await tx.query<{ wishlist_id: string; day: string; address_hash: string; granted: number }>(
      `INSERT INTO wishlist_voter_quota AS q (wishlist_id, day, address_hash, minted, granted)
       SELECT wishlist_id, day, address_hash, LEAST(n, $2), LEAST(n, $2)
       FROM jsonb_to_recordset($1::text::jsonb) AS r(wishlist_id uuid, day date, address_hash text, n int) ORDER BY 1, 2, 3
       ON CONFLICT (wishlist_id, day, address_hash) DO UPDATE
         SET minted = LEAST($2, q.minted + EXCLUDED.minted), granted = LEAST($2, q.minted + EXCLUDED.minted) - q.minted
       RETURNING wishlist_id, to_char(day, 'YYYY-MM-DD') AS day, address_hash, granted`,
      [json(keys.map(key => ({ ...keyParts(key), n: fresh.get(key)!.length }))), cap],
    );
    const minted: Array<Matched & { vote: VoteInput }> = [];
    for (const grant of grants) {
      const waiting = fresh.get(`${grant.wishlist_id} ${grant.day} ${grant.address_hash}`) ?? [];
      waiting.forEach((row, index) => (index < grant.granted ? minted.push(row) : (outcomes[row.n] = { kind: 'capped' })));
    }
    if (minted.length > 0) {
      await tx.query(
        `INSERT INTO wishlist_voters (voter_id, share_id, address_hash, day)
         SELECT voter, share, address_hash, day FROM jsonb_to_recordset($1::text::jsonb) AS r(voter text, share uuid, address_hash text, day date)`,
        [json(minted.map(row => ({ voter: row.vote.voterId, share: row.share_id, address_hash: row.vote.addressHash, day: row.vote.day })))],
      );
    }
    accepted.push(...minted);
  }
  if (accepted.length === 0) return outcomes;

  accepted.sort((a, b) => (a.vote.itemId === b.vote.itemId ? (a.vote.voterId < b.vote.voterId ? -1 : 1) : a.vote.itemId < b.vote.itemId ? -1 : 1));
  const input = json(accepted.map(({ n, vote }) => ({ n, item: vote.itemId, voter: vote.voterId, value: vote.value, comment: vote.comment, first_name: vote.firstName })));
  // A repeated vote writes nothing (the WHERE): `changed` tells the route whom to notify.
  const { rows: changed } = await tx.query<{ n: number }>(
    `WITH b AS (SELECT * FROM jsonb_to_recordset($1::text::jsonb) AS b(n int, item uuid, voter text, value smallint, comment text, first_name text)),
     upsert AS (
       INSERT INTO wishlist_votes AS w (item_id, voter_id, value, comment, first_name)
       SELECT item, voter, value, COALESCE(comment, ''), COALESCE(first_name, '') FROM b ORDER BY item, voter
       ON CONFLICT (item_id, voter_id) DO UPDATE SET value = EXCLUDED.value,
         comment = COALESCE((SELECT comment FROM b WHERE b.item = EXCLUDED.item_id AND b.voter = EXCLUDED.voter_id), w.comment),
         first_name = COALESCE((SELECT first_name FROM b WHERE b.item = EXCLUDED.item_id AND b.voter = EXCLUDED.voter_id), w.first_name),
         updated_at = now()
       WHERE (w.value, w.comment, w.first_name) IS DISTINCT FROM (EXCLUDED.value,
         COALESCE((SELECT comment FROM b WHERE b.item = EXCLUDED.item_id AND b.voter = EXCLUDED.voter_id), w.comment),
         COALESCE((SELECT first_name FROM b WHERE b.item = EXCLUDED.item_id AND b.voter = EXCLUDED.voter_id), w.first_name))
       RETURNING item_id, voter_id
     )
     SELECT b.n FROM upsert JOIN b ON b.item = upsert.item_id AND b.voter = upsert.voter_id`,
    [input],
  );
  const changedSet = new Set(changed.map(row => row.n));
  const { rows: answers } = await tx.query<{ n: number; comment: string; first_name: string; up: number; down: number }>(
    `WITH b AS (SELECT * FROM jsonb_to_recordset($1::text::jsonb) AS b(n int, item uuid, voter text)),
     t AS (
       SELECT item_id, count(*) FILTER (WHERE value = 1)::int AS up, count(*) FILTER (WHERE value = -1)::int AS down
       FROM wishlist_votes WHERE item_id IN (SELECT item FROM b) GROUP BY item_id
     )
     SELECT b.n, w.comment, w.first_name, t.up, t.down
     FROM b JOIN wishlist_votes w ON w.item_id = b.item AND w.voter_id = b.voter JOIN t ON t.item_id = b.item`,
    [input],
  );
  const byN = new Map(accepted.map(row => [row.n, row]));
  for (const answer of answers) {
    const row = byN.get(answer.n)!;
    outcomes[answer.n] = {
      kind: 'voted',
      shareId: row.share_id,
      wishlistId: row.wishlist_id,
      productId: row.product_id,
      variant: row.variant,
      changed: changedSet.has(answer.n),
      up: answer.up,
      down: answer.down,
      comment: answer.comment,
      firstName: answer.first_name,
    };
  }
  return outcomes;
}

const keyParts = (key: string) => {
  const [wishlist_id, day, address_hash] = key.split(' ');
  return { wishlist_id, day, address_hash };
};
