-- The PostgreSQL store: the same tables, columns and meanings as the SQLite store after its
-- migrations 0001 to 0012 (see ../0001_init.sql onwards for what each column is for), in
-- PostgreSQL's types. Times are unix seconds (BIGINT) as there, so both engines read and write
-- the same values. Names, ids and keys that lists are sorted by are COLLATE "C" (byte order),
-- which is SQLite's order and the one the Store contract promises, whatever the database's
-- own collation.

CREATE TABLE feeds (
    name                 TEXT COLLATE "C" PRIMARY KEY,
    config_url           TEXT NOT NULL,
    url                  TEXT NOT NULL,
    etag                 TEXT,
    last_modified        TEXT,
    last_status          BIGINT,
    last_error           TEXT,
    last_attempt_at      BIGINT,
    last_success_at      BIGINT,
    consecutive_failures BIGINT NOT NULL DEFAULT 0,
    next_poll_at         BIGINT NOT NULL DEFAULT 0,
    gone                 BOOLEAN NOT NULL DEFAULT false,
    last_entries         BIGINT,
    had_entries          BOOLEAN NOT NULL DEFAULT false,
    failing_since        BIGINT,
    last_new_at          BIGINT
);

CREATE TABLE items (
    feed               TEXT COLLATE "C" NOT NULL,
    entry_id           TEXT COLLATE "C" NOT NULL,
    canonical_link     TEXT COLLATE "C",
    title              TEXT NOT NULL,
    link               TEXT,
    published_at       BIGINT,
    first_seen_at      BIGINT NOT NULL,
    last_seen_at       BIGINT NOT NULL,
    alertable          BOOLEAN NOT NULL,
    duplicate_of_feed  TEXT,
    duplicate_of_entry TEXT,
    -- NULL only in SQLite, for items stored before text was kept; kept nullable to match.
    summary            TEXT,
    content            TEXT NOT NULL DEFAULT '',
    authors            TEXT NOT NULL DEFAULT '',
    categories         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (feed, entry_id)
);

CREATE INDEX items_by_canonical_link ON items (canonical_link) WHERE canonical_link IS NOT NULL;
CREATE INDEX items_by_last_seen ON items (last_seen_at);
CREATE INDEX items_by_first_seen ON items (first_seen_at);

CREATE TABLE matches (
    feed       TEXT COLLATE "C" NOT NULL,
    entry_id   TEXT COLLATE "C" NOT NULL,
    rule       TEXT COLLATE "C" NOT NULL,
    spans      TEXT NOT NULL,
    matched_at BIGINT NOT NULL,
    PRIMARY KEY (feed, entry_id, rule),
    FOREIGN KEY (feed, entry_id) REFERENCES items (feed, entry_id) ON DELETE CASCADE
);

CREATE INDEX matches_by_rule ON matches (rule, matched_at);

CREATE TABLE outbox (
    id              TEXT COLLATE "C" PRIMARY KEY,
    channel         TEXT COLLATE "C" NOT NULL,
    rule            TEXT COLLATE "C" NOT NULL,
    feed            TEXT NOT NULL,
    entry_id        TEXT NOT NULL,
    body            TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
    attempts        BIGINT NOT NULL DEFAULT 0,
    created_at      BIGINT NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    lease_until     BIGINT NOT NULL DEFAULT 0,
    finished_at     BIGINT,
    last_error      TEXT,
    digest          BIGINT NOT NULL DEFAULT 0,
    hold            TEXT NOT NULL DEFAULT '',
    story           TEXT,
    claimed_by      TEXT COLLATE "C" NOT NULL DEFAULT ''
);

CREATE INDEX outbox_due ON outbox (channel, state, digest, next_attempt_at, created_at, id);
CREATE INDEX outbox_rule_recent ON outbox (rule, channel, created_at);
CREATE INDEX outbox_claims ON outbox (lease_until) WHERE state = 'pending' AND claimed_by <> '';

CREATE TABLE incidents (
    kind      TEXT COLLATE "C" NOT NULL,
    subject   TEXT COLLATE "C" NOT NULL,
    opened_at BIGINT NOT NULL,
    detail    TEXT NOT NULL,
    closed_at BIGINT,
    PRIMARY KEY (kind, subject, opened_at)
);

CREATE UNIQUE INDEX incidents_open ON incidents (kind, subject) WHERE closed_at IS NULL;

CREATE TABLE stories (
    id          TEXT COLLATE "C" PRIMARY KEY,
    rule        TEXT NOT NULL,
    article     TEXT NOT NULL,
    title       TEXT NOT NULL,
    link        TEXT,
    source      TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    channel     TEXT COLLATE "C",
    rules       TEXT NOT NULL DEFAULT ''
);

CREATE INDEX stories_recent ON stories (updated_at);

CREATE TABLE story_members (
    -- The order members were recorded in, which breaks ties of joined_at (SQLite's rowid).
    seq             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel         TEXT COLLATE "C",
    rules           TEXT NOT NULL,
    feed            TEXT COLLATE "C" NOT NULL,
    entry_id        TEXT COLLATE "C" NOT NULL,
    story           TEXT COLLATE "C" NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    title           TEXT NOT NULL,
    summary         TEXT NOT NULL,
    link            TEXT,
    canonical_link  TEXT,
    source          TEXT NOT NULL,
    concepts        TEXT NOT NULL,
    similarity      DOUBLE PRECISION,
    joined_at       BIGINT NOT NULL,
    published_at    BIGINT
);

CREATE UNIQUE INDEX story_members_item ON story_members (channel, feed, entry_id);
CREATE INDEX story_members_story ON story_members (story, joined_at);
CREATE INDEX story_members_joined ON story_members (joined_at);
