-- New segments reach the search index by their ids, not by a note per row (issue 10).
--
-- Since migration 0006 a trigger noted every inserted segment in search_pending; that trigger was
-- ~7 µs of each segment an import writes (a statement journal and a second insert per row), a sixth
-- of its database work. Segment ids only grow (AUTOINCREMENT), so the rows added since the last
-- sync are exactly those above the highest id it saw: SearchIndex.sync() (src/search/searchIndex.ts)
-- indexes the ids above `indexed_through` in one statement and moves the mark up. Changes and
-- deletions of rows the index already holds are still noted by the triggers.
ALTER TABLE search_index_state ADD COLUMN indexed_through INTEGER NOT NULL DEFAULT 0;
DROP TRIGGER segments_search_insert;
-- Every write syncs inside its own transaction, so every row stored so far is indexed.
UPDATE search_index_state SET indexed_through = coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'segments'), 0);
