/**
 * Translation edit rate (Snover et al., 2006) computed the way sacrebleu's `TER` metric
 * computes it with its defaults: lowercase both sides, split on whitespace only
 * (normalized=False, no_punct=False, asian_support=False), max shift size 10,
 * max shift distance 50, beam width 25, at most 1000 shift candidates per sentence.
 * Used as HTER: the MT output is the hypothesis, the editor's corrected text the reference.
 *
 * This is a port of sacrebleu's `metrics/lib_ter.py` (itself a re-implementation of
 * Tercom) and keeps its tie-breaking wherever it can change a score:
 *   - an edit-distance cell prefers match/substitution, then deletion, then insertion;
 *   - shift candidates are enumerated in the same order and ranked by
 *     (gain, length, earliest hypothesis start, earliest target);
 *   - the 1000-candidate budget is counted across all rounds of one sentence, and the
 *     round that exhausts it does not apply its best shift.
 *
 * Where the code differs from lib_ter it changes speed, not results:
 *   - words are integer ids (equal words are found through a hash table over the
 *     lowercased text, without building substrings), the DP lives in reused typed
 *     arrays, and only the beam band of each row is stored;
 *   - sacrebleu caches DP rows in a trie keyed by hypothesis prefixes. A row depends only
 *     on the prefix (all candidates of a sentence have the same length), so we keep the
 *     matrix of the current hypothesis and start each candidate from the row of the
 *     longest prefix it shares with it;
 *   - a candidate only differs from the current hypothesis between a shared prefix and a
 *     shared suffix: its distance combines the current matrix's row at the prefix, the
 *     rows of the rearranged words, and a backward (suffix-to-end) matrix of the current
 *     hypothesis over the same beam, which together give sacrebleu's beam distance
 *     exactly;
 *   - matching word pairs are found through each reference word's list of positions
 *     instead of comparing every pair of positions.
 */

import { isPythonWhitespace } from './whitespace';

export interface TerStats {
  /** insertions + deletions + substitutions + shifts */
  edits: number;
  referenceWords: number;
  /** reference words missing from the hypothesis (the editor typed them) */
  insertions: number;
  /** hypothesis words absent from the reference (the editor removed them) */
  deletions: number;
  substitutions: number;
  /** block moves; each costs one edit whatever its length */
  shifts: number;
}

/**
 * Beyond this many words on either side a sentence is scored without shifts: the same
 * beam edit distance (linear in the words), with insertions, deletions and substitutions
 * only. Every shift sacrebleu applies saves at least the one edit it costs, so the edit
 * count without shifts is an upper bound of sacrebleu's. Shift search grows with the
 * words: each round pairs every hypothesis word with up to 101 reference positions and
 * block lengths up to 10, and rebuilds two banded matrices. Adversarial sentences of
 * 2000 words took under 50 ms; a pasted 100 KB "sentence" (~16,000 words) took up to
 * 0.4 s with shifts, ~20 ms without. Real sentences are far below the bound.
 */
export const MAX_WORDS_WITH_SHIFTS = 2000;

const MAX_SHIFT_SIZE = 10;
const MAX_SHIFT_DIST = 50;
const BEAM_WIDTH = 25;
const MAX_SHIFT_CANDIDATES = 1000;
// Far above any real distance; INFINITY + 1 must still fit in an Int32Array.
const INFINITY = 1_000_000_000;

// Operations of the hypothesis -> reference trace. 0 is "never set", sacrebleu's 'x'.
const OP_UNDEF = 0;
const OP_NOP = 1;
const OP_SUB = 2;
/** a reference word is inserted */
const OP_INS = 3;
/** a hypothesis word is deleted */
const OP_DEL = 4;

