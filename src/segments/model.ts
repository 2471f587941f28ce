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
  /** Comment threads on it that are not resolved yet (kept in step by src/comments). */
  openComments: number;
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

export const REVISION_ACTIONS = ['import', 'edit', 'status', 'reset', 'revert', 'undo', 'split', 'merge'] as const;
export type RevisionAction = (typeof REVISION_ACTIONS)[number];

/** The layout fields of a segment that only a split or merge changes (besides block and slot). */
export interface LayoutState {
  mt: string;
  separator: string;
  source: string | null;
  sourceScope: 'segment' | 'paragraph' | null;
}

/**
 * What a split, a merge or the undo of one changed besides text and status (revisions.detail, JSON).
 * `effect` says what happened to the reading order: 'split' put `partner` into it right after this
 * segment, 'merge' took `partner` out of it into this one. The first segment's revision carries its
 * layout before and after, and `mtCut`: where the partner's MT begins in the longer (joined) MT.
 * The partner's revision carries only `partner` and `effect`.
 */
export interface LayoutDetail {
  effect: 'split' | 'merge';
  partner: number;
  before?: LayoutState;
  after?: LayoutState;
  mtCut?: number;
  /** the partner's version right after the change: an undo needs it unchanged */
  partnerVersion?: number;
  /** a split: the caret in the text and where it fell in the MT (UTF-16 offsets) */
  at?: number;
  mtAt?: number;
  /** an undo: the version of this segment it undid */
  undoes?: number;
}

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
  /** JSON: a LayoutDetail for split, merge and their undo; null otherwise */
  detail: string | null;
}

export interface ActivityEntry extends Revision {
  /** null once the segment was merged into another */
  position: number | null;
  /** the segment's text before this change (null for a segment's first revision) */
  previousText: string | null;
}

/** The activity view's filters: one person (by display name, as revisions record it) and one kind of change. */
export interface ActivityFilters {
  author?: string;
  action?: RevisionAction;
}

/**
 * The annotated MT of each segment of a review page, as src/annotations renders it for
 * the rows. Segments and articles show it without knowing its shape: app.ts passes
 * AnnotationService.annotatedMt in, so that neither imports the annotations feature.
 */
export type RowAnnotations = (segments: readonly Segment[]) => ReadonlyMap<number, unknown>;

/** Segments per block at import; a split or merge renumbers at most the slots of one block. */
export const BLOCK_SIZE = 1024;
