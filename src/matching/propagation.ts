import { CODE_MARKER_RANGE, textChunks, type TextChunk } from '../diff/chunks';
import { wordDiff, type DiffPart } from '../diff/wordDiff';
import { FUNCTION_WORDS } from './functionWords';
import { applyMatches, findMatches, type AppliedMatches } from './matches';
import { escapeForPattern, wholeWordSource, type CompiledQuery } from './query';

/**
 * Propagation: when a save turns a phrase into another ("comfort force" →
 * "reassurance force"), the fixes other sentences of the article may take too.
 *
 * Each separate changed place of the save's word diff gives one fix: the changed
 * span, widened to whole words, with enough unchanged context words around it to
 * be specific, never a guess at what the editor meant:
 *
 * - A "form" fix changes only spacing or punctuation INSIDE words, keeping every
 *   run of letters and digits as it was: "three -year" → "three-year",
 *   "10%prices" → "10% prices", "post conflict" → "post-conflict". Such a text is
 *   wrong wherever it stands, so it needs no context.
 * - Any other change is "wording" and must hold at least two content words (words
 *   that are not function words, see ./functionWords): "comfort" → "reassurance"
 *   in "a comfort force" gives "comfort force" → "reassurance force"; "prices" →
 *   "tariffs" in "Trump's prices and" gives "Trump's prices" → "Trump's tariffs".
 *   Context words are added one content word at a time from the nearer side
 *   (counting the function words crossed on the way, which join the fix; on a tie
 *   the following word, as English noun phrases end in their head), at most
 *   3 words a side, never across ; : ! ? or a code marker. Joining or splitting
 *   words ("every day" → "everyday"), a change of case and punctuation at a word's
 *   edge ("Thursday" → "Thursday,", "U.S" → "U.S.") are wording: right in one
 *   place, wrong in another.
 * - An insertion or a deletion ("a force" → "a reassurance force") has no old
 *   text of its own, so it also takes at least one word on EACH side, then more
 *   as above.
 * A change that cannot get its context (at the sentence's edge, behind a barrier)
 * or that touches an inline code (markers are per segment, so a code in another
 * sentence is another code) is not offered. Changes whose fixes would overlap
 * are one fix.
 *
 * Pure: imports nothing from the app.
 */

export interface Span {
  start: number;
  end: number;
}

export interface PropagationFix {
  from: string;
  to: string;
  kind: 'form' | 'wording';
  /** Where `from` stands in the saved sentence's old text. */
  before: Span;
  /** Where `to` stands in its new text. */
  after: Span;
}

const MIN_CONTENT_WORDS = 2;
const MAX_CONTEXT_WORDS_PER_SIDE = 3;
const BARRIER = new RegExp(`[;:!?${CODE_MARKER_RANGE}]`, 'u');
const CODE_MARKER = new RegExp(`[${CODE_MARKER_RANGE}]`, 'u');
const ALPHANUMERIC_RUNS = /[\p{L}\p{M}\p{N}]+/gu;

export function propagationFixes(before: string, after: string): PropagationFix[] {
  const regions = changedRegions(wordDiff(before, after));
  if (regions.length === 0) return [];
  const chunks = textChunks(before);
  const words = chunks.filter((chunk) => chunk.kind === 'word' && /[\p{L}\p{N}]/u.test(before.slice(chunk.coreStart, chunk.coreEnd)));

  const newSpan = (span: Span): Span => ({ start: toNewOffset(span.start, 'start', regions), end: toNewOffset(span.end, 'end', regions) });

  const snapped = mergeOverlapping(regions.map((region) => ({ ...snapToWords(region, before, after, chunks), regions: [region] })));
  const withContext: Candidate[] = [];
  for (const candidate of snapped) {
    const to = newSpan(candidate);
    if (isFormFix(candidate, before.slice(candidate.start, candidate.end), after.slice(to.start, to.end))) {
      withContext.push({ ...candidate, kind: 'form' });
    } else {
      const widened = withEnoughContext(candidate, to.start === to.end, before, words);
      if (widened) withContext.push({ ...widened, kind: 'wording' });
    }
  }

  const fixes: PropagationFix[] = [];
  for (const candidate of mergeOverlapping(withContext)) {
    const to = newSpan(candidate);
    const fix: PropagationFix = {
      from: before.slice(candidate.start, candidate.end),
      to: after.slice(to.start, to.end),
      kind: candidate.kind ?? 'wording',
      before: { start: candidate.start, end: candidate.end },
      after: to,
    };
    const duplicate = fixes.some((other) => other.from === fix.from && other.to === fix.to);
    if (!duplicate && !CODE_MARKER.test(fix.from + fix.to)) fixes.push(fix);
  }
  return fixes;
}