export function terStats(hypothesis: string, reference: string): TerStats {
  const hypothesisText = hypothesis.toLowerCase();
  const referenceText = reference.toLowerCase();
  const table = workspace;
  const maxHypothesisWords = (hypothesisText.length + 1) >> 1;
  const maxReferenceWords = (referenceText.length + 1) >> 1;
  table.reserve(maxHypothesisWords, maxReferenceWords);
  words.begin(maxHypothesisWords + maxReferenceWords);
  // Reference first: its words get the smallest ids.
  const m = words.read(referenceText, table.ref);
  const n = words.read(hypothesisText, table.hyp);

  if (m === 0) {
    // sacrebleu: every hypothesis word is an edit and the reference length is 0.
    return { edits: n, referenceWords: 0, insertions: 0, deletions: n, substitutions: 0, shifts: 0 };
  }
  if (n === m && commonPrefixLength(table.hyp, table.ref, n) === n) {
    return { edits: 0, referenceWords: m, insertions: 0, deletions: 0, substitutions: 0, shifts: 0 };
  }

  table.reset(n, m);
  const shifts = n > MAX_WORDS_WITH_SHIFTS || m > MAX_WORDS_WITH_SHIFTS ? 0 : applyShifts(table, words.count);

  let insertions = 0;
  let deletions = 0;
  let substitutions = 0;
  const trace = table.traceBuffer;
  for (let k = table.trace(); k < trace.length; k++) {
    const op = trace[k];
    if (op === OP_INS) insertions++;
    else if (op === OP_DEL) deletions++;
    else if (op === OP_SUB) substitutions++;
  }
  return {
    edits: shifts + insertions + deletions + substitutions,
    referenceWords: m,
    insertions,
    deletions,
    substitutions,
    shifts,
  };
}

/** Sentence TER on sacrebleu's 0..100+ scale (more edits than reference words gives > 100). */
export function terScore(stats: TerStats): number {
  return scoreFrom(stats.edits, stats.referenceWords);
}

/** Corpus TER: total edits over total reference words, not the mean of sentence scores. */
export function corpusTer(stats: readonly TerStats[]): number {
  const total = sumTerStats(stats);
  return scoreFrom(total.edits, total.referenceWords);
}

/** The statistics of several sentences added up, counter by counter. */
export function sumTerStats(stats: readonly TerStats[]): TerStats {
  const total: TerStats = { edits: 0, referenceWords: 0, insertions: 0, deletions: 0, substitutions: 0, shifts: 0 };
  for (const sentence of stats) {
    total.edits += sentence.edits;
    total.referenceWords += sentence.referenceWords;
    total.insertions += sentence.insertions;
    total.deletions += sentence.deletions;
    total.substitutions += sentence.substitutions;
    total.shifts += sentence.shifts;
  }
  return total;
}

function scoreFrom(edits: number, referenceWords: number): number {
  // sacrebleu TER._compute_score_from_stats: with no reference words the score is 100
  // when there is anything to delete and 0 when both sides are empty.
  if (referenceWords > 0) return 100 * (edits / referenceWords);
  return edits > 0 ? 100 : 0;
}

/**
 * sacrebleu's TercomTokenizer with its defaults followed by `split()` (the caller
 * lowercases), giving equal words equal ids 0, 1, ... in order of first appearance.
 * Words stay where they are in the text: a hash table of (text, start, end) finds
 * earlier occurrences, so no substring is built. One instance serves every call.
 */
class WordReader {
  /** distinct words read since `begin` */
  count = 0;
  /** open addressing: id + 1 of the word in each slot, 0 when empty */
  private slots = new Int32Array(0);
  private mask = 0;
  private texts: string[] = [];
  private starts = new Int32Array(0);
  private ends = new Int32Array(0);
  private hashes = new Int32Array(0);

  begin(maxWords: number): void {
    let size = 16;
    while (size < 2 * maxWords) size *= 2;
    if (this.slots.length < size) this.slots = new Int32Array(size);
    else this.slots.fill(0, 0, size);
    this.mask = size - 1;
    if (this.starts.length < maxWords) {
      this.starts = new Int32Array(2 * maxWords);
      this.ends = new Int32Array(2 * maxWords);
      this.hashes = new Int32Array(2 * maxWords);
    }
    this.count = 0;
    this.texts.length = 0;
  }

