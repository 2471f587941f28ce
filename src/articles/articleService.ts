import type { Db } from '../db/database';
import { notFound, unprocessable } from '../errors';
import { normalizeNewlines, segmentDocument } from '../segmentation/document';
import { ArticleRepository, type ArticleSummary } from './articleRepository';
import { now, progressFrom, type Article, type ArticleFormat, type Progress, type ReviewStatus, type Segment } from './model';
import { checkArticleText } from './textInput';
import { AuditLog } from '../auth/auditLog';
import type { Actor } from '../auth/roles';

export const REVIEW_PAGE_SIZE = 100;
const TITLE_MAX = 300;

export interface ImportRequest {
  text: string;
  title?: string;
  fileName?: string;
  format?: ArticleFormat;
  author: string;
}

export interface ReviewPage {
  article: Article;
  progress: Progress;
  segments: Segment[];
  status: ReviewStatus | undefined;
  page: number;
  pageCount: number;
  /** Segments matching the filter, across all pages. */
  matching: number;
}

export class ArticleService {
  readonly repository: ArticleRepository;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog = new AuditLog(db),
  ) {
    this.repository = new ArticleRepository(db);
  }

  /** Splits the text into segments and stores everything in one transaction: whole or not at all. */
  importArticle(request: ImportRequest): Article {
    const text = normalizeNewlines(checkArticleText(request.text));
    const document = segmentDocument(text);
    if (document.segments.length === 0) throw unprocessable('empty_text', 'The article contains no sentences.');
    // Without a title or file name, the first heading (else the first sentence) names the article.
    const firstHeading = document.segments.find((segment) => segment.kind === 'heading') ?? document.segments.find((segment) => segment.kind === 'sentence');
    const title = (request.title?.trim() || titleFromFileName(request.fileName) || (firstHeading ?? document.segments[0]!).text)
      .replace(/\s+/g, ' ')
      .slice(0, TITLE_MAX);
    const format = request.format ?? detectFormat(text, request.fileName);
    const createdAt = now();
    const id = this.db.transaction(() =>
      this.repository.insert({ title, format, leading: document.leading, segments: document.segments, author: request.author, createdAt }),
    ).immediate();
    return this.get(id);
  }

  get(id: number): Article {
    const article = this.repository.find(id);
    if (!article) throw notFound(`Article ${id}`);
    return article;
  }

  /** Deletes an article with its segments and history; the audit log keeps a record of it. */
  delete(id: number, actor: Actor, ip?: string): Article {
    return this.db.transaction(() => {
      const article = this.get(id);
      const segments = this.repository.statusCounts(id);
      this.repository.delete(id);
      const total = Object.values(segments).reduce((sum, count) => sum + count, 0);
      this.audit.record({ actor, action: 'article_deleted', target: `${id}: ${article.title}`, detail: `${total} segments`, ip });
      return article;
    }).immediate();
  }

  list(): ArticleSummary[] {
    return this.repository.list();
  }

  progress(articleId: number): Progress {
    return progressFrom(this.repository.statusCounts(articleId));
  }

  segments(articleId: number): Segment[] {
    this.get(articleId);
    return this.repository.segments(articleId);
  }

  reviewPage(articleId: number, status: ReviewStatus | undefined, requestedPage: number): ReviewPage {
    const article = this.get(articleId);
    const progress = this.progress(articleId);
    const matching = status ? progress.counts[status] : progress.total;
    const pageCount = Math.max(1, Math.ceil(matching / REVIEW_PAGE_SIZE));
    const page = Math.min(Math.max(1, requestedPage), pageCount);
    const segments = this.repository.segmentPage(articleId, status, REVIEW_PAGE_SIZE, (page - 1) * REVIEW_PAGE_SIZE);
    return { article, progress, segments, status, page, pageCount, matching };
  }
}

function titleFromFileName(fileName: string | undefined): string | undefined {
  if (!fileName) return undefined;
  const stem = fileName.replace(/^.*[\\/]/, '').replace(/\.(txt|md|markdown)$/i, '').replace(/[-_]+/g, ' ').trim();
  return stem ? stem.charAt(0).toUpperCase() + stem.slice(1) : undefined;
}

function detectFormat(text: string, fileName: string | undefined): ArticleFormat {
  if (fileName && /\.(md|markdown)$/i.test(fileName)) return 'markdown';
  return /^#{1,6} \S/m.test(text) ? 'markdown' : 'text';
}
