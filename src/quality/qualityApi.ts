import { Router } from 'express';
import { requireRole, signedIn } from '../auth/roles';
import { parseId, parseInput } from '../web/validate';
import type { QualityService } from './qualityService';
import { overviewQuerySchema, settingsSchema } from './qualitySchemas';
import { qualityJson } from './report';

/** The JSON API for quality figures and scoring settings (documented in the README). */
export function qualityApi(quality: QualityService): Router {
  const router = Router();
  const read = requireRole('editor');

  const settingsJson = () => {
    const { weights, passThreshold, updatedBy, updatedAt } = quality.settings();
    return { weights, passThreshold, updatedBy, updatedAt };
  };

  router.get('/articles/:id/quality', read, (req, res) => {
    res.json(qualityJson(quality.articleQuality(parseId(req.params.id, 'Article'))));
  });

  router.get('/quality/articles', read, (req, res) => {
    const { sort, dir } = parseInput(overviewQuerySchema, req.query);
    res.json({ sort, dir, articles: quality.overview(sort, dir) });
  });

  router.get('/quality/settings', read, (_req, res) => {
    res.json(settingsJson());
  });

  // The weights decide every article's pass or fail, so only an admin changes them.
  router.put('/quality/settings', requireRole('admin'), (req, res) => {
    const input = parseInput(settingsSchema, req.body ?? {});
    quality.updateSettings(input, signedIn(res).displayName);
    res.json(settingsJson());
  });

  return router;
}