  /** Writes the ids of the words of `text` into `out`; returns how many there are. */
  read(text: string, out: Int32Array): number {
    let words = 0;
    let start = -1;
    let hash = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (isPythonWhitespace(code)) {
        if (start >= 0) out[words++] = this.intern(text, start, i, hash);
        start = -1;
      } else {
        if (start < 0) {
          start = i;
          hash = FNV_OFFSET;
        }
        hash = Math.imul(hash ^ code, FNV_PRIME);
      }
    }
    if (start >= 0) out[words++] = this.intern(text, start, text.length, hash);
    return words;
  }

  private intern(text: string, start: number, end: number, hash: number): number {
    const { slots, mask, starts, ends, hashes } = this;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot]!;
      if (entry === 0) {
        const id = this.count++;
        slots[slot] = id + 1;
        this.texts[id] = text;
        starts[id] = start;
        ends[id] = end;
        hashes[id] = hash;
        return id;
      }
      const id = entry - 1;
      if (hashes[id] === hash && ends[id]! - starts[id]! === end - start) {
        const other = this.texts[id]!;
        const offset = starts[id]! - start;
        let k = start;
        while (k < end && other.charCodeAt(k + offset) === text.charCodeAt(k)) k++;
        if (k === end) return id;
      }
    }
  }
}

// FNV-1a, started from a random value per process so that nobody can prepare text whose
// words all collide (which would make reading it quadratic). Ids only need equality, so
// results do not depend on the seed.
const FNV_OFFSET = (0x811c9dc5 ^ Math.floor(Math.random() * 0x100000000)) | 0;
const FNV_PRIME = 0x01000193;

/**
 * Greedily applies the best shift until none lowers the edit distance (sacrebleu's
 * `translation_edit_rate` loop). Leaves `table` holding the shifted hypothesis.
 */
function applyShifts(table: BeamEditDistance, vocabularySize: number): number {
  table.indexReference(vocabularySize);
  const search = { checkedCandidates: 0 };
  let shifts = 0;
  for (;;) {
    const best = findBestShift(table, search);
    // As in sacrebleu, the round that exhausts the budget is dropped, even with a gain.
    if (search.checkedCandidates >= MAX_SHIFT_CANDIDATES || best === null) break;
    shifts++;
    table.applyShift(best.start, best.length, best.target);
  }
  return shifts;
}

interface Shift {
  gain: number;
  start: number;
  length: number;
  target: number;
}

/**
 * sacrebleu `_shift`: the shift with the highest gain, or null when no shift gains at
 * least 1 (sacrebleu then returns a gain <= 0 and the caller stops).
 */
function findBestShift(table: BeamEditDistance, search: { checkedCandidates: number }): Shift | null {
  const { hyp, ref, n, m } = table;
  const preScore = table.distance();
  table.align();
  const { alignment, hypErrors, refErrors, candidate, firstInRef, nextInRef } = table;
  let best: Shift | null = null;

  // sacrebleu `_find_shifted_pairs`: every (start_h, start_r, length) with equal words,
  // start_h outer, start_r inner, lengths growing; pairs further apart than
  // MAX_SHIFT_DIST are skipped. Only the reference positions of the word at start_h can
  // start a pair, so they are walked in increasing order instead of all positions.
  for (let startH = 0; startH < n; startH++) {
    const firstR = startH - MAX_SHIFT_DIST;
    const lastR = startH + MAX_SHIFT_DIST;
    for (let startR = firstInRef[hyp[startH]!]!; startR !== -1 && startR <= lastR; startR = nextInRef[startR]!) {
      if (startR < firstR) continue;
      let length = 0;
      while (length < MAX_SHIFT_SIZE && hyp[startH + length] === ref[startR + length]) {
        length++;
        // Only move words that are wrong where they are, to where the reference is not
        // matched yet, and not into themselves.
        const aligned = alignment[startR]!;
        if (
          hypErrors[startH + length]! - hypErrors[startH]! > 0 &&
          refErrors[startR + length]! - refErrors[startR]! > 0 &&
          !(startH <= aligned && aligned < startH + length)
        ) {
          let previousTarget = -1;
          for (let offset = -1; offset < length; offset++) {
            // Unlike Tercom, sacrebleu inserts *before* the index.
            const target = startR + offset === -1 ? 0 : alignment[startR + offset]! + 1;
            if (target === previousTarget) continue;
            previousTarget = target;

            performShift(hyp, n, startH, length, target, candidate);
            const gain: number = preScore - table.distanceOf(candidate);
            search.checkedCandidates++;
            // A gain below 1 is never applied, so such candidates need not be kept.
            if (gain >= 1 && isBetterShift(gain, startH, length, target, best)) {
              best = { gain, start: startH, length, target };
            }
          }
          if (search.checkedCandidates >= MAX_SHIFT_CANDIDATES) return best;
        }
        if (startH + length === n || startR + length === m) break;
      }
    }
  }
  return best;
}

