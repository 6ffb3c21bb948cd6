import { randomBytes, randomUUID } from 'node:crypto';
import type { Queryable } from '../../db/db.js';
import { MAX_WISHLIST_ITEMS } from '../../limits.js';
import { ApiError } from '../../plugins/errors.js';
import type { OwnerWishlist, SharedList } from './schemas.js';

type Row = Record<string, unknown>;
/** An item row with its tally; the product's columns (`product()`) are null once it left the catalog. */
type ItemRow = Row & { id: string; product_id: string; variant: string; up: number; down: number };

const product = (row: Row) => ({
  title: (row.title as string | null) ?? null,
  image: (row.image as string | null) ?? null,
  link: (row.link as string | null) ?? null,
  price: row.price === null || row.price === undefined ? null : Number(row.price),
  currency: row.currency === null || row.currency === undefined ? null : String(row.currency).trim(),
  availability: (row.availability as string | null) ?? null,
});

/** All of the wishlists' SQL: lists, items, owner tokens, share links, votes, the sign-in merge. */
export class WishlistRepository {
  constructor(private readonly db: Queryable) {}

  /** The signing secret: WISHLIST_SECRET, else one generated on first use and kept in the database. */
  async secret(configured: string | undefined): Promise<string> {
    if (configured) return configured;
    await this.db.query("INSERT INTO wishlist_secrets (name, value) VALUES ('tokens', $1) ON CONFLICT (name) DO NOTHING", [randomBytes(32).toString('base64url')]);
    const { rows } = await this.db.query<{ value: string }>("SELECT value FROM wishlist_secrets WHERE name = 'tokens'");
    return rows[0].value;
  }

  async listOfOwnerToken(tokenHash: string): Promise<string | undefined> {
    const { rows } = await this.db.query<{ wishlist_id: string }>('SELECT wishlist_id FROM wishlist_owner_tokens WHERE token_hash = $1', [tokenHash]);
    return rows[0]?.wishlist_id;
  }

  async issueOwnerToken(listId: string, tokenHash: string): Promise<void> {
    await this.db.query('INSERT INTO wishlist_owner_tokens (token_hash, wishlist_id) VALUES ($1, $2) ON CONFLICT (token_hash) DO NOTHING', [tokenHash, listId]);
  }

  async create(ownerName: string, customerId: string | null = null): Promise<string> {
    const listId = randomUUID();
    await this.db.query('INSERT INTO wishlists (id, owner_name, customer_id) VALUES ($1, $2, $3)', [listId, ownerName, customerId]);
    return listId;
  }

  async setOwnerName(listId: string, ownerName: string): Promise<void> {
    await this.db.query('UPDATE wishlists SET owner_name = $2 WHERE id = $1', [listId, ownerName]);
  }

  /** The owner's view of a list: items with products, tallies and comments, and the active share link. */
  async ownerView(listId: string, shareUrl: (shareId: string) => string): Promise<OwnerWishlist> {
    const [list, items, comments, share] = [
      await this.db.query<{ owner_name: string }>('SELECT owner_name FROM wishlists WHERE id = $1', [listId]),
      await this.db.query<ItemRow & { added_at: Date | string }>(
        `SELECT i.id, i.product_id, i.variant, i.added_at, p.title, p.image, p.link, p.price, p.currency, p.availability,
           count(v.voter_id) FILTER (WHERE v.value = 1)::int AS up, count(v.voter_id) FILTER (WHERE v.value = -1)::int AS down
         FROM wishlist_items i LEFT JOIN products p ON p.id = i.product_id LEFT JOIN wishlist_votes v ON v.item_id = i.id
         WHERE i.wishlist_id = $1 GROUP BY i.id, p.id ORDER BY i.added_at, i.seq`,
        [listId],
      ),
      await this.db.query<{ item_id: string; value: number; comment: string; first_name: string; updated_at: Date }>(
        `SELECT v.item_id, v.value, v.comment, v.first_name, v.updated_at FROM wishlist_votes v JOIN wishlist_items i ON i.id = v.item_id
         WHERE i.wishlist_id = $1 AND (v.comment <> '' OR v.first_name <> '') ORDER BY v.updated_at, v.voter_id`,
        [listId],
      ),
      await this.db.query<{ id: string }>('SELECT id FROM wishlist_shares WHERE wishlist_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC LIMIT 1', [
        listId,
      ]),
    ];
    if (!list.rows[0]) throw new ApiError(404, 'wishlist_not_found', 'No such wishlist');
    return {
      id: listId,
      ownerName: list.rows[0].owner_name,
      shareUrl: share.rows[0] ? shareUrl(share.rows[0].id) : null,
      items: items.rows.map(row => ({
        id: row.id,
        productId: row.product_id,
        variant: row.variant,
        addedAt: new Date(row.added_at).toISOString(),
        ...product(row),
        votes: { up: row.up, down: row.down },
        comments: comments.rows
          .filter(comment => comment.item_id === row.id)
          .map(comment => ({ value: comment.value, comment: comment.comment, firstName: comment.first_name, at: new Date(comment.updated_at).toISOString() })),
      })),
    };
  }


