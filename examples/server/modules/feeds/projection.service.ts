import { createHash } from 'node:crypto';
import type { Queryable } from '../../db/db.js';
import { ETAG_LENGTH } from '../../limits.js';
import { type EncodedBody, encodeBody } from './encodings.js';
import type { FromShared } from '../../plugins/type-provider.js';
import { getProducts } from '../products/repository.js';
import type { productSchema } from '../products/schemas.js';
import { FeedRepository } from './repository.js';
import type { feedSchema } from './schemas.js';
import { tokenState } from './token-state.js';

/** How long a served feed is kept in memory: the database stays the source of truth (several servers may share it). */
const MEMO_MS = 1000;

/** The feed as `GET /v1/feeds/:feedId` answers it. */
export type FeedDocument = FromShared<typeof feedSchema, [typeof productSchema]>;

/**
 * The feed as shoppers get it: posts, hotspots and their products, built into one JSON document with its
 * ETag whenever something changes, and served from the database; and the merchant's status view.
 */
export class FeedProjection {
  private readonly memo = new Map<string, { body: EncodedBody; etag: string; until: number }>();
  /** Bumped by every build: a read that started before a build is answered but not kept. */
  private readonly versions = new Map<string, number>();

  constructor(private readonly db: Queryable) {}

  /** The served JSON, in each encoding, and its ETag, or undefined when the feed was never fetched. */
  async served(feedId: string): Promise<{ body: EncodedBody; etag: string } | undefined> {
    const hit = this.memo.get(feedId);
    if (hit && hit.until > Date.now()) return hit;
    const version = this.versions.get(feedId);
    const row = await new FeedRepository(this.db).served(feedId);
    if (!row) return undefined;
    // Compressed once per version: an unchanged feed read again keeps the encodings it had.
    const body = hit?.etag === row.etag ? hit.body : encodeBody(row.body);
    const entry = { body, etag: row.etag, until: Date.now() + MEMO_MS };
    if (this.versions.get(feedId) === version) this.memo.set(feedId, entry);
    return entry;
  }

  /** Rebuilds the served JSON of a feed (after a fetch, a hotspot change, a catalog import) and its ETag. */
  async build(feedId: string, db: Queryable = this.db): Promise<void> {
    const feeds = new FeedRepository(db);
    const feed = await feeds.feed(feedId);
    if (!feed?.fetched_at) return;
    const account = await feeds.account(feedId);
    const hotspots = await feeds.hotspots(feedId);
    const productIds = [...new Set([...hotspots.values()].flat().map(hotspot => hotspot.productId))];
    const products = productIds.length ? await getProducts(db, productIds) : [];
    const username = account?.username ?? '';
    const document: FeedDocument = {
      id: feedId,
      username,
      profileUrl: username ? `https://www.instagram.com/${encodeURIComponent(username)}/` : '',
      updatedAt: new Date(feed.fetched_at).toISOString(),
      posts: feed.posts.map(post => ({
        ...post,
        slides: post.slides.map((slide, index) => ({
          ...slide,
          hotspots: (hotspots.get(post.id) ?? []).filter(hotspot => hotspot.slide === index).map(({ slide: _slide, ...rest }) => rest),
        })),
      })),
      products,
    };
    const body = JSON.stringify(document);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, ETAG_LENGTH)}"`;
    await feeds.saveServed(feedId, body, etag);
    this.versions.set(feedId, (this.versions.get(feedId) ?? 0) + 1);
    this.memo.delete(feedId);
  }

  async buildAll(): Promise<void> {
    for (const id of await new FeedRepository(this.db).fetchedFeedIds()) await this.build(id);
  }

  /** What the admin page shows: never the token itself. */
  async status(feedId: string, instagramConfigured: boolean, now = new Date()) {
    const feeds = new FeedRepository(this.db);
    const [account, feed, hotspots] = [await feeds.account(feedId), await feeds.feed(feedId), await feeds.hotspots(feedId)];
    const iso = (value: Date | null | undefined) => (value ? new Date(value).toISOString() : null);
    return {
      feedId,
      instagramConfigured,
      username: account?.username ?? null,
      token: tokenState(account, now),
      fetchedAt: iso(feed?.fetched_at),
      lastError: feed?.last_error ?? null,
      lastErrorAt: iso(feed?.last_error_at),
      retryAfter: iso(feed?.retry_after),
      posts: (feed?.posts ?? []).map(post => ({
        id: post.id,
        type: post.type,
        caption: post.caption,
        slides: post.slides.map((slide, index) => ({
          id: slide.id,
          width: slide.width,
          height: slide.height,
          image: slide.renditions[Math.min(1, slide.renditions.length - 1)].jpeg,
          hotspots: (hotspots.get(post.id) ?? []).filter(hotspot => hotspot.slide === index),
        })),
      })),
    };
  }
}
