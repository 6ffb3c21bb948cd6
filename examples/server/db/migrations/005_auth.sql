-- Pending sign-in transactions (OAuth 2.0 authorization code + PKCE + OpenID Connect nonce).
-- One row per click on a sign-in button; the callback consumes it once (used_at), within 10 minutes.
-- Only a hash of `state` and of the browser-binding cookie is kept; the PKCE verifier must stay
-- readable for the code exchange and never leaves the server.
CREATE TABLE auth_transactions (
  state_hash text PRIMARY KEY,
  provider text NOT NULL,
  binding_hash text NOT NULL,
  code_verifier text NOT NULL,
  nonce text NOT NULL UNIQUE,
  mode text NOT NULL CHECK (mode IN ('popup', 'redirect')),
  return_origin text NOT NULL,
  return_to text,
  locale text NOT NULL CHECK (locale IN ('fr', 'en')),
  created_at timestamptz NOT NULL DEFAULT now(),
  used_at timestamptz
);

CREATE INDEX auth_transactions_created_idx ON auth_transactions (created_at);
