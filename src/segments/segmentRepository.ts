import type { Db } from '../db/database';
import {
  BLOCK_SIZE,
  type ActivityEntry,
  type ActivityFilters,
  type LayoutState,
  type ReviewStatus,
  type Revision,
  type Segment,
  type SegmentFigureState,
  type OpenFindingCounts,
  type SegmentFilter,
  type SegmentLayout,
  type ImportRows,
  type InterchangeRow,
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

/**
 * The reading order is two-level (migration 0004): ORDER BY block, slot, and a segment's 0-based
 * position is its block's start plus its slot. Every read of an article's segments goes through this
 * join, which also leaves out segments merged into another (their block is NULL).
 */
const ORDERED = `segments s JOIN article_blocks b ON b.article_id = s.article_id AND b.block = s.block`;
// In the order toSegment() reads them.
const SEGMENT_COLUMNS = `s.id, s.article_id AS articleId, b.start + s.slot AS position, s.paragraph, s.kind, s.source,
  s.source_scope AS sourceScope, s.mt, s.codes, s.separator, s.text, s.status, s.version, s.note, s.updated_by AS updatedBy,
  s.updated_at AS updatedAt, s.open_comments AS openComments, s.open_findings AS openFindings, s.editing_ms AS editingMs`;

/** A segments row as read with SEGMENT_COLUMNS, a value per column in their order (statements in raw mode). */
type SegmentRow = unknown[];

/**
 * The segment of a SEGMENT_COLUMNS row. Rows are read as arrays and built here as one object literal:
 * better-sqlite3 builds a row object a property at a time through V8's slow paths, which cost a batch
 * of 10,000 sentences more than SQLite's own reading of them (88 -> 56 ms in a micro-benchmark).
 */
function toSegment(row: SegmentRow): Segment {
  const codes = row[8] as string | null;
  return {
    id: row[0] as number,
    articleId: row[1] as number,
    position: row[2] as number,
    paragraph: row[3] as number,
    kind: row[4] as Segment['kind'],
    source: row[5] as string | null,
    sourceScope: row[6] as Segment['sourceScope'],
    mt: row[7] as string,
    codes: codes === null ? null : (JSON.parse(codes) as Segment['codes']),
    separator: row[9] as string,
    text: row[10] as string,
    status: row[11] as Segment['status'],
    version: row[12] as number,
    note: row[13] as string | null,
    updatedBy: row[14] as string,
    updatedAt: row[15] as string,
    openComments: row[16] as number,
    openFindings: row[17] as number,
    editingMs: row[18] as number,
  };
}
const FIGURE_COLUMNS = `id, article_id AS articleId, kind, status, mt, text, editing_ms AS editingMs, open_findings AS openFindings,
  open_comments AS openComments`;
const REVISION_COLUMNS = `id, segment_id AS segmentId, article_id AS articleId, version, action, text, status, note, author, user_id AS userId, editing_seconds AS editingSeconds, created_at AS createdAt, detail, batch_id AS batchId`;

/** Where a segment stands in the reading order, with what a split or merge needs of it. */
export interface SegmentPlace extends LayoutState {
  block: number | null;
  slot: number | null;
  version: number;
  /** inline codes or a place in an original file: such a segment keeps the file's segmentation */
  hasCodes: boolean;
  hasAnchor: boolean;
  mergedInto: number | null;
}

/** A segment a split adds right after another (at its slot + 1). */
export interface NewSegment
  extends LayoutState, Pick<Segment, 'articleId' | 'paragraph' | 'kind' | 'text' | 'status' | 'note' | 'updatedBy' | 'updatedAt'> {
  block: number;
  slot: number;
}

/**
 * Rows per statement where many are written at once (an import's segments, a batch's revisions).
 * A statement per row cost a third more: each statement sets up again (the AUTOINCREMENT counter,
 * foreign keys, the cursors of the indexes) for its rows. A JSON list read with json_each cost more
 * still: SQLite turns each row of it back into text and parses it again for every value read.
 * 50 rows of 16 values stay far below SQLite's limit on bound values.
 */
const ROWS_PER_STATEMENT = 50;

/** `width` placeholders: "(?, ?, ?)". */
const placeholders = (width: number) => `(${Array.from({ length: width }, () => '?').join(', ')})`;

/** The statements that write many rows: `row` is one row of their VALUES list (see ROWS_PER_STATEMENT). */
const MANY_ROWS = {
  // An import's segments: the article, author and time once per statement, then per row [block, slot, paragraph,
  // kind, source, sourceScope, text, codes, anchor, separator, openFindings], the text bound once for both mt and
  // text (binding a string copies it into UTF-8): ~10 % less insert time than a plain VALUES list. SQLite reads a
  // VALUES list in its order, so the rows are inserted in reading order and their ids follow from the last one
  // (see insertImportChunk, whose revision statement proves it). An ORDER BY to make sure cost 6-8 % of the insert.
  insertSegments: {
    row: placeholders(11),
    sql: (values: string) =>
      `INSERT INTO segments (article_id, block, slot, paragraph, kind, source, source_scope, mt, codes, anchor, separator, text,
                             open_findings, status, version, updated_by, updated_at)
       SELECT ?, column1, column2, column3, column4, column5, column6, column7, column8, column9, column10, column7, column11,
              'new', 1, ?, ?
         FROM (VALUES ${values})`,
  },
  // Revisions: [segmentId, previousVersion, version, text, status, note, author, createdAt, editingMs, articleId, action,
  // userId, editingSeconds, batchId, detail, order] each (see appendAll).
  updateCurrent: {
    row: placeholders(16),
    sql: (values: string) =>
      `UPDATE segments SET text = r.column4, status = r.column5, version = r.column3, note = r.column6, updated_by = r.column7,
                           updated_at = r.column8, editing_ms = editing_ms + r.column9
         FROM (VALUES ${values}) AS r WHERE segments.id = r.column1 AND segments.version = r.column2`,
  },
  insertRevisions: {
    row: placeholders(16),
    sql: (values: string) =>
      `INSERT INTO revisions (segment_id, version, text, status, note, author, created_at, article_id, action, user_id, editing_seconds,
                              batch_id, detail)
       SELECT column1, column3, column4, column5, column6, column7, column8, column10, column11, column12, column13, column14, column15
         FROM (VALUES ${values}) ORDER BY column16
       RETURNING id, segment_id`,
  },
} as const;

/** SQL for segments and their revisions; private to src/segments (others call SegmentService). Statements are prepared once per handle. */
export class SegmentRepository {
  private readonly statements;
  private readonly byFilters = new Map<string, ReturnType<Db['prepare']>>();
  /** MANY_ROWS statements by name and row count: at most ROWS_PER_STATEMENT of each. */
  private readonly manyRowStatements = new Map<string, ReturnType<Db['prepare']>>();

  constructor(private readonly db: Db) {
    this.statements = {
      insertBlock: db.prepare(`INSERT INTO article_blocks (article_id, block, start, size) VALUES (?, ?, ?, ?)`),
      // "+article_id": the article is checked on the rows of the id range, not used to find them: through an
      // index on article_id SQLite would read every segment the import stored so far, once per chunk. Only rows
      // whose reading position is their id's place in the range are taken: a count short of the chunk's proves
      // that its segments were not inserted in reading order (see insertImportChunk).
      insertImportRevisions: db.prepare(
        `INSERT INTO revisions (segment_id, article_id, version, action, text, status, author, created_at)
         SELECT id, article_id, 1, 'import', mt, 'new', updated_by, updated_at FROM segments
          WHERE id BETWEEN @first AND @last AND +article_id = @articleId AND block * ${BLOCK_SIZE} + slot = id + @positionOffset
          ORDER BY id`,
      ),
      // Merged-away segments are the ones out of the reading order (block IS NULL): found through the order index.
      clearMergedInto: db.prepare(
        `UPDATE segments SET merged_into = NULL WHERE article_id = ? AND block IS NULL AND merged_into IS NOT NULL`,
      ),
      deleteSegments: db.prepare(`DELETE FROM segments WHERE id IN (SELECT id FROM segments WHERE article_id = ? LIMIT ?)`),
      segment: db.prepare(`SELECT ${SEGMENT_COLUMNS} FROM ${ORDERED} WHERE s.id = ?`).raw(),
      segmentsById: db.prepare(`SELECT ${SEGMENT_COLUMNS} FROM ${ORDERED} WHERE s.id IN (SELECT value FROM json_each(?))`).raw(),
      segments: db.prepare(`SELECT ${SEGMENT_COLUMNS} FROM ${ORDERED} WHERE s.article_id = ? ORDER BY s.block, s.slot`).raw(),
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
      segmentPage: db
        .prepare(
          `SELECT ${SEGMENT_COLUMNS} FROM ${ORDERED} WHERE s.article_id = ? AND (s.block, s.slot) >= (?, ?) ORDER BY s.block, s.slot LIMIT ?`,
        )
        .raw(),
      segmentPageByStatus: db
        .prepare(
          `SELECT ${SEGMENT_COLUMNS} FROM ${ORDERED} WHERE s.article_id = ? AND s.status = ? ORDER BY s.block, s.slot LIMIT ? OFFSET ?`,
        )
        .raw(),
      // What the stored figures need of a segment (src/stats): one row by its key, or an article's in reading order.
      figureState: db.prepare(`SELECT ${FIGURE_COLUMNS} FROM segments WHERE id = ? AND block IS NOT NULL`),
      figureStates: db.prepare(
        `SELECT ${FIGURE_COLUMNS}, block, slot FROM segments
          WHERE article_id = ? AND block IS NOT NULL AND (block, slot) > (?, ?) ORDER BY block, slot LIMIT ?`,
      ),
      // "Has QA findings": the partial index idx_segments_open_findings holds exactly these rows.
      segmentPageWithFindings: db
        .prepare(
          `SELECT ${SEGMENT_COLUMNS} FROM ${ORDERED} WHERE s.article_id = ? AND s.open_findings > 0 AND s.status = coalesce(?, s.status)
          ORDER BY s.block, s.slot LIMIT ? OFFSET ?`,
        )
        .raw(),
      countWithFindings: db.prepare(
        `SELECT count(*) AS segments, coalesce(sum(open_findings), 0) AS findings FROM segments
          WHERE article_id = ? AND open_findings > 0 AND block IS NOT NULL AND status = coalesce(?, status)`,
      ),
      editingMs: db.prepare(`SELECT id, editing_ms AS editingMs FROM segments WHERE id IN (SELECT value FROM json_each(?))`),
      // Split and merge: the reading order of one block and the starts of the later ones (see DESIGN in the README).
      place: db.prepare(
        `SELECT block, slot, version, separator, source, source_scope AS sourceScope, mt, codes IS NOT NULL AS hasCodes,
                anchor IS NOT NULL AS hasAnchor, merged_into AS mergedInto
           FROM segments WHERE id = ?`,
      ),
      next: db
        .prepare(
          `SELECT ${SEGMENT_COLUMNS} FROM ${ORDERED} WHERE s.article_id = ? AND (s.block, s.slot) > (?, ?) ORDER BY s.block, s.slot LIMIT 1`,
        )
        .raw(),
      shiftSlots: db.prepare(`UPDATE segments SET slot = slot + ? WHERE article_id = ? AND block = ? AND slot > ?`),
      resizeBlock: db.prepare(`UPDATE article_blocks SET size = size + ? WHERE article_id = ? AND block = ?`),
      shiftStarts: db.prepare(`UPDATE article_blocks SET start = start + ? WHERE article_id = ? AND block > ?`),
      insertAt: db.prepare(
        `INSERT INTO segments (article_id, block, slot, paragraph, kind, source, source_scope, mt, separator, text, status, version, note,
                               updated_by, updated_at)
         VALUES (@articleId, @block, @slot, @paragraph, @kind, @source, @sourceScope, @mt, @separator, @text, @status, 0, @note,
                 @updatedBy, @updatedAt)`,
      ),
      setLayout: db.prepare(
        `UPDATE segments SET mt = @mt, separator = @separator, source = @source, source_scope = @sourceScope WHERE id = @id`,
      ),
      leaveOrder: db.prepare(`UPDATE segments SET block = NULL, slot = NULL, merged_into = ? WHERE id = ?`),
      enterOrder: db.prepare(`UPDATE segments SET block = ?, slot = ?, merged_into = NULL WHERE id = ?`),
      setOpenComments: db.prepare(`UPDATE segments SET open_comments = ? WHERE id = ?`),
      revisions: db.prepare(`SELECT ${REVISION_COLUMNS} FROM revisions WHERE segment_id = ? ORDER BY version`),
      revision: db.prepare(`SELECT ${REVISION_COLUMNS} FROM revisions WHERE segment_id = ? AND version = ?`),
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
  insertImportChunk(articleId: number, rows: ImportRows, firstPosition: number, author: string, at: string): number[] {
    const ids: number[] = [];
    const count = rows.text.length;
    for (let start = 0; start < count; start += ROWS_PER_STATEMENT) {
      const end = Math.min(count, start + ROWS_PER_STATEMENT);
      const values: unknown[] = [articleId, author, at];
      for (let index = start; index < end; index++) {
        const position = firstPosition + index;
        values.push(
          Math.floor(position / BLOCK_SIZE),
          position % BLOCK_SIZE,
          rows.paragraph[index],
          rows.kind[index],
          rows.source[index],
          rows.sourceScope[index],
          rows.text[index],
          rows.codes[index],
          rows.anchor[index],
          rows.separator[index],
          rows.openFindings[index],
        );
      }
      // AUTOINCREMENT gives the rows of one statement consecutive ids in the order they are inserted (reading
      // order), each one above the highest id the table ever had: so they follow from the last. (Asking for them with
      // RETURNING cost a tenth of the insert: SQLite keeps the returned rows aside until the statement ends.)
      const last = Number(this.manyRows('insertSegments', end - start).run(values).lastInsertRowid);
      for (let id = last - (end - start) + 1; id <= last; id++) ids.push(id);
    }
    if (ids.length === 0) return ids;
    // One statement for the chunk's first revisions: cheaper than a second insert per segment. It reads the
    // segments back by their ids, so it also proves them, each at its reading position: any other count aborts
    // the step, with nothing written.
    const { changes } = this.statements.insertImportRevisions.run({
      first: ids[0],
      last: ids.at(-1),
      articleId,
      positionOffset: firstPosition - ids[0]!,
    });
    if (changes !== ids.length || ids.at(-1)! - ids[0]! + 1 !== ids.length) {
      throw new Error(
        `An import chunk of ${ids.length} segments got ids ${ids[0]}-${ids.at(-1)}, of which ${changes} hold its segments in reading order.`,
      );
    }
    return ids;
  }

  /** The MANY_ROWS statement `name` for `rows` rows, prepared on first use. */
  private manyRows(name: keyof typeof MANY_ROWS, rows: number): ReturnType<Db['prepare']> {
    const key = `${name} ${rows}`;
    let statement = this.manyRowStatements.get(key);
    if (!statement) {
      const { row, sql } = MANY_ROWS[name];
      statement = this.db.prepare(sql(Array.from({ length: rows }, () => row).join(', ')));
      // What RETURNING gives comes back as arrays (see toSegment), set once here rather than at each call.
      if (statement.reader) statement.raw();
      this.manyRowStatements.set(key, statement);
    }
    return statement;
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

  /** The segments of these ids that are in a reading order, by id (one read). */
  findMany(ids: readonly number[]): Map<number, Segment> {
    const rows = this.statements.segmentsById.all(JSON.stringify(ids)) as SegmentRow[];
    return new Map(
      rows.map((row) => {
        const segment = toSegment(row);
        return [segment.id, segment];
      }),
    );
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

  segmentPage(articleId: number, filter: SegmentFilter, limit: number, offset: number): Segment[] {
    const { status, withFindings } = filter;
    if (withFindings)
      return (this.statements.segmentPageWithFindings.all(articleId, status ?? null, limit, offset) as SegmentRow[]).map(toSegment);
    if (status) return (this.statements.segmentPageByStatus.all(articleId, status, limit, offset) as SegmentRow[]).map(toSegment);
    const block = this.statements.blockAt.get(articleId, offset) as { block: number; start: number } | undefined;
    if (!block) return [];
    return (this.statements.segmentPage.all(articleId, block.block, offset - block.start, limit) as SegmentRow[]).map(toSegment);
  }

  /** How many segments of the article (in one status, if given) have open QA findings, and how many findings. */
  countWithFindings(articleId: number, status: ReviewStatus | undefined): OpenFindingCounts {
    return this.statements.countWithFindings.get(articleId, status ?? null) as OpenFindingCounts;
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

  /**
   * Appends revisions (each of a different segment) and makes each its segment's current state, in two
   * statements per ROWS_PER_STATEMENT of them (a batch's chunk: far cheaper than two per revision);
   * returns the revisions' ids in the same order. The caller holds the transaction.
   */
  appendAll(revisions: readonly (Omit<Revision, 'id'> & { previousVersion: number })[]): number[] {
    // One revision per segment: UPDATE ... FROM applies only one of several rows naming the same segment.
    if (new Set(revisions.map((revision) => revision.segmentId)).size !== revisions.length) {
      throw new Error('A list of revisions names the same segment twice');
    }
    const ids = new Map<number, number>();
    for (let start = 0; start < revisions.length; start += ROWS_PER_STATEMENT) {
      const part = revisions.slice(start, start + ROWS_PER_STATEMENT);
      const values = part.flatMap((revision, index) => [
        revision.segmentId,
        revision.previousVersion,
        revision.version,
        revision.text,
        revision.status,
        revision.note,
        revision.author,
        revision.createdAt,
        editingMsOf(revision.editingSeconds),
        revision.articleId,
        revision.action,
        revision.userId,
        revision.editingSeconds,
        revision.batchId,
        revision.detail,
        index,
      ]);
      const updated = this.manyRows('updateCurrent', part.length).run(values).changes;
      // The version checks already happened in the same transaction; this guards the invariant.
      if (updated !== part.length) throw new Error(`Segments changed under a transaction (${updated} of ${part.length} updated)`);
      for (const [id, segmentId] of this.manyRows('insertRevisions', part.length).all(values) as [id: number, segmentId: number][]) {
        ids.set(segmentId, id);
      }
    }
    return revisions.map((revision) => ids.get(revision.segmentId)!);
  }

  place(segmentId: number): SegmentPlace | undefined {
    const row = this.statements.place.get(segmentId) as
      (Omit<SegmentPlace, 'hasCodes' | 'hasAnchor'> & { hasCodes: number; hasAnchor: number }) | undefined;
    return row && { ...row, hasCodes: row.hasCodes === 1, hasAnchor: row.hasAnchor === 1 };
  }

  /** The segment after a place in the reading order, if any. */
  next(articleId: number, block: number, slot: number): Segment | undefined {
    const row = this.statements.next.get(articleId, block, slot) as SegmentRow | undefined;
    return row && toSegment(row);
  }

  /**
   * Puts a new segment right after (block, slot): the later slots of that block move up by one, the
   * block grows and every later block starts one later. Returns its id; its version is 0 until its
   * first revision is appended. The caller holds the transaction.
   */
  insertAfter(segment: Omit<NewSegment, 'block' | 'slot'>, block: number, slot: number): number {
    this.statements.shiftSlots.run(1, segment.articleId, block, slot);
    const { lastInsertRowid } = this.statements.insertAt.run({ ...segment, block, slot: slot + 1 });
    this.resize(segment.articleId, block, 1);
    return Number(lastInsertRowid);
  }

  /** Takes a segment out of the reading order into another (a merge); the mirror image of insertAfter. */
  removeFromOrder(articleId: number, segmentId: number, block: number, slot: number, mergedInto: number): void {
    this.statements.leaveOrder.run(mergedInto, segmentId);
    this.statements.shiftSlots.run(-1, articleId, block, slot);
    this.resize(articleId, block, -1);
  }

  /** Puts a segment merged away back into the order right after (block, slot) (undoing a merge). */
  returnToOrder(articleId: number, segmentId: number, block: number, slot: number): void {
    this.statements.shiftSlots.run(1, articleId, block, slot);
    this.statements.enterOrder.run(block, slot + 1, segmentId);
    this.resize(articleId, block, 1);
  }

  private resize(articleId: number, block: number, delta: number): void {
    this.statements.resizeBlock.run(delta, articleId, block);
    this.statements.shiftStarts.run(delta, articleId, block);
  }

  setLayout(segmentId: number, layout: LayoutState): void {
    this.statements.setLayout.run({ id: segmentId, ...layout });
  }

  setOpenComments(segmentId: number, count: number): void {
    this.statements.setOpenComments.run(count, segmentId);
  }

  revisions(segmentId: number): Revision[] {
    return this.statements.revisions.all(segmentId) as Revision[];
  }

  revision(segmentId: number, version: number): Revision | undefined {
    return this.statements.revision.get(segmentId, version) as Revision | undefined;
  }

  /**
   * People's changes (imports are left out), newest first, optionally by one person and of one
   * kind, each with the text before it. A segment merged into another keeps its changes here
   * (its position is then null). Statements are prepared once per combination of filters.
   */
  activity(articleId: number, filters: ActivityFilters, limit: number, offset: number): ActivityEntry[] {
    const { where, parameters } = activityConditions(articleId, filters);
    return this.prepared(
      `SELECT r.id, r.segment_id AS segmentId, r.article_id AS articleId, r.version, r.action, r.text, r.status, r.note,
              r.author, r.user_id AS userId, r.editing_seconds AS editingSeconds, r.created_at AS createdAt, r.detail, r.batch_id AS batchId,
              b.start + s.slot AS position, p.text AS previousText
         FROM revisions r JOIN segments s ON s.id = r.segment_id
         LEFT JOIN article_blocks b ON b.article_id = s.article_id AND b.block = s.block
         LEFT JOIN revisions p ON p.segment_id = r.segment_id AND p.version = r.version - 1
        WHERE ${where.join(' AND ')}
        ORDER BY r.id DESC LIMIT @limit OFFSET @offset`,
    ).all({ ...parameters, limit, offset }) as ActivityEntry[];
  }

  activityCount(articleId: number, filters: ActivityFilters): number {
    const { where, parameters } = activityConditions(articleId, filters);
    return this.prepared(`SELECT count(*) FROM revisions r WHERE ${where.join(' AND ')}`)
      .pluck()
      .get(parameters) as number;
  }

  /** Who changed an article (imports left out), for the activity's filter. */
  activityAuthors(articleId: number): string[] {
    return this.prepared(`SELECT DISTINCT author FROM revisions WHERE article_id = ? AND action <> 'import' ORDER BY author`)
      .pluck()
      .all(articleId) as string[];
  }

  private prepared(sql: string) {
    let statement = this.byFilters.get(sql);
    if (!statement) this.byFilters.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  /** People's changes (imports left out) per UTC hour, oldest first. */
  changesPerHour(articleId: number): { hour: string; count: number }[] {
    return this.statements.changesPerHour.all(articleId) as { hour: string; count: number }[];
  }
}

/** The activity's filters as SQL (spelt out, so that each combination gets its own plan) and their named parameters. */
function activityConditions(articleId: number, filters: ActivityFilters) {
  // A batch's revisions are left out: the activity lists each batch as one entry (src/batches).
  const where = [`r.article_id = @articleId`, `r.action <> 'import'`, `r.batch_id IS NULL`];
  const parameters: Record<string, unknown> = { articleId };
  if (filters.author !== undefined) {
    where.push('r.author = @author');
    parameters.author = filters.author;
  }
  if (filters.action !== undefined) {
    where.push('r.action = @action');
    parameters.action = filters.action;
  }
  return { where, parameters };
}
