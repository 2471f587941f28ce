import type { Db } from '../db/database';
import type {
  ActivityEntry,
  ImportDraft,
  InterchangeRow,
  ReviewStatus,
  Revision,
  Segment,
  SegmentFigureState,
  SegmentLayout,
} from './model';

/** A place in the reading order; { block: -1, slot: -1 } is before the first segment. */
export interface OrderKey {
  block: number;
  slot: number;
}

export const START_OF_ARTICLE: OrderKey = { block: -1, slot: -1 };

/** A revision's measured editing time as the whole milliseconds segments.editing_ms sums (0 when not measured). */
export function editingMsOf(editingSeconds: number | null | undefined): number {
  return editingSeconds ? Math.round(editingSeconds * 1000) : 0;
}

/** Segments per block at import; a split or merge renumbers at most the slots of one block. */
export const BLOCK_SIZE = 1024;

/**
 * The reading order is two-level (migration 0004): ORDER BY block, slot, and a segment's 0-based
 * position is its block's start plus its slot. Every read of an article's segments goes through this
 * join, which also leaves out segments merged into another (their block is NULL).
 */
const ORDERED = `segments s JOIN article_blocks b ON b.article_id = s.article_id AND b.block = s.block`;
const SEGMENT_COLUMNS = `s.id, s.article_id AS articleId, b.start + s.slot AS position, s.paragraph, s.kind, s.source,
  s.source_scope AS sourceScope, s.mt, s.codes, s.separator, s.text, s.status, s.version, s.note, s.updated_by AS updatedBy,
  s.updated_at AS updatedAt`;

/** A segments row as read: `codes` is still its JSON text. */
type SegmentRow = Omit<Segment, 'codes'> & { codes: string | null };

function toSegment(row: SegmentRow): Segment {
  return { ...row, codes: row.codes === null ? null : (JSON.parse(row.codes) as Segment['codes']) };
}
const FIGURE_COLUMNS = `id, article_id AS articleId, kind, status, mt, text, editing_ms AS editingMs, open_findings AS openFindings,
  open_comments AS openComments`;
const REVISION_COLUMNS = `id, segment_id AS segmentId, article_id AS articleId, version, action, text, status, note, author, user_id AS userId, editing_seconds AS editingSeconds, created_at AS createdAt`;

/** SQL for segments and their revisions; private to src/segments (others call SegmentService). Statements are prepared once per handle. */
export class SegmentRepository {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      insertSegment: db.prepare(
        `INSERT INTO segments (article_id, block, slot, paragraph, kind, source, source_scope, mt, codes, anchor, separator, text, status,
                               version, updated_by, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', 1, ?, ?)`,
      ),
      insertBlock: db.prepare(`INSERT INTO article_blocks (article_id, block, start, size) VALUES (?, ?, ?, ?)`),
      insertImportRevisions: db.prepare(
        `INSERT INTO revisions (segment_id, article_id, version, action, text, status, author, created_at)
         SELECT id, article_id, 1, 'import', mt, 'new', updated_by, updated_at FROM segments WHERE id BETWEEN ? AND ? ORDER BY id`,
      ),
      // Merged-away segments are the ones out of the reading order (block IS NULL): found through the order index.
      clearMergedInto: db.prepare(
        `UPDATE segments SET merged_into = NULL WHERE article_id = ? AND block IS NULL AND merged_into IS NOT NULL`,
      ),
      deleteSegments: db.prepare(`DELETE FROM segments WHERE id IN (SELECT id FROM segments WHERE article_id = ? LIMIT ?)`),
      segment: db.prepare(`SELECT ${SEGMENT_COLUMNS} FROM ${ORDERED} WHERE s.id = ?`),
      segments: db.prepare(`SELECT ${SEGMENT_COLUMNS} FROM ${ORDERED} WHERE s.article_id = ? ORDER BY s.block, s.slot`),
      // Exports of the text need only these; reading the MT and the rest too doubles the cost.
      segmentLayout: db.prepare(
        `SELECT paragraph, kind, text, separator, block, slot FROM segments
          WHERE article_id = ? AND block IS NOT NULL AND (block, slot) > (?, ?) ORDER BY block, slot LIMIT ?`,
      ),
      interchangeRows: db.prepare(
        `SELECT s.id, b.start + s.slot AS position, s.paragraph, s.kind, s.source, s.source_scope AS sourceScope, s.mt, s.codes, s.anchor,
                s.separator, s.text, s.status, s.version, s.updated_by AS updatedBy, s.updated_at AS updatedAt, s.editing_ms AS editingMs,
                (SELECT count(*) FROM revisions r WHERE r.segment_id = s.id AND r.action NOT IN ('import', 'status')) AS editCount,
                s.block, s.slot
           FROM ${ORDERED} WHERE s.article_id = ? AND (s.block, s.slot) > (?, ?) ORDER BY s.block, s.slot LIMIT ?`,
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
      // What the stored figures need of a segment (src/stats): one row by its key, or an article's in reading order.
      figureState: db.prepare(`SELECT ${FIGURE_COLUMNS} FROM segments WHERE id = ? AND block IS NOT NULL`),
      figureStates: db.prepare(
        `SELECT ${FIGURE_COLUMNS}, block, slot FROM segments
          WHERE article_id = ? AND block IS NOT NULL AND (block, slot) > (?, ?) ORDER BY block, slot LIMIT ?`,
      ),
      editingMs: db.prepare(`SELECT id, editing_ms AS editingMs FROM segments WHERE id IN (SELECT value FROM json_each(?))`),
      updateCurrent: db.prepare(
        `UPDATE segments SET text = ?, status = ?, version = ?, note = ?, updated_by = ?, updated_at = ?, editing_ms = editing_ms + ?
          WHERE id = ? AND version = ?`,
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
      // Ids grow with time, so the newest revision is the last change (an import's revisions: the import).
      lastRevisionAt: db.prepare(`SELECT created_at AS at FROM revisions WHERE article_id = ? ORDER BY id DESC LIMIT 1`),
      // created_at is ISO 8601 UTC, so its first 13 characters name the hour ("2025-04-18T09").
      changesPerHour: db.prepare(
        `SELECT substr(created_at, 1, 13) AS hour, count(*) AS count
           FROM revisions WHERE article_id = ? AND action <> 'import' GROUP BY hour ORDER BY hour`,
      ),
    };
  }

