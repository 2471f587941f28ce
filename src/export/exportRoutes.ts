import { Router, type Response } from 'express';
import { z } from 'zod';
import { parseId, parseInput } from '../web/validate';
import { EXPORT_FORMATS, exportArticle, type ExportDependencies, type ExportFormat } from './exportService';

const formatSchema = z.object({
  format: z.enum(EXPORT_FORMATS, { error: `format must be one of ${EXPORT_FORMATS.join(', ')}.` }).default('txt'),
});

function download(services: ExportDependencies, articleId: number, format: ExportFormat, res: Response) {
  const file = exportArticle(services, format, articleId);
  res.type(file.contentType).attachment(file.fileName).send(file.body);
}

/** The export page and the downloads, for browsers and the API. */
export function exportRoutes(services: ExportDependencies): Router {
  const router = Router();

  router.get('/articles/:id/export', (req, res) => {
    const articleId = parseId(req.params.id, 'Article');
    if (req.query.format !== undefined) return download(services, articleId, parseInput(formatSchema, req.query).format, res);
    const article = services.articles.get(articleId);
    const progress = services.articles.progress(article.id);
    res.render('export/page', { title: `Export: ${article.title}`, article, progress, formats: EXPORT_FORMATS });
  });

  return router;
}

export function exportApi(services: ExportDependencies): Router {
  const router = Router();
  router.get('/articles/:id/export', (req, res) => {
    download(services, parseId(req.params.id, 'Article'), parseInput(formatSchema, req.query).format, res);
  });
  return router;
}
