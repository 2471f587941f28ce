/**
 * Timings of the quality figures for `npm run bench`: computing HTER and chrF for a
 * whole article, building its report view model and rendering the report page.
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
  /** (a) HTER + chrF of every segment and the corpus scores, computed from scratch */
  metricsColdMs: number[];
  /** (a) the same through QualityService.metrics with its cache filled (the server's usual case) */
  metricsCachedMs: number[];
  /** (b) QualityService.report for the page as opened: figures, charts, the first page of segments' diffs */
  reportViewModelMs: number[];
  /** (b) that page rendered to HTML (EJS with its template cache, as with Express's "view cache") */
  reportHtmlMs: number[];
  reportHtmlBytes: number;
  /** the printable report: every segment's diff (view model + HTML) */
  printViewModelMs: number[];
  printHtmlMs: number[];
  printHtmlBytes: number;
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
  { articles, quality, findings }: Pick<Services, 'articles' | 'quality' | 'findings'>,
  articleId: number,
  runs = 5,
): QualityBenchResult {
  const segments = articles.segments(articleId);
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
      qaByCheck: findings.countsByCheck(articleId),
    });

  const metricsColdMs = time(runs, () => corpusScores(segments.map((segment) => segmentMetrics(segment.mt, segment.text))));
  quality.metrics(articleId, segments); // fills the cache
  const metricsCachedMs = time(runs, () => corpusScores([...quality.metrics(articleId, segments).values()]));
  const reportViewModelMs = time(runs, () => quality.report(articleId));
  const report = quality.report(articleId);
  const reportHtmlMs = time(runs, () => html(report));
  const printViewModelMs = time(runs, () => quality.report(articleId, { all: true }));
  const print = quality.report(articleId, { all: true });
  const printHtmlMs = time(runs, () => html(print));
  return {
    segments: segments.length,
    changedSegments: segments.filter((segment) => segment.text !== segment.mt).length,
    metricsColdMs,
    metricsCachedMs,
    reportViewModelMs,
    reportHtmlMs,
    reportHtmlBytes: Buffer.byteLength(html(report)),
    printViewModelMs,
    printHtmlMs,
    printHtmlBytes: Buffer.byteLength(html(print)),
  };
}
