/** The quality figures of an article, as computed by figures.ts and shown by the report, the overview and the API. */
import type { Article } from '../articles/model';
import type { MqmScore, QualitySettings, Severity } from '../annotations/mqm';
import type { TerStats } from '../metrics/ter';
import type { SegmentKind } from '../segmentation/document';
import type { Progress, ReviewStatus } from '../segments/model';

export interface SegmentQuality {
  segmentId: number;
  position: number;
  paragraph: number;
  kind: SegmentKind;
  status: ReviewStatus;
  /** a sentence or heading (metadata lines are listed, never counted) */
  evaluated: boolean;
  /** evaluated and judged by someone (status not `new`): only these count in the article's scores */
  covered: boolean;
  mt: string;
  text: string;
  /** the text differs from the MT (TER can still be 0 when only letter case changed) */
  changed: boolean;
  mtWords: number;
  /** HTER on sacrebleu's scale: 100 × edits / reference words */
  ter: number;
  /** chrF on sacrebleu's scale, 0..100 */
  chrf: number;
  /** the edits behind `ter`: insertions, deletions, substitutions, shifts, reference words */
  edits: TerStats;
  annotationCount: number;
  mqmPenalty: number;
  /** measured active editing time over all its revisions; null when never measured */
  editingSeconds: number | null;
}

export interface CategoryCounts {
  code: string;
  label: string;
  counts: Record<Severity, number>;
  total: number;
  penalty: number;
}

export interface Effort {
  editingSeconds: number;
  /** covered segments with measured time, and their MT words */
  timedSegments: number;
  timedWords: number;
  /** editing seconds / MT words of the timed segments; null when nothing was timed */
  secondsPerWord: number | null;
  unchangedSegments: number;
  /** unchanged / covered segments, 0..1; null without covered segments */
  unchangedShare: number | null;
}

/**
 * How much of the article the scores speak for. Evaluated = sentences and headings;
 * covered = those someone edited, approved or rejected (an untouched MT sentence has
 * not been judged, so it does not count as good).
 */
export interface Coverage {
  evaluatedSegments: number;
  evaluatedWords: number;
  coveredSegments: number;
  coveredWords: number;
  /** covered / evaluated MT words, 0..1; null without evaluated words */
  share: number | null;
  /** the share a final verdict needs (quality settings), 0..1 */
  required: number;
}

/**
 * The MQM badge: `provisional` until the coverage reaches the required share, `fail`
 * when the score is below the threshold or any segment is rejected, `not-evaluated`
 * while nothing was judged.
 */
export type Verdict = 'pass' | 'fail' | 'provisional' | 'not-evaluated';

export interface ArticleQuality {
  article: Article;
  progress: Progress;
  /** the latest change to the text, status or annotations */
  lastChange: string;
  settings: QualitySettings;
  coverage: Coverage;
  /** corpus HTER over the covered segments; null when there are none */
  hter: number | null;
  chrf: number | null;
  /** the covered segments' edits added up */
  edits: TerStats;
  /** MQM over the covered words; `pass` is the final verdict (null while provisional or not evaluated) */
  mqm: MqmScore & { bySeverity: Record<Severity, number>; byCategory: CategoryCounts[]; verdict: Verdict; rejected: number };
  effort: Effort;
  /** covered segments per HTER bucket (see src/stats/contribution.ts hterBucket) */
  hterBuckets: number[];
}

export interface OverviewRow {
  articleId: number;
  title: string;
  progress: Progress;
  coverage: Coverage;
  hter: number | null;
  chrf: number | null;
  qualityScore: number | null;
  pass: boolean | null;
  verdict: Verdict;
  annotationCount: number;
  lastChange: string;
}

export const OVERVIEW_SORTS = ['title', 'progress', 'hter', 'chrf', 'mqm', 'pass', 'updated'] as const;
export type OverviewSort = (typeof OVERVIEW_SORTS)[number];