  /**
   * Stores a chunk of an imported article: its segments from reading position `firstPosition` on, and
   * their first revisions. The caller holds the transaction; insertBlocks() adds the reading order at the end.
   */
  insertImportChunk(articleId: number, segments: readonly ImportDraft[], firstPosition: number, author: string, at: string): void {
    let firstId = 0;
    let lastId = 0;
    segments.forEach((segment, index) => {
      const position = firstPosition + index;
      const { lastInsertRowid } = this.statements.insertSegment.run(
        articleId,
        Math.floor(position / BLOCK_SIZE),
        position % BLOCK_SIZE,
        segment.paragraph,
        segment.kind,
        segment.source ?? null,
        segment.source === null || segment.source === undefined ? null : (segment.sourceScope ?? 'segment'),
        segment.text,
        segment.codes && segment.codes.length > 0 ? JSON.stringify(segment.codes) : null,
        segment.anchor === undefined || segment.anchor === null ? null : JSON.stringify(segment.anchor),
        segment.separator,
        segment.text,
        author,
        at,
      );
      lastId = Number(lastInsertRowid);
      if (index === 0) firstId = lastId;
    });
    // One statement for the chunk's first revisions: cheaper than a second insert per segment.
    if (segments.length > 0) this.statements.insertImportRevisions.run(firstId, lastId);
  }

  /** The reading order of an imported article of `count` segments: blocks of BLOCK_SIZE. */
  insertBlocks(articleId: number, count: number): void {
    for (let start = 0; start < count; start += BLOCK_SIZE) {
      this.statements.insertBlock.run(articleId, start / BLOCK_SIZE, start, Math.min(BLOCK_SIZE, count - start));
    }
  }

  /**
   * Deletes up to `limit` of the article's segments (their revisions, annotations and index entries
   * go with them); returns how many. Deleting a big article takes many short steps instead of one long one.
   */
  deleteSegments(articleId: number, limit: number): number {
    // A merged segment points at the one it joined; the pointers go first so any order of deletion is valid.
    this.statements.clearMergedInto.run(articleId);
    return this.statements.deleteSegments.run(articleId, limit).changes;
  }

  find(id: number): Segment | undefined {
    const row = this.statements.segment.get(id) as SegmentRow | undefined;
    return row && toSegment(row);
  }

  segments(articleId: number): Segment[] {
    return (this.statements.segments.all(articleId) as SegmentRow[]).map(toSegment);
  }

  /** Up to `limit` segments' layout after `after` in reading order. */
  segmentLayout(articleId: number, after: OrderKey, limit: number): (SegmentLayout & OrderKey)[] {
    return this.statements.segmentLayout.all(articleId, after.block, after.slot, limit) as (SegmentLayout & OrderKey)[];
  }

  /** Up to `limit` segments after `after` in reading order, as the interchange exports need them. */
  interchangeRows(articleId: number, after: OrderKey, limit: number): (InterchangeRow & OrderKey)[] {
    const rows = this.statements.interchangeRows.all(articleId, after.block, after.slot, limit) as (Omit<InterchangeRow, 'codes'> & {
      codes: string | null;
    } & OrderKey)[];
    return rows.map((row) => ({ ...row, codes: row.codes === null ? null : (JSON.parse(row.codes) as InterchangeRow['codes']) }));
  }

  segmentPage(articleId: number, status: ReviewStatus | undefined, limit: number, offset: number): Segment[] {
    if (status) return (this.statements.segmentPageByStatus.all(articleId, status, limit, offset) as SegmentRow[]).map(toSegment);
    const block = this.statements.blockAt.get(articleId, offset) as { block: number; start: number } | undefined;
    if (!block) return [];
    return (this.statements.segmentPage.all(articleId, block.block, offset - block.start, limit) as SegmentRow[]).map(toSegment);
  }

  figureState(id: number): SegmentFigureState | undefined {
    return this.statements.figureState.get(id) as SegmentFigureState | undefined;
  }

  /** Up to `limit` segments of the article in reading order, after the position (block, slot) given. */
  figureStates(articleId: number, after: OrderKey, limit: number): (SegmentFigureState & OrderKey)[] {
    return this.statements.figureStates.all(articleId, after.block, after.slot, limit) as (SegmentFigureState & OrderKey)[];
  }

  editingMs(segmentIds: readonly number[]): Map<number, number> {
    const rows = this.statements.editingMs.all(JSON.stringify(segmentIds)) as { id: number; editingMs: number }[];
    return new Map(rows.map((row) => [row.id, row.editingMs]));
  }

  lastRevisionAt(articleId: number): string | undefined {
    return (this.statements.lastRevisionAt.get(articleId) as { at: string } | undefined)?.at;
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
      editingMsOf(revision.editingSeconds),
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

  /** People's changes (imports left out) per UTC hour, oldest first. */
  changesPerHour(articleId: number): { hour: string; count: number }[] {
    return this.statements.changesPerHour.all(articleId) as { hour: string; count: number }[];
  }
}
