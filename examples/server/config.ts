import { fileURLToPath } from 'node:url';
import { VOTERS_PER_ADDRESS_PER_DAY } from './limits.js';
import { type AuthConfig, loadAuthConfig } from './modules/auth/providers.js';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface ServerConfig {
  host: string;
  port: number;
  /** The URL shoppers reach this server at; used in share-link previews and OAuth redirects. */
  publicUrl: string;
  /** Storefront origins allowed to call the API from a browser (exact match, never reflected). */
  allowedOrigins: string[];
  /** Bearer token for the admin pages and routes. */
  adminToken: string;
  /** PostgreSQL connection string; when absent the embedded PGlite is used. */
  databaseUrl?: string;
  /** Where PGlite keeps its files; `memory://` for a throwaway database. */
  dataDir: string;
  storefrontDir: string;
  distDir: string;
  logLevel: string;
  /** Collector requests allowed per client IP and minute. */
  eventsRateLimit: number;
  /** Where re-hosted Instagram media is written; a sibling of the PGlite folder by default. */
  mediaDir: string;
  instagram: InstagramConfig;
  /** Sign-in providers and the exact redirect URIs registered with them (see docs/login.md). */
  auth: AuthConfig;
  /** Signs wishlist voter and owner tokens; when unset, one is generated once and kept in the database. */
  wishlistSecret?: string;
  /** Votes per minute per client address (IPv6 grouped by /64) before 429. */
  voteRateLimit: number;
  /** Voter tokens one client address may mint per list and UTC day (default VOTERS_PER_ADDRESS_PER_DAY). */
  votersPerAddress: number;
  /** Admin requests per minute per client address, right or wrong token, before 429. */
  adminRateLimit: number;
  /**
   * The key a server-to-server sender of events (no `Origin`) shows as `Authorization: Bearer <key>`;
   * unset, the collector only takes events from the allowed storefront origins.
   */
  collectorKey?: string;
  /** Slow clients: the headers must arrive within `headersTimeoutMs`, the whole request within `requestTimeoutMs`. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** Open connections per client address (IPv6 grouped by /64); one more is answered 429 and closed. */
  maxConnectionsPerAddress: number;
  /** SIGTERM: how long to keep serving with `/readyz` at 503 before refusing connections (a load balancer's probe interval). */
  drainDelayMs: number;
  /**
   * Idle keep-alive sockets close after this long, announced in each response's `Keep-Alive` header. Behind a
   * load balancer, set it above the balancer's idle timeout, so the balancer is the side that closes.
   */
  keepAliveTimeoutMs: number;
  /**
   * SIGTERM: how long in-flight requests and idle keep-alive sockets may take to close before the rest are cut.
   * Above `keepAliveTimeoutMs`, so no idle socket is cut while its client may be reusing it.
   */
  drainTimeoutMs: number;
}

/** The Instagram API with Instagram Login: hosts are configurable so the demo and tests use a local fake. */
export interface InstagramConfig {
  /** graph.instagram.com; unset means no real Instagram is configured (`npm start` then runs the demo fake). */
  graphUrl?: string;
  /** api.instagram.com (authorization-code exchange). */
  apiUrl: string;
  /** The authorization window, www.instagram.com/oauth/authorize. */
  authorizeUrl: string;
  appId: string;
  appSecret: string;
  /** Seconds between two fetches of a feed (Meta allows about 200 calls per hour per account). */
  syncSeconds: number;
}

function positiveInteger(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return number;
}

function nonNegativeInteger(value: string | undefined, name: string, fallback: number): number {
  return value === '0' ? 0 : positiveInteger(value, name, fallback);
}

