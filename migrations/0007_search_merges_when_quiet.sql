-- The search index merges its small pieces when the server is quiet, not inside every write (issues 10, 11).
--
-- Each write that changes the index adds one small FTS5 index segment; merging them (INSERT ...
-- ('merge', 100), ~12 ms a step) was done at the end of every such write since migration 0006, which
-- was ~40 % of a 10,000-sentence replace and a tenth of an import. Now a write merges only while more
-- than a set number of writes (SearchIndex's UNMERGED_WRITES_MAX) wait unmerged, and the rest is done
-- in steps once nobody has written for a moment (src/db/idleWork.ts). The count lives here, in the
-- same transactions as the writes, so it is right after a rollback, a restart, or a write by the CLI.
CREATE TABLE search_index_state (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  -- writes that added index data since a merge step last found nothing left to merge
  unmerged_writes  INTEGER NOT NULL CHECK (unmerged_writes >= 0)
);
-- Unknown for a database with segments: counted as due, so its writes merge until a quiet moment has caught up.
INSERT INTO search_index_state (id, unmerged_writes) SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM segments) THEN 1000 ELSE 0 END;

-- Up to UNMERGED_WRITES_MAX (64) pieces may now wait on the first level: FTS5's crisis merge (all the
-- pieces of a level in one step) waits for twice that.
INSERT INTO segment_search (segment_search, rank) VALUES ('crisismerge', 128);
