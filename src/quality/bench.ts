/**
 * Timings of the quality figures for `npm run bench`: computing HTER and chrF for a
 * whole article, building its report view model and rendering the report page.
 * Each is measured `runs` times; the median and the range are returned in ms.
 */
import ejs from 'ejs';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Actor } from '../auth/roles';
import type { Db } from '../db/database';
import { ArticleRepository } from '../articles/articleRepository';
import { SegmentService } from '../segments/segmentService';
import { viewsDir } from '../paths';
import { format } from './format';
import { corpusScores, segmentMetrics } from './metrics';
import { SEVERITIES } from './mqm';
import { QualityService } from './qualityService';

export interface Timing {
  median: number;
  min: number;
  max: number;
  /** every run, in ms, in the order measured (for src/bench/report.ts rows) */
  samples: number[];
}

export interface QualityBenchResult {
  segments: number;
  changedSegments: number;
  /** (a) HTER + chrF of every segment and the corpus scores, computed from scratch */
  metricsColdMs: Timing;
  /** (a) the same through QualityService.metrics with its cache filled (the server's usual case) */
  metricsCachedMs: Timing;
  /** (b) QualityService.report for the page as opened: figures, charts, the first 100 segments' diffs */
  reportViewModelMs: Timing;
  /** (b) that page rendered to HTML (EJS with its template cache, as with Express's "view cache") */
  reportHtmlMs: Timing;
  reportHtmlBytes: number;
  /** the printable report: every segment's diff (view model + HTML) */
  printViewModelMs: Timing;
  printHtmlMs: Timing;
  printHtmlBytes: number;
}

function time(runs: number, task: () => unknown): Timing {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    task();
    samples.push(performance.now() - started);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { median: round(median), min: round(sorted[0]!), max: round(sorted[sorted.length - 1]!), samples };
}

export function benchQuality(db: Db, articleId: number, runs = 5): QualityBenchResult {
  const quality = new QualityService(db);
  const segments = new ArticleRepository(db).segments(articleId);
  const template = path.join(viewsDir, 'quality', 'report.ejs');
  // cache: includes (the diff partial of every row) are compiled once, as Express does with "view cache" on.
  const render = ejs.compile(fs.readFileSync(template, 'utf8'), { filename: template, cache: true });
  const html = (report: ReturnType<QualityService['report']>) =>
    render({ title: `Quality: ${report.quality.article.title}`, report, severities: SEVERITIES, format });

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

/**
 * Gives the benchmark article realistic corrections: every `every`-th sentence gets a
 * word replaced, one dropped and two moved, saved as the given actor through the
 * normal service, all in one transaction (one commit, not thousands).
 */
export function correctForBench(db: Db, articleId: number, actor: Actor, every = 2): number {
  const segmentService = new SegmentService(db);
  const segments = new ArticleRepository(db).segments(articleId).filter((segment) => segment.kind === 'sentence');
  let changed = 0;
  db.transaction(() => {
    segments.forEach((segment, index) => {
      if (index % every !== 0) return;
      const words = segment.mt.split(' ');
      if (words.length < 6) return;
      words[2] = 'reportedly';
      words.splice(words.length - 2, 1);
      words.push(...words.splice(1, 2));
      segmentService.change(segment.id, { version: segment.version, text: words.join(' '), actor });
      changed++;
    });
  })();
  return changed;
}
