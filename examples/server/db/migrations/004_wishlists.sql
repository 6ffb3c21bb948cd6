-- Wishlists with friend votes (issue 7). Guest first: a list belongs to whoever holds one of its
-- owner tokens (only their SHA-256 is stored); signing in attaches it to a customer.
CREATE TABLE wishlists (
  id uuid PRIMARY KEY,
  customer_id uuid UNIQUE REFERENCES customers (id) ON DELETE SET NULL,
  owner_name text NOT NULL DEFAULT '' CHECK (char_length(owner_name) <= 40),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One row per device or sign-in that owns the list; the token itself is never stored.
CREATE TABLE wishlist_owner_tokens (
  token_hash text PRIMARY KEY,
  wishlist_id uuid NOT NULL REFERENCES wishlists (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX wishlist_owner_tokens_list_idx ON wishlist_owner_tokens (wishlist_id);

-- No foreign key to products: a product leaving the catalog must not delete what shoppers saved.
CREATE TABLE wishlist_items (
  id uuid PRIMARY KEY,
  wishlist_id uuid NOT NULL REFERENCES wishlists (id) ON DELETE CASCADE,
  product_id text NOT NULL,
  variant text NOT NULL DEFAULT '',
  added_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (wishlist_id, product_id, variant)
);

-- Capability links: the token in /w/<token> is stored hashed; revoked links answer 410.
CREATE TABLE wishlist_shares (
  id uuid PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  wishlist_id uuid NOT NULL REFERENCES wishlists (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

CREATE INDEX wishlist_shares_list_idx ON wishlist_shares (wishlist_id);

-- One vote per voter per item: the primary key is the unique constraint votes upsert against.
CREATE TABLE wishlist_votes (
  item_id uuid NOT NULL REFERENCES wishlist_items (id) ON DELETE CASCADE,
  voter_id text NOT NULL,
  value smallint NOT NULL CHECK (value IN (-1, 1)),
  comment text NOT NULL DEFAULT '' CHECK (char_length(comment) <= 280),
  first_name text NOT NULL DEFAULT '' CHECK (char_length(first_name) <= 40),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (item_id, voter_id)
);

-- Idempotency-Key: the first response of a mutation, stored in the same transaction as its effect.
-- scope is the list id (or "create", "merge:<customer>", "vote:<voter>"), so keys never collide across lists.
CREATE TABLE wishlist_idempotency (
  scope text NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  status integer,
  body jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);

-- The signing secret for voter and owner tokens when WISHLIST_SECRET is not set: it must survive restarts.
CREATE TABLE wishlist_secrets (
  name text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
