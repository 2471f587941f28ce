import type { InlineCode } from '../codes/inlineCodes';
import type { SegmentKind } from '../segmentation/document';
import { MtToTextMap } from './alignment';
import type { Finding } from './finding';
import type { GlossaryTerm } from './glossary';
import { findLinks, insideAny, type LinkSpan } from './links';

/** What every check reads: the input, normalised, plus what several checks share (computed once). */
export interface CheckContext {
  text: string;
  mt: string;
  /** The text differs from the MT (checks that compare with the MT run only then). */
  edited: boolean;
  source: string | null;
  sourceLanguage: string | null;
  targetLanguage: string;
  english: boolean;
  kind: SegmentKind;
  /**
   * What the inline-code markers stand for, or how to read it: codesOf() reads it on first use (only
   * the code checks need it, and only when the markers differ). A plain property, not a getter: an
   * object literal with a getter made every check's reads of the context slower (runChecks ~20 %).
   */
  codes: readonly InlineCode[] | (() => readonly InlineCode[]);
  glossary: readonly GlossaryTerm[];
  /** URLs and e-mail addresses of the text: typography checks leave them alone. */
  links: readonly LinkSpan[];
  mtToText: MtToTextMap;
  /** Whether the text keeps its reference's inline codes exactly: both code checks ask, so the first one stores it (src/qa/inlineCodeChecks.ts). */
  codesKept: boolean | undefined;
}

export type Check = (context: CheckContext, findings: Finding[]) => void;

export function createContext(input: {
  text: string;
  mt: string;
  source: string | null;
  sourceLanguage: string | null;
  targetLanguage: string;
  kind: SegmentKind;
  codes: readonly InlineCode[] | (() => readonly InlineCode[]);
  glossary: readonly GlossaryTerm[];
}): CheckContext {
  // Written out rather than spread: this runs once per segment of every import and save, and a
  // spread object is slower to build and to read (it measured ~9 µs of a segment's ~80 µs of checks).
  return {
    text: input.text,
    mt: input.mt,
    edited: input.text !== input.mt,
    source: input.source,
    sourceLanguage: input.sourceLanguage,
    targetLanguage: input.targetLanguage,
    english: isEnglish(input.targetLanguage),
    kind: input.kind,
    codes: input.codes,
    glossary: input.glossary,
    links: findLinks(input.text),
    mtToText: new MtToTextMap(input.mt, input.text),
    codesKept: undefined,
  };
}

/** The segment's inline codes, read once. */
export function codesOf(context: CheckContext): readonly InlineCode[] {
  if (typeof context.codes === 'function') context.codes = context.codes();
  return context.codes;
}

/** "en", "en-GB", "EN_us": the primary subtag is English (without a regex: a language is asked about on every segment). */
export function isEnglish(tag: string): boolean {
  return (tag.length === 2 || tag[2] === '-' || tag[2] === '_') && tag.slice(0, 2).toLowerCase() === 'en';
}

export function inLink(context: CheckContext, index: number): boolean {
  return context.links.length > 0 && insideAny(context.links, index);
}

/**
 * The words around a span, for quoting in a message: from the whitespace before
 * it to the whitespace after it (at most 30 characters each side).
 */
export function quoteAround(text: string, start: number, end: number): { before: string; after: string } {
  let from = start;
  while (from > 0 && start - from < 30 && !/\s/.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && to - end < 30 && !/\s/.test(text[to]!)) to++;
  return { before: text.slice(from, start), after: text.slice(end, to) };
}

/** `"three -year"` and `"three-year"`: the quoted words as they stand and with the fix applied. */
export function quoteWithFix(text: string, start: number, end: number, fix: string): { found: string; fixed: string } {
  const { before, after } = quoteAround(text, start, end);
  return { found: before + text.slice(start, end) + after, fixed: before + fix + after };
}