/** sacrebleu's tuple comparison (gain, length, -start_h, -idx); a full tie keeps the first. */
function isBetterShift(gain: number, start: number, length: number, target: number, best: Shift | null): boolean {
  if (best === null) return true;
  if (gain !== best.gain) return gain > best.gain;
  if (length !== best.length) return length > best.length;
  if (start !== best.start) return start < best.start;
  return target < best.target;
}

/** sacrebleu `_perform_shift` on words[0..n), Python slice semantics included, into `out`. */
function performShift(words: Int32Array, n: number, start: number, length: number, target: number, out: Int32Array): void {
  const end = start + length;
  let k = 0;
  let i: number;
  if (target < start) {
    for (i = 0; i < target; i++) out[k++] = words[i]!;
    for (i = start; i < end; i++) out[k++] = words[i]!;
    for (i = target; i < start; i++) out[k++] = words[i]!;
    for (i = end; i < n; i++) out[k++] = words[i]!;
  } else if (target > end) {
    for (i = 0; i < start; i++) out[k++] = words[i]!;
    for (i = end; i < target; i++) out[k++] = words[i]!;
    for (i = start; i < end; i++) out[k++] = words[i]!;
    for (i = target; i < n; i++) out[k++] = words[i]!;
  } else {
    // A target inside the block moves it right by (target - start); Python slicing clamps
    // the end of the middle slice to the sentence.
    const cut = Math.min(n, length + target);
    for (i = 0; i < start; i++) out[k++] = words[i]!;
    for (i = end; i < cut; i++) out[k++] = words[i]!;
    for (i = start; i < end; i++) out[k++] = words[i]!;
    for (i = cut; i < n; i++) out[k++] = words[i]!;
  }
}

/**
 * sacrebleu `BeamEditDistance`: Levenshtein distance of a hypothesis to the reference,
 * computed only in a band around the length-ratio diagonal (the last row is complete).
 * Holds the banded matrix of the current hypothesis. One instance serves every call; its
 * buffers only grow, so `hyp` and `ref` are longer than n and m.
 */
class BeamEditDistance {
  n = 0;
  m = 0;
  hyp: Int32Array = new Int32Array(0);
  ref: Int32Array = new Int32Array(0);
  /** a shifted hypothesis being scored */
  candidate: Int32Array = new Int32Array(0);
  /** sacrebleu `trace_to_alignment`: reference position -> aligned hypothesis position */
  alignment: Int32Array = new Int32Array(0);
  /** prefix sums of the error flags of each side */
  hypErrors: Int32Array = new Int32Array(0);
  refErrors: Int32Array = new Int32Array(0);
  /** per word id its first reference position, and per position the next one (-1: none) */
  firstInRef: Int32Array = new Int32Array(0);
  nextInRef: Int32Array = new Int32Array(0);
  private spare: Int32Array = new Int32Array(0);
  /** band of row i is columns [low[i], high[i]); its cells start at offset[i] */
  private low: Int32Array = new Int32Array(0);
  private high: Int32Array = new Int32Array(0);
  private offset: Int32Array = new Int32Array(0);
  private cost: Int32Array = new Int32Array(0);
  private rowA: Int32Array = new Int32Array(0);
  private rowB: Int32Array = new Int32Array(0);
  traceBuffer = new Uint8Array(0);
  /**
   * Laid out like `cost`: per cell (i, j) of the beam, the cheapest way from that cell to
   * the last one through cells of the beam, for the current hypothesis when
   * `suffixesReady` (rows 1..n).
   */
  private suffix: Int32Array = new Int32Array(0);
  private suffixesReady = false;

