-- Voters (issue 20): one row per voter token minted, so the caps are counted in the database every instance
-- shares, and the owner can see a burst of new voters and remove it. The client address is never stored:
-- address_hash is HMAC(secret, day + address), which groups one day's voters and links nothing across days.
-- Voters minted before this migration have no row: they vote as before, and are in no burst.
CREATE TABLE wishlist_voters (
  voter_id text PRIMARY KEY,
  share_id uuid NOT NULL REFERENCES wishlist_shares (id) ON DELETE CASCADE,
  address_hash text NOT NULL,
  day date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  -- Set when the owner removed this voter's votes as part of a burst: the token votes no more.
  removed_at timestamptz
);

CREATE INDEX wishlist_voters_share_idx ON wishlist_voters (share_id, created_at);

-- Voter tokens minted per list, address and day: the cap is checked and counted under this row's lock, so
-- concurrent first votes on any instance never mint past it. `granted` is what the last update let through.
CREATE TABLE wishlist_voter_quota (
  wishlist_id uuid NOT NULL REFERENCES wishlists (id) ON DELETE CASCADE,
  day date NOT NULL,
  address_hash text NOT NULL,
  minted integer NOT NULL,
  granted integer NOT NULL,
  PRIMARY KEY (wishlist_id, day, address_hash)
);

-- A burst's removal deletes its voters' votes.
CREATE INDEX wishlist_votes_voter_idx ON wishlist_votes (voter_id);
