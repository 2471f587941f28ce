import { randomUUID } from 'node:crypto';
import { Router, type Response } from 'express';
import { z } from 'zod';
import { verifyCsrf } from '../auth/authenticate';
import { requireRole, signedIn } from '../auth/roles';
import { wordDiff } from '../diff/wordDiff';
import { REVIEW_STATUSES, type RowAnnotations } from '../segments/model';
import type { SegmentService } from '../segments/segmentService';
import { formNumber, wholeNumber } from '../web/fields';
import { FORM_REFUSALS, submitForm } from '../web/forms';
import { parseId, parseInput } from '../web/validate';
import { wantsJson } from '../web/errorHandler';
import { idempotencyKeySchema } from './articleApi';
import type { ArticleService } from './articleService';
import type { ImportJobs } from './importJobs';
import { importFieldsOf, importUploads } from './importRequest';

const importFormSchema = z.object({
  // The form's own Idempotency-Key: a double submit or a retry of the same form returns the first article.
  idempotencyKey: idempotencyKeySchema.optional().or(z.literal('').transform(() => undefined)),
});

const reviewQuerySchema = z.object({
  status: z.enum(REVIEW_STATUSES).optional().catch(undefined),
  page: formNumber(wholeNumber('page must be a whole number, 1 or more.', 1).optional()).catch(undefined),
});

/** Beside the form's own refusals: a file of the wrong type, an article with too many segments. */
const IMPORT_REFUSALS = [...FORM_REFUSALS, 413, 415];

export interface ArticleRouteDependencies {
  articles: ArticleService;
  segments: SegmentService;
  /** The annotated MT shown in each review row (from src/annotations). */
  annotatedMt: RowAnnotations;
  /** Imports the form started in the background (the page shows their progress). */
  imports: ImportJobs;
}

/** The import form, with a fresh key: each form shown is one import, however often it is submitted. */
function renderImportForm(res: Response, state: { error?: string; values?: Record<string, string> } = {}, status = 200) {
  res.status(status).render('articles/new', {
    title: 'Import an article',
    error: state.error,
    values: state.values ?? {},
    idempotencyKey: state.values?.idempotencyKey || randomUUID(),
  });
}

/** Browser pages for articles: the list, the import form, the review page and the activity. */
export function articleRoutes({ articles, segments, annotatedMt, imports }: ArticleRouteDependencies, maxUploadBytes: number): Router {
  const router = Router();
  const upload = importUploads(maxUploadBytes);

  router.get('/', (_req, res) => {
    res.render('articles/index', { title: 'Articles', articles: articles.list() });
  });

  router.get('/articles/new', requireRole('admin'), (_req, res) => {
    renderImportForm(res);
  });

  /**
   * The import form. A plain form waits for the import (it runs in short steps, so the server stays
   * responsive) and is redirected to the article; the page's script instead gets 202 at once and
   * shows the import's progress (GET /api/imports/:id) until it is done.
   */
  router.post('/articles', requireRole('admin'), upload, async (req, res) => {
    verifyCsrf(req, res); // multipart bodies are only readable after multer
    const body = (req.body ?? {}) as Record<string, unknown>;
    // Re-show the form with what was typed, so a pasted article is not lost.
    const field = (name: string) => (typeof body[name] === 'string' ? body[name] : '');
    const values = {
      title: field('title'),
      text: field('text'),
      format: field('format'),
      sourceLanguage: field('sourceLanguage'),
      targetLanguage: field('targetLanguage'),
      idempotencyKey: field('idempotencyKey'),
    };
    await submitForm(
      req,
      async () => {
        const input = parseInput(importFormSchema, body);
        const actor = signedIn(res);
        const request = {
          ...importFieldsOf(req),
          author: actor.displayName,
          userId: actor.userId,
          idempotencyKey: input.idempotencyKey,
        };
        if (wantsJson(req)) {
          const job = imports.start(actor.userId, (onProgress) => articles.importArticle({ ...request, onProgress }));
          res.status(202).json({ importId: job.id, progress: `/api/imports/${job.id}` });
          return;
        }
        const article = await articles.importArticle(request);
        res.redirect(303, `/articles/${article.id}`);
      },
      (error) => renderImportForm(res, { error: error.message, values }, error.status),
      IMPORT_REFUSALS,
    );
  });

  router.get('/articles/:id', (req, res) => {
    const query = parseInput(reviewQuerySchema, req.query);
    const review = articles.reviewPage(parseId(req.params.id, 'Article'), query.status, query.page ?? 1);
    const annotated = annotatedMt(review.segments);
    res.render('articles/review', {
      title: review.article.title,
      review,
      rows: review.segments.map((segment) => ({ segment, diff: wordDiff(segment.mt, segment.text), annotated: annotated.get(segment.id) })),
      returnTo: req.originalUrl,
    });
  });

  router.post('/articles/:id/delete', requireRole('admin'), async (req, res) => {
    await articles.delete(parseId(req.params.id, 'Article'), signedIn(res), req.ip);
    res.redirect(303, '/');
  });

  router.get('/articles/:id/activity', (req, res) => {
    const article = articles.get(parseId(req.params.id, 'Article'));
    res.render('articles/activity', { title: `Activity: ${article.title}`, article, entries: segments.activity(article.id) });
  });

  return router;
}
