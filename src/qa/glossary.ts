/**
 * Glossary terms: where a form the glossary forbids ("comfort force") still
 * stands in the text, and where an edit rewrote it without using the
 * preferred form. findTermOccurrences is also what the editor uses to
 * highlight terms.
 */
import type { Check } from './context';

export interface GlossaryTerm {
  id: string;
  /** The form the MT writes and the glossary replaces ("comfort force"). */
  term: string;
  /** The form to write instead ("reassurance force"). */
  preferred: string;
  /** Match only with exactly this capitalisation ("US" but not "us"). */
  matchCase: boolean;
  /** Match whole words only ("force" not in "workforce"). */
  wholeWord: boolean;
}

export interface TermOccurrence {
  term: GlossaryTerm;
  start: number;
  end: number;
}

/**
 * Where the terms occur in a text (their `term` form, or with `form:
 * 'preferred'` their preferred form), ordered by position; where two terms
 * overlap, the one starting first wins, then the longer.
 *
 * Inside a term, any run of whitespace matches any run of whitespace, ' and ’
 * match each other, and so do the hyphens - ‐ ‑ (MT and editors mix them).
 */
export function findTermOccurrences(text: string, terms: readonly GlossaryTerm[], form: 'term' | 'preferred' = 'term'): TermOccurrence[] {
  if (terms.length === 0) return [];
  const index = termIndexFor(terms, form);
  const lowerText = text.toLowerCase();
  // Only terms one of whose words occurs in the text are tried: most terms are absent from most sentences.
  const candidates = new Set<IndexedTerm>();
  for (const word of new Set(lowerText.match(WORD_PIECES))) for (const entry of index.byWord.get(word) ?? []) candidates.add(entry);
  for (const entry of index.insideWords) if (lowerText.includes(entry.needle)) candidates.add(entry);

  const occurrences: TermOccurrence[] = [];
  for (const { term, pattern } of candidates) {
    for (const match of text.matchAll(pattern)) occurrences.push({ term, start: match.index, end: match.index + match[0].length });
  }
  occurrences.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TermOccurrence[] = [];
  for (const occurrence of occurrences) {
    const last = kept[kept.length - 1];
    if (!last || occurrence.start >= last.end) kept.push(occurrence);
  }
  return kept;
}

const WORD_PIECES = /[\p{L}\p{N}]+/gu;

interface TermMatcher {
  pattern: RegExp;
  /** The term's longest run of letters or digits, in lower case: present in any text the pattern matches. */
  needle: string;
}

interface IndexedTerm extends TermMatcher {
  term: GlossaryTerm;
}

interface TermIndex {
  /** Whole-word terms by their needle, which is then a whole word of any text they occur in. */
  byWord: Map<string, IndexedTerm[]>;
  /** Terms that may match inside a longer word ("force" in "workforce"): found by substring. */
  insideWords: IndexedTerm[];
}

// The app passes one glossary array for all the segments of an import or a request: index it once.
const TERM_INDEXES = new WeakMap<readonly GlossaryTerm[], Map<'term' | 'preferred', TermIndex>>();

function termIndexFor(terms: readonly GlossaryTerm[], form: 'term' | 'preferred'): TermIndex {
  let byForm = TERM_INDEXES.get(terms);
  if (!byForm) {
    byForm = new Map();
    TERM_INDEXES.set(terms, byForm);
  }
  let index = byForm.get(form);
  if (!index) {
    index = { byWord: new Map(), insideWords: [] };
    for (const term of terms) {
      const matcher = matcherFor(form === 'term' ? term.term : term.preferred, term.matchCase, term.wholeWord);
      if (!matcher) continue;
      const entry = { term, ...matcher };
      if (!term.wholeWord) index.insideWords.push(entry);
      else index.byWord.set(matcher.needle, [...(index.byWord.get(matcher.needle) ?? []), entry]);
    }
    byForm.set(form, index);
  }
  return index;
}

// Compiling each term once per process keeps a check in microseconds, even when the glossary array is new.
const MATCHERS = new Map<string, TermMatcher | null>();
const MATCHER_CACHE_LIMIT = 20_000;

function matcherFor(written: string, matchCase: boolean, wholeWord: boolean): TermMatcher | null {
  const cacheKey = `${matchCase ? 'c' : 'i'}${wholeWord ? 'w' : 'p'}${written}`;
  const cached = MATCHERS.get(cacheKey);
  if (cached !== undefined) return cached;
  if (MATCHERS.size >= MATCHER_CACHE_LIMIT) MATCHERS.clear();
  const matcher = compileMatcher(written.trim(), matchCase, wholeWord);
  MATCHERS.set(cacheKey, matcher);
  return matcher;
}

