import { randomUUID } from 'node:crypto';
import { Router, type Response } from 'express';
import { z } from 'zod';
import type { BatchService } from '../batches/batchService';
import { requireRole, signedIn } from '../auth/roles';
import { wordDiff } from '../diff/wordDiff';
import { AppError } from '../errors';
import { REVIEW_STATUSES, REVISION_ACTIONS, type ActivityEntry, type RowAnnotations, type RowFindings } from '../segments/model';
import { reviewPath } from '../segments/paths';
import type { SegmentService } from '../segments/segmentService';
import { formNumber, wholeNumber } from '../web/fields';
import { FORM_REFUSALS, submitForm } from '../web/forms';
import { parseId, parseInput } from '../web/validate';
import { wantsJson } from '../web/errorHandler';
import { idempotencyKeySchema } from './articleApi';
import type { ArticleService } from './articleService';
import type { ImportJobs } from './importJobs';
import { importFieldsOf, importUploads } from './importRequest';
import { checkArticleText } from './textInput';

const importFormSchema = z.object({
  // The form's own Idempotency-Key: a double submit or a retry of the same form returns the first article.
  idempotencyKey: idempotencyKeySchema.optional().or(z.literal('').transform(() => undefined)),
});

const reviewQuerySchema = z.object({
  status: z.enum(REVIEW_STATUSES).optional().catch(undefined),
  page: formNumber(wholeNumber('page must be a whole number, 1 or more.', 1).optional()).catch(undefined),
  /** "has QA findings": only sentences with open findings. */
  findings: z.literal('open').optional().catch(undefined),
});

// A bad filter shows everything rather than an error: these come from links and a small form.
const activityQuerySchema = z.object({
  author: z.string().trim().min(1).optional().catch(undefined),
  action: z.enum(REVISION_ACTIONS).exclude(['import']).optional().catch(undefined),
  page: formNumber(wholeNumber('page must be a whole number, 1 or more.', 1).optional()).catch(undefined),
});

const sentenceSchema = z.object({ n: formNumber(wholeNumber('The sentence number must be a whole number, 1 or more.', 1)) });

/** Beside the form's own refusals: a file of the wrong type, an article with too many segments. */
const IMPORT_REFUSALS = [...FORM_REFUSALS, 413, 415];

export interface ArticleRouteDependencies {
  articles: ArticleService;
  segments: SegmentService;
  /** The annotated MT shown in each review row (from src/annotations). */
  annotatedMt: RowAnnotations;
  /** Imports the form started in the background (the page shows their progress). */
  imports: ImportJobs;
  /** The batches that changed an article: the activity lists each as one entry. */
  batches: Pick<BatchService, 'activity'>;
  /** The QA findings shown in each review row (from src/findings). */
  rowFindings: RowFindings;
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
export function articleRoutes(
  { articles, segments, annotatedMt, imports, batches, rowFindings }: ArticleRouteDependencies,
  maxUploadBytes: number,
): Router {
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
  router.post('/articles', requireRole('admin'), ...upload, async (req, res) => {
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
          // What can be refused at once is refused before the import goes to the background.
          if (typeof request.text === 'string') checkArticleText(request.text);
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
    const filter = { status: query.status, withFindings: query.findings === 'open' };
    const review = articles.reviewPage(parseId(req.params.id, 'Article'), filter, query.page ?? 1);
    const annotated = annotatedMt(review.segments);
    const qa = rowFindings(review.segments);
    res.render('articles/review', {
      title: review.article.title,
      review,
      rows: review.segments.map((segment) => ({
        segment,
        diff: wordDiff(segment.mt, segment.text),
        annotated: annotated.get(segment.id),
        qa: qa.get(segment.id),
      })),
      returnTo: req.originalUrl,
    });
  });

  // "Go to sentence N" (the pager's field, and G then a number on the review page): the page that lists it, at its row.
  function goToSentence(res: Response, articleId: number, n: number) {
    const article = articles.get(articleId);
    const segment = segments.atSentence(article.id, n);
    if (!segment) {
      const total = segments.progress(article.id).total;
      throw new AppError(
        404,
        'not_found',
        `There is no sentence ${n}: “${article.title}” has ${total} ${total === 1 ? 'sentence' : 'sentences'}.`,
      );
    }
    res.redirect(303, reviewPath(segment));
  }

  router.get('/articles/:id/sentences/:n', (req, res) => {
    goToSentence(res, parseId(req.params.id, 'Article'), parseInput(sentenceSchema, { n: req.params.n }).n);
  });

  router.get('/articles/:id/sentences', (req, res) => {
    goToSentence(res, parseId(req.params.id, 'Article'), parseInput(sentenceSchema, req.query).n);
  });

  router.post('/articles/:id/delete', requireRole('admin'), async (req, res) => {
    await articles.delete(parseId(req.params.id, 'Article'), signedIn(res), req.ip);
    res.redirect(303, '/');
  });

  router.get('/articles/:id/activity', (req, res) => {
    const article = articles.get(parseId(req.params.id, 'Article'));
    const query = parseInput(activityQuerySchema, req.query);
    const filters = { author: query.author, action: query.action };
    const activity = segments.activity(article.id, filters, query.page ?? 1);
    // A batch is one entry (src/batches), placed by its time among this page's single changes.
    const { entries, pagination } = activity;
    const newest = pagination.page === 1 ? undefined : entries[0]?.createdAt;
    const oldest = pagination.page >= pagination.pageCount ? undefined : entries.at(-1)?.createdAt;
    const batchEntries = batches
      .activity(article.id)
      .filter(
        ({ batch }) =>
          (!filters.author || batch.author === filters.author) &&
          (!filters.action || batch.kind === filters.action) &&
          (newest === undefined || batch.createdAt <= newest) &&
          (oldest === undefined || batch.createdAt > oldest),
      );
    const timeOf = (entry: ActivityEntry | (typeof batchEntries)[number]) => ('batch' in entry ? entry.batch.createdAt : entry.createdAt);
    const href = (page: number) => {
      const params = new URLSearchParams();
      if (filters.author) params.set('author', filters.author);
      if (filters.action) params.set('action', filters.action);
      params.set('page', String(page));
      return `/articles/${article.id}/activity?${params.toString()}`;
    };
    res.render('articles/activity', {
      title: `Activity: ${article.title}`,
      article,
      ...activity,
      entries: [...entries, ...batchEntries].sort((a, b) => timeOf(b).localeCompare(timeOf(a))),
      filters,
      actions: REVISION_ACTIONS.filter((action) => action !== 'import'),
      href,
      diffOf: (entry: ActivityEntry) => (entry.previousText === null ? null : wordDiff(entry.previousText, entry.text)),
    });
  });

  return router;
}
