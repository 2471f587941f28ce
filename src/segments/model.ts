import type { SegmentKind } from '../segmentation/document';

export const REVIEW_STATUSES = ['new', 'edited', 'approved', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** The order of the progress bar's parts: done first, untouched last. */
export const PROGRESS_ORDER: readonly ReviewStatus[] = ['approved', 'edited', 'rejected', 'new'];

export interface Segment {
  id: number;
  articleId: number;
  position: number;
  paragraph: number;
  kind: SegmentKind;
  mt: string;
  separator: string;
  text: string;
  status: ReviewStatus;
  version: number;
  note: string | null;
  updatedBy: string;
  updatedAt: string;
  /** QA findings not dismissed (kept in step by src/findings inside every write), for row markers and filters. */
  openFindings: number;
}

/** Which segments a review page lists: all, one status, those with open QA findings, or both. */
export interface SegmentFilter {
  status?: ReviewStatus;
  withFindings?: boolean;
}

/** Segments with open QA findings (segments.open_findings > 0) and the sum of those findings. */
export interface OpenFindingCounts {
  segments: number;
  findings: number;
}

/** What an export of the text needs of a segment. */
export type SegmentLayout = Pick<Segment, 'paragraph' | 'kind' | 'text' | 'separator'>;

export type StatusCounts = Record<ReviewStatus, number>;

export interface Progress {
  total: number;
  counts: StatusCounts;
  /** Whole percentages per status, for the progress bar and labels. */
  percent: StatusCounts;
}

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(REVIEW_STATUSES.map((status) => [status, 0])) as StatusCounts;
}

export function progressFrom(counts: StatusCounts): Progress {
  const total = REVIEW_STATUSES.reduce((sum, status) => sum + counts[status], 0);
  const percent = {} as StatusCounts;
  for (const status of REVIEW_STATUSES) percent[status] = total === 0 ? 0 : Math.round((counts[status] / total) * 1000) / 10;
  return { total, counts, percent };
}

export type RevisionAction = 'import' | 'edit' | 'status' | 'reset' | 'revert' | 'fix';

export interface Revision {
  id: number;
  segmentId: number;
  articleId: number;
  version: number;
  action: RevisionAction;
  text: string;
  status: ReviewStatus;
  note: string | null;
  author: string;
  userId: number | null;
  /** measured active editing time that led to this revision; null when not measured */
  editingSeconds: number | null;
  createdAt: string;
}

export interface ActivityEntry extends Revision {
  position: number;
}

/**
 * The annotated MT of each segment of a review page, as src/annotations renders it for
 * the rows. Segments and articles show it without knowing its shape: app.ts passes
 * AnnotationService.annotatedMt in, so that neither imports the annotations feature.
 */
export type RowAnnotations = (segments: readonly Segment[]) => ReadonlyMap<number, unknown>;

/**
 * The QA findings of each segment of a review page (the marker, the list and the spans, as
 * src/findings renders them in views/findings/_row.ejs), passed in by app.ts like RowAnnotations.
 */
export type RowFindings = (segments: readonly Segment[]) => ReadonlyMap<number, unknown>;

/** The QA findings of segments as the API shows them in each segment (`findings: [...]`), passed in by app.ts. */
export type SegmentFindings = (segmentIds: readonly number[]) => ReadonlyMap<number, readonly unknown[]>;

/** A segment an import just stored, with what its QA checks read. */
export interface ImportedSegmentRow {
  id: number;
  kind: Segment['kind'];
  mt: string;
  text: string;
  /** The source sentence, when the article has one. */
  source?: string | null;
  /** segments.codes: JSON of the inline codes (src/codes), when there are any. */
  codes?: string | null;
}

/**
 * What another feature does inside every segment write's transaction: createServices
 * passes src/findings in, so that a segment's QA findings are never out of step with
 * its text and segments never imports the feature.
 */
export interface SegmentWriteHooks {
  /** After a write (edit, status, reset, revert, fix ...): the segment as now stored; answers its fresh open-findings count. */
  written(segment: Segment): Pick<Segment, 'openFindings'>;
  /** After an import (or one chunk of it) stored these segments. */
  imported(articleId: number, segments: readonly ImportedSegmentRow[]): void;
}
