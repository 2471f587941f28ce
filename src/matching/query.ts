import { runWithTimeLimit, TIMED_OUT } from './timeLimit';

/**
 * Find-and-replace queries: what the user typed, compiled once into a pattern
 * and a way to compute each match's replacement.
 *
 * Pure: imports nothing from the app.
 */

export interface QueryOptions {
  find: string;
  replace: string;
  /** Off: case-insensitive matching with Unicode case folding ("é" finds "É"). */
  matchCase: boolean;
  /** Each match must start and end at a word boundary (see WORD_BOUNDARY). */
  wholeWord: boolean;
  /**
   * On: `find` is a JavaScript regular expression in Unicode mode (the `u` flag,
   * so \p{L} works and "." is a whole character), and `replace` may use $1..$99,
   * $<name>, $&, $`, $' and $$ as String.prototype.replace does, per match.
   * Off: both are literal text.
   */
  regex: boolean;
}

export interface CompiledQuery {
  /** Global and Unicode; shared state (lastIndex), so only the matching functions use it. */
  readonly pattern: RegExp;
  /**
   * True when the pattern is the user's own regular expression, which may
   * backtrack catastrophically and is therefore only ever run under a time bound.
   * Escaped literals (and the fixed boundary checks around them) cannot.
   */
  readonly needsTimeBound: boolean;
  /** The replacement text of one match found by `pattern`. */
  readonly replacementFor: (match: RegExpExecArray) => string;
}

export type QueryErrorCode = 'empty_find' | 'invalid_regex' | 'matches_empty' | 'too_slow';
export interface QueryError {
  code: QueryErrorCode;
  message: string;
}

export type CompileResult = { ok: true; query: CompiledQuery } | { ok: false; error: QueryError };

export const queryMessages = {
  emptyFind: 'Type the text to find.',
  invalidRegex: (reason: string) => `The regular expression is not valid: ${reason}.`,
  matchesEmpty: 'The regular expression can match empty text, so it would match everywhere; make it require at least one character.',
  tooSlow:
    'The regular expression takes too long even on a short sample sentence; simplify it (nested repetitions such as (a+)+ are the usual cause).',
};

/** How long the empty-match check may take on its short sample before the pattern is refused as too slow. */
const PROBE_TIME_LIMIT_MS = 50;

/*
 * Word characters are letters (with their combining marks) and digits. An
 * apostrophe (' or ’) between two word characters joins them into one word
 * ("don't", "O'Brien", "rock'n'roll"), except the possessive or contracted "'s"
 * at a word's end, which starts a word of its own: whole-word "Trump" finds
 * "Trump's" (renaming a person renames their possessive too) but "don" does not
 * find "don't", and "s" alone never matches inside "Trump's". Code markers,
 * punctuation and spaces are never word characters.
 */
const WORD = '[\\p{L}\\p{M}\\p{N}]';
const APOSTROPHE = "['\u2019]";
// Each class here costs V8 about half a millisecond to compile (a query is
// compiled once per search), so the two cases share what they can.
const JOINED =
  `(?<=${WORD}${APOSTROPHE}?)(?=${WORD})` + // letter|letter, or letter'|letter
  `|(?<=${WORD})(?=${APOSTROPHE}(?![sS](?!${WORD}))${WORD})`; // letter|'letter, unless that is a final 's
/** Zero-width: no word runs across this position. */
export const WORD_BOUNDARY = `(?!${JOINED})`;

// The characters that have a meaning in a Unicode-mode pattern; escaping any other is a syntax error there.
const SYNTAX_CHARACTERS = /[\\^$.*+?()[\]{}|/]/g;

export function escapeForPattern(literal: string): string {
  return literal.replace(SYNTAX_CHARACTERS, '\\$&');
}

/** Wraps pattern source so that it only matches whole words. */
export function wholeWordSource(source: string): string {
  return `${WORD_BOUNDARY}(?:${source})${WORD_BOUNDARY}`;
}

/**
 * Compiles what the user typed, or says why it cannot be run. A regular
 * expression that can match empty text is refused when it does so on a sample
 * sentence (run under a time limit, which also refuses a pattern that is slow
 * even there); one that matches empty text only elsewhere is harmless, since
 * findMatches skips empty matches, so none ever reaches a caller.
 */
