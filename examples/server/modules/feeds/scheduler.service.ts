import type { FastifyBaseLogger } from 'fastify';
import type { ServerConfig } from '../../config.js';
import type { Database } from '../../db/db.js';
import { FEED_FETCH_LEASE_MS } from '../../limits.js';
import { InstagramConnect } from './connect.service.js';
import { FeedIngest } from './ingest.service.js';
import { InstagramClient } from './instagram.client.js';
import { FeedProjection } from './projection.service.js';
import { FeedRepository } from './repository.js';

/**
 * The feed pipeline as the app uses it (`app.feeds`): the scheduler fetches each connected account on a
 * timer (never per shopper) through the ingest, the projection serves and rebuilds the feeds, the connect
 * flow stores tokens. Fetches, scheduled or asked for, run one at a time.
 */
export class FeedService {
  private readonly feeds: FeedRepository;
  private readonly projection: FeedProjection;
  private readonly ingest?: FeedIngest;
  private readonly connection?: InstagramConnect;
  private running?: Promise<void>;
  private stopped = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    db: Database,
    private readonly config: ServerConfig,
    private readonly log: FastifyBaseLogger,
  ) {
    this.feeds = new FeedRepository(db);
    this.projection = new FeedProjection(db);
    const { graphUrl } = config.instagram;
    if (graphUrl) {
      const client = new InstagramClient({ ...config.instagram, graphUrl });
      this.ingest = new FeedIngest(db, client, this.projection, config.mediaDir, log);
      this.connection = new InstagramConnect(this.feeds, client, log);
    }
  }

  get configured(): boolean {
    return this.ingest !== undefined;
  }

  private requireConnect(): InstagramConnect {
    if (!this.connection) throw new Error('Instagram is not configured (INSTAGRAM_GRAPH_URL)');
    return this.connection;
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
    if (!this.ingest) return;
    for (const { feed_id: feedId } of await this.feeds.accounts()) {
      // Every instance of a fleet runs this pass: the one that claims the account does its work.
      // The account comes from the claim, not the list: another instance may have refreshed its token since.
      const account = await this.feeds.claimPass(feedId, now, new Date(now.getTime() + FEED_FETCH_LEASE_MS));
      if (!account) continue;
      try {
        const current = await this.ingest.refreshTokenIfDue(account, now);
        const feed = await this.feeds.feed(feedId);
        const due = !feed?.fetched_at || now.getTime() - new Date(feed.fetched_at).getTime() >= this.config.instagram.syncSeconds * 1000;
        const backingOff = feed?.retry_after && new Date(feed.retry_after) > now;
        if (due && !backingOff && current.token_status === 'valid') await this.ingest.fetch(current, now);
      } catch (error) {
        this.log.error({ err: error, feedId }, 'feed scheduler pass failed');
      } finally {
        await this.feeds.releasePass(feedId).catch((error: unknown) => this.log.error({ err: error, feedId }, 'feed lease release failed; it expires on its own'));
      }
    }
  }

  /** Fetches one feed now, whatever the schedule says (admin "sync now", tests). Backoff still applies. */
  sync(feedId: string, now = new Date()): Promise<{ ok: boolean; error?: string }> {
    return this.exclusive(async () => {
      const account = await this.feeds.account(feedId);
      if (!account) return { ok: false, error: 'not_connected' };
      if (account.token_status !== 'valid') return { ok: false, error: 'token_expired' };
      const feed = await this.feeds.feed(feedId);
      if (feed?.retry_after && new Date(feed.retry_after) > now) return { ok: false, error: 'backing_off' };
      if (!this.ingest) throw new Error('Instagram is not configured (INSTAGRAM_GRAPH_URL)');
      return this.ingest.fetch(account, now);
    });
  }

  served(feedId: string) {
    return this.projection.served(feedId);
  }

  build(feedId: string) {
    return this.projection.build(feedId);
  }

  buildAll() {
    return this.projection.buildAll();
  }

  status(feedId: string, now = new Date()) {
    return this.projection.status(feedId, this.configured, now);
  }

  isConnected(feedId: string) {
    return this.feeds.isConnected(feedId);
  }

  authorize(feedId: string, redirectUri: string) {
    return this.requireConnect().authorize(feedId, redirectUri);
  }

  consumeState(state: string) {
    return this.feeds.consumeConnectState(state);
  }

  connect(feedId: string, code: string, redirectUri: string, now = new Date()) {
    return this.requireConnect().connect(feedId, code, redirectUri, now);
  }
}
