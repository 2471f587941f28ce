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
  /** counted in the article figures (sentences and headings) */
  evaluated: boolean;
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
  /** evaluated segments with measured time, and their MT words */
  timedSegments: number;
  timedWords: number;
  /** editing seconds / MT words of the timed segments; null when nothing was timed */
  secondsPerWord: number | null;
  unchangedSegments: number;
  /** unchanged / evaluated segments, 0..1; null without evaluated segments */
  unchangedShare: number | null;
}

export interface ArticleQuality {
  article: Article;
  progress: Progress;
  /** the latest change to the text, status or annotations */
  lastChange: string;
  settings: QualitySettings;
  segments: SegmentQuality[];
  evaluatedSegments: number;
  /** corpus HTER over the evaluated segments; null when there are none */
  hter: number | null;
  chrf: number | null;
  /** the evaluated segments' edits added up */
  edits: TerStats;
  mqm: MqmScore & { bySeverity: Record<Severity, number>; byCategory: CategoryCounts[] };
  effort: Effort;
}

export interface OverviewRow {
  articleId: number;
  title: string;
  progress: Progress;
  hter: number | null;
  chrf: number | null;
  qualityScore: number | null;
  pass: boolean | null;
  annotationCount: number;
  lastChange: string;
}

export const OVERVIEW_SORTS = ['title', 'progress', 'hter', 'chrf', 'mqm', 'pass', 'updated'] as const;
export type OverviewSort = (typeof OVERVIEW_SORTS)[number];
