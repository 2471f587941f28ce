/**
 * What the quality report shows and downloads: the view model of the report page
 * (figures, chart geometry, one row per segment with its word diff), the CSV and
 * the JSON body shared by the API and the download.
 */
import { wordDiff, type DiffPart } from '../diff/wordDiff';
import { annotationLabel, type AnnotationLabel } from '../annotations/annotatedMt';
import type { Annotation } from '../annotations/model';
import { SEVERITIES } from '../annotations/mqm';
import { paginate } from '../pagination';
import { REVIEW_STATUSES } from '../segments/model';
import {
  changesOverTime,
  MIN_TIME_COLUMNS,
  columnChart,
  hterBuckets,
  stackedBarChart,
  type ColumnChart,
  type StackedBarChart,
  type TimeUnit,
} from './charts';
import { toCsv } from './csv';
import type { TerStats } from '../metrics/ter';
import type { ArticleQuality, SegmentQuality } from './model';

export interface ReportRow {
  segment: SegmentQuality;
  diff: DiffPart[];
  annotations: AnnotationLabel[];
}

/** Which segments' tracked changes the page lists: a page of them, or all (the printable report). */
export interface RowSelection {
  page: number;
  all: boolean;
}

export interface ReportView {
  quality: ArticleQuality;
  /** the page shown (1-based, clamped to the pages there are), and how many there are; all = every segment on one page */
  page: number;
  pageCount: number;
  all: boolean;
  charts: {
    hter: ColumnChart;
    mqm: StackedBarChart;
    progress: ColumnChart;
    /** drawn: false when there are too few periods for a chart (MIN_TIME_COLUMNS); the page lists them instead */
    changes: ColumnChart & { unit: TimeUnit; drawn: boolean };
  };
  rows: ReportRow[];
}

/**
 * Every segment's word diff is the costly part (about 0.1 ms each), so only the
 * listed rows get one: a page for the screen, all of them for the printed report.
 */
export function buildReport(
  quality: ArticleQuality,
  changesPerHour: readonly { hour: string; count: number }[],
  annotations: readonly Annotation[],
  selection: RowSelection,
): ReportView {
  const labelsBySegment = new Map<number, AnnotationLabel[]>();
  const mtBySegment = new Map(quality.segments.map((segment) => [segment.segmentId, segment.mt]));
  for (const annotation of annotations) {
    const labels = labelsBySegment.get(annotation.segmentId) ?? [];
    labels.push(annotationLabel(annotation, mtBySegment.get(annotation.segmentId) ?? ''));
    labelsBySegment.set(annotation.segmentId, labels);
  }
  const evaluated = quality.segments.filter((segment) => segment.evaluated);
  const changes = changesOverTime(changesPerHour);
  const pagination = selection.all
    ? { page: 1, pageCount: 1, offset: 0, limit: quality.segments.length }
    : paginate(quality.segments.length, selection.page);
  const listed = quality.segments.slice(pagination.offset, pagination.offset + pagination.limit);
  return {
    quality,
    page: pagination.page,
    pageCount: pagination.pageCount,
    all: selection.all,
    charts: {
      hter: columnChart(hterBuckets(evaluated.map((segment) => segment.ter)), { maxLabels: 6 }),
      mqm: stackedBarChart(
        quality.mqm.byCategory.map((category) => ({ label: category.label, values: category.counts })),
        SEVERITIES,
        { labelWidth: 180 },
      ),
      progress: columnChart(
        REVIEW_STATUSES.map((status) => ({ label: status, value: quality.progress.counts[status], className: `bar-${status}` })),
        { height: 180 },
      ),
      changes: { ...columnChart(changes.columns, { maxLabels: 6 }), unit: changes.unit, drawn: changes.columns.length >= MIN_TIME_COLUMNS },
    },
    rows: listed.map((segment) => ({
      segment,
      // An unchanged segment's diff is its text: no need to run the differ.
      diff: segment.changed ? wordDiff(segment.mt, segment.text) : segment.text === '' ? [] : [{ kind: 'equal', text: segment.text }],
      annotations: labelsBySegment.get(segment.segmentId) ?? [],
    })),
  };
}

/** The API's name for the edit counts: `total` is TER's `edits`. */
const editCounts = ({ insertions, deletions, substitutions, shifts, edits, referenceWords }: TerStats) => ({
  insertions,
  deletions,
  substitutions,
  shifts,
  total: edits,
  referenceWords,
});

const round = (value: number | null, digits = 4) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);

/** The body of GET /api/articles/:id/quality and of the JSON download. */
export function qualityJson(quality: ArticleQuality) {
  const { article, mqm, effort } = quality;
  return {
    article: { id: article.id, title: article.title, updatedAt: article.updatedAt, lastChange: quality.lastChange },
    progress: quality.progress,
    evaluatedSegments: quality.evaluatedSegments,
    evaluatedWords: mqm.evaluatedWords,
    hter: quality.hter,
    chrf: quality.chrf,
    edits: editCounts(quality.edits),
    mqm: {
      annotationCount: mqm.annotationCount,
      penalty: mqm.penalty,
      penaltyPer1000Words: mqm.penaltyPer1000Words,
      qualityScore: mqm.qualityScore,
      passThreshold: mqm.passThreshold,
      pass: mqm.pass,
      weights: quality.settings.weights,
      bySeverity: mqm.bySeverity,
      byCategory: mqm.byCategory.map((category) => ({
        category: category.code,
        label: category.label,
        counts: category.counts,
        total: category.total,
        penalty: round(category.penalty, 9),
      })),
    },
    effort,
    segments: quality.segments.map((segment) => ({
      segmentId: segment.segmentId,
      position: segment.position,
      kind: segment.kind,
      status: segment.status,
      evaluated: segment.evaluated,
      ter: segment.ter,
      chrf: segment.chrf,
      insertions: segment.edits.insertions,
      deletions: segment.edits.deletions,
      substitutions: segment.edits.substitutions,
      shifts: segment.edits.shifts,
      referenceWords: segment.edits.referenceWords,
      mtWords: segment.mtWords,
      annotationCount: segment.annotationCount,
      mqmPenalty: segment.mqmPenalty,
      editingSeconds: segment.editingSeconds,
    })),
  };
}

export const CSV_HEADER = [
  'segment_id',
  'position',
  'kind',
  'status',
  'ter',
  'chrf',
  'insertions',
  'deletions',
  'substitutions',
  'shifts',
  'mqm_penalty',
  'editing_seconds',
  'mt',
  'text',
] as const;

/** One row per segment; scores rounded to 4 decimals. */
export function reportCsv(quality: ArticleQuality): string {
  return toCsv(
    CSV_HEADER,
    quality.segments.map((segment) => [
      segment.segmentId,
      segment.position,
      segment.kind,
      segment.status,
      round(segment.ter),
      round(segment.chrf),
      segment.edits.insertions,
      segment.edits.deletions,
      segment.edits.substitutions,
      segment.edits.shifts,
      segment.mqmPenalty,
      round(segment.editingSeconds, 1),
      segment.mt,
      segment.text,
    ]),
  );
}
