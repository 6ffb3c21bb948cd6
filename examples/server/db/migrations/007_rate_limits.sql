-- Rate-limit windows shared by every instance (plugins/rate-limit-store.ts): one row per (route, client address).
-- UNLOGGED: a counter needs no WAL, and a crash only forgets windows of a minute. No index but the key: the
-- hourly prune scans a table of one row per active client, and an update that keeps the window stays HOT.
CREATE UNLOGGED TABLE rate_limits (
  key text PRIMARY KEY,
  hits integer NOT NULL,
  resets_at timestamptz NOT NULL
);
