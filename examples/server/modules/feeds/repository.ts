import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../db/db.js';
import type { FeedPost, Hotspot } from './types.js';

export interface AccountRow {
  feed_id: string;
  ig_user_id: string;
  username: string;
  access_token: string;
  token_issued_at: Date;
  token_expires_at: Date;
  token_status: 'valid' | 'expired';
  product_tags: boolean;
}

export interface FeedRow {
  posts: FeedPost[];
  fetched_at: Date | null;
  failures: number;
  last_error: string | null;
  last_error_at: Date | null;
  retry_after: Date | null;
}

type NewHotspot = { id?: string; slide: number; x: number; y: number; productId: string };

/** All of the feed pipeline's SQL: connected accounts, fetched feeds, hotspots, connect states. */
export class FeedRepository {
  constructor(private readonly db: Queryable) {}

  async accounts(): Promise<AccountRow[]> {
    return (await this.db.query<AccountRow>('SELECT * FROM instagram_accounts ORDER BY feed_id')).rows;
  }

  /**
   * Claims the account's scheduled pass until `until`, unless another instance holds a claim not yet expired;
   * answers the account as it is once claimed.
   */
  async claimPass(feedId: string, now: Date, until: Date): Promise<AccountRow | undefined> {
    const { rows } = await this.db.query<AccountRow>(
      'UPDATE instagram_accounts SET fetch_lease_until = $3 WHERE feed_id = $1 AND (fetch_lease_until IS NULL OR fetch_lease_until <= $2) RETURNING *',
      [feedId, now, until],
    );
    return rows[0];
  }

  async releasePass(feedId: string): Promise<void> {
    await this.db.query('UPDATE instagram_accounts SET fetch_lease_until = NULL WHERE feed_id = $1', [feedId]);
  }

  async account(feedId: string): Promise<AccountRow | undefined> {
    return (await this.db.query<AccountRow>('SELECT * FROM instagram_accounts WHERE feed_id = $1', [feedId])).rows[0];
  }

  async isConnected(feedId: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM instagram_accounts WHERE feed_id = $1', [feedId])).rowCount > 0;
  }

  async saveAccount(feedId: string, account: { userId: string; username: string; accessToken: string; issuedAt: Date; expiresAt: Date }): Promise<void> {
    await this.db.query(
      `INSERT INTO instagram_accounts (feed_id, ig_user_id, username, access_token, token_issued_at, token_expires_at, token_status)
       VALUES ($1, $2, $3, $4, $5, $6, 'valid')
       ON CONFLICT (feed_id) DO UPDATE SET ig_user_id = $2, username = $3, access_token = $4, token_issued_at = $5, token_expires_at = $6,
         token_status = 'valid', product_tags = true, connected_at = now()`,
      [feedId, account.userId, account.username, account.accessToken, account.issuedAt, account.expiresAt],
    );
    await this.db.query('UPDATE feeds SET retry_after = NULL, failures = 0 WHERE id = $1', [feedId]);
  }

  async saveToken(feedId: string, accessToken: string, issuedAt: Date, expiresAt: Date): Promise<void> {
    await this.db.query('UPDATE instagram_accounts SET access_token = $2, token_issued_at = $3, token_expires_at = $4 WHERE feed_id = $1', [
      feedId,
      accessToken,
      issuedAt,
      expiresAt,
    ]);
  }

  async markTokenExpired(feedId: string): Promise<void> {
    await this.db.query(`UPDATE instagram_accounts SET token_status = 'expired' WHERE feed_id = $1`, [feedId]);
  }

  async setProductTags(feedId: string, available: boolean): Promise<void> {
    await this.db.query('UPDATE instagram_accounts SET product_tags = $2 WHERE feed_id = $1', [feedId, available]);
  }

  async feed(feedId: string): Promise<FeedRow | undefined> {
    return (
      await this.db.query<FeedRow>('SELECT posts, fetched_at, failures, last_error, last_error_at, retry_after FROM feeds WHERE id = $1', [feedId])
    ).rows[0];
  }

  async fetchedFeedIds(): Promise<string[]> {
    return (await this.db.query<{ id: string }>('SELECT id FROM feeds WHERE fetched_at IS NOT NULL')).rows.map(row => row.id);
  }

