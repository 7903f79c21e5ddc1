-- Polls under a claim (Store::claim_feed), as the SQLite store's migration 0013: who holds the
-- feed, until when, and the claim's generation, which fences the poll's writes.
ALTER TABLE feeds ADD COLUMN poll_owner TEXT NOT NULL DEFAULT '';
ALTER TABLE feeds ADD COLUMN poll_lease_until BIGINT NOT NULL DEFAULT 0;
ALTER TABLE feeds ADD COLUMN poll_generation BIGINT NOT NULL DEFAULT 0;
