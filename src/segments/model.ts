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

export type RevisionAction =
  'import' | 'edit' | 'status' | 'reset' | 'revert' | 'undo' | 'split' | 'merge' | 'replace' | 'propagate' | 'fix';

/** The actions of a segment's change made as part of a batch (src/batches). */
export type BatchAction = Extract<RevisionAction, 'replace' | 'propagate' | 'fix' | 'undo'>;

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
  /** The batch (src/batches) this revision belongs to, if any. */
  batchId: number | null;
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
