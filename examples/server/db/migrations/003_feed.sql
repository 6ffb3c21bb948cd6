-- Instagram accounts connected with the Instagram API with Instagram Login, one per feed.
-- The long-lived token stays here, server-side: no route ever returns it.
CREATE TABLE instagram_accounts (
  feed_id text PRIMARY KEY,
  ig_user_id text NOT NULL,
  username text NOT NULL DEFAULT '',
  access_token text NOT NULL,
  token_issued_at timestamptz NOT NULL,
  token_expires_at timestamptz NOT NULL,
  token_status text NOT NULL DEFAULT 'valid' CHECK (token_status IN ('valid', 'expired')),
  product_tags boolean NOT NULL DEFAULT true,
  connected_at timestamptz NOT NULL DEFAULT now()
);

-- OAuth `state` values of connect flows in progress (CSRF protection), short-lived.
CREATE TABLE instagram_oauth_states (
  state text PRIMARY KEY,
  feed_id text NOT NULL,
  expires_at timestamptz NOT NULL
);

-- The last good normalized feed (media re-hosted) and the served JSON built from it, with its ETag.
CREATE TABLE feeds (
  id text PRIMARY KEY,
  posts jsonb NOT NULL DEFAULT '[]',
  body text,
  etag text,
  fetched_at timestamptz,
  built_at timestamptz,
  last_error text,
  last_error_at timestamptz,
  failures integer NOT NULL DEFAULT 0,
  retry_after timestamptz
);

-- Products placed on a post's slide: imported from Instagram product tags or placed by the merchant.
CREATE TABLE feed_hotspots (
  id uuid PRIMARY KEY,
  feed_id text NOT NULL,
  post_id text NOT NULL,
  slide integer NOT NULL DEFAULT 0 CHECK (slide >= 0),
  x double precision NOT NULL CHECK (x >= 0 AND x <= 1),
  y double precision NOT NULL CHECK (y >= 0 AND y <= 1),
  product_id text NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  source text NOT NULL CHECK (source IN ('instagram', 'merchant')),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX feed_hotspots_post_idx ON feed_hotspots (feed_id, post_id);
