import type { Db } from '../db/database';
import { now } from '../clock';
import { notFound, unprocessable } from '../errors';
import { paginate } from '../pagination';
import { normalizeNewlines, segmentDocument } from '../segmentation/document';
import type { AuditLog } from '../auth/auditLog';
import type { Actor } from '../auth/roles';
import { emptyCounts, progressFrom, type OpenFindingCounts, type Progress, type ReviewStatus, type Segment } from '../segments/model';
import type { SegmentService } from '../segments/segmentService';
import { ArticleRepository } from './articleRepository';
import type { Article, ArticleFormat, ArticleSummary } from './model';
import { checkArticleText } from './textInput';

export const TITLE_MAX = 300;

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
  /** Only segments with open QA findings ("has QA findings"). */
  withFindings: boolean;
  /** The article's open QA findings (all statuses), for the header. */
  openFindings: OpenFindingCounts;
  page: number;
  pageCount: number;
  /** Segments matching the filter, across all pages. */
  matching: number;
}

/** Articles: import (split into segments), list, review pages, deletion. Their segments belong to SegmentService. */
export class ArticleService {
  private readonly repository: ArticleRepository;

  constructor(
    private readonly db: Db,
    private readonly collaborators: { audit: AuditLog; segments: SegmentService },
  ) {
    this.repository = new ArticleRepository(db);
  }

  /** Splits the text into segments and stores everything in one transaction: whole or not at all. */
  importArticle(request: ImportRequest): Article {
    const text = normalizeNewlines(checkArticleText(request.text));
    const document = segmentDocument(text);
    if (document.segments.length === 0) throw unprocessable('empty_text', 'The article contains no sentences.');
    // Without a title or file name, the first heading (else the first sentence) names the article.
    const firstHeading =
      document.segments.find((segment) => segment.kind === 'heading') ?? document.segments.find((segment) => segment.kind === 'sentence');
    const title = (request.title?.trim() || titleFromFileName(request.fileName) || (firstHeading ?? document.segments[0]!).text)
      .replace(/\s+/g, ' ')
      .slice(0, TITLE_MAX);
    const format = request.format ?? detectFormat(text, request.fileName);
    const createdAt = now();
    const id = this.db
      .transaction(() => {
        const articleId = this.repository.insert({ title, format, leading: document.leading, author: request.author, createdAt });
        this.collaborators.segments.insertImported(articleId, document.segments, request.author, createdAt);
        return articleId;
      })
      .immediate();
    return this.get(id);
  }

  get(id: number): Article {
    const article = this.repository.find(id);
    if (!article) throw notFound(`Article ${id}`);
    return article;
  }

  /** Deletes an article with its segments and history; the audit log keeps a record of it. */
  delete(id: number, actor: Actor, ip?: string): Article {
    return this.db
      .transaction(() => {
        const article = this.get(id);
        const { total } = this.progress(id);
        this.repository.delete(id);
        this.collaborators.audit.record({
          actor,
          action: 'article_deleted',
          target: `${id}: ${article.title}`,
          detail: `${total} segments`,
          ip,
        });
        return article;
      })
      .immediate();
  }

  /** Records that a segment of the article changed at `at` (its last-change time). */
  touch(articleId: number, at: string): void {
    this.repository.touch(articleId, at);
  }

  /** Every article, most recently changed first, with its status counts. */
  list(): ArticleSummary[] {
    const countsByArticle = this.collaborators.segments.statusCountsByArticle();
    return this.repository.list().map((article) => {
      const counts = countsByArticle.get(article.id) ?? emptyCounts();
      return { ...article, counts, total: progressFrom(counts).total };
    });
  }

  progress(articleId: number): Progress {
    return this.collaborators.segments.progress(articleId);
  }

  /** Every segment of an existing article (404 for an unknown one), in reading order. */
  segments(articleId: number): Segment[] {
    this.get(articleId);
    return this.collaborators.segments.ofArticle(articleId);
  }

  reviewPage(articleId: number, filter: { status?: ReviewStatus; withFindings?: boolean }, requestedPage: number): ReviewPage {
    const article = this.get(articleId);
    const progress = this.progress(articleId);
    const { status, withFindings = false } = filter;
    const openFindings = this.collaborators.segments.countWithFindings(articleId);
    let matching = status ? progress.counts[status] : progress.total;
    if (withFindings) matching = status ? this.collaborators.segments.countWithFindings(articleId, status).segments : openFindings.segments;
    const pagination = paginate(matching, requestedPage);
    const segments = this.collaborators.segments.page(articleId, { status, withFindings }, pagination);
    return {
      article,
      progress,
      segments,
      status,
      withFindings,
      openFindings,
      page: pagination.page,
      pageCount: pagination.pageCount,
      matching,
    };
  }
}

function titleFromFileName(fileName: string | undefined): string | undefined {
  if (!fileName) return undefined;
  const stem = fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.(txt|md|markdown)$/i, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  return stem ? stem.charAt(0).toUpperCase() + stem.slice(1) : undefined;
}

function detectFormat(text: string, fileName: string | undefined): ArticleFormat {
  if (fileName && /\.(md|markdown)$/i.test(fileName)) return 'markdown';
  return /^#{1,6} \S/m.test(text) ? 'markdown' : 'text';
}