  /** Adds a product (and variant) once; 422 for a product not in the catalog, 409 when the list is full. */
  async addItem(listId: string, item: { productId: string; variant?: string }): Promise<void> {
    const known = await this.db.query('SELECT 1 FROM products WHERE id = $1', [item.productId]);
    if (known.rowCount === 0) throw new ApiError(422, 'unknown_product', `No product with id "${item.productId}"`);
    const { rows } = await this.db.query<{ count: number }>('SELECT count(*)::int AS count FROM wishlist_items WHERE wishlist_id = $1', [listId]);
    if (rows[0].count >= MAX_WISHLIST_ITEMS) throw new ApiError(409, 'wishlist_full', `A wishlist holds at most ${MAX_WISHLIST_ITEMS} items`);
    await this.db.query(
      'INSERT INTO wishlist_items (id, wishlist_id, product_id, variant, added_at) VALUES ($1, $2, $3, $4, clock_timestamp()) ON CONFLICT (wishlist_id, product_id, variant) DO NOTHING',
      [randomUUID(), listId, item.productId, item.variant ?? ''],
    );
  }

  async removeItem(listId: string, productId: string, variant: string): Promise<void> {
    await this.db.query('DELETE FROM wishlist_items WHERE wishlist_id = $1 AND product_id = $2 AND variant = $3', [listId, productId, variant]);
  }

  /** Creates the list's share link unless one is active; `tokenHash` names the new link's token. */
  async ensureShare(listId: string, newShare: (shareId: string) => string): Promise<void> {
    const active = await this.db.query('SELECT 1 FROM wishlist_shares WHERE wishlist_id = $1 AND revoked_at IS NULL', [listId]);
    if (active.rowCount > 0) return;
    const shareId = randomUUID();
    await this.db.query('INSERT INTO wishlist_shares (id, token_hash, wishlist_id) VALUES ($1, $2, $3)', [shareId, newShare(shareId), listId]);
  }

  async revokeShares(listId: string): Promise<void> {
    await this.db.query('UPDATE wishlist_shares SET revoked_at = now() WHERE wishlist_id = $1 AND revoked_at IS NULL', [listId]);
  }

  async shareByTokenHash(tokenHash: string): Promise<{ id: string; wishlist_id: string; revoked_at: Date | null } | undefined> {
    const { rows } = await this.db.query<{ id: string; wishlist_id: string; revoked_at: Date | null }>(
      'SELECT id, wishlist_id, revoked_at FROM wishlist_shares WHERE token_hash = $1',
      [tokenHash],
    );
    return rows[0];
  }

  /** A friend's view: products, tallies, and this voter's own vote on each item. */
  async sharedView(listId: string, voterId: string): Promise<SharedList> {
    const [list, items] = [
      await this.db.query<{ owner_name: string }>('SELECT owner_name FROM wishlists WHERE id = $1', [listId]),
      // The voter's own vote, null where none: `value` is a smallint whose CHECK allows only 1 and -1.
      await this.db.query<ItemRow & { my_value: 1 | -1 | null; my_comment: string; my_first_name: string }>(
        `SELECT i.id, i.product_id, i.variant, p.title, p.image, p.link, p.price, p.currency, p.availability,
           count(v.voter_id) FILTER (WHERE v.value = 1)::int AS up, count(v.voter_id) FILTER (WHERE v.value = -1)::int AS down,
           max(v.value) FILTER (WHERE v.voter_id = $2) AS my_value, max(v.comment) FILTER (WHERE v.voter_id = $2) AS my_comment,
           max(v.first_name) FILTER (WHERE v.voter_id = $2) AS my_first_name
         FROM wishlist_items i LEFT JOIN products p ON p.id = i.product_id LEFT JOIN wishlist_votes v ON v.item_id = i.id
         WHERE i.wishlist_id = $1 GROUP BY i.id, p.id ORDER BY i.added_at, i.seq`,
        [listId, voterId],
      ),
    ];
    return {
      ownerName: list.rows[0]?.owner_name ?? '',
      items: items.rows.map(row => ({
        id: row.id,
        productId: row.product_id,
        variant: row.variant,
        ...product(row),
        votes: { up: row.up, down: row.down },
        ...(row.my_value === null ? {} : { myVote: { value: row.my_value, comment: row.my_comment, firstName: row.my_first_name } }),
      })),
    };
  }

