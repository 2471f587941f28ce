import { Router } from 'express';
import { requireRole, signedIn } from '../auth/roles';
import type { GroupCommit } from '../db/groupCommit';
import { listWindow } from '../web/fields';
import { parseId, parseInput } from '../web/validate';
import type { QualityService } from './qualityService';
import { overviewQuerySchema, settingsSchema } from './qualitySchemas';
import { qualityJson, segmentQualityJson } from './report';

/** Segments per answer of GET /api/articles/:id/quality (README): the whole of most articles, a page of a big one. */
export const QUALITY_SEGMENTS_DEFAULT = 1_000;
export const QUALITY_SEGMENTS_MAX = 5_000;
const segmentWindow = listWindow(QUALITY_SEGMENTS_DEFAULT, QUALITY_SEGMENTS_MAX);

/** The JSON API for quality figures and scoring settings (documented in the README). */
export function qualityApi(quality: QualityService, writes: GroupCommit): Router {
  const router = Router();
  const read = requireRole('editor');

  const settingsJson = () => {
    const { weights, passThreshold, verdictCoverage, updatedBy, updatedAt } = quality.settings();
    return { weights, passThreshold, verdictCoverage, updatedBy, updatedAt };
  };

  router.get('/articles/:id/quality', read, (req, res) => {
    const articleId = parseId(req.params.id, 'Article');
    const { offset, limit } = parseInput(segmentWindow, req.query);
    const figures = quality.articleQuality(articleId);
    const total = figures.progress.total;
    const next = offset + limit < total ? `/api/articles/${articleId}/quality?offset=${offset + limit}&limit=${limit}` : null;
    res.json({
      ...qualityJson(figures),
      segments: quality.segmentRows(articleId, offset, limit, figures.settings).map(segmentQualityJson),
      page: { offset, limit, total },
      links: { next },
    });
  });

  router.get('/quality/articles', read, (req, res) => {
    const { sort, dir } = parseInput(overviewQuerySchema, req.query);
    res.json({ sort, dir, articles: quality.overview(sort, dir) });
  });

  router.get('/quality/settings', read, (_req, res) => {
    res.json(settingsJson());
  });

  // The weights decide every article's pass or fail, so only an admin changes them.
  router.put('/quality/settings', requireRole('admin'), async (req, res) => {
    const input = parseInput(settingsSchema, req.body ?? {});
    const author = signedIn(res).displayName;
    await writes.run(() => quality.updateSettings(input, author));
    res.json(settingsJson());
  });

  return router;
}
