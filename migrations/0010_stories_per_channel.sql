-- Stories per channel: a channel hears of an item once, whichever of its rules matched, so a
-- story is what one channel was told about. Stories and their members gain the channel and the
-- rules; a member is one per (channel, item) where it was one per (rule, item).
--
-- Rows written before have no channel (NULL): which channels their rule notified is in the
-- config, not here, so they cannot be placed. `newswatch stories` still lists them and pruning
-- ages them out, but the similarity index rebuilt at start leaves them out: a later report of
-- such a story opens a new story on each channel.
ALTER TABLE stories ADD COLUMN channel TEXT;
-- Space-separated: the first alert's rules (its primary rule, `rule`, first), then those that
-- later members brought.
ALTER TABLE stories ADD COLUMN rules TEXT NOT NULL DEFAULT '';
UPDATE stories SET rules = rule;

CREATE TABLE story_members_by_channel (
    channel         TEXT,                    -- NULL: written when stories were per rule
    rules           TEXT NOT NULL,           -- the item's rules on the channel, space-separated
    feed            TEXT NOT NULL,
    entry_id        TEXT NOT NULL,
    story           TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    title           TEXT NOT NULL,
    summary         TEXT NOT NULL,
    link            TEXT,
    canonical_link  TEXT,
    source          TEXT NOT NULL,
    concepts        TEXT NOT NULL,           -- entity names the item mentions, space-separated
    similarity      REAL,                    -- to the story it joined; NULL for a lead
    joined_at       INTEGER NOT NULL,
    published_at    INTEGER
) STRICT;

-- In rowid order, which breaks ties of `joined_at` in the order of arrival.
INSERT INTO story_members_by_channel (channel, rules, feed, entry_id, story, title, summary,
    link, canonical_link, source, concepts, similarity, joined_at, published_at)
SELECT NULL, rule, feed, entry_id, story, title, summary, link, canonical_link, source,
    concepts, similarity, joined_at, published_at
FROM story_members ORDER BY rowid;

DROP TABLE story_members;
ALTER TABLE story_members_by_channel RENAME TO story_members;

-- NULLs are distinct in a unique index, so the old rows of one item under two rules both stay.
CREATE UNIQUE INDEX story_members_item ON story_members (channel, feed, entry_id);
CREATE INDEX story_members_story ON story_members (story, joined_at);
CREATE INDEX story_members_joined ON story_members (joined_at);