  /** What the share link's preview shows: the owner's name, the first item's picture, the item count. */
  async preview(listId: string): Promise<{ owner_name: string; image: string | null; count: number }> {
    const { rows } = await this.db.query<{ owner_name: string; image: string | null; count: number }>(
      `SELECT w.owner_name, (SELECT p.image FROM wishlist_items i JOIN products p ON p.id = i.product_id
         WHERE i.wishlist_id = w.id ORDER BY i.added_at, i.seq LIMIT 1) AS image,
         (SELECT count(*)::int FROM wishlist_items i WHERE i.wishlist_id = w.id) AS count
       FROM wishlists w WHERE w.id = $1`,
      [listId],
    );
    return rows[0];
  }

  async accountList(customerId: string): Promise<string | undefined> {
    return (await this.db.query<{ id: string }>('SELECT id FROM wishlists WHERE customer_id = $1', [customerId])).rows[0]?.id;
  }

  /** A guest list becomes the customer's, keeping its owner name or taking the customer's first name. */
  async adopt(listId: string, customerId: string, firstName: string): Promise<void> {
    await this.db.query("UPDATE wishlists SET customer_id = $2, owner_name = CASE WHEN owner_name = '' THEN $3 ELSE owner_name END WHERE id = $1", [
      listId,
      customerId,
      firstName,
    ]);
  }

  /** Moves the guest list into the target list (same transaction as the caller's), then deletes the guest list. */
  async mergeInto(guest: string, target: string): Promise<void> {
    const same = 'a.wishlist_id = $2 AND a.product_id = g.product_id AND a.variant = g.variant';
    // Items in both lists: the guest item's votes move to the account item (a voter's latest vote wins).
    await this.db.query(
      `INSERT INTO wishlist_votes (item_id, voter_id, value, comment, first_name, created_at, updated_at)
       SELECT a.id, v.voter_id, v.value, v.comment, v.first_name, v.created_at, v.updated_at
       FROM wishlist_items g JOIN wishlist_items a ON ${same} JOIN wishlist_votes v ON v.item_id = g.id
       WHERE g.wishlist_id = $1
       ON CONFLICT (item_id, voter_id) DO UPDATE SET value = EXCLUDED.value, comment = EXCLUDED.comment,
         first_name = EXCLUDED.first_name, updated_at = EXCLUDED.updated_at
       WHERE wishlist_votes.updated_at < EXCLUDED.updated_at`,
      [guest, target],
    );
    await this.db.query(
      `UPDATE wishlist_items a SET added_at = g.added_at FROM wishlist_items g
       WHERE ${same} AND g.wishlist_id = $1 AND g.added_at < a.added_at`,
      [guest, target],
    );
    // Items only in the guest list move, with their votes.
    await this.db.query(
      `UPDATE wishlist_items g SET wishlist_id = $2 WHERE g.wishlist_id = $1
       AND NOT EXISTS (SELECT 1 FROM wishlist_items a WHERE ${same})`,
      [guest, target],
    );
    // Links friends already have, and the guest's other devices, keep working.
    await this.db.query('UPDATE wishlist_shares SET wishlist_id = $2 WHERE wishlist_id = $1', [guest, target]);
    await this.db.query('UPDATE wishlist_owner_tokens SET wishlist_id = $2 WHERE wishlist_id = $1', [guest, target]);
    await this.db.query('DELETE FROM wishlists WHERE id = $1', [guest]);

  }
}
