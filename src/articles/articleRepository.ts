import type { Db } from '../db/database';
import type { DraftSegment } from '../segmentation/document';
import { REVIEW_STATUSES, type Article, type ArticleFormat, type ReviewStatus, type Segment, type SegmentLayout, type StatusCounts } from './model';

const ARTICLE_COLUMNS = `id, title, format, leading, created_by AS createdBy, created_at AS createdAt, updated_at AS updatedAt`;
export const SEGMENT_COLUMNS = `id, article_id AS articleId, position, paragraph, kind, mt, separator, text, status, version, note,
  updated_by AS updatedBy, updated_at AS updatedAt`;

export interface NewArticle {
  title: string;
  format: ArticleFormat;
  leading: string;
  segments: readonly DraftSegment[];
  author: string;
  createdAt: string;
}

export interface ArticleSummary extends Article {
  counts: StatusCounts;
}

/** Data access for articles and their segments. Statements are prepared once per handle. */
export class ArticleRepository {
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = {
      insertArticle: db.prepare(
        `INSERT INTO articles (title, format, leading, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      insertSegment: db.prepare(
        `INSERT INTO segments (article_id, position, paragraph, kind, mt, separator, text, status, version, updated_by, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'new', 1, ?, ?)`,
      ),
      // One statement for all first revisions: cheaper than a second insert per segment.
      insertImportRevisions: db.prepare(
        `INSERT INTO revisions (segment_id, article_id, version, action, text, status, author, created_at)
         SELECT id, article_id, 1, 'import', mt, 'new', updated_by, updated_at FROM segments WHERE article_id = ? ORDER BY position`,
      ),
      article: db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ?`),
      articles: db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles ORDER BY updated_at DESC, id DESC`),
      statusCounts: db.prepare(`SELECT status, count(*) AS count FROM segments WHERE article_id = ? GROUP BY status`),
      allStatusCounts: db.prepare(`SELECT article_id AS articleId, status, count(*) AS count FROM segments GROUP BY article_id, status`),
      segments: db.prepare(`SELECT ${SEGMENT_COLUMNS} FROM segments WHERE article_id = ? ORDER BY position`),
      // Exports of the text need only these; reading the MT and the rest too doubles the cost.
      segmentLayout: db.prepare(`SELECT paragraph, kind, text, separator FROM segments WHERE article_id = ? ORDER BY position`),
      segmentPage: db.prepare(`SELECT ${SEGMENT_COLUMNS} FROM segments WHERE article_id = ? ORDER BY position LIMIT ? OFFSET ?`),
      segmentPageByStatus: db.prepare(
        `SELECT ${SEGMENT_COLUMNS} FROM segments WHERE article_id = ? AND status = ? ORDER BY position LIMIT ? OFFSET ?`,
      ),
      touch: db.prepare(`UPDATE articles SET updated_at = ? WHERE id = ?`),
      // Segments and revisions go with it (ON DELETE CASCADE).
      delete: db.prepare(`DELETE FROM articles WHERE id = ?`),
    };
  }

  /** Stores an article with all its segments and their first revision; the caller wraps it in a transaction. */
  insert(article: NewArticle): number {
    const { lastInsertRowid } = this.statements.insertArticle.run(
      article.title, article.format, article.leading, article.author, article.createdAt, article.createdAt,
    );
    const articleId = Number(lastInsertRowid);
    article.segments.forEach((segment, position) => {
      this.statements.insertSegment.run(
        articleId, position, segment.paragraph, segment.kind, segment.text, segment.separator, segment.text,
        article.author, article.createdAt,
      );
    });
    this.statements.insertImportRevisions.run(articleId);
    return articleId;
  }

  find(id: number): Article | undefined {
    return this.statements.article.get(id) as Article | undefined;
  }

  list(): ArticleSummary[] {
    const countsByArticle = new Map<number, StatusCounts>();
    for (const row of this.statements.allStatusCounts.all() as { articleId: number; status: ReviewStatus; count: number }[]) {
      const counts = countsByArticle.get(row.articleId) ?? emptyCounts();
      counts[row.status] = row.count;
      countsByArticle.set(row.articleId, counts);
    }
    return (this.statements.articles.all() as Article[]).map((article) => ({
      ...article,
      counts: countsByArticle.get(article.id) ?? emptyCounts(),
    }));
  }

  statusCounts(articleId: number): StatusCounts {
    const counts = emptyCounts();
    for (const row of this.statements.statusCounts.all(articleId) as { status: ReviewStatus; count: number }[]) counts[row.status] = row.count;
    return counts;
  }

  segments(articleId: number): Segment[] {
    return this.statements.segments.all(articleId) as Segment[];
  }

  segmentLayout(articleId: number): SegmentLayout[] {
    return this.statements.segmentLayout.all(articleId) as SegmentLayout[];
  }

  segmentPage(articleId: number, status: ReviewStatus | undefined, limit: number, offset: number): Segment[] {
    return (
      status
        ? this.statements.segmentPageByStatus.all(articleId, status, limit, offset)
        : this.statements.segmentPage.all(articleId, limit, offset)
    ) as Segment[];
  }

  delete(articleId: number): void {
    this.statements.delete.run(articleId);
  }

  touch(articleId: number, at: string): void {
    this.statements.touch.run(at, articleId);
  }
}

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(REVIEW_STATUSES.map((status) => [status, 0])) as StatusCounts;
}
