/**
 * What one segment adds to its article's stored figures, as integers only, so that
 * adding a change's `after - before` to the stored sums gives exactly what a
 * recount from scratch gives (no float drift, whatever the order of the changes).
 *
 * Pure: a function of the segment's state; nothing here reads the database.
 */
import { segmentMetrics, sentenceScores, type SegmentMetrics } from '../metrics/segmentMetrics';
import { countWords } from '../metrics/whitespace';
import { isEvaluated, type ReviewStatus, type SegmentFigureState } from '../segments/model';

/** What the figures need to know about a segment in one state (before or after a change): no ids, and its annotations. */
export interface FigureState extends Omit<SegmentFigureState, 'id' | 'articleId'> {
  /** the MQM annotations that count (removed ones left out) */
  annotations: readonly MqmMark[];
}

export interface MqmMark {
  category: string;
  severity: string;
}

/** The integer counters of article_stats, by their names in code. */
export const COUNTERS = [
  'segments',
  'newCount',
  'editedCount',
  'approvedCount',
  'rejectedCount',
  'evaluatedSegments',
  'evaluatedWords',
  'coveredSegments',
  'coveredWords',
  'terInsertions',
  'terDeletions',
  'terSubstitutions',
  'terShifts',
  'terReferenceWords',
  'unchangedSegments',
  'editingMs',
  'timedSegments',
  'timedWords',
  'openFindings',
  'openComments',
] as const;
export type Counter = (typeof COUNTERS)[number];

/** chrF statistics: orders 1..6 × [hypothesis, reference, matching] n-grams. */
export const CHRF_LENGTH = 18;

/** A segment's contribution, or an article's sums of them (the same shape). */
export interface Figures {
  counters: Record<Counter, number>;
  chrf: number[];
  /** MQM annotation counts by `category` TAB `severity` (see mqmKey) */
  mqm: Map<string, number>;
  /** HTER histogram: bucket index (see hterBucket) → segments */
  hterBuckets: Map<number, number>;
}

const STATUS_COUNTER: Record<ReviewStatus, Counter> = {
  new: 'newCount',
  edited: 'editedCount',
  approved: 'approvedCount',
  rejected: 'rejectedCount',
};

/** Every counter at 0, written out: an object literal is far cheaper than a copy of a frozen one, and every write makes a few. */
function zeroCounters(): Record<Counter, number> {
  return {
    segments: 0,
    newCount: 0,
    editedCount: 0,
    approvedCount: 0,
    rejectedCount: 0,
    evaluatedSegments: 0,
    evaluatedWords: 0,
    coveredSegments: 0,
    coveredWords: 0,
    terInsertions: 0,
    terDeletions: 0,
    terSubstitutions: 0,
    terShifts: 0,
    terReferenceWords: 0,
    unchangedSegments: 0,
    editingMs: 0,
    timedSegments: 0,
    timedWords: 0,
    openFindings: 0,
    openComments: 0,
  };
}

export function emptyFigures(): Figures {
  return { counters: zeroCounters(), chrf: new Array<number>(CHRF_LENGTH).fill(0), mqm: new Map(), hterBuckets: new Map() };
}

export const mqmKey = (category: string, severity: string) => `${category}\t${severity}`;

export function splitMqmKey(key: string): { category: string; severity: string } {
  const [category, severity] = key.split('\t') as [string, string];
  return { category, severity };
}

/** Number of HTER buckets: exactly 0, then (0, 10] ... (90, 100], then above 100. */
export const HTER_BUCKETS = 12;

/** The bucket of a sentence HTER score (0..100+): 0 for exactly 0, 11 above 100, else ⌈score / 10⌉. */
export function hterBucket(score: number): number {
  return score <= 0 ? 0 : score > 100 ? HTER_BUCKETS - 1 : Math.ceil(score / 10);
}

/**
 * "Covered": a sentence or heading someone has judged, i.e. whose status is not
 * `new` (edited, approved or rejected). An untouched MT sentence says nothing about
 * the MT's quality, so the scores (HTER, chrF, MQM, effort) count covered segments
 * only; the counts by status and the evaluated words count every segment.
 */
