import { Router } from 'express';
import { z } from 'zod';
import type { Services } from '../services';
import { parseId, parseInput } from '../web/validate';
import type { Article } from './model';
import { segmentJson } from '../segments/segmentJson';
import { requireRole, type Actor } from '../auth/roles';

const createArticleSchema = z.object({
  title: z.string().trim().max(300, 'A title can be at most 300 characters.').optional(),
  text: z.string({ error: 'text is required and must be a string.' }),
  format: z.enum(['text', 'markdown']).optional(),
});

function articleJson(services: Services, article: Article) {
  const progress = services.articles.progress(article.id);
  return {
    id: article.id,
    title: article.title,
    format: article.format,
    createdBy: article.createdBy,
    createdAt: article.createdAt,
    updatedAt: article.updatedAt,
    segmentCount: progress.total,
    statusCounts: progress.counts,
  };
}

/** The JSON API for articles (documented in the README). */
export function articleApi(services: Services): Router {
  const router = Router();

  router.get('/articles', (_req, res) => {
    res.json({ articles: services.articles.list().map((article) => articleJson(services, article)) });
  });

  router.post('/articles', requireRole('admin'), (req, res) => {
    const input = parseInput(createArticleSchema, req.body ?? {});
    const article = services.articles.importArticle({ ...input, author: (res.locals.actor as Actor).displayName });
    res.status(201).location(`/api/articles/${article.id}`).json({
      ...articleJson(services, article),
      segments: services.articles.segments(article.id).map(segmentJson),
    });
  });

  router.get('/articles/:id', (req, res) => {
    const article = services.articles.get(parseId(req.params.id, 'Article'));
    res.json({ ...articleJson(services, article), segments: services.articles.segments(article.id).map(segmentJson) });
  });

  router.delete('/articles/:id', requireRole('admin'), (req, res) => {
    const article = services.articles.delete(parseId(req.params.id, 'Article'), res.locals.actor as Actor, req.ip);
    res.json({ id: article.id, title: article.title, deleted: true });
  });

  return router;
}
