import type { Db } from '../db/database';
import type { DraftSegment } from '../segmentation/document';
import {
  emptyCounts,
  type ActivityEntry,
  type ImportedSegmentRow,
  type OpenFindingCounts,
  type ReviewStatus,
  type Revision,
  type Segment,
  type SegmentFilter,
  type SegmentLayout,
  type StatusCounts,
} from './model';

/** Segments per block at import; a split or merge renumbers at most the slots of one block. */
export const BLOCK_SIZE = 1024;

/**
 * The reading order is two-level (migration 0004): ORDER BY block, slot, and a segment's 0-based
 * position is its block's start plus its slot. Every read of an article's segments goes through this
 * join, which also leaves out segments merged into another (their block is NULL).
 */
const ORDERED = `segments s JOIN article_blocks b ON b.article_id = s.article_id AND b.block = s.block`;
const SEGMENT_COLUMNS = `s.id, s.article_id AS articleId, b.start + s.slot AS position, s.paragraph, s.kind, s.mt, s.separator, s.text,
  s.status, s.version, s.note, s.updated_by AS updatedBy, s.updated_at AS updatedAt, s.open_findings AS openFindings`;
const REVISION_COLUMNS = `id, segment_id AS segmentId, article_id AS articleId, version, action, text, status, note, author, user_id AS userId, editing_seconds AS editingSeconds, created_at AS createdAt`;

