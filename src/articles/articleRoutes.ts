import { Router } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { verifyCsrf } from '../auth/authenticate';
import { requireRole, signedIn } from '../auth/roles';
import { wordDiff } from '../diff/wordDiff';
import { AppError } from '../errors';
import { REVIEW_STATUSES, type RowAnnotations, type RowFindings } from '../segments/model';
import type { SegmentService } from '../segments/segmentService';
import { formNumber, wholeNumber } from '../web/fields';
import { FORM_REFUSALS, submitForm } from '../web/forms';
import { parseId, parseInput } from '../web/validate';
import { TITLE_MAX, type ArticleService } from './articleService';
import { decodeUpload } from './textInput';

const importFormSchema = z.object({
  title: z.string().trim().max(TITLE_MAX, `A title can be at most ${TITLE_MAX} characters.`).optional(),
  text: z.string().optional(),
});

const reviewQuerySchema = z.object({
  status: z.enum(REVIEW_STATUSES).optional().catch(undefined),
  page: formNumber(wholeNumber('page must be a whole number, 1 or more.', 1).optional()).catch(undefined),
  /** "has QA findings": only sentences with open findings. */
  findings: z.literal('open').optional().catch(undefined),
});

const UPLOAD_EXTENSIONS = /\.(txt|text|md|markdown)$/i;
/** Beside the form's own refusals: a file of the wrong type. */
const IMPORT_REFUSALS = [...FORM_REFUSALS, 415];

export interface ArticleRouteDependencies {
  articles: ArticleService;
  segments: SegmentService;
  /** The annotated MT shown in each review row (from src/annotations). */
  annotatedMt: RowAnnotations;
  /** The QA findings shown in each review row (from src/findings). */
  rowFindings: RowFindings;
}

/** Browser pages for articles: the list, the import form, the review page and the activity. */
export function articleRoutes({ articles, segments, annotatedMt, rowFindings }: ArticleRouteDependencies, maxUploadBytes: number): Router {
  const router = Router();
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: maxUploadBytes, fieldSize: maxUploadBytes, files: 1 } });

  router.get('/', (_req, res) => {
    res.render('articles/index', { title: 'Articles', articles: articles.list() });
  });

  router.get('/articles/new', requireRole('admin'), (_req, res) => {
    res.render('articles/new', { title: 'Import an article', error: undefined, values: {} });
  });

  router.post('/articles', requireRole('admin'), upload.single('file'), async (req, res) => {
    verifyCsrf(req, res); // multipart bodies are only readable after multer
    const body = (req.body ?? {}) as Record<string, unknown>;
    // Re-show the form with what was typed, so a pasted article is not lost.
    const values = { title: typeof body.title === 'string' ? body.title : '', text: typeof body.text === 'string' ? body.text : '' };
    await submitForm(
      req,
      () => {
        const input = parseInput(importFormSchema, body);
        let text = input.text ?? '';
        let fileName: string | undefined;
        if (req.file && req.file.size > 0) {
          if (!UPLOAD_EXTENSIONS.test(req.file.originalname))
            throw new AppError(415, 'unsupported_file_type', 'Upload a plain text (.txt) or Markdown (.md) file.');
          text = decodeUpload(req.file.buffer);
          fileName = req.file.originalname;
        }
        const article = articles.importArticle({ text, title: input.title, fileName, author: signedIn(res).displayName });
        res.redirect(303, `/articles/${article.id}`);
      },
      (error) => res.status(error.status).render('articles/new', { title: 'Import an article', error: error.message, values }),
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

  router.post('/articles/:id/delete', requireRole('admin'), (req, res) => {
    articles.delete(parseId(req.params.id, 'Article'), signedIn(res), req.ip);
    res.redirect(303, '/');
  });

  router.get('/articles/:id/activity', (req, res) => {
    const article = articles.get(parseId(req.params.id, 'Article'));
    res.render('articles/activity', { title: `Activity: ${article.title}`, article, entries: segments.activity(article.id) });
  });

  return router;
}
