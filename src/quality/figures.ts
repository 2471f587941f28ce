/**
 * An article's quality figures from what is stored about it, without a database:
 * HTER and chrF from the summed statistics of its covered segments, the MQM score
 * from the annotation counts and the settings (weights apply at read time, so a
 * settings change needs no recount), effort from the summed editing time, and the
 * coverage and verdict that say how far the scores can be trusted.
 */
import type { Article } from '../articles/model';
import type { Annotation } from '../annotations/model';
import {
  MQM_CATEGORIES,
  SEVERITIES,
  annotationPenalty,
  categoryLabel,
  mqmScore,
  totalPenalty,
  type QualitySettings,
  type Severity,
} from '../annotations/mqm';
import { chrfScore } from '../metrics/chrf';
import { sentenceScores, type SegmentMetrics } from '../metrics/segmentMetrics';
import { terScore, type TerStats } from '../metrics/ter';
import { countWords } from '../metrics/whitespace';
import { isEvaluated, progressFrom, type Segment } from '../segments/model';
import { HTER_BUCKETS, isCovered, splitMqmKey } from '../stats/contribution';
import { statusCountsOf, type StoredFigures } from '../stats/articleStats';
import type { ArticleQuality, CategoryCounts, Coverage, SegmentQuality, Verdict } from './model';

const zeroBySeverity = (): Record<Severity, number> =>
  Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
const CATEGORY_ORDER: readonly string[] = MQM_CATEGORIES.map((category) => category.code);

/** The figures of an article from its stored sums (src/stats); one row, whatever the article's size. */
export function aggregateFigures(article: Article, stored: StoredFigures | undefined, settings: QualitySettings): ArticleQuality {
  const figures = stored?.figures;
  const counter = (name: keyof NonNullable<typeof figures>['counters']) => figures?.counters[name] ?? 0;
  const coverage: Coverage = {
    evaluatedSegments: counter('evaluatedSegments'),
    evaluatedWords: counter('evaluatedWords'),
    coveredSegments: counter('coveredSegments'),
    coveredWords: counter('coveredWords'),
    share: counter('evaluatedWords') > 0 ? counter('coveredWords') / counter('evaluatedWords') : null,
    required: settings.verdictCoverage / 100,
  };
  const edits: TerStats = {
    insertions: counter('terInsertions'),
    deletions: counter('terDeletions'),
    substitutions: counter('terSubstitutions'),
    shifts: counter('terShifts'),
    referenceWords: counter('terReferenceWords'),
    edits: counter('terInsertions') + counter('terDeletions') + counter('terSubstitutions') + counter('terShifts'),
  };
  const covered = coverage.coveredSegments > 0;

  const counts = [...(figures?.mqm ?? new Map<string, number>())].map(([key, count]) => {
    const { category, severity } = splitMqmKey(key);
    return { category, severity: severity as Severity, count };
  });
  const bySeverity = zeroBySeverity();
  const byCategory = new Map<string, CategoryCounts>();
  for (const entry of counts) {
    bySeverity[entry.severity] += entry.count;
    const category = byCategory.get(entry.category) ?? {
      code: entry.category,
      label: categoryLabel(entry.category),
      counts: zeroBySeverity(),
      total: 0,
      penalty: 0,
    };
    category.counts[entry.severity] += entry.count;
    category.total += entry.count;
    category.penalty += entry.count * annotationPenalty(entry, settings.weights);
    byCategory.set(entry.category, category);
  }
  const score = mqmScore(counts, coverage.coveredWords, settings);
  const rejected = counter('rejectedCount');
  const verdict = verdictOf(coverage, score.pass, rejected);

  const editingSeconds = counter('editingMs') / 1000;
  const progress = progressFrom(statusCountsOf(figures));
  return {
    article,
    progress,
    lastChange: stored && stored.lastChange > article.updatedAt ? stored.lastChange : article.updatedAt,
    settings,
    coverage,
    hter: covered ? terScore(edits) : null,
    chrf: covered ? chrfScore(figures!.chrf) : null,
    edits,
    mqm: {
      ...score,
      pass: verdict === 'pass' ? true : verdict === 'fail' ? false : null,
      bySeverity,
      byCategory: [...byCategory.values()].sort((a, b) => CATEGORY_ORDER.indexOf(a.code) - CATEGORY_ORDER.indexOf(b.code)),
      verdict,
      rejected,
    },
    effort: {
      editingSeconds,
      timedSegments: counter('timedSegments'),
      timedWords: counter('timedWords'),
      secondsPerWord: counter('timedWords') > 0 ? editingSeconds / counter('timedWords') : null,
      unchangedSegments: counter('unchangedSegments'),
      unchangedShare: covered ? counter('unchangedSegments') / coverage.coveredSegments : null,
    },
    hterBuckets: Array.from({ length: HTER_BUCKETS }, (_, bucket) => figures?.hterBuckets.get(bucket) ?? 0),
  };
}

/**
 * Nothing judged: not evaluated. Not enough judged: provisional, whatever the score says.
 * Then any rejected segment blocks a pass, and the score decides.
 */
export function verdictOf(coverage: Coverage, scorePasses: boolean | null, rejected: number): Verdict {
  if (coverage.coveredWords === 0 || scorePasses === null) return 'not-evaluated';
  if ((coverage.share ?? 0) < coverage.required) return 'provisional';
  if (rejected > 0) return 'fail';
  return scorePasses ? 'pass' : 'fail';
}

export interface SegmentRowsInput {
  /** a page of segments, in reading order */
  segments: readonly Segment[];
  metrics: ReadonlyMap<number, SegmentMetrics>;
  /** the annotations that count, by segment */
  annotations: ReadonlyMap<number, readonly Annotation[]>;
  /** Σ editing ms per segment */
  editingMs: ReadonlyMap<number, number>;
  settings: Pick<QualitySettings, 'weights'>;
}

/** The report's per-segment rows for a page of segments (the article's figures come from aggregateFigures). */
export function segmentRows({ segments, metrics, annotations, editingMs, settings }: SegmentRowsInput): SegmentQuality[] {
  return segments.map((segment): SegmentQuality => {
    const stats = metrics.get(segment.id);
    if (!stats) throw new Error(`No metrics for segment ${segment.id}`);
    const scores = sentenceScores(stats);
    const segmentAnnotations = annotations.get(segment.id) ?? [];
    const ms = editingMs.get(segment.id) ?? 0;
    return {
      segmentId: segment.id,
      position: segment.position,
      paragraph: segment.paragraph,
      kind: segment.kind,
      status: segment.status,
      evaluated: isEvaluated(segment),
      covered: isCovered(segment),
      mt: segment.mt,
      text: segment.text,
      changed: segment.text !== segment.mt,
      mtWords: countWords(segment.mt),
      ter: scores.ter,
      chrf: scores.chrf,
      edits: stats.ter,
      annotationCount: segmentAnnotations.length,
      mqmPenalty: totalPenalty(segmentAnnotations, settings.weights),
      editingSeconds: ms > 0 ? ms / 1000 : null,
    };
  });
}
