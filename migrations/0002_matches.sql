-- Rules that matched an item when it was first seen, with their evidence, written in the same
-- transaction as the item. The alerts stage turns these into outbox entries.
CREATE TABLE matches (
    feed       TEXT NOT NULL,
    entry_id   TEXT NOT NULL,
    rule       TEXT NOT NULL,
    spans      TEXT NOT NULL,     -- JSON list of {field, start, end, text}
    matched_at INTEGER NOT NULL,  -- unix seconds
    PRIMARY KEY (feed, entry_id, rule),
    FOREIGN KEY (feed, entry_id) REFERENCES items (feed, entry_id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE INDEX matches_by_rule ON matches (rule, matched_at);
