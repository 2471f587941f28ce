import type { Db } from '../db/database';
import { SEGMENT_COLUMNS } from '../articles/articleRepository';
import type { ReviewStatus, Segment } from '../articles/model';

export type RevisionAction = 'import' | 'edit' | 'status' | 'reset' | 'revert';

export interface Revision {
  id: number;
  segmentId: number;
  articleId: number;
  version: number;
  action: RevisionAction;
  text: string;
  status: ReviewStatus;
  note: string | null;
  author: string;
  userId: number | null;
  /** measured active editing time that led to this revision; null when not measured */
  editingSeconds: number | null;
  createdAt: string;
}

export interface ActivityEntry extends Revision {
  position: number;
}

const REVISION_COLUMNS = `id, segment_id AS segmentId, article_id AS articleId, version, action, text, status, note, author, user_id AS userId, editing_seconds AS editingSeconds, created_at AS createdAt`;

export class SegmentRepository {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      segment: db.prepare(`SELECT ${SEGMENT_COLUMNS} FROM segments WHERE id = ?`),
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
                r.author, r.user_id AS userId, r.editing_seconds AS editingSeconds, r.created_at AS createdAt, s.position
           FROM revisions r JOIN segments s ON s.id = r.segment_id
          WHERE r.article_id = ? AND r.action <> 'import'
          ORDER BY r.id DESC LIMIT ?`,
      ),
    };
  }

  find(id: number): Segment | undefined {
    return this.statements.segment.get(id) as Segment | undefined;
  }

  /** Appends a revision and makes it the segment's current state; the caller holds the transaction. */
  append(revision: Omit<Revision, 'id'>, previousVersion: number): void {
    const updated = this.statements.updateCurrent.run(
      revision.text, revision.status, revision.version, revision.note, revision.author, revision.createdAt, revision.segmentId, previousVersion,
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
}
