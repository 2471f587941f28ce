import { Router, type Response } from 'express';
import type { ArticleService } from '../articles/articleService';
import { SEVERITIES } from '../annotations/mqm';
import { requireRole, signedIn } from '../auth/roles';
import { submitForm } from '../web/forms';
import { parseId, parseInput } from '../web/validate';
import { OVERVIEW_SORTS } from './model';
import type { QualityService } from './qualityService';
import { overviewQuerySchema, reportQuery, settingsFormSchema } from './qualitySchemas';
import { qualityJson, reportCsv } from './report';

export interface QualityRouteDependencies {
  quality: QualityService;
  articles: ArticleService;
  /** The article's QA findings counted per check (src/findings), for the report's "QA findings by check". */
  findingsByCheck: (articleId: number) => readonly { check: string; title: string; open: number; dismissed: number }[];
}

/** Browser pages: the report (and its downloads), the overview and the settings. */
export function qualityRoutes({ quality, articles, findingsByCheck }: QualityRouteDependencies): Router {
  const router = Router();
  const read = requireRole('editor');

  router.get('/quality', read, (req, res) => {
    const { sort, dir } = parseInput(overviewQuerySchema, req.query);
    res.render('quality/overview', {
      title: 'Quality',
      rows: quality.overview(sort, dir),
      sort,
      dir,
      sorts: OVERVIEW_SORTS,
      settingsThreshold: quality.settings().passThreshold,
    });
  });

  const renderSettings = (res: Response, state: { saved?: boolean; error?: string; values?: unknown }, status = 200) =>
    res.status(status).render('quality/settings', {
      title: 'Quality settings',
      settings: quality.settings(),
      saved: false,
      error: undefined,
      values: undefined,
      ...state,
    });

  router.get('/quality/settings', read, (req, res) => {
    renderSettings(res, { saved: req.query.saved === '1' });
  });

  router.post('/quality/settings', requireRole('admin'), async (req, res) => {
    await submitForm(
      req,
      () => {
        const { passThreshold, ...weights } = parseInput(settingsFormSchema, req.body ?? {});
        quality.updateSettings({ weights, passThreshold }, signedIn(res).displayName);
        res.redirect(303, '/quality/settings?saved=1');
      },
      (error) => renderSettings(res, { error: error.message, values: req.body as unknown }, error.status),
    );
  });

  router.get('/articles/:id/quality', read, (req, res) => {
    const articleId = parseId(req.params.id, 'Article');
    const { format: download, page, all } = parseInput(reportQuery, req.query);
    if (download) {
      const article = articles.get(articleId);
      const figures = quality.articleQuality(articleId);
      const fileName = `quality-${article.id}.${download}`;
      if (download === 'csv') res.type('text/csv; charset=utf-8').attachment(fileName).send(reportCsv(figures));
      else
        res
          .type('application/json; charset=utf-8')
          .attachment(fileName)
          .send(JSON.stringify(qualityJson(figures), null, 2) + '\n');
      return;
    }
    const report = quality.report(articleId, { page, all: all === '1' });
    res.render('quality/report', {
      title: `Quality: ${report.quality.article.title}`,
      report,
      severities: SEVERITIES,
      qaByCheck: findingsByCheck(articleId),
    });
  });

  return router;
}
