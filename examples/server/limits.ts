/**
 * The server's fixed numbers, each defined once. What an operator may change lives in config.ts
 * (environment variables); these are part of the contract or of the implementation.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** Every rate limit counts requests over this window (per client address, IPv6 by /64). */
export const RATE_WINDOW_MS = MINUTE;
/** Ended windows are deleted from the shared rate-limit table this often. */
export const RATE_LIMIT_PRUNE_MS = 60 * MINUTE;
/** Sign-in start and callback: a person clicks a few times, a script thousands. */
export const AUTH_RATE_LIMIT = 60;

/** Request bodies: the collector's batch (the client keeps its batches under it), wishlist and vote writes, imports. */
export const BODY_LIMITS = {
  default: 256 * 1024,
  collector: 64 * 1024,
  wishlist: 8 * 1024,
  form: 16 * 1024,
  catalogImport: 10 * 1024 * 1024,
} as const;

/** Server-Sent Events: the reconnection delay told to clients, and a comment line so idle proxies keep the stream. */
export const SSE_RETRY_MS = 5 * SECOND;
export const SSE_HEARTBEAT_MS = 20 * SECOND;

/** Characters of the base64url SHA-256 kept in an ETag (162 bits: collisions are not a concern). */
export const ETAG_LENGTH = 27;

/**
 * How long an instance's claim on a feed's scheduled pass lasts: longer than a fetch with its media downloads
 * takes, short enough that a feed whose instance died is fetched again soon.
 */
export const FEED_FETCH_LEASE_MS = 10 * MINUTE;

/** pg_advisory_xact_lock key held while migrating, so two servers starting on one PostgreSQL never race. */
export const MIGRATION_LOCK_ID = 7366000;

/** Idempotency keys are kept two days (clients retry within minutes; the outbox at the latest on the next visit). */
export const IDEMPOTENCY_RETENTION = '2 days';
export const IDEMPOTENCY_PRUNE_MS = 60 * MINUTE;

/** A wishlist holds at most this many items; a create sends at most `MAX_ITEMS_PER_CREATE`. */
export const MAX_WISHLIST_ITEMS = 200;
export const MAX_ITEMS_PER_CREATE = 50;

/**
 * Voter tokens one client address (IPv6 by /64) may mint per list and UTC day; the next first vote is a 429.
 * Friends on one home or office network share an address, a script minting voters shares it too
 * (docs/wishlist.md, "Caps and bursts"). Operators change it with VOTERS_PER_ADDRESS.
 */
export const VOTERS_PER_ADDRESS_PER_DAY = 20;

/**
 * What the owner is shown as a suspicious burst of new voters on their list (docs/wishlist.md): this many from
 * one address in one day, or this many each minted within `BURST_GAP_MS` of the previous one, over the last
 * `BURST_LOOKBACK_DAYS`.
 */
export const BURST_VOTERS_PER_ADDRESS = 5;
export const BURST_VOTERS_IN_WINDOW = 10;
export const BURST_GAP_MS = MINUTE;
export const BURST_LOOKBACK_DAYS = 7;

/** Votes written in one group transaction at most (the vote route's group commit). */
export const MAX_VOTES_PER_GROUP = 500;
/** How often the voter quota rows of earlier days are deleted (the cap counts today only). */
export const VOTER_QUOTA_PRUNE_MS = 60 * MINUTE;