  async saveFetched(feedId: string, posts: FeedPost[], fetchedAt: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO feeds (id, posts, fetched_at, failures) VALUES ($1, $2, $3, 0)
       ON CONFLICT (id) DO UPDATE SET posts = $2, fetched_at = $3, failures = 0, retry_after = NULL, last_error = NULL`,
      [feedId, JSON.stringify(posts), fetchedAt],
    );
  }

  async recordFailure(feedId: string, message: string, retryAfter: Date | undefined): Promise<void> {
    await this.db.query(
      `INSERT INTO feeds (id, last_error, last_error_at, failures, retry_after) VALUES ($1, $2, now(), 1, $3)
       ON CONFLICT (id) DO UPDATE SET last_error = $2, last_error_at = now(), failures = feeds.failures + 1, retry_after = $3`,
      [feedId, message, retryAfter ?? null],
    );
  }

  async setRetryAfter(feedId: string, retryAfter: Date): Promise<void> {
    await this.db.query('UPDATE feeds SET retry_after = $2 WHERE id = $1', [feedId, retryAfter]);
  }

  /** The served JSON and its ETag, or undefined when the feed was never built. */
  async served(feedId: string): Promise<{ body: string; etag: string } | undefined> {
    return (await this.db.query<{ body: string; etag: string }>('SELECT body, etag FROM feeds WHERE id = $1 AND body IS NOT NULL', [feedId])).rows[0];
  }

  async saveServed(feedId: string, body: string, etag: string): Promise<void> {
    await this.db.query('UPDATE feeds SET body = $2, etag = $3, built_at = now() WHERE id = $1', [feedId, body, etag]);
  }

  async hotspots(feedId: string): Promise<Map<string, Hotspot[]>> {
    const { rows } = await this.db.query<{ id: string; post_id: string; slide: number; x: number; y: number; product_id: string; source: Hotspot['source'] }>(
      'SELECT id, post_id, slide, x, y, product_id, source FROM feed_hotspots WHERE feed_id = $1 ORDER BY created_at, slide, x, y, id',
      [feedId],
    );
    const byPost = new Map<string, Hotspot[]>();
    for (const row of rows) {
      const list = byPost.get(row.post_id) ?? [];
      list.push({ id: row.id, slide: row.slide, x: Number(row.x), y: Number(row.y), productId: row.product_id, source: row.source });
      byPost.set(row.post_id, list);
    }
    return byPost;
  }

  /** Replaces one source's hotspots on a post, in one transaction when `db` is one. */
  async replaceHotspots(feedId: string, postId: string, source: Hotspot['source'], hotspots: NewHotspot[]): Promise<void> {
    await this.db.query('DELETE FROM feed_hotspots WHERE feed_id = $1 AND post_id = $2 AND source = $3', [feedId, postId, source]);
    for (const hotspot of hotspots) await this.addHotspot(feedId, postId, source, hotspot);
  }

  async addHotspot(feedId: string, postId: string, source: Hotspot['source'], hotspot: NewHotspot): Promise<void> {
    await this.db.query('INSERT INTO feed_hotspots (id, feed_id, post_id, slide, x, y, product_id, source) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
      hotspot.id ?? randomUUID(),
      feedId,
      postId,
      hotspot.slide,
      hotspot.x,
      hotspot.y,
      hotspot.productId,
      source,
    ]);
  }

  async deleteHotspot(feedId: string, postId: string, hotspotId: string): Promise<boolean> {
    return (await this.db.query('DELETE FROM feed_hotspots WHERE id = $1 AND feed_id = $2 AND post_id = $3', [hotspotId, feedId, postId])).rowCount > 0;
  }

  /** A one-time `state` for the connect flow, valid ten minutes. */
  async saveConnectState(state: string, feedId: string): Promise<void> {
    await this.db.query(`DELETE FROM instagram_oauth_states WHERE expires_at < now()`);
    await this.db.query(`INSERT INTO instagram_oauth_states (state, feed_id, expires_at) VALUES ($1, $2, now() + interval '10 minutes')`, [state, feedId]);
  }

  async consumeConnectState(state: string): Promise<string | undefined> {
    return (await this.db.query<{ feed_id: string }>('DELETE FROM instagram_oauth_states WHERE state = $1 AND expires_at > now() RETURNING feed_id', [state]))
      .rows[0]?.feed_id;
  }
}
