/**
 * Timings of the quality figures for `npm run bench`: computing HTER and chrF for a
 * whole article (a recount), building its report view model and rendering the report page.
 * Each is measured `runs` times; every sample is returned, in ms, in the order measured.
 */
import ejs from 'ejs';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { viewLocals } from '../app';
import { SEVERITIES } from '../annotations/mqm';
import { corpusScores, segmentMetrics } from '../metrics/segmentMetrics';
import { viewsDir } from '../paths';
import type { Services } from '../services';

export interface QualityBenchResult {
  segments: number;
  changedSegments: number;
  /** (a) HTER + chrF of every segment and the corpus scores, computed from scratch (what a report cost before stored figures) */
  metricsColdMs: number[];
  /** (a) `redline recount` of the article: its stored figures rebuilt from the segments, the metrics cache filled */
  recountMs: number[];
  /** (b) QualityService.report for the page as opened: stored figures, charts, the first page of segments' diffs */
  reportViewModelMs: number[];
  /** (b) that page rendered to HTML (EJS with its template cache, as with Express's "view cache") */
  reportHtmlMs: number[];
  reportHtmlBytes: number;
}

function time(runs: number, task: () => unknown): number[] {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    task();
    samples.push(performance.now() - started);
  }
  return samples;
}

export function benchQuality(
  { quality, segments: segmentService, stats, findings }: Pick<Services, 'quality' | 'segments' | 'stats' | 'findings'>,
  articleId: number,
  runs = 5,
): QualityBenchResult {
  const total = segmentService.progress(articleId).total;
  const segments = segmentService.page(articleId, {}, { offset: 0, limit: total });
  const template = path.join(viewsDir, 'quality', 'report.ejs');
  // cache: includes (the diff partial of every row) are compiled once, as Express does with "view cache" on.
  const render = ejs.compile(fs.readFileSync(template, 'utf8'), { filename: template, cache: true });
  // The page as the app renders it: what app.locals and res.locals give every template.
  const pageLocals = { ...viewLocals, can: { review: true, annotate: true, admin: false }, csrfToken: '' };
  const html = (report: ReturnType<Services['quality']['report']>) =>
    render({
      ...pageLocals,
      title: `Quality: ${report.quality.article.title}`,
      report,
      severities: SEVERITIES,
      printMax: 0,
      qaByCheck: findings.countsByCheck(articleId),
    });

  const metricsColdMs = time(runs, () => corpusScores(segments.map((segment) => segmentMetrics(segment.mt, segment.text))));
  const recountMs = time(runs, () => stats.recount(articleId));
  const reportViewModelMs = time(runs, () => quality.report(articleId));
  const report = quality.report(articleId);
  const reportHtmlMs = time(runs, () => html(report));
  return {
    segments: segments.length,
    changedSegments: segments.filter((segment) => segment.text !== segment.mt).length,
    metricsColdMs,
    recountMs,
    reportViewModelMs,
    reportHtmlMs,
    reportHtmlBytes: Buffer.byteLength(html(report)),
  };
}
