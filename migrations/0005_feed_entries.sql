-- How many entries the feed's last parsed document held, and whether any document ever held
-- one: a feed that had entries and now parses with none is suspicious (a changed format, an
-- error page served as 200, or a parser gap), not healthy.
ALTER TABLE feeds ADD COLUMN last_entries INTEGER;
ALTER TABLE feeds ADD COLUMN had_entries INTEGER NOT NULL DEFAULT 0;
