/**
 * chrF (Popović, 2015) computed the way sacrebleu's `CHRF` metric computes it with its
 * defaults: character n-grams of orders 1..6, no word n-grams, beta 2, whitespace removed
 * before extracting n-grams, case kept, and `eps_smoothing=False`, i.e. precision and
 * recall are averaged over the orders that both sides have (sacrebleu's "effective order").
 *
 * Characters are Unicode code points, as in Python strings. N-grams are never built as
 * strings: each character gets a small id, each n-gram an id interned from its
 * (n-1)-gram's id and its last character, and all counting happens in reused typed
 * arrays. The statistics are integers, so they equal sacrebleu's exactly, and the score
 * repeats sacrebleu's floating-point operations in the same order.
 */

import { isPythonWhitespace } from './whitespace';

/**
 * sacrebleu's flat statistics vector: for each order n = 1..6 the triple
 * [hypothesis n-grams, reference n-grams, matching n-grams].
 */
export type ChrfStats = number[];

export interface ChrfScoreOptions {
  /** weight of recall over precision; sacrebleu's default is 2 */
  beta?: number;
  /** chrF++.py-style smoothing instead of the effective order; sacrebleu's default is false */
  epsSmoothing?: boolean;
}

const CHAR_ORDER = 6;
const BETA = 2;
const EPSILON = 1e-16;

export function chrfStats(hypothesis: string, reference: string): ChrfStats {
  alphabet.clear();
  scratch.reserve(hypothesis.length, reference.length);
  const hypLength = characterIds(hypothesis, scratch.hyp);
  const refLength = characterIds(reference, scratch.ref);
  const matches = matchingNgrams(hypLength, refLength, alphabet.size);

  const stats: ChrfStats = [];
  for (let n = 1; n <= CHAR_ORDER; n++) {
    const referenceNgrams = Math.max(0, refLength - n + 1);
    // sacrebleu `_get_match_statistics`: hypothesis n-grams are not counted for an order
    // the reference has none of (this matters once statistics are summed over a corpus).
    const hypothesisNgrams = referenceNgrams > 0 ? Math.max(0, hypLength - n + 1) : 0;
    stats.push(hypothesisNgrams, referenceNgrams, matches[n - 1]!);
  }
  return stats;
}

/** sacrebleu `CHRF._compute_f_score`, on the 0..100 scale. */
export function chrfScore(stats: ChrfStats, options: ChrfScoreOptions = {}): number {
  const factor = (options.beta ?? BETA) ** 2;
  const order = stats.length / 3;
  let smoothedSum = 0;
  let effectiveOrder = 0;
  let averagePrecision = 0;
  let averageRecall = 0;

  for (let i = 0; i < order; i++) {
    const hypothesisNgrams = stats[3 * i]!;
    const referenceNgrams = stats[3 * i + 1]!;
    const matches = stats[3 * i + 2]!;
    const precision = hypothesisNgrams > 0 ? matches / hypothesisNgrams : EPSILON;
    const recall = referenceNgrams > 0 ? matches / referenceNgrams : EPSILON;
    const denominator = factor * precision + recall;
    smoothedSum += denominator > 0 ? ((1 + factor) * precision * recall) / denominator : EPSILON;
    if (hypothesisNgrams > 0 && referenceNgrams > 0) {
      averagePrecision += precision;
      averageRecall += recall;
      effectiveOrder++;
    }
  }

  if (options.epsSmoothing) return (100 * smoothedSum) / order;
  if (effectiveOrder === 0) return 0;
  averagePrecision /= effectiveOrder;
  averageRecall /= effectiveOrder;
  if (averagePrecision + averageRecall === 0) return 0;
  // Same operation order as sacrebleu, so the floating-point result is identical.
  const score = ((1 + factor) * averagePrecision * averageRecall) / (factor * averagePrecision + averageRecall);
  return 100 * score;
}

/** Corpus chrF: the score of the element-wise sum of the sentence statistics. */
export function corpusChrf(stats: readonly ChrfStats[], options: ChrfScoreOptions = {}): number {
  const total: ChrfStats = new Array<number>(3 * CHAR_ORDER).fill(0);
  for (const sentence of stats) {
    for (let i = 0; i < total.length; i++) total[i]! += sentence[i] ?? 0;
  }
  return chrfScore(total, options);
}

/** Ids 1..size for the distinct code points of one sentence pair; reused across calls. */
class Alphabet {
  size = 0;
  private readonly bmp = new Int32Array(0x10000);
  private readonly astral = new Map<number, number>();
  private readonly used: number[] = [];

  idOf(codePoint: number): number {
    if (codePoint < 0x10000) {
      let id = this.bmp[codePoint]!;
      if (id === 0) {
        id = this.bmp[codePoint] = ++this.size;
        this.used.push(codePoint);
      }
      return id;
    }
    let id = this.astral.get(codePoint);
    if (id === undefined) {
      id = ++this.size;
      this.astral.set(codePoint, id);
    }
    return id;
  }

  clear(): void {
    for (const codePoint of this.used) this.bmp[codePoint] = 0;
    this.used.length = 0;
    this.astral.clear();
    this.size = 0;
  }
}

const alphabet = new Alphabet();

