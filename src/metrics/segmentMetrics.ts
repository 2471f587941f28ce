/**
 * HTER and chrF of one segment: the MT is the hypothesis, the editor's current text
 * the reference (HTER is "human-targeted" TER: the reference is the post-edit).
 * Article figures are corpus-level, as sacrebleu computes them: summed statistics,
 * not averaged sentence scores.
 */
import { hash } from 'node:crypto';
import { chrfScore, corpusChrf, chrfStats, type ChrfStats } from './chrf';
import { corpusTer, terScore, terStats, type TerStats } from './ter';
import { countWordsAndCharacters } from './whitespace';

/** Bump when ter.ts or chrf.ts change their results: cached statistics are then recomputed. */
export const METRICS_ALGORITHM = 1;

const CHRF_ORDER = 6;

export interface SegmentMetrics {
  ter: TerStats;
  chrf: ChrfStats;
}

/** The metrics of a segment; an unchanged one is TER 0 / chrF 100 by definition and costs no alignment. */
export function segmentMetrics(mt: string, text: string): SegmentMetrics {
  if (mt === text) return unchangedMetrics(text);
  return { ter: terStats(mt, text), chrf: chrfStats(mt, text) };
}

/**
 * What terStats(text, text) and chrfStats(text, text) return, counted directly: no
 * edits, and every character n-gram matches.
 */
export function unchangedMetrics(text: string): SegmentMetrics {
  const { words: referenceWords, characters } = countWordsAndCharacters(text);
  const chrf: ChrfStats = [];
  for (let n = 1; n <= CHRF_ORDER; n++) {
    const ngrams = Math.max(0, characters - n + 1);
    chrf.push(ngrams, ngrams, ngrams);
  }
  return { ter: { edits: 0, referenceWords, insertions: 0, deletions: 0, substitutions: 0, shifts: 0 }, chrf };
}

/** Sentence scores on sacrebleu's scale: TER 0..100+ (more edits than words gives > 100), chrF 0..100. */
export function sentenceScores(metrics: SegmentMetrics): { ter: number; chrf: number } {
  return { ter: terScore(metrics.ter), chrf: chrfScore(metrics.chrf) };
}

export function corpusScores(metrics: readonly SegmentMetrics[]): { ter: number; chrf: number } {
  return { ter: corpusTer(metrics.map((m) => m.ter)), chrf: corpusChrf(metrics.map((m) => m.chrf)) };
}

/** The cache key of a segment's text (see segment_metrics in migrations/0002). One-shot: half the cost of a Hash object, same digest. */
export function textHash(text: string): string {
  return hash('sha1', text, 'base64');
}