/** SQL for segments and their revisions; private to src/segments (others call SegmentService). Statements are prepared once per handle. */
export class SegmentRepository {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      insertSegment: db.prepare(
        `INSERT INTO segments (article_id, block, slot, paragraph, kind, mt, separator, text, status, version, updated_by, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'new', 1, ?, ?)`,
      ),
      insertBlock: db.prepare(`INSERT INTO article_blocks (article_id, block, start, size) VALUES (?, ?, ?, ?)`),
      // One statement for all first revisions: cheaper than a second insert per segment.
      insertImportRevisions: db.prepare(
        `INSERT INTO revisions (segment_id, article_id, version, action, text, status, author, created_at)
         SELECT id, article_id, 1, 'import', mt, 'new', updated_by, updated_at FROM segments WHERE article_id = ? ORDER BY block, slot`,
      ),
      segment: db.prepare(`SELECT ${SEGMENT_COLUMNS} FROM ${ORDERED} WHERE s.id = ?`),
      segments: db.prepare(`SELECT ${SEGMENT_COLUMNS} FROM ${ORDERED} WHERE s.article_id = ? ORDER BY s.block, s.slot`),
      // Exports of the text need only these; reading the MT and the rest too doubles the cost.
      segmentLayout: db.prepare(
        `SELECT paragraph, kind, text, separator FROM segments WHERE article_id = ? AND block IS NOT NULL ORDER BY block, slot`,
      ),
      // The block holding a position: pages start there without an OFFSET over the whole article.
      blockAt: db.prepare(
        `SELECT block, start FROM article_blocks WHERE article_id = ? AND start <= ? AND size > 0 ORDER BY block DESC LIMIT 1`,
      ),
      segmentPage: db.prepare(
        `SELECT ${SEGMENT_COLUMNS} FROM ${ORDERED} WHERE s.article_id = ? AND (s.block, s.slot) >= (?, ?) ORDER BY s.block, s.slot LIMIT ?`,
      ),
      segmentPageByStatus: db.prepare(
        `SELECT ${SEGMENT_COLUMNS} FROM ${ORDERED} WHERE s.article_id = ? AND s.status = ? ORDER BY s.block, s.slot LIMIT ? OFFSET ?`,
      ),
      // "Has QA findings": the partial index idx_segments_open_findings holds exactly these rows.
      segmentPageWithFindings: db.prepare(
        `SELECT ${SEGMENT_COLUMNS} FROM ${ORDERED} WHERE s.article_id = ? AND s.open_findings > 0 AND s.status = coalesce(?, s.status)
          ORDER BY s.block, s.slot LIMIT ? OFFSET ?`,
      ),
      countWithFindings: db.prepare(
        `SELECT count(*) AS segments, coalesce(sum(open_findings), 0) AS findings FROM segments
          WHERE article_id = ? AND open_findings > 0 AND block IS NOT NULL AND status = coalesce(?, status)`,
      ),
      statusCounts: db.prepare(`SELECT status, count(*) AS count FROM segments WHERE article_id = ? AND block IS NOT NULL GROUP BY status`),
      allStatusCounts: db.prepare(
        `SELECT article_id AS articleId, status, count(*) AS count FROM segments WHERE block IS NOT NULL GROUP BY article_id, status`,
      ),
      updateCurrent: db.prepare(
        `UPDATE segments SET text = ?, status = ?, version = ?, note = ?, updated_by = ?, updated_at = ? WHERE id = ? AND version = ?`,
      ),
      insertRevision: db.prepare(
        `INSERT INTO revisions (segment_id, article_id, version, action, text, status, note, author, user_id, editing_seconds, created_at)
         VALUES (@segmentId, @articleId, @version, @action, @text, @status, @note, @author, @userId, @editingSeconds, @createdAt)`,
      ),
      revisions: db.prepare(`SELECT ${REVISION_COLUMNS} FROM revisions WHERE segment_id = ? ORDER BY version`),
      revision: db.prepare(`SELECT ${REVISION_COLUMNS} FROM revisions WHERE segment_id = ? AND version = ?`),
      // Imports write one revision per segment; the activity view is about people's changes.
      activity: db.prepare(
        `SELECT r.id, r.segment_id AS segmentId, r.article_id AS articleId, r.version, r.action, r.text, r.status, r.note,
                r.author, r.user_id AS userId, r.editing_seconds AS editingSeconds, r.created_at AS createdAt,
                b.start + s.slot AS position
           FROM revisions r JOIN segments s ON s.id = r.segment_id
           JOIN article_blocks b ON b.article_id = s.article_id AND b.block = s.block
          WHERE r.article_id = ? AND r.action <> 'import'
          ORDER BY r.id DESC LIMIT ?`,
      ),
      editingSeconds: db.prepare(
        `SELECT segment_id AS segmentId, sum(editing_seconds) AS seconds
           FROM revisions WHERE article_id = ? AND editing_seconds IS NOT NULL GROUP BY segment_id`,
      ),
      // created_at is ISO 8601 UTC, so its first 13 characters name the hour ("2025-04-18T09").
      changesPerHour: db.prepare(
        `SELECT substr(created_at, 1, 13) AS hour, count(*) AS count
           FROM revisions WHERE article_id = ? AND action <> 'import' GROUP BY hour ORDER BY hour`,
      ),
    };
  }

  /** Stores an imported article's segments and their first revisions; the caller holds the transaction. */
  insertImported(articleId: number, segments: readonly DraftSegment[], author: string, at: string): ImportedSegmentRow[] {
    const stored = segments.map((segment, position): ImportedSegmentRow => {
      const { lastInsertRowid } = this.statements.insertSegment.run(
        articleId,
        Math.floor(position / BLOCK_SIZE),
        position % BLOCK_SIZE,
        segment.paragraph,
        segment.kind,
        segment.text,
        segment.separator,
        segment.text,
        author,
        at,
      );
      return { id: Number(lastInsertRowid), kind: segment.kind, mt: segment.text, text: segment.text };
    });
    for (let start = 0; start < segments.length; start += BLOCK_SIZE) {
      this.statements.insertBlock.run(articleId, start / BLOCK_SIZE, start, Math.min(BLOCK_SIZE, segments.length - start));
    }
    this.statements.insertImportRevisions.run(articleId);
    return stored;
  }

  find(id: number): Segment | undefined {
    return this.statements.segment.get(id) as Segment | undefined;
  }

  segments(articleId: number): Segment[] {
    return this.statements.segments.all(articleId) as Segment[];
  }

  segmentLayout(articleId: number): SegmentLayout[] {
    return this.statements.segmentLayout.all(articleId) as SegmentLayout[];
  }

  segmentPage(articleId: number, filter: SegmentFilter, limit: number, offset: number): Segment[] {
    const { status, withFindings } = filter;
    if (withFindings) return this.statements.segmentPageWithFindings.all(articleId, status ?? null, limit, offset) as Segment[];
    if (status) return this.statements.segmentPageByStatus.all(articleId, status, limit, offset) as Segment[];
    const block = this.statements.blockAt.get(articleId, offset) as { block: number; start: number } | undefined;
    if (!block) return [];
    return this.statements.segmentPage.all(articleId, block.block, offset - block.start, limit) as Segment[];
  }

  /** How many segments of the article (in one status, if given) have open QA findings, and how many findings. */
  countWithFindings(articleId: number, status: ReviewStatus | undefined): OpenFindingCounts {
    return this.statements.countWithFindings.get(articleId, status ?? null) as OpenFindingCounts;
  }

  statusCounts(articleId: number): StatusCounts {
    const counts = emptyCounts();
    for (const row of this.statements.statusCounts.all(articleId) as { status: ReviewStatus; count: number }[])
      counts[row.status] = row.count;
    return counts;
  }

  statusCountsByArticle(): Map<number, StatusCounts> {
    const countsByArticle = new Map<number, StatusCounts>();
    for (const row of this.statements.allStatusCounts.all() as { articleId: number; status: ReviewStatus; count: number }[]) {
      const counts = countsByArticle.get(row.articleId) ?? emptyCounts();
      counts[row.status] = row.count;
      countsByArticle.set(row.articleId, counts);
    }
    return countsByArticle;
  }

  /** Appends a revision and makes it the segment's current state; the caller holds the transaction. */
  append(revision: Omit<Revision, 'id'>, previousVersion: number): void {
    const updated = this.statements.updateCurrent.run(
      revision.text,
      revision.status,
      revision.version,
      revision.note,
      revision.author,
      revision.createdAt,
      revision.segmentId,
      previousVersion,
    );
    // The version check already happened in the same transaction; this guards the invariant.
    if (updated.changes !== 1) throw new Error(`Segment ${revision.segmentId} changed under a transaction`);
    this.statements.insertRevision.run(revision);
  }

  revisions(segmentId: number): Revision[] {
    return this.statements.revisions.all(segmentId) as Revision[];
  }

  revision(segmentId: number, version: number): Revision | undefined {
    return this.statements.revision.get(segmentId, version) as Revision | undefined;
  }

  activity(articleId: number, limit: number): ActivityEntry[] {
    return this.statements.activity.all(articleId, limit) as ActivityEntry[];
  }

  /** Measured editing time per segment (segments without any measurement are absent). */
  editingSeconds(articleId: number): Map<number, number> {
    const rows = this.statements.editingSeconds.all(articleId) as { segmentId: number; seconds: number }[];
    return new Map(rows.map((row) => [row.segmentId, row.seconds]));
  }

  /** People's changes (imports left out) per UTC hour, oldest first. */
  changesPerHour(articleId: number): { hour: string; count: number }[] {
    return this.statements.changesPerHour.all(articleId) as { hour: string; count: number }[];
  }
}
