import type { Db } from '../db/database';
import type { ReviewStatus } from '../segments/model';
import type { Batch, BatchActivity, BatchState } from './model';

const BATCH_COLUMNS = `id, kind, article_id AS articleId, note, author, user_id AS userId, created_at AS createdAt, state, changed, skipped,
  undoes, undone_by AS undoneBy`;

/** A segment as find and replace and propagation read it: only live segments (not merged away) of ready articles. */
export interface ScannedSegment {
  id: number;
  articleId: number;
  /** 0-based reading order in its article. */
  position: number;
  block: number;
  slot: number;
  version: number;
  mt: string;
  text: string;
}

// In the order scanned() reads them: the statements are in raw mode (see toSegment in src/segments/segmentRepository.ts).
const SCANNED_COLUMNS = `s.id, s.article_id AS articleId, b.start + s.slot AS position, s.block, s.slot, s.version, s.mt, s.text`;
const LIVE_SEGMENTS = `segments s JOIN article_blocks b ON b.article_id = s.article_id AND b.block = s.block
  JOIN articles a ON a.id = s.article_id AND a.state = 'ready'`;

/** The segment of a SCANNED_COLUMNS row (a raw row: see SCANNED_COLUMNS). */
function scanned(row: unknown[]): ScannedSegment {
  return {
    id: row[0] as number,
    articleId: row[1] as number,
    position: row[2] as number,
    block: row[3] as number,
    slot: row[4] as number,
    version: row[5] as number,
    mt: row[6] as string,
    text: row[7] as string,
  };
}

/** A change a batch made: the revision it wrote and the state before it, which an undo restores. */
export interface BatchRevision {
  revisionId: number;
  segmentId: number;
  articleId: number;
  version: number;
  text: string;
  previousText: string;
  previousStatus: ReviewStatus;
  previousNote: string | null;
  /** null when the segment has since been merged into another. */
  position: number | null;
}

/**
 * SQL for batches (private to src/batches). Besides its own table it READS segments, revisions and
 * the search index (segment_search) to find what a batch will change; every write of a segment goes
 * through SegmentService.
 */
