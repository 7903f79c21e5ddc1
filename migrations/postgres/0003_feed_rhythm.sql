-- Each feed's publication rhythm, as the SQLite store's migration 0013 (src/feed/rhythm.rs):
-- NULL until the feed's first successful poll, and again when its URL changes.
ALTER TABLE feeds ADD COLUMN rhythm BYTEA;