export function isCovered(state: Pick<FigureState, 'kind' | 'status'>): boolean {
  return isEvaluated(state) && state.status !== 'new';
}

/**
 * The contribution of a segment in `state`. `metrics` (TER and chrF statistics of
 * the MT against the text) is computed when not given; callers pass cached ones.
 */
export function contribution(state: FigureState, metrics?: SegmentMetrics): Figures {
  return addContribution(emptyFigures(), state, metrics);
}

/**
 * total += sign × contribution(state, metrics), without building the contribution first: an import or
 * a recount adds up hundreds of thousands of segments, and a Figures of its own for each (an object, an
 * array and two maps) was most of what they cost. Returns total.
 */
export function addContribution(total: Figures, state: FigureState, metrics?: SegmentMetrics, sign: 1 | -1 = 1): Figures {
  const counters = total.counters;
  counters.segments += sign;
  counters[STATUS_COUNTER[state.status]] += sign;
  counters.openFindings += sign * state.openFindings;
  counters.openComments += sign * state.openComments;
  if (!isEvaluated(state)) return total;
  const mtWords = countWords(state.mt);
  counters.evaluatedSegments += sign;
  counters.evaluatedWords += sign * mtWords;
  if (!isCovered(state)) return total;

  counters.coveredSegments += sign;
  counters.coveredWords += sign * mtWords;
  const { ter, chrf } = metrics ?? segmentMetrics(state.mt, state.text);
  counters.terInsertions += sign * ter.insertions;
  counters.terDeletions += sign * ter.deletions;
  counters.terSubstitutions += sign * ter.substitutions;
  counters.terShifts += sign * ter.shifts;
  counters.terReferenceWords += sign * ter.referenceWords;
  for (let i = 0; i < CHRF_LENGTH; i++) total.chrf[i]! += sign * (chrf[i] ?? 0);
  if (state.text === state.mt) counters.unchangedSegments += sign;
  if (state.editingMs > 0) {
    counters.editingMs += sign * state.editingMs;
    counters.timedSegments += sign;
    counters.timedWords += sign * mtWords;
  }
  const bucket = hterBucket(sentenceScores({ ter, chrf }).ter);
  total.hterBuckets.set(bucket, (total.hterBuckets.get(bucket) ?? 0) + sign);
  for (const mark of state.annotations) {
    const key = mqmKey(mark.category, mark.severity);
    total.mqm.set(key, (total.mqm.get(key) ?? 0) + sign);
  }
  return total;
}

/** total += sign × figures, counter by counter (sign -1 subtracts). Returns total. */
export function addFigures(total: Figures, figures: Figures, sign: 1 | -1 = 1): Figures {
  for (const counter of COUNTERS) total.counters[counter] += sign * figures.counters[counter];
  // Only a reviewed segment has chrF statistics; an import adds 200,000 that have none.
  if (figures.counters.coveredSegments !== 0 || figures.chrf.some((value) => value !== 0))
    for (let i = 0; i < CHRF_LENGTH; i++) total.chrf[i]! += sign * figures.chrf[i]!;
  for (const [key, count] of figures.mqm) total.mqm.set(key, (total.mqm.get(key) ?? 0) + sign * count);
  for (const [bucket, count] of figures.hterBuckets) total.hterBuckets.set(bucket, (total.hterBuckets.get(bucket) ?? 0) + sign * count);
  return total;
}

/** What a change adds to the sums: after − before (null = the segment does not exist / is not in the article). */
export function changeOf(before: Figures | null, after: Figures | null): Figures {
  const delta = emptyFigures();
  if (after) addFigures(delta, after, 1);
  if (before) addFigures(delta, before, -1);
  return delta;
}

/** True when adding these figures changes nothing. */
export function isZero(figures: Figures): boolean {
  return (
    COUNTERS.every((counter) => figures.counters[counter] === 0) &&
    figures.chrf.every((value) => value === 0) &&
    [...figures.mqm.values()].every((count) => count === 0) &&
    [...figures.hterBuckets.values()].every((count) => count === 0)
  );
}
