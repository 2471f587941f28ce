import { Router, type Response } from 'express';
import { z } from 'zod';
import { sendInChunks } from '../web/stream';
import { parseId, parseInput } from '../web/validate';
import type { Article } from '../articles/model';
import { EXPORT_FORMATS, exportArticle, type ExportDependencies, type ExportFormat } from './exportService';
import { PE_FORMATS, peDataChunks } from './interchangeExport';

const formatSchema = z.object({
  format: z.enum(EXPORT_FORMATS, { error: `format must be one of ${EXPORT_FORMATS.join(', ')}.` }).default('txt'),
});

function download(services: ExportDependencies, articleId: number, format: ExportFormat, res: Response): Promise<void> {
  const file = exportArticle(services, format, articleId);
  // attachment() sets a type from the extension (octet-stream for .tmx, .jsonl): the format's own type goes after it.
  res.attachment(file.fileName).type(file.contentType);
  return sendInChunks(res, file.chunks);
}

const peDataSchema = z.object({
  format: z.enum(PE_FORMATS, { error: `format must be one of ${PE_FORMATS.join(', ')}.` }).default('jsonl'),
  articles: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'articles must be article ids separated by commas, e.g. 1,2,5.')
    .transform((list) => [...new Set(list.split(',').map(Number))])
    .optional(),
});

/** The formats the export page offers an article: TMX needs a source; a second XLIFF link only when the first is the imported file. */
function formatsFor(article: Article): ExportFormat[] {
  return EXPORT_FORMATS.filter(
    (format) => (format !== 'tmx' || article.sourceLanguage !== null) && (format !== 'xliff2' || article.format === 'xliff'),
  );
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
    res.render('export/page', { title: `Export: ${article.title}`, article, progress, rejected, formats: formatsFor(article) });
  });

  return router;
}

export function exportApi(services: ExportDependencies): Router {
  const router = Router();
  router.get('/articles/:id/export', async (req, res) => {
    await download(services, parseId(req.params.id, 'Article'), parseInput(formatSchema, req.query).format, res);
  });

  // Post-editing data across articles (all of them unless `articles` lists some), for MT teams (README).
  router.get('/pe-data', async (req, res) => {
    const query = parseInput(peDataSchema, req.query);
    const ids = query.articles ?? services.articles.ids();
    const chunks = peDataChunks(services, ids, query.format);
    // The first piece checks every article (404 for an unknown one) before anything is sent.
    const first = await chunks.next();
    res
      .attachment(`redline-post-editing.${query.format}`)
      .type(query.format === 'jsonl' ? 'application/jsonl; charset=utf-8' : 'text/tab-separated-values; charset=utf-8');
    await sendInChunks(
      res,
      (async function* () {
        if (!first.done) yield first.value;
        yield* chunks;
      })(),
    );
  });
  return router;
}
