import { Router } from 'express';
import { z } from 'zod';
import { requireRole, signedIn } from '../auth/roles';
import type { SegmentFindings } from '../segments/model';
import { segmentsJson } from '../segments/segmentJson';
import { parseId, parseInput } from '../web/validate';
import { TITLE_MAX, type ArticleService } from './articleService';
import type { Article, ArticleSummary } from './model';

const createArticleSchema = z.object({
  title: z.string().trim().max(TITLE_MAX, `A title can be at most ${TITLE_MAX} characters.`).optional(),
  text: z.string({ error: 'text is required and must be a string.' }),
  format: z.enum(['text', 'markdown']).optional(),
});

/** The JSON API for articles (documented in the README). `findingsOf` gives each segment its QA findings (src/findings). */
export function articleApi(articles: ArticleService, findingsOf: SegmentFindings): Router {
  const router = Router();

  /** An article as JSON, with how many of its segments are in each status. */
  const articleJson = (article: Article, { total, counts }: Pick<ArticleSummary, 'total' | 'counts'> = articles.progress(article.id)) => ({
    id: article.id,
    title: article.title,
    format: article.format,
    createdBy: article.createdBy,
    createdAt: article.createdAt,
    updatedAt: article.updatedAt,
    segmentCount: total,
    statusCounts: counts,
  });

  router.get('/articles', (_req, res) => {
    // The list already carries each article's counts: one query for all of them, not one per article.
    res.json({ articles: articles.list().map((summary) => articleJson(summary, summary)) });
  });

  router.post('/articles', requireRole('admin'), (req, res) => {
    const input = parseInput(createArticleSchema, req.body ?? {});
    const article = articles.importArticle({ ...input, author: signedIn(res).displayName });
    res
      .status(201)
      .location(`/api/articles/${article.id}`)
      .json({ ...articleJson(article), segments: segmentsJson(articles.segments(article.id), findingsOf) });
  });

  router.get('/articles/:id', (req, res) => {
    const article = articles.get(parseId(req.params.id, 'Article'));
    res.json({ ...articleJson(article), segments: segmentsJson(articles.segments(article.id), findingsOf) });
  });

  router.delete('/articles/:id', requireRole('admin'), (req, res) => {
    const article = articles.delete(parseId(req.params.id, 'Article'), signedIn(res), req.ip);
    res.json({ id: article.id, title: article.title, deleted: true });
  });

  return router;
}