  /** Makes room for sentences of up to n hypothesis and m reference words. */
  reserve(n: number, m: number): void {
    if (this.hyp.length < n + 1) {
      const size = 2 * (n + 1);
      this.hyp = new Int32Array(size);
      this.spare = new Int32Array(size);
      this.candidate = new Int32Array(size);
      this.low = new Int32Array(size);
      this.high = new Int32Array(size);
      this.offset = new Int32Array(size);
      this.hypErrors = new Int32Array(size);
    }
    if (this.ref.length < m + 1) {
      const size = 2 * (m + 1);
      this.ref = new Int32Array(size);
      this.rowA = new Int32Array(size);
      this.rowB = new Int32Array(size);
      this.alignment = new Int32Array(size);
      this.refErrors = new Int32Array(size);
      this.nextInRef = new Int32Array(size);
    }
    if (this.traceBuffer.length < n + m) this.traceBuffer = new Uint8Array(2 * (n + m));
  }

  /** Starts on the n hypothesis and m reference words now in `hyp` and `ref`. */
  reset(n: number, m: number): void {
    this.n = n;
    this.m = m;
    const lengthRatio = n > 0 ? m / n : 1;
    // With very unequal lengths the band would not overlap the previous row's.
    const beamWidth = BEAM_WIDTH < lengthRatio / 2 ? Math.ceil(lengthRatio / 2 + BEAM_WIDTH) : BEAM_WIDTH;

    const { low, high, offset } = this;
    low[0] = 0;
    high[0] = m + 1;
    offset[0] = 0;
    let cells = m + 1;
    for (let i = 1; i <= n; i++) {
      const pseudoDiagonal = Math.floor(i * lengthRatio);
      low[i] = Math.max(0, pseudoDiagonal - beamWidth);
      high[i] = i === n ? m + 1 : Math.min(m + 1, pseudoDiagonal + beamWidth);
      offset[i] = cells;
      cells += high[i]! - low[i]!;
    }
    if (this.cost.length < cells) this.cost = new Int32Array(2 * cells);
    // Row 0: the reference is inserted word by word.
    for (let j = 0; j <= m; j++) this.cost[j] = j;
    this.suffixesReady = false;
    this.fillRows(0);
  }

  /** Lists the reference positions of each word id, for the shift search. */
  indexReference(vocabularySize: number): void {
    if (this.firstInRef.length < vocabularySize) this.firstInRef = new Int32Array(2 * vocabularySize);
    const { firstInRef, nextInRef, ref } = this;
    firstInRef.fill(-1, 0, vocabularySize);
    for (let r = this.m - 1; r >= 0; r--) {
      nextInRef[r] = firstInRef[ref[r]!]!;
      firstInRef[ref[r]!] = r;
    }
  }

  /** Moves a block of the hypothesis, recomputing only the rows past the shared prefix. */
  applyShift(start: number, length: number, target: number): void {
    const shifted = this.spare;
    performShift(this.hyp, this.n, start, length, target, shifted);
    const shared = commonPrefixLength(this.hyp, shifted, this.n);
    this.spare = this.hyp;
    this.hyp = shifted;
    this.suffixesReady = false;
    this.fillRows(shared);
  }

  distance(): number {
    return this.cost[this.offset[this.n]! + this.m - this.low[this.n]!]!;
  }
  /**
   * Writes sacrebleu's back-pointers from the first cell to the last, as hypothesis ->
   * reference operations, at the end of `traceBuffer`; returns where they start. sacrebleu stores the operation of every cell; we recompute it on the
   * path only: it is the first of (match/substitution, deletion, insertion) whose cost
   * equals the cell's, which is what sacrebleu's strict comparisons keep.
   */
  trace(): number {
    const { low, high, offset, cost, hyp, ref } = this;
    const buffer = this.traceBuffer;
    let k = buffer.length;
    let i = this.n;
    let j = this.m;
    while (i > 0 || j > 0) {
      let op = OP_UNDEF;
      if (i === 0) {
        op = OP_INS;
      } else if (j === 0) {
        op = low[i] === 0 ? OP_DEL : OP_UNDEF;
      } else if (j >= low[i]! && j < high[i]!) {
        const value = cost[offset[i]! + j - low[i]!]!;
        const previousLow = low[i - 1]!;
        const previousHigh = high[i - 1]!;
        const previousBase = offset[i - 1]! - previousLow;
        const same = hyp[i - 1] === ref[j - 1];
        if (value >= INFINITY) {
          op = OP_UNDEF;
        } else if (j - 1 >= previousLow && j - 1 < previousHigh && cost[previousBase + j - 1]! + (same ? 0 : 1) === value) {
          op = same ? OP_NOP : OP_SUB;
        } else if (j >= previousLow && j < previousHigh && cost[previousBase + j]! + 1 === value) {
          op = OP_DEL;
        } else if (j > low[i]! && cost[offset[i]! + j - 1 - low[i]!]! + 1 === value) {
          op = OP_INS;
        }
      }
      buffer[--k] = op;
      if (op === OP_NOP || op === OP_SUB) {
        i--;
        j--;
      } else if (op === OP_INS) {
        j--;
      } else if (op === OP_DEL) {
        i--;
      } else {
        throw new Error(`TER trace left the beam at (${i}, ${j})`);
      }
    }
    return k;
  }

