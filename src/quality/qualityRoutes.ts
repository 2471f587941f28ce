import ejs from 'ejs';
import fs from 'node:fs';
import path from 'node:path';
import { Router, type Response } from 'express';
import { SEVERITIES } from '../annotations/mqm';
import { requireRole, signedIn } from '../auth/roles';
import type { GroupCommit } from '../db/groupCommit';
import { AppError } from '../errors';
import { viewsDir } from '../paths';
import { submitForm } from '../web/forms';
import { sendInChunks } from '../web/stream';
import { parseId, parseInput } from '../web/validate';
import { csvLines } from './csv';
import { OVERVIEW_SORTS, type ArticleQuality } from './model';
import type { QualityService } from './qualityService';
import { overviewQuerySchema, reportQuery, settingsFormSchema } from './qualitySchemas';
import { CSV_HEADER, csvRows, qualityJson, reportRows, segmentQualityJson } from './report';

/** The printable report lists every segment on one page; above this many, it is the CSV or the paged report. */
export const PRINT_MAX = 10_000;

/** Where the printable report's rows go into its page; they are sent in steps (see printable()). */
const ROWS_MARKER = '<!-- redline:rows -->';
const rowTemplatePath = path.join(viewsDir, 'quality', '_report_row.ejs');
const renderRow = ejs.compile(fs.readFileSync(rowTemplatePath, 'utf8'), { filename: rowTemplatePath, cache: true });

export interface QualityRouteDependencies {
  quality: QualityService;
  writes: GroupCommit;
  /** The article's QA findings counted per check (src/findings), for the report's "QA findings by check". */
  findingsByCheck: (articleId: number) => readonly { check: string; title: string; open: number; dismissed: number }[];
}

/** Browser pages: the report (and its downloads), the overview and the settings. */
export function qualityRoutes({ quality, writes, findingsByCheck }: QualityRouteDependencies): Router {
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
      // Not "settings": that local is Express's own (EJS reads 'view cache' from it; shadowed, every template recompiled per request).
      scoring: quality.settings(),
    });
  });

  const renderSettings = (res: Response, state: { saved?: boolean; error?: string; values?: unknown }, status = 200) =>
    res.status(status).render('quality/settings', {
      title: 'Quality settings',
      scoring: quality.settings(),
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
      async () => {
        const { passThreshold, verdictCoverage, ...weights } = parseInput(settingsFormSchema, req.body ?? {});
        const author = signedIn(res).displayName;
        await writes.run(() => quality.updateSettings({ weights, passThreshold, verdictCoverage }, author));
        res.redirect(303, '/quality/settings?saved=1');
      },
      (error) => renderSettings(res, { error: error.message, values: req.body as unknown }, error.status),
    );
  });

  router.get('/articles/:id/quality', read, async (req, res) => {
    const articleId = parseId(req.params.id, 'Article');
    const { format: download, page, all } = parseInput(reportQuery, req.query);
    if (download) {
      const figures = quality.articleQuality(articleId);
      res
        .type(download === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
        .attachment(`quality-${figures.article.id}.${download}`);
      return sendInChunks(res, download === 'csv' ? csvFile(quality, figures) : jsonFile(quality, figures));
    }
    if (all) return printable(res, quality, articleId, findingsByCheck(articleId));
    const report = quality.report(articleId, page ?? 1);
    res.render('quality/report', {
      title: `Quality: ${report.quality.article.title}`,
      report,
      severities: SEVERITIES,
      printMax: PRINT_MAX,
      qaByCheck: findingsByCheck(articleId),
    });
  });

  return router;
}

/** The CSV download: the header, then the rows in steps. */
async function* csvFile(quality: QualityService, figures: ArticleQuality): AsyncGenerator<string> {
  yield csvLines([CSV_HEADER]);
  for await (const rows of quality.allSegmentRows(figures.article.id, figures.settings)) yield csvRows(rows);
}

/** The JSON download: the API's body with every segment (no paging), written in steps. */
async function* jsonFile(quality: QualityService, figures: ArticleQuality): AsyncGenerator<string> {
  const head = JSON.stringify(qualityJson(figures), null, 2);
  yield `${head.slice(0, head.lastIndexOf('}')).trimEnd()},\n  "segments": [`;
  let first = true;
  for await (const rows of quality.allSegmentRows(figures.article.id, figures.settings)) {
    yield rows.map((row) => `${first ? ((first = false), '\n    ') : ',\n    '}${JSON.stringify(segmentQualityJson(row))}`).join('');
  }
  yield '\n  ]\n}\n';
}

/**
 * The printable report: every segment's tracked changes on one page. The page around the
 * rows is rendered once, then the rows follow in steps of ROWS_PER_STEP, each with its
 * word diff, so that a long article never holds the server for long.
 */
async function printable(
  res: Response,
  quality: QualityService,
  articleId: number,
  qaByCheck: ReturnType<QualityRouteDependencies['findingsByCheck']>,
): Promise<void> {
  const figures = quality.articleQuality(articleId);
  if (figures.progress.total > PRINT_MAX) {
    throw new AppError(
      422,
      'too_many_to_print',
      `The printable report lists at most ${PRINT_MAX.toLocaleString('en-US')} segments; this article has ${figures.progress.total.toLocaleString('en-US')}. ` +
        'Page through the report or download the CSV.',
    );
  }
  const page = await new Promise<string>((resolve, reject) =>
    res.render(
      'quality/report',
      {
        title: `Quality: ${figures.article.title}`,
        report: quality.report(articleId, 1, false),
        severities: SEVERITIES,
        printMax: PRINT_MAX,
        printAll: true,
        rowsMarker: ROWS_MARKER,
        qaByCheck,
      },
      (error, html) => (error ? reject(error) : resolve(html)),
    ),
  );
  const [before, after] = page.split(ROWS_MARKER) as [string, string];
  const locals = { ...res.app.locals, ...res.locals };
  res.type('html');
  await sendInChunks(
    res,
    (async function* () {
      yield before;
      for await (const rows of quality.allSegmentRows(articleId, figures.settings)) {
        const annotations = quality.annotationsOf(rows.map((row) => row.segmentId));
        yield reportRows(rows, annotations)
          .map((row) => renderRow({ ...locals, row }))
          .join('');
      }
      yield after;
    })(),
  );
}
