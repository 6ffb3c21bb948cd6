-- Shoppers who signed in with a provider, and their server-side sessions (backend-for-frontend:
-- the browser holds only an opaque session id in an HttpOnly cookie, stored here hashed).
CREATE TABLE customers (
  id uuid PRIMARY KEY,
  provider text NOT NULL,
  subject text NOT NULL,
  first_name text NOT NULL DEFAULT '',
  avatar_url text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (provider, subject)
);

CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  customer_id uuid NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);

CREATE INDEX sessions_customer_idx ON sessions (customer_id);

-- The merchant's catalog: what hotspots, wishlists and "shop the look" point at.
CREATE TABLE products (
  id text PRIMARY KEY,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  price numeric(12, 2) NOT NULL CHECK (price >= 0),
  currency char(3) NOT NULL,
  availability text NOT NULL CHECK (availability IN ('in_stock', 'out_of_stock', 'preorder', 'backorder')),
  link text NOT NULL,
  image text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
