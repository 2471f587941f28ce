import type { Db } from '../db/database';
import type { Comment } from './model';

const COMMENT_COLUMNS = `c.id, c.segment_id AS segmentId, c.article_id AS articleId, coalesce(c.thread_id, c.id) AS threadId, c.body, c.author,
  c.user_id AS userId, c.created_at AS createdAt, c.resolved_at AS resolvedAt, c.resolved_by AS resolvedBy, c.revision_id AS revisionId`;

export interface NewComment {
  segmentId: number;
  articleId: number;
  /** null: the comment starts a thread */
  threadId: number | null;
  body: string;
  author: string;
  userId: number | null;
  createdAt: string;
  revisionId: number | null;
}

/** SQL for comments; private to src/comments. */
export class CommentRepository {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      insert: db.prepare(
        `INSERT INTO comments (segment_id, article_id, thread_id, body, author, user_id, created_at, revision_id)
         VALUES (@segmentId, @articleId, @threadId, @body, @author, @userId, @createdAt, @revisionId)`,
      ),
      find: db.prepare(`SELECT ${COMMENT_COLUMNS} FROM comments c WHERE c.id = ?`),
      // Threads in the order they were started, each first comment followed by its replies.
      bySegment: db.prepare(`SELECT ${COMMENT_COLUMNS} FROM comments c WHERE c.segment_id = ? ORDER BY coalesce(c.thread_id, c.id), c.id`),
      // The export lists them in reading order (comments of a segment merged away moved with it).
      byArticle: db.prepare(
        `SELECT ${COMMENT_COLUMNS} FROM comments c JOIN segments s ON s.id = c.segment_id
           JOIN article_blocks b ON b.article_id = s.article_id AND b.block = s.block
          WHERE c.article_id = ? ORDER BY b.start + s.slot, coalesce(c.thread_id, c.id), c.id`,
      ),
      setResolved: db.prepare(`UPDATE comments SET resolved_at = ?, resolved_by = ? WHERE id = ? AND thread_id IS NULL`),
      openThreads: db.prepare(`SELECT count(*) FROM comments WHERE segment_id = ? AND thread_id IS NULL AND resolved_at IS NULL`).pluck(),
      moveToSegment: db.prepare(`UPDATE comments SET segment_id = ? WHERE segment_id = ?`),
    };
  }

  insert(comment: NewComment): number {
    return Number(this.statements.insert.run(comment).lastInsertRowid);
  }

  find(id: number): Comment | undefined {
    return this.statements.find.get(id) as Comment | undefined;
  }

  bySegment(segmentId: number): Comment[] {
    return this.statements.bySegment.all(segmentId) as Comment[];
  }

  byArticle(articleId: number): Comment[] {
    return this.statements.byArticle.all(articleId) as Comment[];
  }

  /** Resolves (at and by given) or reopens (both null) a thread, by its first comment. */
  setResolved(threadId: number, at: string | null, by: string | null): void {
    this.statements.setResolved.run(at, by, threadId);
  }

  openThreads(segmentId: number): number {
    return this.statements.openThreads.get(segmentId) as number;
  }

  moveToSegment(fromSegmentId: number, toSegmentId: number): void {
    this.statements.moveToSegment.run(toSegmentId, fromSegmentId);
  }
}
