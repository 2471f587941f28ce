import type { InlineCode } from '../codes/inlineCodes';
import type { DraftSegment, SegmentKind } from '../segmentation/document';
import { honestPercent } from '../web/format';

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
  /** The source-language text (inline codes as markers), null when the article has no source. */
  source: string | null;
  /** 'paragraph': `source` is the whole paragraph's source, shown beside each of its MT sentences. */
  sourceScope: SourceScope | null;
  mt: string;
  /** What each inline-code marker in source, mt and text stands for (src/codes); null when there are none. */
  codes: InlineCode[] | null;
  separator: string;
  text: string;
  status: ReviewStatus;
  version: number;
  note: string | null;
  updatedBy: string;
  updatedAt: string;
  /** Comment threads on it that are not resolved yet (kept in step by src/comments). */
  openComments: number;
  /** QA findings not dismissed (kept in step by src/findings inside every write), for row markers and filters. */
  openFindings: number;
  /** Σ measured editing time of its revisions, whole milliseconds (the stored figures' editing time). */
  editingMs: number;
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

export type SourceScope = 'segment' | 'paragraph';

/** A segment as an import stores it: the segmenter's draft, plus what a bilingual file brings. */
export interface ImportDraft extends DraftSegment {
  source?: string | null;
  sourceScope?: SourceScope | null;
  codes?: readonly InlineCode[] | null;
  /** Where the segment lives in the original file, as the JSON its format stores for the export (src/interchange anchorJson). */
  anchor?: string | null;
}

/** What the interchange exports (XLIFF, TMX, post-editing data) need of a segment, in reading order. */
export interface InterchangeRow extends Pick<
  Segment,
  | 'id'
  | 'paragraph'
  | 'kind'
  | 'source'
  | 'sourceScope'
  | 'mt'
  | 'codes'
  | 'separator'
  | 'text'
  | 'status'
  | 'version'
  | 'updatedBy'
  | 'updatedAt'
> {
  position: number;
  /** JSON: where the segment lives in its original file (src/interchange); null when it came from no file or was created by a split. */
  anchor: string | null;
  editingMs: number;
  /** Revisions that changed the text (every action but the import and status-only changes). */
  editCount: number;
}

/** What an export of the text needs of a segment. */
export type SegmentLayout = Pick<Segment, 'paragraph' | 'kind' | 'text' | 'separator'>;

/**
 * Metadata lines (dates, bylines, source lists) are not the MT's prose: they cannot
 * be annotated, and the quality figures list them without counting them.
 */
export const EVALUATED_KINDS: readonly SegmentKind[] = ['sentence', 'heading'];

export function isEvaluated(segment: { kind: SegmentKind }): boolean {
  return EVALUATED_KINDS.includes(segment.kind);
}

export type StatusCounts = Record<ReviewStatus, number>;

export interface Progress {
  total: number;
  counts: StatusCounts;
  /** Percentages per status, never 100 or 0 unless exact (src/web/format.ts honestPercent). */
  percent: StatusCounts;
}

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(REVIEW_STATUSES.map((status) => [status, 0])) as StatusCounts;
}

export function progressFrom(counts: StatusCounts): Progress {
  const total = REVIEW_STATUSES.reduce((sum, status) => sum + counts[status], 0);
  const percent = {} as StatusCounts;
  for (const status of REVIEW_STATUSES) percent[status] = total === 0 ? 0 : honestPercent(counts[status] / total).value;
  return { total, counts, percent };
}

export const REVISION_ACTIONS = [
  'import',
  'edit',
  'status',
  'reset',
  'revert',
  'undo',
  'split',
  'merge',
  'replace',
  'propagate',
  'fix',
] as const;
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
  /** JSON: a LayoutDetail for split, merge and their undo; null otherwise */
  detail: string | null;
  /** The batch (src/batches) this revision belongs to, if any. */
  batchId: number | null;
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

