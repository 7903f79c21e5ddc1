-- Digests: an alert held for a digest carries the period (seconds) it waits for, and its
-- next_attempt_at is the end of that period; 0 means it goes out on its own, at once.
ALTER TABLE outbox ADD COLUMN digest INTEGER NOT NULL DEFAULT 0;