/** A run of delete and insert parts: old text [oldStart, oldEnd) became new text [newStart, newEnd). */
interface Region {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

/** A span of the old text that will become one fix, with the regions it covers. */
interface Candidate extends Span {
  regions: Region[];
  kind?: 'form' | 'wording';
}

function changedRegions(parts: DiffPart[]): Region[] {
  const regions: Region[] = [];
  let oldOffset = 0;
  let newOffset = 0;
  let open: Region | null = null;
  for (const part of parts) {
    if (part.kind === 'equal') {
      open = null;
      oldOffset += part.text.length;
      newOffset += part.text.length;
      continue;
    }
    if (!open) {
      open = { oldStart: oldOffset, oldEnd: oldOffset, newStart: newOffset, newEnd: newOffset };
      regions.push(open);
    }
    if (part.kind === 'delete') oldOffset = open.oldEnd = oldOffset + part.text.length;
    else newOffset = open.newEnd = newOffset + part.text.length;
  }
  return regions;
}

/**
 * Widens a change that starts or ends inside a word (in the old text or the new)
 * to that whole word: a space inserted into "10%prices" makes the fix
 * "10%prices" → "10% prices". The word is its core, so a comma after it stays out,
 * unless the change is in that punctuation itself.
 */
function snapToWords(region: Region, before: string, after: string, chunks: TextChunk[]): Span {
  let start = region.oldStart;
  let end = region.oldEnd;
  if (gluedAt(before, start) || gluedAt(after, region.newStart)) {
    const chunk = chunkAt(chunks, start - 1);
    if (chunk?.kind === 'word') start = start > chunk.coreStart ? chunk.coreStart : start < chunk.coreStart ? chunk.start : start;
  }
  if (gluedAt(before, end) || gluedAt(after, region.newEnd)) {
    const chunk = chunkAt(chunks, end);
    if (chunk?.kind === 'word') end = end < chunk.coreEnd ? chunk.coreEnd : end > chunk.coreEnd ? chunk.end : end;
  }
  return { start, end };
}

/** Whether the characters on both sides of `index` belong to one word chunk. */
function gluedAt(text: string, index: number): boolean {
  const isWordPart = (char: string | undefined) => char !== undefined && !/\s/u.test(char) && !CODE_MARKER.test(char);
  return index > 0 && isWordPart(text[index - 1]) && isWordPart(text[index]);
}

function chunkAt(chunks: TextChunk[], index: number): TextChunk | undefined {
  return chunks.find((chunk) => chunk.start <= index && index < chunk.end);
}

/** Only spacing or punctuation changed, strictly inside the span, and the runs of letters and digits are the same. */
function isFormFix(candidate: Candidate, from: string, to: string): boolean {
  const inside = candidate.regions.every((region) => region.oldStart > candidate.start && region.oldEnd < candidate.end);
  return inside && sameItems(from.match(ALPHANUMERIC_RUNS) ?? [], to.match(ALPHANUMERIC_RUNS) ?? []);
}

function sameItems(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** The candidate widened by context words until it is specific (see the module comment), or null. */
function withEnoughContext(candidate: Candidate, deletesAll: boolean, before: string, words: TextChunk[]): Candidate | null {
  let { start, end } = candidate;
  const isContent = (word: TextChunk) => !FUNCTION_WORDS.has(before.slice(word.coreStart, word.coreEnd).toLowerCase());
  const contentInside = () => words.filter((word) => word.coreStart >= start && word.coreEnd <= end && isContent(word)).length;
  let leftAdded = 0;
  let rightAdded = 0;

  /** The next word outward on one side and how many words it takes to reach it, or null past a barrier or the limit. */
  const reach = (side: 'left' | 'right', wantContent: boolean): { word: TextChunk; steps: number } | null => {
    const added = side === 'left' ? leftAdded : rightAdded;
    let edge = side === 'left' ? start : end;
    let steps = 0;
    const ordered =
      side === 'left' ? words.filter((word) => word.coreEnd <= edge).reverse() : words.filter((word) => word.coreStart >= edge);
    for (const word of ordered) {
      const gap = side === 'left' ? before.slice(word.coreEnd, edge) : before.slice(edge, word.coreStart);
      steps++;
      if (BARRIER.test(gap) || added + steps > MAX_CONTEXT_WORDS_PER_SIDE) return null;
      if (!wantContent || isContent(word)) return { word, steps };
      edge = side === 'left' ? word.coreStart : word.coreEnd;
    }
    return null;
  };
  const take = (side: 'left' | 'right', reached: { word: TextChunk; steps: number }) => {
    if (side === 'left') {
      start = Math.min(start, reached.word.coreStart);
      leftAdded += reached.steps;
    } else {
      end = Math.max(end, reached.word.coreEnd);
      rightAdded += reached.steps;
    }
  };

  // An insertion or a deletion is placed by its neighbours: it takes one word on each side first.
  if (start === end || deletesAll) {
    const left = reach('left', false);
    const right = reach('right', false);
    if (!left || !right) return null;
    take('left', left);
    take('right', right);
  }
  while (contentInside() < MIN_CONTENT_WORDS) {
    const left = reach('left', true);
    const right = reach('right', true);
    if (!left && !right) return null;
    if (right && (!left || right.steps <= left.steps)) take('right', right);
    else take('left', left!);
  }
  return { ...candidate, start, end };
}

/** Joins candidates whose spans overlap or touch, so each place of the old text belongs to one fix. */
function mergeOverlapping(candidates: Candidate[]): Candidate[] {
  const ordered = [...candidates].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Candidate[] = [];
  for (const candidate of ordered) {
    const last = merged[merged.length - 1];
    if (last && candidate.start <= last.end) {
      last.end = Math.max(last.end, candidate.end);
      last.regions = [...last.regions, ...candidate.regions];
      if (last.kind !== candidate.kind) last.kind = 'wording';
    } else merged.push({ ...candidate });
  }
  return merged;
}

/**
 * Where an old-text offset at the edge of a span lands in the new text (all the
 * save's regions are given, in order). A span's
 * edges never fall strictly inside a changed region; an insertion right at an
 * edge belongs to the span (mergeOverlapping joins touching places), so a start
 * lands before it and an end after it.
 */
function toNewOffset(offset: number, edge: 'start' | 'end', regions: readonly Region[]): number {
  let shift = 0;
  for (const region of regions) {
    const before = region.oldEnd < offset || (region.oldEnd === offset && (region.oldStart < offset || edge === 'end'));
    if (before) shift += region.newEnd - region.newStart - (region.oldEnd - region.oldStart);
  }
  return offset + shift;
}

export interface FixOptions {
  /**
   * On (the default, as in the save): `from` matches in its own case, and a
   * `from` that starts in lower case also matches capitalised at the start of a
   * sentence, where `to` is capitalised in turn ("Comfort force was…" →
   * "Reassurance force was…"). The reverse is not done: a fix saved at a
   * sentence start keeps its capital, because "He said" → "Macron said" cannot
   * tell a capital of position from a proper noun.
   * Off: any case matches, and `to` is capitalised where the match starts with a
   * capital and `from` does not.
   */
  matchCase?: boolean;
}

// Before the sentence's first word: spaces, opening brackets and quotes, dashes, code markers.
const SENTENCE_START = `(?<=^[\\s\\p{Ps}\\p{Pi}\\p{Pd}"'${CODE_MARKER_RANGE}]*)`;

/**
 * The query that finds where `fix.from` still stands in a sentence, as whole
 * words, skipping places that already read `to` (a fix "U.S" → "U.S." must not
 * turn "U.S." into "U.S.."). Its replacements apply the fix. Compile it once per
 * fix and run it with matchChunk over the article; literal, so it needs no time limit.
 */
export function fixQuery(fix: Pick<PropagationFix, 'from' | 'to'>, options: FixOptions = {}): CompiledQuery {
  const matchCase = options.matchCase ?? true;
  const alternatives = [`${notAlready(fix.from, fix.to)}${escapeForPattern(fix.from)}`];
  const capitalVariant = matchCase && startsLowerCase(fix.from);
  if (capitalVariant) {
    const from = capitalised(fix.from);
    alternatives.push(`${SENTENCE_START}(${notAlready(from, capitalised(fix.to))}${escapeForPattern(from)})`);
  }
  const pattern = new RegExp(wholeWordSource(alternatives.join('|')), matchCase ? 'gu' : 'giu');
  const replacementFor = (match: RegExpExecArray) => {
    const capitalise = capitalVariant ? match[1] !== undefined : !matchCase && startsLowerCase(fix.from) && startsUpperCase(match[0]);
    return capitalise ? capitalised(fix.to) : fix.to;
  };
  return { pattern, needsTimeBound: false, replacementFor };
}

/** A negative lookahead that fails where the text around `from` already reads `to`. */
function notAlready(from: string, to: string): string {
  const readsTo: string[] = [];
  for (let offset = to.indexOf(from); offset !== -1; offset = to.indexOf(from, offset + 1)) {
    const behind = offset > 0 ? `(?<=${escapeForPattern(to.slice(0, offset))})` : '';
    readsTo.push(`${behind}${escapeForPattern(to.slice(offset))}`);
  }
  return readsTo.length > 0 ? `(?!${readsTo.join('|')})` : '';
}

function startsLowerCase(text: string): boolean {
  return /^\p{Ll}/u.test(text);
}

function startsUpperCase(text: string): boolean {
  return /^\p{Lu}/u.test(text);
}

function capitalised(text: string): string {
  const first = String.fromCodePoint(text.codePointAt(0) ?? 0);
  return text === '' ? text : first.toUpperCase() + text.slice(first.length);
}

// Compiling a fix's pattern costs V8 a few milliseconds, so the fixes applied one
// sentence at a time keep their queries (a save offers a handful of fixes).
const recentQueries = new Map<string, CompiledQuery>();
const RECENT_QUERY_LIMIT = 64;

/**
 * Applies a fix to one sentence: the new text, the places replaced (in the old
 * text: `applied`; in the new: `spans`). Nothing is stale here, the matches being
 * found on this very text.
 */
export function applyFix(text: string, fix: Pick<PropagationFix, 'from' | 'to'>, options: FixOptions = {}): AppliedMatches {
  const key = JSON.stringify([fix.from, fix.to, options.matchCase ?? true]);
  let query = recentQueries.get(key);
  if (!query) {
    query = fixQuery(fix, options);
    if (recentQueries.size >= RECENT_QUERY_LIMIT) recentQueries.delete(recentQueries.keys().next().value!);
  }
  recentQueries.delete(key);
  recentQueries.set(key, query);
  return applyMatches(text, findMatches(text, query));
}