/** Buffers reused by every call (they only grow): allocating typed arrays is slow. */
const scratch = {
  /** character ids of each side */
  hyp: new Int32Array(0),
  ref: new Int32Array(0),
  /** n-gram ids at each position of each side */
  hypGrams: new Int32Array(0),
  refGrams: new Int32Array(0),
  reserve(hypLength: number, refLength: number): void {
    if (this.hyp.length < hypLength) {
      this.hyp = new Int32Array(2 * hypLength);
      this.hypGrams = new Int32Array(2 * hypLength);
    }
    if (this.ref.length < refLength) {
      this.ref = new Int32Array(2 * refLength);
      this.refGrams = new Int32Array(2 * refLength);
    }
  },
};

/**
 * Writes the text's code points (what Python indexes) without Python whitespace
 * (sacrebleu: `''.join(line.split())`) into `ids`, as alphabet ids; returns how many.
 */
function characterIds(text: string, ids: Int32Array): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = ((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        i++;
      }
    } else if (isPythonWhitespace(code)) {
      continue;
    }
    ids[count++] = alphabet.idOf(code);
  }
  return count;
}

/**
 * Matching n-gram counts per order: for each n-gram, the smaller of its counts on the two
 * sides, summed. Rather than building n-gram strings, every position gets an id for its
 * n-gram, interned from (id of its (n-1)-gram, next character), so equal n-grams of the
 * two sides get equal ids. While interning, the reference's n-grams are counted and the
 * hypothesis' ones matched against what is left of those counts.
 */
function matchingNgrams(hypLength: number, refLength: number, alphabetSize: number): number[] {
  const { hyp, ref, hypGrams, refGrams } = scratch;
  const base = alphabetSize + 1;
  reserveTables(hypLength + refLength + base);
  const counts = countTable;

  // Order 1: the n-gram ids are the character ids.
  counts.fill(0, 0, base);
  for (let i = 0; i < refLength; i++) counts[(refGrams[i] = ref[i]!)]!++;
  let matched = 0;
  for (let i = 0; i < hypLength; i++) {
    const id = (hypGrams[i] = hyp[i]!);
    if (counts[id]! > 0) {
      counts[id]!--;
      matched++;
    }
  }
  const matches = [matched];

  let distinct = alphabetSize;
  for (let n = 2; n <= CHAR_ORDER; n++) {
    const hypCount = Math.max(0, hypLength - n + 1);
    const refCount = Math.max(0, refLength - n + 1);
    const keys = (distinct + 1) * base;
    if (keys > MAX_TABLE_SIZE) {
      const result = countWithMap(n, base, hypCount, refCount);
      matches.push(result.matched);
      distinct = result.distinct;
      continue;
    }
    // Generation stamps spare clearing the reused table between orders and calls.
    if (internStamps.length < keys) {
      internStamps = new Int32Array(Math.min(MAX_TABLE_SIZE, 2 * keys));
      internIds = new Int32Array(internStamps.length);
      internGeneration = 0;
    }
    const generation = ++internGeneration;
    const stamps = internStamps;
    const ids = internIds;
    let next = 0;
    for (let i = 0; i < refCount; i++) {
      // Both parts of the key are below base and the number of positions: it is exact.
      const key = refGrams[i]! * base + ref[i + n - 1]!;
      if (stamps[key] !== generation) {
        stamps[key] = generation;
        ids[key] = ++next;
        counts[next] = 0;
      }
      const id = ids[key]!;
      refGrams[i] = id;
      counts[id]!++;
    }
    matched = 0;
    for (let i = 0; i < hypCount; i++) {
      const key = hypGrams[i]! * base + hyp[i + n - 1]!;
      if (stamps[key] !== generation) {
        stamps[key] = generation;
        ids[key] = ++next;
        counts[next] = 0;
      }
      const id = ids[key]!;
      hypGrams[i] = id;
      if (counts[id]! > 0) {
        counts[id]!--;
        matched++;
      }
    }
    matches.push(matched);
    distinct = next;
  }
  return matches;
}

/** `matchingNgrams` for one order when the keys are too many for a table. */
function countWithMap(n: number, base: number, hypCount: number, refCount: number): { matched: number; distinct: number } {
  const { hyp, ref, hypGrams, refGrams } = scratch;
  const counts = countTable;
  const ids = new Map<number, number>();
  const idOf = (key: number) => {
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size + 1;
      ids.set(key, id);
      counts[id] = 0;
    }
    return id;
  };
  for (let i = 0; i < refCount; i++) {
    const id = (refGrams[i] = idOf(refGrams[i]! * base + ref[i + n - 1]!));
    counts[id]!++;
  }
  let matched = 0;
  for (let i = 0; i < hypCount; i++) {
    const id = (hypGrams[i] = idOf(hypGrams[i]! * base + hyp[i + n - 1]!));
    if (counts[id]! > 0) {
      counts[id]!--;
      matched++;
    }
  }
  return { matched, distinct: ids.size };
}

/** Directly indexed tables are used up to this many entries (keys are id x alphabet size). */
const MAX_TABLE_SIZE = 1 << 20;
let countTable = new Int32Array(0);
let internStamps = new Int32Array(0);
let internIds = new Int32Array(0);
let internGeneration = 0;

function reserveTables(ids: number): void {
  if (countTable.length <= ids) countTable = new Int32Array(2 * ids + 2);
}
