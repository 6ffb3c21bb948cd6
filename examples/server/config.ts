import { fileURLToPath } from 'node:url';

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
  /** Signs wishlist voter and owner tokens; when unset, one is generated once and kept in the database. */
  wishlistSecret?: string;
  /** Votes per minute per client address (IPv6 grouped by /64) before 429. */
  voteRateLimit: number;
}

function positiveInteger(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return number;
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
  return {
    host,
    port,
    publicUrl,
    allowedOrigins: [...new Set(allowedOrigins)],
    adminToken: env.ADMIN_TOKEN ?? 'demo-admin-token',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.VITRINE_DATA_DIR ?? `${projectRoot}.data/pglite`,
    storefrontDir: env.STOREFRONT_DIR ?? `${projectRoot}examples/storefront`,
    distDir: env.DIST_DIR ?? `${projectRoot}dist`,
    logLevel: env.LOG_LEVEL ?? 'info',
    wishlistSecret: env.WISHLIST_SECRET || undefined,
    voteRateLimit: positiveInteger(env.VOTE_RATE_LIMIT, 300, 'VOTE_RATE_LIMIT'),
  };
}
