import type { Db } from '../db/database';

/** Index pages merged by one merge step: ~12 ms of work. */
export const MERGE_PAGES_PER_STEP = 100;
/**
 * A write that merges for itself (past UNMERGED_WRITES_MAX) merges in proportion to what it indexed,
 * like FTS5's own automerge: a few pages for a commit of saves, a whole step for an import's chunk.
 * Each row adds ~0.1-0.2 pages that are merged again on each level, so half a page per row keeps up.
 */
const MERGE_PAGES_PER_ROW = 0.5;
const MERGE_PAGES_MIN = 8;

/**
 * How many writes may leave their index data unmerged until a quiet moment. Each write that changes
 * the index adds a small FTS5 index segment; once 128 pile up on one level FTS5 merges them all in
 * one go (its crisis merge, migrations/0007: hundreds of ms inside somebody's write), so past half
 * of that the writes merge for themselves. A batch of 10,000 sentences (~40 steps) or an import of
 * 15,000 merges nothing meanwhile; searches read a few dozen pieces more until it is done.
 */
export const UNMERGED_WRITES_MAX = 64;

/**
 * Keeps the trigram index (segment_search) in step with the segments. Segments added since the last
 * sync are those with ids above search_index_state.indexed_through (ids only grow); triggers note in
 * search_pending each indexed segment whose MT or text changed, or that was deleted (migrations/0008).
 * sync() indexes the new rows, re-indexes the noted ones, clears the notes and moves the mark.
 * It runs at the end of every write, inside the write's transaction (the write queue calls it once
 * per commit, after the pieces of work that share it; SegmentService after a transaction of its
 * own), so a committed write is always searchable. Why not straight from the triggers: see
 * migrations/0006. Merging the index's pieces waits for a quiet moment (mergeStep(), run by
 * src/db/idleWork.ts): migrations/0007.
 */
export class SearchIndex {
  private readonly statements;

  /** `changed` is told after every sync that changed the index: merging will be due. */
  constructor(
    db: Db,
    private readonly changed: () => void = () => {},
  ) {
    // `text` is indexed as '' while it equals the MT, which halves the index (migrations/0004).
    const indexedColumns = `s.id, s.mt, CASE WHEN s.text = s.mt THEN '' ELSE s.text END`;
    this.statements = {
      state: db.prepare(
        `SELECT indexed_through AS indexedThrough, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'segments'), 0) AS lastId,
                EXISTS (SELECT 1 FROM search_pending) AS noted
           FROM search_index_state WHERE id = 1`,
      ),
      // Notes of rows above the mark are dropped first: those rows were never indexed, and are indexed by id below.
      dropNotesAbove: db.prepare(`DELETE FROM search_pending WHERE segment_id > ?`),
      removeOutdated: db.prepare(`DELETE FROM segment_search WHERE rowid IN (SELECT segment_id FROM search_pending WHERE fresh = 0)`),
      // CROSS JOIN keeps the notes as the outer loop: with a plain JOIN and a bound on the ids the planner may scan
      // the segments up to the bound instead (every row of an article, for each write).
      addNoted: db.prepare(
        `INSERT INTO segment_search (rowid, mt, text)
           SELECT ${indexedColumns} FROM search_pending p CROSS JOIN segments s ON s.id = p.segment_id`,
      ),
      addNew: db.prepare(`INSERT INTO segment_search (rowid, mt, text) SELECT ${indexedColumns} FROM segments s WHERE s.id > ?`),
      clear: db.prepare(`DELETE FROM search_pending`),
      setIndexedThrough: db.prepare(`UPDATE search_index_state SET indexed_through = ? WHERE id = 1`),
      countWrite: db
        .prepare(`UPDATE search_index_state SET unmerged_writes = unmerged_writes + 1 WHERE id = 1 RETURNING unmerged_writes`)
        .pluck(),
      unmergedWrites: db.prepare(`SELECT unmerged_writes FROM search_index_state WHERE id = 1`).pluck(),
      allMerged: db.prepare(`UPDATE search_index_state SET unmerged_writes = 0 WHERE id = 1`),
      // FTS5's own merging is off (migrations/0006): at most this many pages per step.
      merge: db.prepare(`INSERT INTO segment_search (segment_search, rank) VALUES ('merge', ?)`),
      totalChanges: db.prepare(`SELECT total_changes()`).pluck(),
    };
  }

  /** Brings the index up to date with every segment written since the last sync; the caller holds the transaction. */
  sync(): void {
    const { indexedThrough, lastId, noted } = this.statements.state.get() as { indexedThrough: number; lastId: number; noted: number };
    if (!noted && lastId <= indexedThrough) return;
    let indexed = 0;
    if (noted) {
      this.statements.dropNotesAbove.run(indexedThrough);
      this.statements.removeOutdated.run();
      indexed += this.statements.addNoted.run().changes;
      this.statements.clear.run();
    }
    if (lastId > indexedThrough) {
      indexed += this.statements.addNew.run(indexedThrough).changes;
      this.statements.setIndexedThrough.run(lastId);
    }
    if ((this.statements.countWrite.get() as number) > UNMERGED_WRITES_MAX) {
      this.statements.merge.run(Math.min(MERGE_PAGES_PER_STEP, Math.max(MERGE_PAGES_MIN, Math.ceil(indexed * MERGE_PAGES_PER_ROW))));
    }
    this.changed();
  }

  /**
   * One bounded merge step (the caller holds the transaction). Answers whether there may be more to
   * merge: false once FTS5 found nothing to do, which also resets the count of unmerged writes.
   */
  mergeStep(): boolean {
    const before = this.statements.totalChanges.get() as number;
    this.statements.merge.run(MERGE_PAGES_PER_STEP);
    // The merge command itself counts as one change; FTS5 rewriting its pages counts the rest.
    if ((this.statements.totalChanges.get() as number) - before > 1) return true;
    this.statements.allMerged.run();
    return false;
  }

  /** Writes since the index was last found fully merged (see UNMERGED_WRITES_MAX). */
  unmergedWrites(): number {
    return this.statements.unmergedWrites.get() as number;
  }
}
