-- The search index is brought up to date once per write, not once per segment (issues 7, 9, 10, 11).
--
-- FTS5 writes the index data it holds in memory to disk whenever a savepoint opens (its xSavepoint),
-- and every statement that fires a trigger opens one. With triggers writing segment_search, each
-- segment written flushed an index segment of its own and FTS5 then merged thousands of them: an
-- import of 100,000 sentences spent ~9 s in the index instead of ~3 s, and a replace across 10,000
-- sentences most of its time. Now the triggers only note which segments changed (a plain table, so a
-- rolled-back savepoint takes its notes with it), and SearchIndex.sync() (src/search/searchIndex.ts)
-- re-indexes the noted segments at the end of each write, inside the same transaction: the write
-- queue does it after every piece of work, SegmentService after a transaction of its own.
CREATE TABLE search_pending (
  segment_id INTEGER PRIMARY KEY,
  -- 1: added since the last sync, so not in the index yet; 0: its entry in the index is out of date
  fresh      INTEGER NOT NULL CHECK (fresh IN (0, 1))
);

DROP TRIGGER segments_search_insert;
DROP TRIGGER segments_search_update;
DROP TRIGGER segments_search_delete;

-- A segment noted as fresh stays fresh whatever happens to it before the sync (nothing of it is
-- indexed yet); one noted as out of date stays so, even if its id is used again by a new row.
CREATE TRIGGER segments_search_insert AFTER INSERT ON segments BEGIN
  INSERT INTO search_pending (segment_id, fresh) VALUES (new.id, 1) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER segments_search_update AFTER UPDATE OF mt, text ON segments
  WHEN old.mt IS NOT new.mt OR old.text IS NOT new.text BEGIN
  INSERT INTO search_pending (segment_id, fresh) VALUES (new.id, 0) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER segments_search_delete AFTER DELETE ON segments BEGIN
  INSERT INTO search_pending (segment_id, fresh) VALUES (old.id, 0) ON CONFLICT DO NOTHING;
END;

-- FTS5 merges its index segments by itself after a write (automerge), in steps whose size follows
-- the data written; after a batch of updates (each a delete and an insert) one such step took
-- 150-370 ms, a write that held the server that long. Instead SearchIndex.sync() asks for a bounded
-- merge (100 pages) at the end of every write that changed the index: over 40 chunks of 180
-- updates, the longest step fell from 274 ms to 25 ms and the whole from 3.1 s to 2.5 s. The crisis
-- merge (all segments of a level at once) then waits for 64 segments on a level, which bounded
-- merges keep from happening.
INSERT INTO segment_search (segment_search, rank) VALUES ('automerge', 0);
INSERT INTO segment_search (segment_search, rank) VALUES ('crisismerge', 64);
