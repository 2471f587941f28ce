/**
 * An article's quality figures from what is stored about it, without a database:
 * HTER and chrF from the segments' metric statistics, the MQM score from the
 * annotations and settings, effort from the measured editing time.
 */
import type { Article } from '../articles/model';
import type { Annotation } from '../annotations/model';
import { isEvaluated } from '../annotations/model';
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
import { corpusScores, sentenceScores, type SegmentMetrics } from '../metrics/segmentMetrics';
import { sumTerStats } from '../metrics/ter';
import { countWords } from '../metrics/whitespace';
import { emptyCounts, progressFrom, type Segment } from '../segments/model';
import type { ArticleQuality, CategoryCounts, SegmentQuality } from './model';

export interface FiguresInput {
  article: Article;
  /** every segment, in reading order */
  segments: readonly Segment[];
  /** the TER and chrF statistics of every segment */
  metrics: ReadonlyMap<number, SegmentMetrics>;
  /** the annotations that count */
  annotations: readonly Annotation[];
  /** measured editing seconds per segment; unmeasured segments are absent */
  editingSeconds: ReadonlyMap<number, number>;
  /** the latest change to the article's annotations, if any */
  lastAnnotationChange: string | undefined;
  settings: QualitySettings;
}

const zeroBySeverity = (): Record<Severity, number> =>
  Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
const CATEGORY_ORDER: readonly string[] = MQM_CATEGORIES.map((category) => category.code);

export function aggregateFigures({
  article,
  segments,
  metrics,
  annotations,
  editingSeconds,
  lastAnnotationChange,
  settings,
}: FiguresInput): ArticleQuality {
  const annotationsBySegment = new Map<number, Annotation[]>();
  for (const annotation of annotations) {
    const list = annotationsBySegment.get(annotation.segmentId);
    if (list) list.push(annotation);
    else annotationsBySegment.set(annotation.segmentId, [annotation]);
  }

  const counts = emptyCounts();
  const evaluatedMetrics: SegmentMetrics[] = [];
  const evaluatedAnnotations: Annotation[] = [];
  const effort = { editingSeconds: 0, timedSegments: 0, timedWords: 0, unchangedSegments: 0 };
  let evaluatedWords = 0;

  const rows = segments.map((segment): SegmentQuality => {
    counts[segment.status]++;
    const stats = metrics.get(segment.id);
    if (!stats) throw new Error(`No metrics for segment ${segment.id}`);
    const scores = sentenceScores(stats);
    const segmentAnnotations = annotationsBySegment.get(segment.id) ?? [];
    const seconds = editingSeconds.get(segment.id) ?? null;
    const mtWords = countWords(segment.mt);
    const evaluated = isEvaluated(segment);
    if (evaluated) {
      evaluatedMetrics.push(stats);
      evaluatedAnnotations.push(...segmentAnnotations);
      evaluatedWords += mtWords;
      if (segment.text === segment.mt) effort.unchangedSegments++;
      if (seconds !== null) {
        effort.editingSeconds += seconds;
        effort.timedSegments++;
        effort.timedWords += mtWords;
      }
    }
    return {
      segmentId: segment.id,
      position: segment.position,
      paragraph: segment.paragraph,
      kind: segment.kind,
      status: segment.status,
      evaluated,
      mt: segment.mt,
      text: segment.text,
      changed: segment.text !== segment.mt,
      mtWords,
      ter: scores.ter,
      chrf: scores.chrf,
      edits: stats.ter,
      annotationCount: segmentAnnotations.length,
      mqmPenalty: totalPenalty(segmentAnnotations, settings.weights),
      editingSeconds: seconds,
    };
  });

  const corpus = evaluatedMetrics.length > 0 ? corpusScores(evaluatedMetrics) : null;
  const bySeverity = zeroBySeverity();
  const byCategory = new Map<string, CategoryCounts>();
  for (const annotation of evaluatedAnnotations) {
    bySeverity[annotation.severity]++;
    const entry = byCategory.get(annotation.category) ?? {
      code: annotation.category,
      label: categoryLabel(annotation.category),
      counts: zeroBySeverity(),
      total: 0,
      penalty: 0,
    };
    entry.counts[annotation.severity]++;
    entry.total++;
    entry.penalty += annotationPenalty(annotation, settings.weights);
    byCategory.set(annotation.category, entry);
  }

  return {
    article,
    progress: progressFrom(counts),
    lastChange: lastAnnotationChange && lastAnnotationChange > article.updatedAt ? lastAnnotationChange : article.updatedAt,
    settings,
    segments: rows,
    evaluatedSegments: evaluatedMetrics.length,
    hter: corpus?.ter ?? null,
    chrf: corpus?.chrf ?? null,
    edits: sumTerStats(evaluatedMetrics.map((stats) => stats.ter)),
    mqm: {
      ...mqmScore(evaluatedAnnotations, evaluatedWords, settings),
      bySeverity,
      byCategory: [...byCategory.values()].sort((a, b) => CATEGORY_ORDER.indexOf(a.code) - CATEGORY_ORDER.indexOf(b.code)),
    },
    effort: {
      ...effort,
      secondsPerWord: effort.timedWords > 0 ? effort.editingSeconds / effort.timedWords : null,
      unchangedShare: evaluatedMetrics.length > 0 ? effort.unchangedSegments / evaluatedMetrics.length : null,
    },
  };
}
