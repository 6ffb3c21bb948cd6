-- Feed fetches across a fleet (issue 20): every instance runs the scheduler, and the one that claims an
-- account's lease runs its pass (token refresh and fetch), so two instances never spend Meta's quota on one
-- feed at once. The lease expires on its own if its instance dies mid-fetch.
ALTER TABLE instagram_accounts ADD COLUMN fetch_lease_until timestamptz;