/** Reads the configuration from environment variables, with defaults that run the demo with no setup. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const host = env.HOST ?? '127.0.0.1';
  const publicUrl = (env.PUBLIC_URL ?? `http://${host}:${port}`).replace(/\/$/, '');
  const allowedOrigins = (env.ALLOWED_ORIGINS ?? `${publicUrl},http://localhost:${port},http://127.0.0.1:${port}`)
    .split(',')
    .map(origin => origin.trim())
    .filter(Boolean);
  for (const origin of allowedOrigins) {
    if (new URL(origin).origin !== origin) throw new Error(`ALLOWED_ORIGINS entries must be bare origins like https://shop.example, got "${origin}"`);
  }
  const headersTimeoutMs = positiveInteger(env.HEADERS_TIMEOUT_MS, 'HEADERS_TIMEOUT_MS', 10_000);
  const requestTimeoutMs = positiveInteger(env.REQUEST_TIMEOUT_MS, 'REQUEST_TIMEOUT_MS', 30_000);
  if (headersTimeoutMs > requestTimeoutMs) throw new Error('HEADERS_TIMEOUT_MS must not be over REQUEST_TIMEOUT_MS');
  const keepAliveTimeoutMs = positiveInteger(env.KEEP_ALIVE_TIMEOUT_MS, 'KEEP_ALIVE_TIMEOUT_MS', 5_000);
  const drainTimeoutMs = positiveInteger(env.DRAIN_TIMEOUT_MS, 'DRAIN_TIMEOUT_MS', 10_000);
  if (drainTimeoutMs <= keepAliveTimeoutMs) throw new Error('DRAIN_TIMEOUT_MS must be over KEEP_ALIVE_TIMEOUT_MS: idle sockets close at their keep-alive timeout during a drain');
  const dataDir = env.VITRINE_DATA_DIR ?? `${projectRoot}.data/pglite`;
  return {
    host,
    port,
    publicUrl,
    allowedOrigins: [...new Set(allowedOrigins)],
    adminToken: env.ADMIN_TOKEN ?? 'demo-admin-token',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    storefrontDir: env.STOREFRONT_DIR ?? `${projectRoot}examples/storefront`,
    distDir: env.DIST_DIR ?? `${projectRoot}dist`,
    logLevel: env.LOG_LEVEL ?? 'info',
    eventsRateLimit: positiveInteger(env.EVENTS_RATE_LIMIT, 'EVENTS_RATE_LIMIT', 600),
    mediaDir: env.VITRINE_MEDIA_DIR ?? `${dataDir.replace(/\/$/, '')}-media`,
    instagram: loadInstagramConfig(env),
    auth: loadAuthConfig(env, publicUrl),
    wishlistSecret: env.WISHLIST_SECRET || undefined,
    voteRateLimit: positiveInteger(env.VOTE_RATE_LIMIT, 'VOTE_RATE_LIMIT', 300),
    votersPerAddress: positiveInteger(env.VOTERS_PER_ADDRESS, 'VOTERS_PER_ADDRESS', VOTERS_PER_ADDRESS_PER_DAY),
    adminRateLimit: positiveInteger(env.ADMIN_RATE_LIMIT, 'ADMIN_RATE_LIMIT', 600),
    collectorKey: env.COLLECTOR_KEY || undefined,
    headersTimeoutMs,
    requestTimeoutMs,
    maxConnectionsPerAddress: positiveInteger(env.MAX_CONNECTIONS_PER_ADDRESS, 'MAX_CONNECTIONS_PER_ADDRESS', 128),
    drainDelayMs: nonNegativeInteger(env.DRAIN_DELAY_MS, 'DRAIN_DELAY_MS', 0),
    keepAliveTimeoutMs,
    drainTimeoutMs,
  };
}

function loadInstagramConfig(env: NodeJS.ProcessEnv): InstagramConfig {
  const graphUrl = env.INSTAGRAM_GRAPH_URL?.replace(/\/$/, '') || undefined;
  // A self-hosted graph URL (a fake or a proxy) serves the other two hosts too, unless they are set.
  const sameHost = graphUrl && graphUrl !== 'https://graph.instagram.com' ? graphUrl : undefined;
  const syncSeconds = Number(env.INSTAGRAM_SYNC_SECONDS ?? 900);
  if (!Number.isFinite(syncSeconds) || syncSeconds < 60) throw new Error(`INSTAGRAM_SYNC_SECONDS must be at least 60, got "${env.INSTAGRAM_SYNC_SECONDS}"`);
  return {
    graphUrl,
    apiUrl: (env.INSTAGRAM_API_URL ?? sameHost ?? 'https://api.instagram.com').replace(/\/$/, ''),
    authorizeUrl: env.INSTAGRAM_AUTHORIZE_URL ?? `${sameHost ?? 'https://www.instagram.com'}/oauth/authorize`,
    appId: env.INSTAGRAM_APP_ID ?? '',
    appSecret: env.INSTAGRAM_APP_SECRET ?? '',
    syncSeconds,
  };
}
