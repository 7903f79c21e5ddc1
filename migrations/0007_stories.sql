-- Stories: the items of one rule that tell the same story across outlets. The first item
-- (the story's lead) alerts; later ones join the story and feed its follow-ups. Members are
-- kept with their text so the in-memory similarity index can be rebuilt after a restart.
CREATE TABLE stories (
    id          TEXT PRIMARY KEY NOT NULL,  -- story-<hash of rule and lead article>
    rule        TEXT NOT NULL,
    article     TEXT NOT NULL,              -- the lead's article key (alert ids derive from it)
    title       TEXT NOT NULL,              -- the lead's title
    link        TEXT,
    source      TEXT NOT NULL,              -- the lead's outlet
    created_at  INTEGER NOT NULL,           -- unix seconds
    updated_at  INTEGER NOT NULL            -- the last member's arrival
) STRICT;

CREATE INDEX stories_recent ON stories (updated_at);

CREATE TABLE story_members (
    rule            TEXT NOT NULL,
    feed            TEXT NOT NULL,
    entry_id        TEXT NOT NULL,
    story           TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    title           TEXT NOT NULL,
    summary         TEXT NOT NULL,
    link            TEXT,
    canonical_link  TEXT,
    source          TEXT NOT NULL,
    concepts        TEXT NOT NULL,           -- entity names the item mentions, space-separated
    similarity      REAL,                    -- to the member it joined through; NULL for a lead
    joined_at       INTEGER NOT NULL,
    published_at    INTEGER,
    PRIMARY KEY (rule, feed, entry_id)
) STRICT;

CREATE INDEX story_members_story ON story_members (story, joined_at);
CREATE INDEX story_members_joined ON story_members (joined_at);

-- Why an entry waits beyond its digest: quiet hours, or its rule's cap. Shown in the digest
-- that releases it. Empty when it does not wait for either.
ALTER TABLE outbox ADD COLUMN hold TEXT NOT NULL DEFAULT '';
-- The story a follow-up entry belongs to (NULL for alerts).
ALTER TABLE outbox ADD COLUMN story TEXT;

-- A rule's cap counts the alerts it sent in the current window.
CREATE INDEX outbox_rule_recent ON outbox (rule, channel, created_at);