  /**
   * sacrebleu `_flip_trace` + `trace_to_alignment`, read straight off the unflipped
   * trace, into `alignment` (-1 before the first hypothesis word), `hypErrors` and
   * `refErrors`.
   */
  align(): void {
    const { alignment, hypErrors, refErrors, traceBuffer: trace } = this;
    hypErrors[0] = 0;
    refErrors[0] = 0;
    let h = -1;
    let r = -1;
    for (let k = this.trace(); k < trace.length; k++) {
      const op = trace[k];
      if (op === OP_NOP || op === OP_SUB) {
        const error = op === OP_SUB ? 1 : 0;
        h++;
        r++;
        alignment[r] = h;
        hypErrors[h + 1] = hypErrors[h]! + error;
        refErrors[r + 1] = refErrors[r]! + error;
      } else if (op === OP_DEL) {
        h++;
        hypErrors[h + 1] = hypErrors[h]! + 1;
      } else {
        r++;
        alignment[r] = h;
        refErrors[r + 1] = refErrors[r]! + 1;
      }
    }
  }

  /**
   * sacrebleu's beam distance of another hypothesis of the same length.
   *
   * The rows of the prefix both share come from the current matrix; the rows of the
   * words in between are computed (two at a time); from the row where the words agree
   * again, the cheapest path to the last cell through the beam is the current
   * hypothesis' `suffix`, so the distance is the cheapest sum over that row.
   */
  distanceOf(candidate: Int32Array): number {
    const { n, m, ref, cost, low, high, offset } = this;
    const shared = commonPrefixLength(this.hyp, candidate, n);
    if (shared === n) return this.distance();
    let changedEnd = n;
    while (this.hyp[changedEnd - 1] === candidate[changedEnd - 1]) changedEnd--;
    if (!this.suffixesReady) this.fillSuffixes();

    let previous = cost;
    let previousBase = offset[shared]! - low[shared]!;
    let previousLow = low[shared]!;
    let previousHigh = high[shared]!;
    let current = this.rowA;
    for (let i = shared + 1; ; i++) {
      const rowLow = low[i]!;
      const rowHigh = high[i]!;
      fillRow(previous, previousBase, previousLow, previousHigh, current, 0, rowLow, rowHigh, candidate[i - 1]!, ref);
      if (i === n) return current[m]!;
      if (i === changedEnd) {
        const suffix = this.suffix;
        const suffixBase = offset[i]! - rowLow;
        let distance = INFINITY;
        for (let j = rowLow; j < rowHigh; j++) distance = Math.min(distance, current[j]! + suffix[suffixBase + j]!);
        return distance;
      }
      previous = current;
      previousBase = 0;
      previousLow = rowLow;
      previousHigh = rowHigh;
      current = current === this.rowA ? this.rowB : this.rowA;
    }
  }

