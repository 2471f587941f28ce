import { Router } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { AppError } from '../errors';
import type { Services } from '../services';
import { wordDiff } from '../diff/wordDiff';
import { parseId, parseInput } from '../web/validate';
import { REVIEW_STATUSES } from './model';
import { decodeUpload } from './textInput';
import { requireRole, type Actor } from '../auth/roles';
import { verifyCsrf } from '../auth/authenticate';

const importFormSchema = z.object({
  title: z.string().trim().max(300, 'A title can be at most 300 characters.').optional(),
  text: z.string().optional(),
});

const reviewQuerySchema = z.object({
  status: z.enum(REVIEW_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
});

const UPLOAD_EXTENSIONS = /\.(txt|text|md|markdown)$/i;

/** Browser pages for articles: the list, the import form and the review page. */
export function articleRoutes(services: Services, maxUploadBytes: number): Router {
  const router = Router();
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: maxUploadBytes, fieldSize: maxUploadBytes, files: 1 } });

  router.get('/', (_req, res) => {
    res.render('articles/index', { title: 'Articles', articles: services.articles.list() });
  });

  router.get('/articles/new', requireRole('admin'), (_req, res) => {
    res.render('articles/new', { title: 'Import an article', error: undefined, values: {} });
  });

  router.post('/articles', requireRole('admin'), upload.single('file'), (req, res) => {
    verifyCsrf(req, res); // multipart bodies are only readable after multer
    const values = { title: typeof req.body?.title === 'string' ? req.body.title : '', text: typeof req.body?.text === 'string' ? req.body.text : '' };
    try {
      const input = parseInput(importFormSchema, req.body ?? {});
      let text = input.text ?? '';
      let fileName: string | undefined;
      if (req.file && req.file.size > 0) {
        if (!UPLOAD_EXTENSIONS.test(req.file.originalname)) {
          throw new AppError(415, 'unsupported_file_type', 'Upload a plain text (.txt) or Markdown (.md) file.');
        }
        text = decodeUpload(req.file.buffer);
        fileName = req.file.originalname;
      }
      const article = services.articles.importArticle({ text, title: input.title, fileName, author: (res.locals.actor as Actor).displayName });
      res.redirect(303, `/articles/${article.id}`);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      // Re-show the form with what was typed, so a pasted article is not lost.
      res.status(error.status).render('articles/new', { title: 'Import an article', error: error.message, values });
    }
  });

  router.get('/articles/:id', (req, res) => {
    const query = parseInput(reviewQuerySchema, req.query);
    const review = services.articles.reviewPage(parseId(req.params.id, 'Article'), query.status, query.page ?? 1);
    const annotated = services.quality.annotatedMt(review.segments);
    res.render('articles/review', {
      title: review.article.title,
      review,
      rows: review.segments.map((segment) => ({ segment, diff: wordDiff(segment.mt, segment.text), annotated: annotated.get(segment.id) })),
      returnTo: req.originalUrl,
    });
  });

  router.post('/articles/:id/delete', requireRole('admin'), (req, res) => {
    services.articles.delete(parseId(req.params.id, 'Article'), res.locals.actor as Actor, req.ip);
    res.redirect(303, '/');
  });

  router.get('/articles/:id/activity', (req, res) => {
    const article = services.articles.get(parseId(req.params.id, 'Article'));
    const entries = services.segments.activity(article.id);
    res.render('articles/activity', { title: `Activity: ${article.title}`, article, entries });
  });

  return router;
}