export class BatchRepository {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      insert: db.prepare(
        `INSERT INTO batches (kind, article_id, note, author, user_id, created_at, state, undoes)
         VALUES (@kind, @articleId, @note, @author, @userId, @createdAt, 'applying', @undoes)`,
      ),
      addCounts: db.prepare(`UPDATE batches SET changed = changed + ?, skipped = skipped + ? WHERE id = ?`),
      finish: db.prepare(`UPDATE batches SET state = ? WHERE id = ? AND state = 'applying'`),
      interruptAll: db.prepare(`UPDATE batches SET state = 'interrupted' WHERE state = 'applying'`),
      find: db.prepare(`SELECT ${BATCH_COLUMNS} FROM batches WHERE id = ?`),
      // Claimed in the same write that creates the undo, so two undos of one batch cannot both run.
      claimUndo: db.prepare(`UPDATE batches SET undone_by = ? WHERE id = ? AND undone_by IS NULL AND state <> 'applying'`),
      releaseUndo: db.prepare(`UPDATE batches SET undone_by = NULL WHERE id = ? AND undone_by = ?`),
      revisions: db.prepare(
        `SELECT r.id AS revisionId, r.segment_id AS segmentId, r.article_id AS articleId, r.version, r.text,
                p.text AS previousText, p.status AS previousStatus, p.note AS previousNote, bl.start + s.slot AS position
           FROM revisions r
           JOIN revisions p ON p.segment_id = r.segment_id AND p.version = r.version - 1
           JOIN segments s ON s.id = r.segment_id
           LEFT JOIN article_blocks bl ON bl.article_id = s.article_id AND bl.block = s.block
          WHERE r.batch_id = ? AND r.id > ? ORDER BY r.id LIMIT ?`,
      ),
      // The batches that changed an article: its own, and those across articles that reached it.
      activity: db.prepare(
        `SELECT ${BATCH_COLUMNS}, (SELECT count(*) FROM revisions r WHERE r.batch_id = batches.id AND r.article_id = @articleId) AS changedHere
           FROM batches
          WHERE article_id = @articleId
             OR (article_id IS NULL AND EXISTS (SELECT 1 FROM revisions r WHERE r.batch_id = batches.id AND r.article_id = @articleId))
          ORDER BY id DESC LIMIT @limit`,
      ),
      // The segments of a batch that its undo left alone. The unary + keeps SQLite from using the batch
      // index for the inner lookup (it would scan the whole undo per row); by segment it reads a few rows.
      kept: db.prepare(
        `SELECT r.segment_id AS segmentId, r.article_id AS articleId, bl.start + s.slot AS position
           FROM revisions r JOIN segments s ON s.id = r.segment_id
           LEFT JOIN article_blocks bl ON bl.article_id = s.article_id AND bl.block = s.block
          WHERE r.batch_id = @original
            AND NOT EXISTS (SELECT 1 FROM revisions u WHERE u.segment_id = r.segment_id AND +u.batch_id = @undo)
          ORDER BY r.id LIMIT @limit`,
      ),
      lastRevisionId: db.prepare(`SELECT coalesce(max(id), 0) AS id FROM revisions`),
      // Revision ids only grow: a segment whose latest revision is newer than a preview changed after it.
      // Per segment, through the (segment_id, version) index: a few rows each, however long the history of the article.
      latestRevisions: db
        .prepare(
          `SELECT ids.value AS segmentId, (SELECT max(r.id) FROM revisions r WHERE r.segment_id = ids.value) AS revisionId
             FROM json_each(?) ids`,
        )
        .raw(),
      // Segments of these articles changed after a preview, each with its text as the preview saw it.
      changedSince: db.prepare(
        `SELECT c.segmentId, p.version, p.text
           FROM (SELECT r.segment_id AS segmentId,
                        (SELECT max(p.id) FROM revisions p WHERE p.segment_id = r.segment_id AND p.id <= @snapshot) AS revisionId
                   FROM revisions r
                  WHERE r.article_id IN (SELECT value FROM json_each(@articles)) AND r.id > @snapshot
                  GROUP BY r.segment_id) c
           LEFT JOIN revisions p ON p.id = c.revisionId
          ORDER BY c.segmentId`,
      ),
      readyArticles: db.prepare(`SELECT id, title FROM articles WHERE state = 'ready' ORDER BY id`),
      // Candidates from the trigram index in rowid order, a chunk at a time (the caller verifies each one).
      candidates: db.prepare(`SELECT rowid AS id FROM segment_search WHERE segment_search MATCH ? AND rowid > ? ORDER BY rowid LIMIT ?`),
      segmentsByIds: db.prepare(`SELECT ${SCANNED_COLUMNS} FROM ${LIVE_SEGMENTS} WHERE s.id IN (SELECT value FROM json_each(?))`).raw(),
      // An article in reading order, from after (block, slot), a chunk at a time.
      scanArticle: db
        .prepare(
          `SELECT ${SCANNED_COLUMNS} FROM ${LIVE_SEGMENTS}
          WHERE s.article_id = ? AND (s.block, s.slot) > (?, ?) ORDER BY s.block, s.slot LIMIT ?`,
        )
        .raw(),
    };
  }

  insert(batch: Pick<Batch, 'kind' | 'articleId' | 'note' | 'author' | 'userId' | 'createdAt' | 'undoes'>): number {
    return Number(this.statements.insert.run(batch).lastInsertRowid);
  }

  addCounts(batchId: number, changed: number, skipped: number): void {
    this.statements.addCounts.run(changed, skipped, batchId);
  }

  finish(batchId: number, state: Exclude<BatchState, 'applying'>): void {
    this.statements.finish.run(state, batchId);
  }

  /** Batches left 'applying' by a process that stopped; returns how many. */
  interruptAll(): number {
    return this.statements.interruptAll.run().changes;
  }

  find(batchId: number): Batch | undefined {
    return this.statements.find.get(batchId) as Batch | undefined;
  }

  /** Marks `batchId` as undone by `undoId`; false when it already was (or is still applying). */
  claimUndo(batchId: number, undoId: number): boolean {
    return this.statements.claimUndo.run(undoId, batchId).changes === 1;
  }

  releaseUndo(batchId: number, undoId: number): void {
    this.statements.releaseUndo.run(batchId, undoId);
  }

  /** The batch's changes in the order written, after revision `afterRevisionId`, at most `limit`. */
  revisions(batchId: number, afterRevisionId: number, limit: number): BatchRevision[] {
    return this.statements.revisions.all(batchId, afterRevisionId, limit) as BatchRevision[];
  }

  activity(articleId: number, limit: number): BatchActivity[] {
    const rows = this.statements.activity.all({ articleId, limit }) as (Batch & { changedHere: number })[];
    return rows.map(({ changedHere, ...batch }) => ({ batch, changedHere }));
  }

  kept(undoId: number, originalId: number, limit: number): { segmentId: number; articleId: number; position: number | null }[] {
    return this.statements.kept.all({ undo: undoId, original: originalId, limit }) as {
      segmentId: number;
      articleId: number;
      position: number | null;
    }[];
  }

  lastRevisionId(): number {
    return (this.statements.lastRevisionId.get() as { id: number }).id;
  }

  latestRevisions(segmentIds: readonly number[]): Map<number, number> {
    return new Map(this.statements.latestRevisions.all(JSON.stringify(segmentIds)) as [segmentId: number, revisionId: number][]);
  }

  /** The segments of `articleIds` changed after revision `snapshot`, with their version and text as of it (null: created since). */
  changedSince(articleIds: readonly number[], snapshot: number): { segmentId: number; version: number | null; text: string | null }[] {
    return this.statements.changedSince.all({ articles: JSON.stringify(articleIds), snapshot }) as {
      segmentId: number;
      version: number | null;
      text: string | null;
    }[];
  }

  readyArticles(): { id: number; title: string }[] {
    return this.statements.readyArticles.all() as { id: number; title: string }[];
  }

  candidateIds(match: string, afterId: number, limit: number): number[] {
    return (this.statements.candidates.all(match, afterId, limit) as { id: number }[]).map((row) => row.id);
  }

  segmentsByIds(ids: readonly number[]): ScannedSegment[] {
    return (this.statements.segmentsByIds.all(JSON.stringify(ids)) as unknown[][]).map(scanned);
  }

  scanArticle(articleId: number, after: { block: number; slot: number }, limit: number): ScannedSegment[] {
    return (this.statements.scanArticle.all(articleId, after.block, after.slot, limit) as unknown[][]).map(scanned);
  }
}
