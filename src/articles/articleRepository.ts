import type { Db } from '../db/database';
import type { Article, ArticleDocument, ArticleFormat } from './model';

const ARTICLE_COLUMNS = `id, title, format, source_language AS sourceLanguage, target_language AS targetLanguage, leading, created_by AS createdBy, created_at AS createdAt, updated_at AS updatedAt`;

export interface NewArticle {
  title: string;
  format: ArticleFormat;
  sourceLanguage: string | null;
  targetLanguage: string;
  author: string;
  userId: number | null;
  createdAt: string;
}

/** SQL for the articles table and the imports' idempotency keys; private to src/articles. Statements are prepared once per handle. */
export class ArticleRepository {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      // A new article is 'importing' (seen by nobody) until its last chunk is written; leading comes then too.
      insertArticle: db.prepare(
        `INSERT INTO articles (title, format, source_language, target_language, leading, state, import_heartbeat, created_by,
                               created_by_user_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, '', 'importing', ?, ?, ?, ?, ?)`,
      ),
      heartbeat: db.prepare(`UPDATE articles SET import_heartbeat = ? WHERE id = ? AND state = 'importing'`),
      finish: db.prepare(
        `UPDATE articles SET state = 'ready', import_heartbeat = NULL, title = ?, leading = ?, updated_at = ? WHERE id = ? AND state = 'importing'`,
      ),
      // A deletion hides the article at once and removes its rows in steps; 'importing' is "not there for anyone".
      hide: db.prepare(`UPDATE articles SET state = 'importing', import_heartbeat = ? WHERE id = ?`),
      // An article still being imported (state 'importing') is not there yet for anyone.
      article: db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ? AND state = 'ready'`),
      articles: db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE state = 'ready' ORDER BY updated_at DESC, id DESC`),
      staleImports: db.prepare(`SELECT id FROM articles WHERE state = 'importing' AND (import_heartbeat IS NULL OR import_heartbeat < ?)`),
      touch: db.prepare(`UPDATE articles SET updated_at = ? WHERE id = ?`),
      // Whatever is left of its segments, blocks, figures and key goes with it (ON DELETE CASCADE).
      delete: db.prepare(`DELETE FROM articles WHERE id = ?`),
      keyArticle: db.prepare(
        `SELECT k.article_id AS articleId, a.state FROM idempotency_keys k JOIN articles a ON a.id = k.article_id WHERE k.user_id = ? AND k.key = ?`,
      ),
      // A file's own languages are known once it is read: the last step of its import sets them.
      setLanguages: db.prepare(`UPDATE articles SET source_language = ?, target_language = ? WHERE id = ? AND state = 'importing'`),
      // A document's text may be written before what is known about it (migrations/0009). Bytes are a UTF-8
      // file's, stored as its text: the import reads every byte as UTF-8, or fails and this row goes with the article.
      insertDocumentText: db.prepare(`INSERT INTO article_document_texts (article_id, content) VALUES (?, CAST(? AS TEXT))`),
      insertDocument: db.prepare(`INSERT INTO article_documents (article_id, kind, file_name, meta) VALUES (?, ?, ?, ?)`),
      document: db.prepare(
        `SELECT d.kind, d.file_name AS fileName, t.content, d.meta
           FROM article_documents d JOIN article_document_texts t ON t.article_id = d.article_id WHERE d.article_id = ?`,
      ),
      // Paragraphs of a two-file import whose sentences could not be paired: their source is shown whole.
      unalignedParagraphs: db.prepare(
        `SELECT count(DISTINCT paragraph) AS count FROM segments WHERE article_id = ? AND source_scope = 'paragraph'`,
      ),
      insertKey: db.prepare(`INSERT INTO idempotency_keys (user_id, key, article_id, created_at) VALUES (?, ?, ?, ?)`),
    };
  }

  /** Stores the article row of a starting import (state 'importing'); the caller stores its segments in later steps. */
  insert(article: NewArticle): number {
    const { lastInsertRowid } = this.statements.insertArticle.run(
      article.title,
      article.format,
      article.sourceLanguage,
      article.targetLanguage,
      article.createdAt,
      article.author,
      article.userId,
      article.createdAt,
      article.createdAt,
    );
    return Number(lastInsertRowid);
  }

  heartbeat(articleId: number, at: string): void {
    this.statements.heartbeat.run(at, articleId);
  }

  /** Makes an imported article visible; false when it is no longer being imported (it was removed meanwhile). */
  finish(articleId: number, title: string, leading: string, at: string): boolean {
    return this.statements.finish.run(title, leading, at, articleId).changes === 1;
  }

  hide(articleId: number, at: string): void {
    this.statements.hide.run(at, articleId);
  }

  /** Articles being imported (or deleted) whose last step is older than `before`: leftovers of a crash. */
  staleImports(before: string): number[] {
    return (this.statements.staleImports.all(before) as { id: number }[]).map((row) => row.id);
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

  /** The article an Idempotency-Key of this user created, and whether it is finished. */
  keyArticle(userId: number, key: string): { articleId: number; state: 'importing' | 'ready' } | undefined {
    return this.statements.keyArticle.get(userId, key) as { articleId: number; state: 'importing' | 'ready' } | undefined;
  }

  insertKey(userId: number, key: string, articleId: number, at: string): void {
    this.statements.insertKey.run(userId, key, articleId, at);
  }

  setLanguages(articleId: number, sourceLanguage: string | null, targetLanguage: string): void {
    this.statements.setLanguages.run(sourceLanguage, targetLanguage, articleId);
  }

  /** The text of the article's document: decoded, or the bytes of a UTF-8 file (see insertDocumentText above). */
  insertDocumentText(articleId: number, content: string | Uint8Array): void {
    const value =
      typeof content === 'string' || Buffer.isBuffer(content)
        ? content
        : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    this.statements.insertDocumentText.run(articleId, value);
  }

  /** What is known about the article's document (its text is inserted apart, by insertDocumentText). */
  insertDocument(articleId: number, document: Omit<ArticleDocument, 'content'>): void {
    this.statements.insertDocument.run(articleId, document.kind, document.fileName, document.meta);
  }

  document(articleId: number): ArticleDocument | undefined {
    return this.statements.document.get(articleId) as ArticleDocument | undefined;
  }

  unalignedParagraphs(articleId: number): number {
    return (this.statements.unalignedParagraphs.get(articleId) as { count: number }).count;
  }
}
