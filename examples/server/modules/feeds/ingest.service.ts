import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/db.js';
import { getProducts } from '../products/repository.js';
import { type IgMedia, type InstagramClient, InstagramError } from './instagram.client.js';
import { rehostImage, rehostVideo, stillOnDisk } from './media.js';
import type { FeedProjection } from './projection.service.js';
import { type AccountRow, FeedRepository } from './repository.js';
import { DAY, tokenState } from './token-state.js';
import type { FeedPost, FeedSlide } from './types.js';

/** Meta refreshes a long-lived token only once it is 24 h old; we refresh as soon as it is, far from its 60 days. */
const REFRESH_AFTER = DAY;
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

/**
 * One fetch of a connected account: refresh its token when due, read its media, re-host them, import product
 * tags, store the posts and rebuild the served feed; on failure, keep the last good feed and back off.
 */
export class FeedIngest {
  private readonly feeds: FeedRepository;

  constructor(
    private readonly db: Database,
    private readonly client: InstagramClient,
    private readonly projection: FeedProjection,
    private readonly mediaDir: string,
    private readonly log: FastifyBaseLogger,
  ) {
    this.feeds = new FeedRepository(db);
  }

  async refreshTokenIfDue(account: AccountRow, now: Date): Promise<AccountRow> {
    const state = tokenState(account, now);
    if (state.status === 'expired') {
      if (account.token_status !== 'expired') await this.markExpired(account.feed_id, 'token past its expiry date');
      return { ...account, token_status: 'expired' };
    }
    if (now.getTime() - new Date(account.token_issued_at).getTime() < REFRESH_AFTER) return account;
    try {
      const fresh = await this.client.refresh(account.access_token);
      const expiresAt = new Date(now.getTime() + fresh.expiresIn * 1000);
      await this.feeds.saveToken(account.feed_id, fresh.accessToken, now, expiresAt);
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
    await this.feeds.markTokenExpired(feedId);
    await this.feeds.recordFailure(feedId, `token_expired: ${reason}`, undefined);
    this.log.error({ feedId }, `Instagram token expired or revoked (${reason}): serving the last good feed; reconnect Instagram on /admin/`);
  }

  async fetch(account: AccountRow, now: Date): Promise<{ ok: boolean; error?: string }> {
    const client = this.client;
    const feedId = account.feed_id;
    client.usage = 0;
    try {
      const media = await client.media(account.access_token, MAX_POSTS);
      const previous = new Map(((await this.feeds.feed(feedId))?.posts ?? []).map(post => [post.id, post]));
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
        await this.feeds.setProductTags(feedId, productTags);
      }
      await this.feeds.saveFetched(feedId, posts, now);
      await this.projection.build(feedId);
      this.log.info({ feedId, posts: posts.length }, 'feed fetched from Instagram');
      if (client.usage >= USAGE_LIMIT) {
        // Meta says the quota is nearly spent: stay away for an hour rather than run into the limit.
        const retryAfter = new Date(now.getTime() + 3600_000);
        await this.feeds.setRetryAfter(feedId, retryAfter);
        this.log.warn({ feedId, usage: client.usage, retryAfter }, `Instagram reports ${client.usage}% of the app's rate limit used; next fetch after ${retryAfter.toISOString()}`);
      }
      return { ok: true };
    } catch (error) {
      const failures = ((await this.feeds.feed(feedId))?.failures ?? 0) + 1;
      if (error instanceof InstagramError && error.tokenInvalid) {
        await this.markExpired(feedId, error.message);
        return { ok: false, error: 'token_expired' };
      }
      const rateLimited = error instanceof InstagramError && error.rateLimited;
      // Rate limit: 15 min, doubling up to 6 h. Anything else (network, 5xx, bad media): 1 min, doubling up to 1 h.
      const delay = rateLimited ? Math.min(15 * 60_000 * 2 ** (failures - 1), 6 * 3600_000) : Math.min(60_000 * 2 ** (failures - 1), 3600_000);
      const retryAfter = new Date(now.getTime() + delay);
      const message = error instanceof Error ? error.message : String(error);
      await this.feeds.recordFailure(feedId, `${rateLimited ? 'rate_limited' : 'fetch_failed'}: ${message}`, retryAfter);
      this.log.warn({ feedId, retryAfter, failures }, `Instagram fetch failed (${message}); serving the last good feed, next try after ${retryAfter.toISOString()}`);
      return { ok: false, error: rateLimited ? 'rate_limited' : 'fetch_failed' };
    }
  }

  private async normalize(feedId: string, item: IgMedia, previous: FeedPost | undefined): Promise<FeedPost | undefined> {
    const children = item.media_type === 'CAROUSEL_ALBUM' ? (item.children?.data ?? []) : [item as IgMedia & { media_type: 'IMAGE' | 'VIDEO' }];
    const slides: FeedSlide[] = [];
    for (const child of children) {
      const reuse = previous?.slides.find(slide => slide.id === child.id);
      if (reuse && (await stillOnDisk(this.mediaDir, [...reuse.renditions.flatMap(r => [r.webp, r.jpeg]), ...(reuse.video ? [reuse.video] : [])]))) {
        slides.push(reuse);
        continue;
      }
      const video = child.media_type === 'VIDEO';
      const still = video ? child.thumbnail_url : child.media_url;
      if (!still) continue;
      try {
        const image = await rehostImage(still, this.mediaDir, feedId, child.id);
        const slide: FeedSlide = { id: child.id, type: video ? 'video' : 'image', ...image };
        if (video && child.media_url) slide.video = await rehostVideo(child.media_url, this.mediaDir, feedId, child.id);
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
        for (const tag of await this.client.productTags(account.access_token, media.id)) {
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
    await this.db.transaction(tx => new FeedRepository(tx).replaceHotspots(account.feed_id, post.id, 'instagram', found));
    return true;
  }
}
