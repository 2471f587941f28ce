import type { CompiledQuery } from './query';
import { runWithTimeLimit, TIMED_OUT } from './timeLimit';

/**
 * Finding a compiled query's matches in segment texts and applying the chosen
 * ones. Offsets are UTF-16 code units, like every span in the app.
 *
 * Pure: imports nothing from the app.
 */

export interface Match {
  start: number;
  end: number;
  /** The text matched, so applyMatches can tell whether the text has changed since. */
  matched: string;
  replacement: string;
}

/** The default time limit of one call; a chunk should normally take a fraction of it. */
export const DEFAULT_TIME_LIMIT_MS = 50;

export interface TimeLimitOptions {
  timeoutMs?: number;
}

/** A user's regular expression ran out of time; `textIndex` is the text (in the chunk) it was working on. */
export class PatternTimeoutError extends Error {
  readonly code = 'pattern_timeout';
  constructor(
    readonly textIndex: number,
    readonly timeoutMs: number,
  ) {
    super(`The pattern took too long on sentence ${textIndex + 1} (over ${timeoutMs} ms); simplify it.`);
    this.name = 'PatternTimeoutError';
  }
}

/**
 * The matches of `query` in `text`: in order, non-overlapping, never empty.
 * A user's regular expression runs under a time limit (PatternTimeoutError past it).
 */
export function findMatches(text: string, query: CompiledQuery, options: TimeLimitOptions = {}): Match[] {
  return matchChunk([text], query, options).matches[0]!;
}

export interface ChunkResult {
  /** matches[i] are the matches in texts[i]. */
  matches: Match[][];
  elapsedMs: number;
}

/**
 * The matches of `query` in each text of a chunk, the whole chunk within one time
 * limit (default 50 ms) when the query is a user's regular expression. Past the
 * limit it throws PatternTimeoutError naming the text it was on: a pathological
 * pattern is stopped on its first bad sentence, and a chunk too big for the
 * limit is stopped too, so the caller sizes chunks to take a fraction of it.
 * Escaped literals cannot backtrack and run without the limit's 0.1 ms per call.
 */
export function matchChunk(texts: readonly string[], query: CompiledQuery, options: TimeLimitOptions = {}): ChunkResult {
  const started = performance.now();
  const matches: Match[][] = [];
  const matchAll = () => {
    for (const text of texts) matches.push(matchesIn(text, query));
  };
  if (!query.needsTimeBound) matchAll();
  else {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIME_LIMIT_MS;
    // `matches.length` is the index of the text being matched when time ran out.
    if (runWithTimeLimit(matchAll, timeoutMs) === TIMED_OUT) throw new PatternTimeoutError(matches.length, timeoutMs);
  }
  return { matches, elapsedMs: performance.now() - started };
}

function matchesIn(text: string, query: CompiledQuery): Match[] {
  const { pattern } = query;
  const matches: Match[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0] === '') {
      // Step over the whole character, as String.prototype.matchAll does in Unicode mode.
      pattern.lastIndex += isHighSurrogateAt(text, match.index) ? 2 : 1;
      continue;
    }
    matches.push({ start: match.index, end: match.index + match[0].length, matched: match[0], replacement: query.replacementFor(match) });
  }
  return matches;
}

function isHighSurrogateAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff && index + 1 < text.length;
}

export interface AppliedMatches {
  text: string;
  /** The matches replaced, in order. */
  applied: Match[];
  /** Where each applied replacement stands in the new text (same order as `applied`). */
  spans: { start: number; end: number }[];
  /** Matches not applied: the text there no longer reads `matched`, or they overlap one applied before them. */
  stale: Match[];
}

/**
 * Replaces the given matches (found earlier, perhaps on an older version of the
 * text) and reports those that no longer fit. All offsets refer to `text` as
 * given; the new text is built in one pass from the start.
 */
export function applyMatches(text: string, matches: readonly Match[]): AppliedMatches {
  const ordered = [...matches].sort((a, b) => a.start - b.start || a.end - b.end);
  const applied: Match[] = [];
  const spans: { start: number; end: number }[] = [];
  const stale: Match[] = [];
  let result = '';
  let cursor = 0;
  for (const match of ordered) {
    const fits = match.start >= cursor && match.end <= text.length && text.slice(match.start, match.end) === match.matched;
    if (!fits) {
      stale.push(match);
      continue;
    }
    result += text.slice(cursor, match.start);
    spans.push({ start: result.length, end: result.length + match.replacement.length });
    result += match.replacement;
    cursor = match.end;
    applied.push(match);
  }
  return { text: result + text.slice(cursor), applied, spans, stale };
}
