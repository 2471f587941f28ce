import type { Db } from '../db/database';

/** Index pages merged at the end of a write that changed the index: a few ms of work, enough to keep up with imports. */
export const MERGE_PAGES_PER_WRITE = 100;

/**
 * Keeps the trigram index (segment_search) in step with the segments. Triggers note each segment
 * whose MT or text changed in search_pending; sync() re-indexes the noted ones and clears the notes.
 * It runs at the end of every write, inside the write's transaction (the write queue calls it after
 * each piece of work, SegmentService after a transaction of its own), so a committed write is
 * always searchable. Why not straight from the triggers: see migrations/0006.
 */
export class SearchIndex {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      anyPending: db.prepare(`SELECT EXISTS (SELECT 1 FROM search_pending) AS any`).pluck(),
      removeOutdated: db.prepare(`DELETE FROM segment_search WHERE rowid IN (SELECT segment_id FROM search_pending WHERE fresh = 0)`),
      // `text` is indexed as '' while it equals the MT, which halves the index (migrations/0004).
      addCurrent: db.prepare(
        `INSERT INTO segment_search (rowid, mt, text)
           SELECT s.id, s.mt, CASE WHEN s.text = s.mt THEN '' ELSE s.text END
             FROM search_pending p JOIN segments s ON s.id = p.segment_id`,
      ),
      clear: db.prepare(`DELETE FROM search_pending`),
      // At most this many pages of merging per write: FTS5's own merging is off (migrations/0006).
      merge: db.prepare(`INSERT INTO segment_search (segment_search, rank) VALUES ('merge', ${MERGE_PAGES_PER_WRITE})`),
    };
  }

  /** Brings the index up to date with every segment written since the last sync; the caller holds the transaction. */
  sync(): void {
    if (!this.statements.anyPending.get()) return;
    this.statements.removeOutdated.run();
    this.statements.addCurrent.run();
    this.statements.clear.run();
    this.statements.merge.run();
  }
}
