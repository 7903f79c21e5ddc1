-- An item's text beyond its title, kept as long as the item (`retention`), so that `newswatch
-- backtest` can run a rule over stored items exactly as a poll ran it: the matcher reads the
-- title, summary, content, authors, categories, link and feed name (the feed's tags come from
-- the config). Items stored before this migration have a NULL summary: only their title and
-- link were kept, and backtest says so rather than matching them as if they had no summary.
ALTER TABLE items ADD COLUMN summary TEXT;
ALTER TABLE items ADD COLUMN content TEXT NOT NULL DEFAULT '';
-- JSON arrays of strings; '' for none.
ALTER TABLE items ADD COLUMN authors TEXT NOT NULL DEFAULT '';
ALTER TABLE items ADD COLUMN categories TEXT NOT NULL DEFAULT '';

-- backtest reads the items first seen since a time, in that order.
CREATE INDEX items_by_first_seen ON items (first_seen_at);
