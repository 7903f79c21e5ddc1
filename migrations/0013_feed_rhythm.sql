-- Each feed's publication rhythm, learned from its items' dates (src/feed/rhythm.rs: a version
-- byte, the observed hours, the time it was brought forward, and 168 hour-of-week counts).
-- NULL until the feed's first successful poll after this migration, and again when its URL
-- changes; the feed is polled at its fixed interval until its rhythm is learned.
ALTER TABLE feeds ADD COLUMN rhythm BLOB;
