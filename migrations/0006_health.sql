-- Health alerts about newswatch itself. A feed's failing_since is the time of the first failed
-- poll after its last success. An incident is one stretch of one problem (a feed failing or
-- silent, a channel failing): opened with one alert, closed with one recovery notice, so a
-- restart in between neither repeats nor loses either.
ALTER TABLE feeds ADD COLUMN failing_since INTEGER;

CREATE TABLE incidents (
    kind      TEXT NOT NULL,     -- feed-failing | feed-silent | channel-failing
    subject   TEXT NOT NULL,     -- the feed or channel name
    opened_at INTEGER NOT NULL,  -- unix seconds
    detail    TEXT NOT NULL,
    closed_at INTEGER,
    PRIMARY KEY (kind, subject, opened_at)
) STRICT;

CREATE UNIQUE INDEX incidents_open ON incidents (kind, subject) WHERE closed_at IS NULL;
