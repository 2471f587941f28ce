/**
 * What the quality report shows and downloads: the view model of the report page
 * (figures, chart geometry, a page of segments with their word diffs), the CSV rows
 * and the JSON parts shared by the API and the download.
 */
import { wordDiff, type DiffPart } from '../diff/wordDiff';
import { annotationLabel, type AnnotationLabel } from '../annotations/annotatedMt';
import type { Annotation } from '../annotations/model';
import { SEVERITIES } from '../annotations/mqm';
import type { Pagination } from '../pagination';
import { REVIEW_STATUSES } from '../segments/model';
import {
  changesOverTime,
  MIN_TIME_COLUMNS,
  columnChart,
  hterColumns,
  stackedBarChart,
  type ColumnChart,
  type StackedBarChart,
  type TimeUnit,
} from './charts';
import { csvLines } from './csv';
import type { TerStats } from '../metrics/ter';
import type { ArticleQuality, SegmentQuality } from './model';

export interface ReportRow {
  segment: SegmentQuality;
  diff: DiffPart[];
  annotations: AnnotationLabel[];
}

export interface ReportView {
  quality: ArticleQuality;
  /** the page shown (1-based, clamped to the pages there are), and how many there are */
  page: number;
  pageCount: number;
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
 * The report page: the article's figures and charts (from its stored sums) and one
 * page of segments with their word diffs (about 0.1 ms each, so never all at once).
 */
export function buildReport(
  quality: ArticleQuality,
  changesPerHour: readonly { hour: string; count: number }[],
  rows: readonly SegmentQuality[],
  pagination: Pick<Pagination, 'page' | 'pageCount'>,
  annotations: ReadonlyMap<number, readonly Annotation[]>,
): ReportView {
  const changes = changesOverTime(changesPerHour);
  return {
    quality,
    page: pagination.page,
    pageCount: pagination.pageCount,
    charts: {
      hter: columnChart(hterColumns(quality.hterBuckets), { maxLabels: 6 }),
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
    rows: reportRows(rows, annotations),
  };
}

/** Rows of the tracked-changes table: each segment with its word diff and the labels of its annotations. */
export function reportRows(rows: readonly SegmentQuality[], annotations: ReadonlyMap<number, readonly Annotation[]>): ReportRow[] {
  return rows.map((segment) => ({
    segment,
    // An unchanged segment's diff is its text: no need to run the differ.
    diff: segment.changed ? wordDiff(segment.mt, segment.text) : segment.text === '' ? [] : [{ kind: 'equal', text: segment.text }],
    annotations: (annotations.get(segment.segmentId) ?? []).map((annotation) => annotationLabel(annotation, segment.mt)),
  }));
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

/** The figures part of GET /api/articles/:id/quality and of the JSON download (segments are added a page at a time). */
export function qualityJson(quality: ArticleQuality) {
  const { article, mqm, effort, coverage } = quality;
  return {
    article: { id: article.id, title: article.title, updatedAt: article.updatedAt, lastChange: quality.lastChange },
    progress: quality.progress,
    coverage,
    evaluatedSegments: coverage.evaluatedSegments,
    evaluatedWords: coverage.evaluatedWords,
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
      verdict: mqm.verdict,
      rejected: mqm.rejected,
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
  };
}

/** One segment's row in the JSON body and download. */
export function segmentQualityJson(segment: SegmentQuality) {
  return {
    segmentId: segment.segmentId,
    position: segment.position,
    kind: segment.kind,
    status: segment.status,
    evaluated: segment.evaluated,
    covered: segment.covered,
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

/** The CSV's lines for some segments (the file starts with csvLines([CSV_HEADER])); scores rounded to 4 decimals. */
export function csvRows(rows: readonly SegmentQuality[]): string {
  return csvLines(
    rows.map((segment) => [
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
