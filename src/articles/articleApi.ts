import { Router, type Request } from 'express';
import { z } from 'zod';
import { requireRole, signedIn } from '../auth/roles';
import { notFound } from '../errors';
import type { SegmentFindings } from '../segments/model';
import { segmentsJson } from '../segments/segmentJson';
import { listWindow } from '../web/fields';
import { parseId, parseInput } from '../web/validate';
import type { ArticleService } from './articleService';
import type { ImportJobs } from './importJobs';
import { importFieldsOf, importUploads } from './importRequest';
import type { Article, ArticleSummary } from './model';

/** Segments per answer of GET /api/articles/:id (README): an ordinary article whole, a big one a page at a time. */
export const SEGMENTS_DEFAULT_LIMIT = 1_000;
export const SEGMENTS_MAX_LIMIT = 5_000;
const segmentWindow = listWindow(SEGMENTS_DEFAULT_LIMIT, SEGMENTS_MAX_LIMIT);

/** Idempotency-Key (and the import form's hidden key): a client's name for one import, so that a retry is recognised. */
export const idempotencyKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,200}$/, 'The Idempotency-Key must be 1 to 200 letters, digits, dots, colons, dashes or underscores.');

/** The Idempotency-Key header of a request, checked; undefined when there is none. */
export function idempotencyKeyOf(req: Request): string | undefined {
  const header = req.get('Idempotency-Key');
  return header === undefined ? undefined : parseInput(idempotencyKeySchema, header.trim());
}

/** The JSON API for articles (documented in the README). */
/** `findingsOf` gives each segment its QA findings (src/findings). */
export function articleApi(articles: ArticleService, imports: ImportJobs, maxUploadBytes: number, findingsOf: SegmentFindings): Router {
  const router = Router();

  /** An article as JSON, with how many of its segments are in each status, and where to find the rest. */
  const articleJson = (article: Article, { total, counts }: Pick<ArticleSummary, 'total' | 'counts'> = articles.progress(article.id)) => ({
    id: article.id,
    title: article.title,
    format: article.format,
    sourceLanguage: article.sourceLanguage,
    targetLanguage: article.targetLanguage,
    createdBy: article.createdBy,
    createdAt: article.createdAt,
    updatedAt: article.updatedAt,
    segmentCount: total,
    statusCounts: counts,
    links: {
      self: `/api/articles/${article.id}`,
      segments: `/api/articles/${article.id}?offset=0&limit=${SEGMENTS_DEFAULT_LIMIT}`,
      review: `/articles/${article.id}`,
      quality: `/api/articles/${article.id}/quality`,
      export: `/api/articles/${article.id}/export?format=txt`,
    },
  });

  /** A two-file import says how many paragraphs could not be paired sentence by sentence (their source is shown whole). */
  const withImportNotes = <Body extends object>(article: Article, body: Body) =>
    article.format === 'text-pair' ? { ...body, unalignedParagraphs: articles.unalignedParagraphs(article.id) } : body;

  router.get('/articles', (_req, res) => {
    // The list already carries each article's counts: one query for all of them, not one per article.
    res.json({ articles: articles.list().map((summary) => articleJson(summary, summary)) });
  });

  // 201 with the article and its counts, never its segments: those are paged by GET (an answer must stay small).
  // JSON {text, format?, title?, sourceLanguage?, targetLanguage?}, or multipart with the file in `file` (and `sourceFile`).
  router.post('/articles', requireRole('admin'), ...importUploads(maxUploadBytes), async (req, res) => {
    const input = importFieldsOf(req);
    const actor = signedIn(res);
    const article = await articles.importArticle({
      ...input,
      author: actor.displayName,
      userId: actor.userId,
      idempotencyKey: idempotencyKeyOf(req),
    });
    res
      .status(201)
      .location(`/api/articles/${article.id}`)
      .json(withImportNotes(article, articleJson(article)));
  });

  router.get('/articles/:id', (req, res) => {
    const article = articles.get(parseId(req.params.id, 'Article'));
    const { offset, limit } = parseInput(segmentWindow, req.query);
    const summary = articles.progress(article.id);
    const body = withImportNotes(article, articleJson(article, summary));
    const next = offset + limit < summary.total ? `/api/articles/${article.id}?offset=${offset + limit}&limit=${limit}` : null;
    res.json({
      ...body,
      segments: segmentsJson(articles.segments(article.id, { offset, limit }), findingsOf),
      page: { offset, limit, total: summary.total },
      links: { ...body.links, next },
    });
  });

  // The progress of an import the browser form started in the background (only its starter sees it).
  router.get('/imports/:id', (req, res) => {
    const id = String(req.params.id);
    const job = imports.get(id, signedIn(res).userId);
    if (!job) throw notFound(`Import ${id}`);
    res.json({
      id: job.id,
      state: job.state,
      ...job.progress,
      articleId: job.articleId ?? null,
      articleUrl: job.articleId === undefined ? null : `/articles/${job.articleId}`,
      error: job.error ?? null,
    });
  });

  router.delete('/articles/:id', requireRole('admin'), async (req, res) => {
    const article = await articles.delete(parseId(req.params.id, 'Article'), signedIn(res), req.ip);
    res.json({ id: article.id, title: article.title, deleted: true });
  });

  return router;
}