function compileMatcher(written: string, matchCase: boolean, wholeWord: boolean): TermMatcher | null {
  const pieces = written.toLowerCase().match(WORD_PIECES);
  if (!written || !pieces) return null;
  const needle = pieces.reduce((longest, piece) => (piece.length > longest.length ? piece : longest));
  let source = '';
  for (const char of written.replace(/\s+/gu, ' ')) {
    if (char === ' ') source += '\\s+';
    else if (char === "'" || char === '’') source += "['’]";
    else if (char === '-' || char === '\u2010' || char === '\u2011') source += '[-\\u2010\\u2011]';
    else source += char.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
  }
  if (wholeWord) {
    if (/^[\p{L}\p{N}]/u.test(written)) source = `(?<![\\p{L}\\p{N}_])${source}`;
    if (/[\p{L}\p{N}]$/u.test(written)) source = `${source}(?![\\p{L}\\p{N}_])`;
  }
  return { pattern: new RegExp(source, matchCase ? 'gu' : 'giu'), needle };
}

/**
 * The preferred form, capitalised like the form it replaces when the term is not
 * case-sensitive: "Comfort force" → "Reassurance force", "COMFORT FORCE" →
 * "REASSURANCE FORCE"; a preferred form that starts with a capital keeps it.
 */
export function preferredFormFor(found: string, term: GlossaryTerm): string {
  const preferred = term.preferred;
  if (term.matchCase) return preferred;
  const letters = found.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
    return preferred.toUpperCase();
  }
  if (/^\p{Lu}/u.test(found) && /^\p{Ll}/u.test(preferred)) {
    const first = String.fromCodePoint(preferred.codePointAt(0)!);
    return first.toUpperCase() + preferred.slice(first.length);
  }
  return preferred;
}

export const glossaryTerms: Check = (context, findings) => {
  const { text, glossary } = context;
  if (glossary.length === 0) return;
  const occurrences = findTermOccurrences(text, glossary).filter((occurrence) => occurrence.term.preferred.trim() !== '');
  const mtOccurrences = context.edited ? findTermOccurrences(context.mt, glossary) : [];
  if (occurrences.length === 0 && mtOccurrences.length === 0) return;
  // Preferred forms matter only for the terms seen here.
  const seen = [...new Set([...occurrences, ...mtOccurrences].map((occurrence) => occurrence.term))];
  const preferredOccurrences = findTermOccurrences(text, seen, 'preferred');

  // Both lists are in text order: one sweep finds the preferred form (if any) around each occurrence.
  let preferredIndex = 0;
  for (const occurrence of occurrences) {
    const found = text.slice(occurrence.start, occurrence.end);
    const { term } = occurrence;
    while (preferredIndex < preferredOccurrences.length && preferredOccurrences[preferredIndex]!.end <= occurrence.start) preferredIndex++;
    const around = preferredOccurrences[preferredIndex];
    // "force" → "task force": the term inside its own preferred form is correct.
    const insidePreferred =
      around !== undefined && around.term === term && around.start <= occurrence.start && around.end >= occurrence.end;
    if (insidePreferred || found === term.preferred) continue;
    const fix = preferredFormFor(found, term);
    findings.push({
      check: 'glossary-term',
      start: occurrence.start,
      end: occurrence.end,
      message: `Glossary: write "${fix}" instead of "${found}".`,
      fix,
    });
  }

  const termsInText = new Set([...occurrences, ...preferredOccurrences].map((occurrence) => occurrence.term));
  const reported = new Set<GlossaryTerm>();
  for (const mtOccurrence of mtOccurrences) {
    if (mtOccurrence.term.preferred.trim() === '') continue;
    const { term } = mtOccurrence;
    if (reported.has(term)) continue;
    reported.add(term);
    const kept = termsInText.has(term);
    if (kept) continue;
    const mtForm = context.mt.slice(mtOccurrence.start, mtOccurrence.end);
    const where = context.mtToText.map(mtOccurrence);
    findings.push({
      check: 'glossary-term-rewritten',
      start: where.start,
      end: where.end,
      message:
        `The MT had "${mtForm}", which the glossary replaces with "${term.preferred}"; the edited text has neither: ` +
        `check that the rewrite says "${term.preferred}" where it should.`,
    });
  }
};
