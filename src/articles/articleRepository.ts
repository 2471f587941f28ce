import type { Db } from '../db/database';
import type { Article, ArticleFormat } from './model';

const ARTICLE_COLUMNS = `id, title, format, leading, created_by AS createdBy, created_at AS createdAt, updated_at AS updatedAt`;

export interface NewArticle {
  title: string;
  format: ArticleFormat;
  leading: string;
  author: string;
  createdAt: string;
}

/** SQL for the articles table; private to src/articles. Statements are prepared once per handle. */
export class ArticleRepository {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      insertArticle: db.prepare(
        `INSERT INTO articles (title, format, leading, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      // An article still being imported (state 'importing') is not there yet for anyone.
      article: db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ? AND state = 'ready'`),
      articles: db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE state = 'ready' ORDER BY updated_at DESC, id DESC`),
      touch: db.prepare(`UPDATE articles SET updated_at = ? WHERE id = ?`),
      // Segments and revisions go with it (ON DELETE CASCADE).
      delete: db.prepare(`DELETE FROM articles WHERE id = ?`),
    };
  }

  /** Stores the article row; the caller stores its segments in the same transaction. */
  insert(article: NewArticle): number {
    const { lastInsertRowid } = this.statements.insertArticle.run(
      article.title,
      article.format,
      article.leading,
      article.author,
      article.createdAt,
      article.createdAt,
    );
    return Number(lastInsertRowid);
  }

  find(id: number): Article | undefined {
    return this.statements.article.get(id) as Article | undefined;
  }

  list(): Article[] {
    return this.statements.articles.all() as Article[];
  }

  delete(articleId: number): void {
    this.statements.delete.run(articleId);
  }

  touch(articleId: number, at: string): void {
    this.statements.touch.run(at, articleId);
  }
}
