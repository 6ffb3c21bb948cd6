import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { ServerConfig } from '../config.js';
import type { Database, Queryable } from '../db.js';
import { getProducts } from './catalog.js';
import { type IgMedia, InstagramClient, InstagramError } from './instagram.js';
import { type RehostedImage, rehostImage, rehostVideo, stillOnDisk } from './media.js';

export interface FeedSlide extends RehostedImage {
  id: string;
  type: 'image' | 'video';
  /** Re-hosted video file, for video slides (the renditions are its poster). */
  video?: string;
}

export interface FeedPost {
  id: string;
  type: 'image' | 'video' | 'carousel';
  caption: string;
  alt: string;
  permalink: string;
  timestamp: string;
  slides: FeedSlide[];
}

export interface Hotspot {
  id: string;
  slide: number;
  x: number;
  y: number;
  productId: string;
  source: 'instagram' | 'merchant';
}

interface AccountRow {
  feed_id: string;
  ig_user_id: string;
  username: string;
  access_token: string;
  token_issued_at: Date;
  token_expires_at: Date;
  token_status: 'valid' | 'expired';
  product_tags: boolean;
}

const DAY = 86_400_000;
/** Meta refreshes a long-lived token only once it is 24 h old; we refresh as soon as it is, far from its 60 days. */
const REFRESH_AFTER = DAY;
const WARN_BEFORE = 7 * DAY;
const MAX_POSTS = 24;
/** Percentage of the app's quota (Meta's `X-App-Usage`) above which the scheduler pauses before the limit hits. */
const USAGE_LIMIT = 80;

/** Instagram captions are plain text already; drop control characters and cap the length. */
export function plainCaption(caption: string | undefined): string {
  return (caption ?? '').replace(/[^\P{Cc}\n]/gu, '').slice(0, 2200);
}