  /**
   * Fills `suffix` for the current hypothesis: sacrebleu's recurrence run backwards, from
   * the last cell, over the same cells of the beam (a cell outside it is INFINITY).
   */
  private fillSuffixes(): void {
    const { n, m, hyp, ref, low, high, offset } = this;
    if (this.suffix.length < this.cost.length) this.suffix = new Int32Array(this.cost.length);
    const suffix = this.suffix;
    // The last row is complete: only the remaining reference words are left to insert.
    const lastBase = offset[n]! - low[n]!;
    for (let j = low[n]!; j <= m; j++) suffix[lastBase + j] = m - j;
    for (let i = n - 1; i >= 1; i--) {
      const rowLow = low[i]!;
      const rowBase = offset[i]! - rowLow;
      const nextLow = low[i + 1]!;
      const nextHigh = high[i + 1]!;
      const nextBase = offset[i + 1]! - nextLow;
      const word = hyp[i];
      let right = INFINITY;
      for (let j = high[i]! - 1; j >= rowLow; j--) {
        let best = right + 1;
        if (j + 1 >= nextLow && j + 1 < nextHigh) best = Math.min(best, suffix[nextBase + j + 1]! + (word === ref[j] ? 0 : 1));
        if (j >= nextLow && j < nextHigh) best = Math.min(best, suffix[nextBase + j]! + 1);
        suffix[rowBase + j] = best;
        right = best;
      }
    }
    this.suffixesReady = true;
  }

  /** Computes rows from+1..n of the banded matrix. */
  private fillRows(from: number): void {
    const { n, ref, hyp, cost, low, high, offset } = this;
    for (let i = from + 1; i <= n; i++) {
      const previousLow = low[i - 1]!;
      fillRow(
        cost,
        offset[i - 1]! - previousLow,
        previousLow,
        high[i - 1]!,
        cost,
        offset[i]! - low[i]!,
        low[i]!,
        high[i]!,
        hyp[i - 1]!,
        ref,
      );
    }
  }
}

/**
 * One row of sacrebleu's beam edit distance, for hypothesis word `word`: cells
 * [rowLow, rowHigh) of `row` (read and written as `row[rowBase + column]`) from the
 * previous row's band [previousLow, previousHigh), read as `previous[previousBase + column]`.
 * Cells outside a band count as INFINITY. Costs of INFINITY or more mean "unreachable",
 * like sacrebleu's untouched INFINITY cells; they are not clamped, which changes no
 * comparison with a finite cost.
 */
function fillRow(
  previous: Int32Array,
  previousBase: number,
  previousLow: number,
  previousHigh: number,
  row: Int32Array,
  rowBase: number,
  rowLow: number,
  rowHigh: number,
  word: number,
  ref: Int32Array,
): void {
  let left = edgeCell(previous, previousBase, previousLow, previousHigh, INFINITY, rowLow, word, ref);
  row[rowBase + rowLow] = left;
  // Columns where all three neighbours lie inside the bands: the hot loop.
  const coreEnd = Math.min(rowHigh, previousHigh);
  let j = rowLow + 1;
  for (; j < coreEnd; j++) {
    // Math.min compiles to branch-free code; the minimum is all a cell keeps (the trace
    // recomputes which neighbour it came from).
    left = Math.min(previous[previousBase + j - 1]! + (word === ref[j - 1] ? 0 : 1), Math.min(previous[previousBase + j]!, left) + 1);
    row[rowBase + j] = left;
  }
  for (; j < rowHigh; j++) {
    left = edgeCell(previous, previousBase, previousLow, previousHigh, left, j, word, ref);
    row[rowBase + j] = left;
  }
}

/** A cell whose neighbours above may lie outside the previous band; `left` is the cell before it. */
function edgeCell(
  previous: Int32Array,
  previousBase: number,
  previousLow: number,
  previousHigh: number,
  left: number,
  j: number,
  word: number,
  ref: Int32Array,
): number {
  // sacrebleu assigns column 0 without comparing: a deletion from the cell above.
  if (j === 0) return (previousLow === 0 ? previous[previousBase]! : INFINITY) + 1;
  let best = left + 1;
  if (j - 1 >= previousLow && j - 1 < previousHigh) {
    const substitution = previous[previousBase + j - 1]! + (word === ref[j - 1] ? 0 : 1);
    if (substitution < best) best = substitution;
  }
  if (j >= previousLow && j < previousHigh) {
    const above = previous[previousBase + j]! + 1;
    if (above < best) best = above;
  }
  return best;
}

const workspace = new BeamEditDistance();
const words = new WordReader();

function commonPrefixLength(a: Int32Array, b: Int32Array, length: number): number {
  let i = 0;
  while (i < length && a[i] === b[i]) i++;
  return i;
}
