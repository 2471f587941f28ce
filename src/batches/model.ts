import type { Actor } from '../auth/roles';
import type { BatchAction, ReviewStatus, Segment } from '../segments/model';

/** What made a batch: find and replace, a propagated fix, a QA "fix all of this kind", or the undo of another batch. */
export const BATCH_KINDS = ['replace', 'propagate', 'qa-fix', 'undo'] as const;
export type BatchKind = (typeof BATCH_KINDS)[number];

/** The revision action of a batch's changes, by the batch's kind. */
export const ACTION_OF_KIND: Record<BatchKind, BatchAction> = { replace: 'replace', propagate: 'propagate', 'qa-fix': 'fix', undo: 'undo' };

/** 'applying' while its chunks are written; 'interrupted' when the server stopped before the end (what landed stays, undoable). */
export type BatchState = 'applying' | 'done' | 'interrupted';

export interface Batch {
  id: number;
  kind: BatchKind;
  /** null when the batch spans articles. */
  articleId: number | null;
  note: string;
  author: string;
  userId: number | null;
  createdAt: string;
  state: BatchState;
  changed: number;
  skipped: number;
  /** The batch this one undid (kind 'undo'). */
  undoes: number | null;
  /** The batch that undid this one. */
  undoneBy: number | null;
}

/** What starts a batch. */
export interface BatchHeader {
  kind: BatchKind;
  articleId: number | null;
  note: string;
  actor: Actor;
}

/** What a batch writes into one segment, decided on its current state; null leaves the segment alone (it is listed as skipped). */
export interface SegmentWrite {
  text: string;
  /** Omitted: the rule of any text change (`edited`, or `new` when the text is the MT again). */
  status?: ReviewStatus;
  note?: string | null;
  detail?: Record<string, unknown>;
}

/**
 * Decides each segment's write for one chunk, inside the chunk's transaction: `current` is the segment as
 * stored now (undefined when it is gone or merged away). Deciding a whole chunk at once lets a user's
 * regular expression run over the chunk under one time limit.
 */
export type DecideChunk<Item> = (chunk: { item: Item; current: Segment | undefined }[]) => (SegmentWrite | null)[];

/** A batch's outcome. `skipped` lists the segments left alone: changed since they were read, gone, or no longer matching. */
export interface BatchResult {
  batchId: number;
  changed: number;
  skipped: number[];
}

/** One segment's change that the caller computed ahead, e.g. a QA fix: written only if the segment is still at `version`. */
export interface PlannedChange {
  segmentId: number;
  version: number;
  text: string;
}

/** The outcome of undoing a batch: `kept` lists the segments changed since, which the undo left alone. */
export interface UndoResult {
  batchId: number;
  undone: number;
  kept: number[];
}

/** A batch as the activity view lists it: one entry, with how many of its changes fall in the article shown. */
export interface BatchActivity {
  batch: Batch;
  changedHere: number;
}
