-- The durable outbox: one row per alert (rule, article, channel), written in the same
-- transaction as the item that caused it, and left only once the channel has accepted it.
-- Rows are self-contained (the alert JSON), so pruning seen items never touches them.
CREATE TABLE outbox (
    id              TEXT PRIMARY KEY NOT NULL,  -- stable alert id
    channel         TEXT NOT NULL,
    rule            TEXT NOT NULL,
    feed            TEXT NOT NULL,
    entry_id        TEXT NOT NULL,
    body            TEXT NOT NULL,              -- newswatch.alert.v1 JSON
    state           TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,           -- unix seconds
    next_attempt_at INTEGER NOT NULL,
    lease_until     INTEGER NOT NULL DEFAULT 0, -- a worker holds the row until then
    finished_at     INTEGER,                    -- delivered or dead
    last_error      TEXT
) STRICT;

CREATE INDEX outbox_due ON outbox (channel, state, next_attempt_at);
