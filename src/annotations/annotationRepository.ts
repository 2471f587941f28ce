import type { Db } from '../db/database';
import type { Annotation, AnnotationChange, AnnotationRevision } from './model';

const ANNOTATION_COLUMNS = `id, segment_id AS segmentId, article_id AS articleId, span_start AS start, span_end AS "end", category, severity,
  comment, version, deleted_at AS deletedAt, author, user_id AS userId, created_at AS createdAt, updated_by AS updatedBy, updated_at AS updatedAt`;
const REVISION_COLUMNS = `id, annotation_id AS annotationId, version, action, span_start AS start, span_end AS "end", category, severity,
  comment, author, user_id AS userId, created_at AS createdAt`;

/** SQL for MQM annotations and their append-only history; private to src/annotations. */
export class AnnotationRepository {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      insert: db.prepare(
        `INSERT INTO mqm_annotations (segment_id, article_id, span_start, span_end, category, severity, comment, version, author, user_id,
                                      created_at, updated_by, updated_at)
         VALUES (@segmentId, @articleId, @start, @end, @category, @severity, @comment, 1, @author, @userId, @at, @author, @at)`,
      ),
      updateCurrent: db.prepare(
        `UPDATE mqm_annotations
            SET span_start = @start, span_end = @end, category = @category, severity = @severity, comment = @comment,
                version = version + 1, deleted_at = CASE WHEN @action = 'delete' THEN @at ELSE deleted_at END,
                updated_by = @author, updated_at = @at
          WHERE id = @id AND version = @previousVersion`,
      ),
      insertRevision: db.prepare(
        `INSERT INTO mqm_annotation_revisions (annotation_id, version, action, span_start, span_end, category, severity, comment, author, user_id, created_at)
         VALUES (@id, @version, @action, @start, @end, @category, @severity, @comment, @author, @userId, @at)`,
      ),
      find: db.prepare(`SELECT ${ANNOTATION_COLUMNS} FROM mqm_annotations WHERE id = ?`),
      bySegment: db.prepare(
        `SELECT ${ANNOTATION_COLUMNS} FROM mqm_annotations WHERE segment_id = ? AND deleted_at IS NULL ORDER BY span_start, span_end, id`,
      ),
      bySegmentWithDeleted: db.prepare(
        `SELECT ${ANNOTATION_COLUMNS} FROM mqm_annotations WHERE segment_id = ? ORDER BY span_start, span_end, id`,
      ),
      byArticle: db.prepare(
        `SELECT ${ANNOTATION_COLUMNS} FROM mqm_annotations WHERE article_id = ? AND deleted_at IS NULL ORDER BY segment_id, span_start, span_end, id`,
      ),
      // One statement for a page of segments: the ids arrive as a JSON array.
      bySegments: db.prepare(
        `SELECT ${ANNOTATION_COLUMNS} FROM mqm_annotations
          WHERE segment_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL ORDER BY segment_id, span_start, span_end, id`,
      ),
      // A split or merge moves an annotation with its part of the MT, possibly to the other segment.
      move: db.prepare(
        `UPDATE mqm_annotations SET segment_id = @segmentId, span_start = @start, span_end = @end, version = version + 1,
                updated_by = @author, updated_at = @at
          WHERE id = @id AND version = @previousVersion`,
      ),
      revisions: db.prepare(`SELECT ${REVISION_COLUMNS} FROM mqm_annotation_revisions WHERE annotation_id = ? ORDER BY version`),
      // Removals count as changes too, so deleted rows are included.
      lastChange: db.prepare(`SELECT max(updated_at) AS lastChange FROM mqm_annotations WHERE article_id = ?`),
      marksBySegments: db.prepare(
        `SELECT segment_id AS segmentId, category, severity FROM mqm_annotations
          WHERE segment_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`,
      ),
    };
  }

  /** Stores a new annotation and its first revision; the caller holds the transaction. */
  insert(segmentId: number, articleId: number, change: Omit<AnnotationChange, 'action'>): number {
    const { lastInsertRowid } = this.statements.insert.run({ segmentId, articleId, ...change });
    const id = Number(lastInsertRowid);
    this.statements.insertRevision.run({ id, version: 1, action: 'create', ...change });
    return id;
  }

  /** Appends a revision and makes it the current state; the caller holds the transaction. */
  append(id: number, previousVersion: number, change: AnnotationChange): void {
    const updated = this.statements.updateCurrent.run({ id, previousVersion, ...change });
    // The version was checked in the same transaction; this guards the invariant.
    if (updated.changes !== 1) throw new Error(`Annotation ${id} changed under a transaction`);
    this.statements.insertRevision.run({ id, version: previousVersion + 1, ...change });
  }

  /** Moves an annotation to a segment and span, as a new revision ('update'); the caller holds the transaction. */
  move(
    annotation: Annotation,
    segmentId: number,
    start: number,
    end: number,
    author: { name: string; userId: number | null },
    at: string,
  ): void {
    const change = { start, end, author: author.name, at };
    const moved = this.statements.move.run({ id: annotation.id, previousVersion: annotation.version, segmentId, ...change });
    if (moved.changes !== 1) throw new Error(`Annotation ${annotation.id} changed under a transaction`);
    this.statements.insertRevision.run({
      id: annotation.id,
      version: annotation.version + 1,
      action: 'update',
      category: annotation.category,
      severity: annotation.severity,
      comment: annotation.comment,
      userId: author.userId,
      ...change,
    });
  }

  find(id: number): Annotation | undefined {
    return this.statements.find.get(id) as Annotation | undefined;
  }

  bySegment(segmentId: number, includeDeleted = false): Annotation[] {
    return (includeDeleted ? this.statements.bySegmentWithDeleted : this.statements.bySegment).all(segmentId) as Annotation[];
  }

  /** The annotations that count, of every segment of the article. */
  byArticle(articleId: number): Annotation[] {
    return this.statements.byArticle.all(articleId) as Annotation[];
  }

  /** The annotations that count, of the given segments. */
  bySegments(segmentIds: readonly number[]): Annotation[] {
    return this.statements.bySegments.all(JSON.stringify(segmentIds)) as Annotation[];
  }

  revisions(annotationId: number): AnnotationRevision[] {
    return this.statements.revisions.all(annotationId) as AnnotationRevision[];
  }

  lastChange(articleId: number): string | undefined {
    return (this.statements.lastChange.get(articleId) as { lastChange: string | null }).lastChange ?? undefined;
  }

  /** Category and severity of the annotations that count, of the given segments. */
  marksBySegments(segmentIds: readonly number[]): { segmentId: number; category: string; severity: string }[] {
    return this.statements.marksBySegments.all(JSON.stringify(segmentIds)) as { segmentId: number; category: string; severity: string }[];
  }
}
