-- Per-feed HTTP and health state. One row per configured feed; rows of feeds removed from the
-- config are kept so that re-adding a feed does not re-alert its backlog.
CREATE TABLE feeds (
    name                 TEXT PRIMARY KEY NOT NULL,
    config_url           TEXT NOT NULL,   -- the URL in the config when this row was written
    url                  TEXT NOT NULL,   -- the URL polled (follows permanent redirects)
    etag                 TEXT,
    last_modified        TEXT,
    last_status          INTEGER,         -- HTTP status of the last attempt, NULL for file:// or no answer
    last_error           TEXT,
    last_attempt_at      INTEGER,         -- unix seconds
    last_success_at      INTEGER,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    next_poll_at         INTEGER NOT NULL DEFAULT 0,
    gone                 INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Items seen, keyed by (feed, entry id). canonical_link recognises the same article in
-- another feed. last_seen_at drives pruning: an item still in its feed is never forgotten.
CREATE TABLE items (
    feed               TEXT NOT NULL,
    entry_id           TEXT NOT NULL,
    canonical_link     TEXT,
    title              TEXT NOT NULL,
    link               TEXT,
    published_at       INTEGER,
    first_seen_at      INTEGER NOT NULL,
    last_seen_at       INTEGER NOT NULL,
    alertable          INTEGER NOT NULL,  -- 0 for a first poll's backlog or an item past max_item_age
    duplicate_of_feed  TEXT,              -- set when the canonical link was first seen elsewhere
    duplicate_of_entry TEXT,
    PRIMARY KEY (feed, entry_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX items_by_canonical_link ON items (canonical_link) WHERE canonical_link IS NOT NULL;
CREATE INDEX items_by_last_seen ON items (last_seen_at);