export function compileQuery(options: QueryOptions): CompileResult {
  if (options.find === '') return { ok: false, error: { code: 'empty_find', message: queryMessages.emptyFind } };
  const source = options.regex ? options.find : escapeForPattern(options.find);
  const flags = options.matchCase ? 'gu' : 'giu';
  let userPattern: RegExp;
  try {
    userPattern = new RegExp(source, flags);
  } catch (error) {
    return { ok: false, error: { code: 'invalid_regex', message: queryMessages.invalidRegex(regexFailure(error)) } };
  }
  const replacementFor = options.regex ? (match: RegExpExecArray) => expandReplacement(options.replace, match) : () => options.replace;
  if (options.regex) {
    // A second try tells a slow pattern from a busy machine that descheduled this process mid-probe.
    let matchesEmpty = runWithTimeLimit(() => matchesEmptyOnSample(userPattern), PROBE_TIME_LIMIT_MS);
    if (matchesEmpty === TIMED_OUT) matchesEmpty = runWithTimeLimit(() => matchesEmptyOnSample(userPattern), PROBE_TIME_LIMIT_MS);
    if (matchesEmpty === TIMED_OUT) return { ok: false, error: { code: 'too_slow', message: queryMessages.tooSlow } };
    if (matchesEmpty) return { ok: false, error: { code: 'matches_empty', message: queryMessages.matchesEmpty } };
  }
  const pattern = options.wholeWord ? new RegExp(wholeWordSource(source), flags) : userPattern;
  return { ok: true, query: { pattern, needsTimeBound: options.regex, replacementFor } };
}

// Text with every kind of position an empty-matching pattern looks for: edges,
// word boundaries, spaces, digits, punctuation, non-ASCII letters, an emoji, a code marker.
const EMPTY_MATCH_SAMPLE = ['', 'a', "The 3 Ukrainian-led talks, “in Paris”: Zelenskyy's 10% é ß 😀 \uE000 end.\n"];

function matchesEmptyOnSample(pattern: RegExp): boolean {
  for (const sample of EMPTY_MATCH_SAMPLE) {
    pattern.lastIndex = 0;
    // A global pattern moves past each non-empty match, so this ends.
    for (let match = pattern.exec(sample); match; match = pattern.exec(sample)) if (match[0] === '') return true;
  }
  return false;
}

/** The engine's reason, e.g. "unterminated group", without the pattern it repeats. */
function regexFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const reason = /: ([^:]+)$/.exec(message)?.[1] ?? message;
  return reason.charAt(0).toLowerCase() + reason.slice(1);
}

/**
 * The replacement for one match, exactly as String.prototype.replace expands a
 * replacement template (ECMAScript GetSubstitution): $$, $&, $`, $', $n and $nn
 * (a two-digit reference falls back to one digit when there is no such group; a
 * reference to no group stays literal), and $<name> when the pattern has named
 * groups. An unmatched group gives ''.
 */
export function expandReplacement(template: string, match: RegExpExecArray): string {
  if (!template.includes('$')) return template;
  const text = match.input;
  const position = match.index;
  const matched = match[0];
  const captureCount = match.length - 1;
  let result = '';
  let index = 0;
  while (index < template.length) {
    const char = template[index]!;
    const next = template[index + 1];
    if (char !== '$' || next === undefined) {
      result += char;
      index++;
    } else if (next === '$') {
      result += '$';
      index += 2;
    } else if (next === '&') {
      result += matched;
      index += 2;
    } else if (next === '`') {
      result += text.slice(0, position);
      index += 2;
    } else if (next === "'") {
      result += text.slice(Math.min(position + matched.length, text.length));
      index += 2;
    } else if (isDigit(next)) {
      let digitCount = isDigit(template[index + 2]) ? 2 : 1;
      let group = Number(template.slice(index + 1, index + 1 + digitCount));
      if (group > captureCount && digitCount === 2) {
        digitCount = 1;
        group = Number(next);
      }
      const reference = template.slice(index, index + 1 + digitCount);
      result += group >= 1 && group <= captureCount ? (match[group] ?? '') : reference;
      index += reference.length;
    } else if (next === '<') {
      const close = template.indexOf('>', index);
      if (close === -1 || match.groups === undefined) {
        result += '$<';
        index += 2;
      } else {
        result += match.groups[template.slice(index + 2, close)] ?? '';
        index = close + 1;
      }
    } else {
      result += '$';
      index++;
    }
  }
  return result;
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}