/** A segment as the stored per-article figures see it (src/stats), before or after a change. */
export interface SegmentFigureState {
  id: number;
  articleId: number;
  kind: SegmentKind;
  status: ReviewStatus;
  mt: string;
  text: string;
  /** Σ measured editing time of its revisions, whole milliseconds */
  editingMs: number;
  openFindings: number;
  openComments: number;
}

/**
 * Told of every segment write, inside its transaction (SegmentService's write path):
 * the stored figures apply `after - before`. null = the segment is not in the
 * article's reading order (before a split created it, after a merge removed it).
 * Each change stands for one revision (a person's change at `at`), so that the changes
 * per hour counted incrementally equal the revisions counted by a recount.
 */
export interface SegmentWriteObserver {
  /**
   * Segments written together at `at` (one action: a save, or a chunk of a batch). `revisions`: how
   * many revisions the changes stand for (one each unless said; 0 for a count such as open comments).
   */
  segmentsChanged(changes: readonly SegmentFigureChange[], at: string, revisions?: number): void;
}

/** A segment's state before and after a write (null: not in the article's reading order). */
export interface SegmentFigureChange {
  before: SegmentFigureState | null;
  after: SegmentFigureState | null;
}

/** The stored figures as SegmentService uses them: told of every write, asked for an article's status counts. */
export interface SegmentFigures extends SegmentWriteObserver {
  statusCounts(articleId: number): StatusCounts;
  /**
   * A split, a merge or the undo of one: segments change shape and annotations move between
   * them, so the figures of the segments involved are taken before `change` runs and after it
   * (the states it returns); the change stands for `revisions` revisions, the last written at `at`.
   */
  reshaped<T>(
    before: readonly SegmentFigureState[],
    change: () => { result: T; after: SegmentFigureState[]; at: string },
    revisions: number,
  ): T;
}

/**
 * The annotated MT of each segment of a review page, as src/annotations renders it for
 * the rows. Segments and articles show it without knowing its shape: app.ts passes
 * AnnotationService.annotatedMt in, so that neither imports the annotations feature.
 */
export type RowAnnotations = (segments: readonly Segment[]) => ReadonlyMap<number, unknown>;

/** Segments per block at import; a split or merge renumbers at most the slots of one block. */
export const BLOCK_SIZE = 1024;

/**
 * The QA findings of each segment of a review page (the marker, the list and the spans, as
 * src/findings renders them in views/findings/_row.ejs), passed in by app.ts like RowAnnotations.
 */
export type RowFindings = (segments: readonly Segment[]) => ReadonlyMap<number, unknown>;

/** The QA findings of segments as the API shows them in each segment (`findings: [...]`), passed in by app.ts. */
export type SegmentFindings = (segmentIds: readonly number[]) => ReadonlyMap<number, readonly unknown[]>;

/**
 * An import's segments as they are inserted, one column per field: segment i is paragraph[i],
 * kind[i], text[i]... (prepared by src/articles/importPreparation.ts in the import worker, outside
 * the write). Columns of plain values cross from the worker to the main thread at about half the
 * cost of one object per segment, whose property names a structured clone writes and reads again
 * for every segment.
 */
export interface ImportRows {
  paragraph: number[];
  kind: SegmentKind[];
  /** The MT, which is also the text until an edit. */
  text: string[];
  separator: string[];
  source: (string | null)[];
  sourceScope: (SourceScope | null)[];
  /** JSON InlineCode[] (src/codes), null without codes. */
  codes: (string | null)[];
  /** JSON: where the segment lives in its original file (src/interchange), null when it came from no file. */
  anchor: (string | null)[];
  /** How many QA findings it has, stored with it in the same step. */
  openFindings: number[];
}

export function emptyImportRows(): ImportRows {
  return { paragraph: [], kind: [], text: [], separator: [], source: [], sourceScope: [], codes: [], anchor: [], openFindings: [] };
}
