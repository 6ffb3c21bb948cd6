import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { InstagramClient } from './instagram.client.js';
import type { FeedRepository } from './repository.js';

/** The merchant connects an Instagram professional account: a one-time `state`, then code → long-lived token. */
export class InstagramConnect {
  constructor(
    private readonly feeds: FeedRepository,
    private readonly client: InstagramClient,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Starts the connect flow: a one-time `state` and the Instagram authorization URL. */
  async authorize(feedId: string, redirectUri: string): Promise<string> {
    const state = randomBytes(24).toString('base64url');
    await this.feeds.saveConnectState(state, feedId);
    return this.client.authorizeUrl(redirectUri, state);
  }

  /** Exchanges the authorization code for a long-lived token and stores it server-side for the feed. */
  async connect(feedId: string, code: string, redirectUri: string, now = new Date()): Promise<{ username: string }> {
    const token = await this.client.exchangeCode(code, redirectUri);
    const me = await this.client.me(token.accessToken);
    await this.feeds.saveAccount(feedId, {
      userId: me.userId || token.userId,
      username: me.username,
      accessToken: token.accessToken,
      issuedAt: now,
      expiresAt: new Date(now.getTime() + token.expiresIn * 1000),
    });
    this.log.info({ feedId, username: me.username }, 'Instagram account connected');
    return { username: me.username };
  }
}
