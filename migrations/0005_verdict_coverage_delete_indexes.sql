-- Honest verdicts and fast deletes (issue 7).
--
-- The MQM badge says "provisional" until the reviewed (covered) words reach this share of the
-- evaluated words, in percent; 100 = every sentence and heading has been edited, approved or rejected.
ALTER TABLE quality_settings ADD COLUMN verdict_coverage REAL NOT NULL DEFAULT 100 CHECK (verdict_coverage BETWEEN 0 AND 100);

-- With foreign keys on, deleting a row looks up the rows that refer to it; without an index on the
-- referring column that is a scan of the whole table per deleted row, so deleting a 200,000-segment
-- article scanned every segment 200,000 times (merged_into) and every comment once per revision.
CREATE INDEX idx_segments_merged_into ON segments (merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX idx_comments_revision ON comments (revision_id) WHERE revision_id IS NOT NULL;
