-- Polls under a claim (Store::claim_feed), so that processes sharing a store poll each due feed
-- once: who holds the feed (a process identity), until when, and the claim's generation, which
-- fences the poll's writes: a poll whose claim ran out and was taken again is not recorded.
ALTER TABLE feeds ADD COLUMN poll_owner TEXT NOT NULL DEFAULT '';
ALTER TABLE feeds ADD COLUMN poll_lease_until INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feeds ADD COLUMN poll_generation INTEGER NOT NULL DEFAULT 0;