/** Instagram Login exposes no alt text: the caption's first line, without hashtags and mentions, is the best description. */
export function altFromCaption(caption: string): string {
  const line = caption.split('\n').find(part => part.trim() !== '') ?? '';
  const text = line.replace(/[#@][\p{L}\p{N}_.]+/gu, '').replace(/\s+/g, ' ').trim();
  return text.length > 160 ? `${text.slice(0, 157).replace(/\s+\S*$/, '')}…` : text;
}

const normalizeName = (name: string) => name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();

export interface TokenState {
  status: 'missing' | 'valid' | 'expiring' | 'expired';
  expiresAt?: string;
  /** Shown to the merchant on the admin page; empty when all is well. */
  warning: string;
}

export function tokenState(account: Pick<AccountRow, 'token_status' | 'token_expires_at'> | undefined, now = new Date()): TokenState {
  if (!account) return { status: 'missing', warning: 'No Instagram account is connected to this feed.' };
  const expiresAt = new Date(account.token_expires_at);
  if (account.token_status === 'expired' || expiresAt <= now) {
    return {
      status: 'expired',
      expiresAt: expiresAt.toISOString(),
      warning: 'The Instagram token has expired or was revoked: the last good feed is still served, but it no longer updates. Reconnect Instagram.',
    };
  }
  const left = expiresAt.getTime() - now.getTime();
  if (left < WARN_BEFORE) {
    return {
      status: 'expiring',
      expiresAt: expiresAt.toISOString(),
      warning: `The Instagram token expires in ${Math.ceil(left / DAY)} day(s) and could not be refreshed. Reconnect Instagram before then.`,
    };
  }
  return { status: 'valid', expiresAt: expiresAt.toISOString(), warning: '' };
}

/**
 * The feed pipeline: fetches each connected account on a schedule (never per shopper), re-hosts its
 * media, imports product tags, keeps the last good feed when Instagram fails, backs off on rate limits,
 * refreshes tokens, and builds the JSON that `GET /v1/feeds/:feedId` serves from the database.
 */
export class FeedService {
  private readonly client?: InstagramClient;
  private running?: Promise<void>;
  private stopped = false;
  private queue: Promise<unknown> = Promise.resolve();
  /** A one-second micro-cache of served feeds: the database stays the source of truth (several servers may share it). */
  private readonly memo = new Map<string, { body: string; etag: string; until: number }>();

  constructor(
    private readonly db: Database,
    private readonly config: ServerConfig,
    private readonly log: FastifyBaseLogger,
  ) {
    const { graphUrl } = config.instagram;
    if (graphUrl) this.client = new InstagramClient({ ...config.instagram, graphUrl });
  }

  get configured(): boolean {
    return this.client !== undefined;
  }

  private requireClient(): InstagramClient {
    if (!this.client) throw new Error('Instagram is not configured (INSTAGRAM_GRAPH_URL)');
    return this.client;
  }

  /** One scheduler pass: refresh tokens that are due, fetch feeds that are due and not backing off. Never overlaps itself. */
  tick(now = new Date()): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.running ??= this.exclusive(() => this.pass(now)).finally(() => (this.running = undefined));
    return this.running;
  }

  /** Scheduler passes and on-demand syncs run one at a time, so two fetches of a feed never interleave. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** No new pass after this; resolves when the current one (if any) has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running?.catch(() => {});
  }

  private async pass(now: Date): Promise<void> {
    if (!this.client) return;
    const { rows } = await this.db.query<AccountRow>('SELECT * FROM instagram_accounts ORDER BY feed_id');
    for (const account of rows) {
      try {
        const current = await this.refreshTokenIfDue(account, now);
        const { rows: feeds } = await this.db.query<{ fetched_at: Date | null; retry_after: Date | null }>(
          'SELECT fetched_at, retry_after FROM feeds WHERE id = $1',
          [account.feed_id],
        );
        const feed = feeds[0];
        const due = !feed?.fetched_at || now.getTime() - new Date(feed.fetched_at).getTime() >= this.config.instagram.syncSeconds * 1000;
        const backingOff = feed?.retry_after && new Date(feed.retry_after) > now;
        if (due && !backingOff && current.token_status === 'valid') await this.fetch(current, now);
      } catch (error) {
        this.log.error({ err: error, feedId: account.feed_id }, 'feed scheduler pass failed');
      }
    }
  }

  /** Fetches one feed now, whatever the schedule says (admin "sync now", tests). Backoff still applies. */
  sync(feedId: string, now = new Date()): Promise<{ ok: boolean; error?: string }> {
    return this.exclusive(() => this.syncNow(feedId, now));
  }

  private async syncNow(feedId: string, now: Date): Promise<{ ok: boolean; error?: string }> {
    const { rows } = await this.db.query<AccountRow>('SELECT * FROM instagram_accounts WHERE feed_id = $1', [feedId]);
    if (!rows[0]) return { ok: false, error: 'not_connected' };
    if (rows[0].token_status !== 'valid') return { ok: false, error: 'token_expired' };
    const { rows: feeds } = await this.db.query<{ retry_after: Date | null }>('SELECT retry_after FROM feeds WHERE id = $1', [feedId]);
    if (feeds[0]?.retry_after && new Date(feeds[0].retry_after) > now) return { ok: false, error: 'backing_off' };
    return this.fetch(rows[0], now);
  }

  private async refreshTokenIfDue(account: AccountRow, now: Date): Promise<AccountRow> {
    const state = tokenState(account, now);
    if (state.status === 'expired') {
      if (account.token_status !== 'expired') await this.markExpired(account.feed_id, 'token past its expiry date');
      return { ...account, token_status: 'expired' };
    }
    if (now.getTime() - new Date(account.token_issued_at).getTime() < REFRESH_AFTER) return account;
    try {
      const fresh = await this.requireClient().refresh(account.access_token);
      const expiresAt = new Date(now.getTime() + fresh.expiresIn * 1000);
      await this.db.query('UPDATE instagram_accounts SET access_token = $2, token_issued_at = $3, token_expires_at = $4 WHERE feed_id = $1', [
        account.feed_id,
        fresh.accessToken,
        now,
        expiresAt,
      ]);
      this.log.info({ feedId: account.feed_id, expiresAt }, 'Instagram token refreshed');
      return { ...account, access_token: fresh.accessToken, token_issued_at: now, token_expires_at: expiresAt };
    } catch (error) {
      if (error instanceof InstagramError && error.tokenInvalid) {
        await this.markExpired(account.feed_id, error.message);
        return { ...account, token_status: 'expired' };
      }
      // Transient: keep the current token, warn when it gets close to its end.
      const warning = tokenState(account, now);
      this.log[warning.status === 'expiring' ? 'warn' : 'info']({ feedId: account.feed_id, err: error }, `Instagram token refresh failed; ${warning.warning || 'will retry'}`);
      return account;
    }
  }

  private async markExpired(feedId: string, reason: string): Promise<void> {
    await this.db.query(`UPDATE instagram_accounts SET token_status = 'expired' WHERE feed_id = $1`, [feedId]);
    await this.recordFailure(feedId, `token_expired: ${reason}`, undefined);
    this.log.error({ feedId }, `Instagram token expired or revoked (${reason}): serving the last good feed; reconnect Instagram on /admin/`);
  }

  private async recordFailure(feedId: string, message: string, retryAfter: Date | undefined): Promise<void> {
    await this.db.query(
      `INSERT INTO feeds (id, last_error, last_error_at, failures, retry_after) VALUES ($1, $2, now(), 1, $3)
       ON CONFLICT (id) DO UPDATE SET last_error = $2, last_error_at = now(), failures = feeds.failures + 1, retry_after = $3`,
      [feedId, message, retryAfter ?? null],
    );
  }

  private async fetch(account: AccountRow, now: Date): Promise<{ ok: boolean; error?: string }> {
    const client = this.requireClient();
    const feedId = account.feed_id;
    client.usage = 0;
    try {
      const media = await client.media(account.access_token, MAX_POSTS);
      const { rows } = await this.db.query<{ posts: FeedPost[]; failures: number }>('SELECT posts, failures FROM feeds WHERE id = $1', [feedId]);
      const previous = new Map((rows[0]?.posts ?? []).map(post => [post.id, post]));
      const posts: FeedPost[] = [];
      for (const item of media) {
        const post = await this.normalize(feedId, item, previous.get(item.id));
        if (post) posts.push(post);
      }
      let productTags = account.product_tags;
      for (const post of posts) {
        if (!productTags || previous.has(post.id)) continue;
        productTags = await this.importProductTags(account, post);
      }
      if (productTags !== account.product_tags) {
        await this.db.query('UPDATE instagram_accounts SET product_tags = $2 WHERE feed_id = $1', [feedId, productTags]);
      }
      await this.db.query(
        `INSERT INTO feeds (id, posts, fetched_at, failures) VALUES ($1, $2, $3, 0)
         ON CONFLICT (id) DO UPDATE SET posts = $2, fetched_at = $3, failures = 0, retry_after = NULL, last_error = NULL`,
        [feedId, JSON.stringify(posts), now],
      );
      await this.build(feedId);
      this.log.info({ feedId, posts: posts.length }, 'feed fetched from Instagram');
      if (client.usage >= USAGE_LIMIT) {
        // Meta says the quota is nearly spent: stay away for an hour rather than run into the limit.
        const retryAfter = new Date(now.getTime() + 3600_000);
        await this.db.query('UPDATE feeds SET retry_after = $2 WHERE id = $1', [feedId, retryAfter]);
        this.log.warn({ feedId, usage: client.usage, retryAfter }, `Instagram reports ${client.usage}% of the app's rate limit used; next fetch after ${retryAfter.toISOString()}`);
      }
      return { ok: true };
    } catch (error) {
      const { rows } = await this.db.query<{ failures: number }>('SELECT failures FROM feeds WHERE id = $1', [feedId]);
      const failures = (rows[0]?.failures ?? 0) + 1;
      if (error instanceof InstagramError && error.tokenInvalid) {
        await this.markExpired(feedId, error.message);
        return { ok: false, error: 'token_expired' };
      }
      const rateLimited = error instanceof InstagramError && error.rateLimited;
      // Rate limit: 15 min, doubling up to 6 h. Anything else (network, 5xx, bad media): 1 min, doubling up to 1 h.
      const delay = rateLimited ? Math.min(15 * 60_000 * 2 ** (failures - 1), 6 * 3600_000) : Math.min(60_000 * 2 ** (failures - 1), 3600_000);
      const retryAfter = new Date(now.getTime() + delay);
      const message = error instanceof Error ? error.message : String(error);
      await this.recordFailure(feedId, `${rateLimited ? 'rate_limited' : 'fetch_failed'}: ${message}`, retryAfter);
      this.log.warn({ feedId, retryAfter, failures }, `Instagram fetch failed (${message}); serving the last good feed, next try after ${retryAfter.toISOString()}`);
      return { ok: false, error: rateLimited ? 'rate_limited' : 'fetch_failed' };
    }
  }

  private async normalize(feedId: string, item: IgMedia, previous: FeedPost | undefined): Promise<FeedPost | undefined> {
    const children = item.media_type === 'CAROUSEL_ALBUM' ? (item.children?.data ?? []) : [item as IgMedia & { media_type: 'IMAGE' | 'VIDEO' }];
    const slides: FeedSlide[] = [];
    for (const child of children) {
      const reuse = previous?.slides.find(slide => slide.id === child.id);
      if (reuse && (await stillOnDisk(this.config.mediaDir, [...reuse.renditions.flatMap(r => [r.webp, r.jpeg]), ...(reuse.video ? [reuse.video] : [])]))) {
        slides.push(reuse);
        continue;
      }
      const video = child.media_type === 'VIDEO';
      const still = video ? child.thumbnail_url : child.media_url;
      if (!still) continue;
      try {
        const image = await rehostImage(still, this.config.mediaDir, feedId, child.id);
        const slide: FeedSlide = { id: child.id, type: video ? 'video' : 'image', ...image };
        if (video && child.media_url) slide.video = await rehostVideo(child.media_url, this.config.mediaDir, feedId, child.id);
        slides.push(slide);
      } catch (error) {
        this.log.warn({ feedId, mediaId: child.id, err: error }, 'could not re-host a media; the slide is left out');
      }
    }
    if (slides.length === 0) return undefined;
    const caption = plainCaption(item.caption);
    return {
      id: item.id,
      type: item.media_type === 'CAROUSEL_ALBUM' ? 'carousel' : item.media_type === 'VIDEO' ? 'video' : 'image',
      caption,
      alt: altFromCaption(caption),
      permalink: item.permalink ?? '',
      timestamp: item.timestamp ? new Date(item.timestamp.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')).toISOString() : new Date(0).toISOString(),
      slides,
    };
  }

  /**
   * Instagram product tags (only when the account has an Instagram Shop; otherwise the API answers a
   * permission error and we stop asking). Tags point at Meta catalog products: matched to ours by name,
   * as the Meta catalog is normally fed from the same merchant feed. Returns whether tags are available.
   */
  private async importProductTags(account: AccountRow, post: FeedPost): Promise<boolean> {
    const catalog = new Map((await getProducts(this.db)).map(product => [normalizeName(product.title), product.id]));
    const found: Array<{ slide: number; x: number; y: number; productId: string }> = [];
    for (const [slide, media] of post.slides.entries()) {
      try {
        for (const tag of await this.requireClient().productTags(account.access_token, media.id)) {
          const productId = tag.name ? catalog.get(normalizeName(tag.name)) : undefined;
          if (!productId || typeof tag.x !== 'number' || typeof tag.y !== 'number') continue;
          found.push({ slide, x: Math.min(1, Math.max(0, tag.x)), y: Math.min(1, Math.max(0, tag.y)), productId });
        }
      } catch (error) {
        if (error instanceof InstagramError && error.unsupported) {
          this.log.info({ feedId: account.feed_id }, 'Instagram product tags are not available for this account; using merchant-placed hotspots only');
          return false;
        }
        throw error;
      }
    }
    await this.db.transaction(async tx => {
      await tx.query(`DELETE FROM feed_hotspots WHERE feed_id = $1 AND post_id = $2 AND source = 'instagram'`, [account.feed_id, post.id]);
      for (const tag of found) {
        await tx.query(`INSERT INTO feed_hotspots (id, feed_id, post_id, slide, x, y, product_id, source) VALUES ($1, $2, $3, $4, $5, $6, $7, 'instagram')`, [
          randomUUID(),
          account.feed_id,
          post.id,
          tag.slide,
          tag.x,
          tag.y,
          tag.productId,
        ]);
      }
    });
    return true;
  }

  /** The served JSON and its ETag, or undefined when the feed was never fetched. */
  async served(feedId: string): Promise<{ body: string; etag: string } | undefined> {
    const hit = this.memo.get(feedId);
    if (hit && hit.until > Date.now()) return hit;
    const { rows } = await this.db.query<{ body: string; etag: string }>('SELECT body, etag FROM feeds WHERE id = $1 AND body IS NOT NULL', [feedId]);
    if (!rows[0]) return undefined;
    const entry = { body: rows[0].body, etag: rows[0].etag, until: Date.now() + 1000 };
    this.memo.set(feedId, entry);
    return entry;
  }

  /** Rebuilds the served JSON of a feed (after a fetch, a hotspot change, a catalog import) and its ETag. */
  async build(feedId: string, db: Queryable = this.db): Promise<void> {
    const { rows } = await db.query<{ posts: FeedPost[]; fetched_at: Date | null }>('SELECT posts, fetched_at FROM feeds WHERE id = $1', [feedId]);
    if (!rows[0]?.fetched_at) return;
    const { rows: accounts } = await db.query<{ username: string }>('SELECT username FROM instagram_accounts WHERE feed_id = $1', [feedId]);
    const hotspots = await getHotspots(db, feedId);
    const productIds = [...new Set([...hotspots.values()].flat().map(hotspot => hotspot.productId))];
    const products = productIds.length ? await getProducts(db, productIds) : [];
    const username = accounts[0]?.username ?? '';
    const feed = {
      id: feedId,
      username,
      profileUrl: username ? `https://www.instagram.com/${encodeURIComponent(username)}/` : '',
      updatedAt: new Date(rows[0].fetched_at).toISOString(),
      posts: rows[0].posts.map(post => ({
        ...post,
        slides: post.slides.map((slide, index) => ({
          ...slide,
          hotspots: (hotspots.get(post.id) ?? []).filter(hotspot => hotspot.slide === index).map(({ slide: _slide, ...rest }) => rest),
        })),
      })),
      products,
    };
    const body = JSON.stringify(feed);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    await db.query('UPDATE feeds SET body = $2, etag = $3, built_at = now() WHERE id = $1', [feedId, body, etag]);
    this.memo.delete(feedId);
  }

  async buildAll(): Promise<void> {
    const { rows } = await this.db.query<{ id: string }>('SELECT id FROM feeds WHERE fetched_at IS NOT NULL');
    for (const row of rows) await this.build(row.id);
  }

  /** Starts the merchant's connect flow: a one-time `state` and the Instagram authorization URL. */
  async authorize(feedId: string, redirectUri: string): Promise<string> {
    const state = randomBytes(24).toString('base64url');
    await this.db.query(`DELETE FROM instagram_oauth_states WHERE expires_at < now()`);
    await this.db.query(`INSERT INTO instagram_oauth_states (state, feed_id, expires_at) VALUES ($1, $2, now() + interval '10 minutes')`, [state, feedId]);
    return this.requireClient().authorizeUrl(redirectUri, state);
  }

  /** Consumes a `state` from the callback; the feed it was issued for, or undefined. */
  async consumeState(state: string): Promise<string | undefined> {
    const { rows } = await this.db.query<{ feed_id: string }>('DELETE FROM instagram_oauth_states WHERE state = $1 AND expires_at > now() RETURNING feed_id', [state]);
    return rows[0]?.feed_id;
  }

  /** Exchanges the authorization code for a long-lived token and stores it server-side for the feed. */
  async connect(feedId: string, code: string, redirectUri: string, now = new Date()): Promise<{ username: string }> {
    const client = this.requireClient();
    const token = await client.exchangeCode(code, redirectUri);
    const me = await client.me(token.accessToken);
    await this.db.query(
      `INSERT INTO instagram_accounts (feed_id, ig_user_id, username, access_token, token_issued_at, token_expires_at, token_status)
       VALUES ($1, $2, $3, $4, $5, $6, 'valid')
       ON CONFLICT (feed_id) DO UPDATE SET ig_user_id = $2, username = $3, access_token = $4, token_issued_at = $5, token_expires_at = $6,
         token_status = 'valid', product_tags = true, connected_at = now()`,
      [feedId, me.userId || token.userId, me.username, token.accessToken, now, new Date(now.getTime() + token.expiresIn * 1000)],
    );
    await this.db.query('UPDATE feeds SET retry_after = NULL, failures = 0 WHERE id = $1', [feedId]);
    this.log.info({ feedId, username: me.username }, 'Instagram account connected');
    return { username: me.username };
  }

  /** What the admin page shows: never the token itself. */
  async status(feedId: string, now = new Date()) {
    const { rows: accounts } = await this.db.query<AccountRow>('SELECT * FROM instagram_accounts WHERE feed_id = $1', [feedId]);
    const { rows: feeds } = await this.db.query<{
      posts: FeedPost[];
      fetched_at: Date | null;
      last_error: string | null;
      last_error_at: Date | null;
      retry_after: Date | null;
    }>('SELECT posts, fetched_at, last_error, last_error_at, retry_after FROM feeds WHERE id = $1', [feedId]);
    const account = accounts[0];
    const feed = feeds[0];
    const iso = (value: Date | null | undefined) => (value ? new Date(value).toISOString() : null);
    const hotspots = await getHotspots(this.db, feedId);
    return {
      feedId,
      instagramConfigured: this.configured,
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

export async function getHotspots(db: Queryable, feedId: string): Promise<Map<string, Hotspot[]>> {
  const { rows } = await db.query<{ id: string; post_id: string; slide: number; x: number; y: number; product_id: string; source: Hotspot['source'] }>(
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
