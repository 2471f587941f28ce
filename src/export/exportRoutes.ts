import { Router, type Response } from 'express';
import { z } from 'zod';
import { sendInChunks } from '../web/stream';
import { parseId, parseInput } from '../web/validate';
import { EXPORT_FORMATS, exportArticle, type ExportDependencies, type ExportFormat } from './exportService';

const formatSchema = z.object({
  format: z.enum(EXPORT_FORMATS, { error: `format must be one of ${EXPORT_FORMATS.join(', ')}.` }).default('txt'),
});

function download(services: ExportDependencies, articleId: number, format: ExportFormat, res: Response): Promise<void> {
  const file = exportArticle(services, format, articleId);
  res.type(file.contentType).attachment(file.fileName);
  return sendInChunks(res, file.chunks);
}

/** The export page names at most this many rejected sentences (and counts them all). */
const REJECTED_LISTED = 20;

/** The export page and the downloads, for browsers and the API. */
export function exportRoutes(services: ExportDependencies): Router {
  const router = Router();

  router.get('/articles/:id/export', async (req, res) => {
    const articleId = parseId(req.params.id, 'Article');
    if (req.query.format !== undefined) return download(services, articleId, parseInput(formatSchema, req.query).format, res);
    const article = services.articles.get(articleId);
    const progress = services.articles.progress(article.id);
    // Rejected sentences are named one by one: the export still carries their (rejected) text.
    const rejected = services.segments.page(article.id, { status: 'rejected' }, { offset: 0, limit: REJECTED_LISTED });
    res.render('export/page', { title: `Export: ${article.title}`, article, progress, rejected, formats: EXPORT_FORMATS });
  });

  return router;
}

export function exportApi(services: ExportDependencies): Router {
  const router = Router();
  router.get('/articles/:id/export', async (req, res) => {
    await download(services, parseId(req.params.id, 'Article'), parseInput(formatSchema, req.query).format, res);
  });
  return router;
}
