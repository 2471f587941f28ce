import { Router } from 'express';
import { parseInput } from '../web/validate';
import type { SearchService } from './searchService';
import { queryOf, searchApiQuery } from './searchSchemas';

/** GET /api/search (documented in the README). */
export function searchApi(search: SearchService): Router {
  const router = Router();
  router.get('/search', async (req, res) => {
    const input = parseInput(searchApiQuery, req.query);
    const found = await search.search(queryOf(input, input.limit, input.offset));
    res.json({
      total: found.total,
      totalCapped: found.totalCapped,
      limit: input.limit,
      offset: input.offset,
      results: found.results.map((hit) => ({
        segmentId: hit.segmentId,
        articleId: hit.articleId,
        articleTitle: hit.articleTitle,
        position: hit.position,
        paragraph: hit.paragraph,
        status: hit.status,
        mt: hit.mt,
        text: hit.text,
        updatedBy: hit.updatedBy,
      })),
    });
  });
  return router;
}
