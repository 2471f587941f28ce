/**
 * Automatic QA checks for one segment of MT post-editing into English: the
 * entry point. The checks and their rules are listed in checks.ts
 * (QA_CHECKS); each runs in microseconds, so the app runs them on import and
 * inside every save's transaction.
 *
 *   const findings = runChecks({ text, mt, source, sourceLanguage, codes, glossary, kind });
 *   const fixed = applyFix(text, findings[0]);   // then run the checks again on `fixed`
 *
 * Pure: imports nothing from the app (only the pure src/codes, src/diff and
 * src/segmentation types), so it can run in the browser as well.
 */
import type { InlineCode } from '../codes/inlineCodes';
import type { SegmentKind } from '../segmentation/document';
import { type CheckId, checkInfo, checkPriority } from './checks';
import { finalPunctuationLost, numberChanged, sourceNumberMismatch, sourceUrlMismatch, urlChanged } from './comparison';
import { type Check, createContext } from './context';
import type { Finding } from './finding';
import { type GlossaryTerm, glossaryTerms } from './glossary';
import { inlineCodeCount, inlineCodeOrder } from './inlineCodeChecks';
import { unbalancedBrackets, unbalancedQuotes } from './pairing';
import {
  decimalComma,
  doubledWord,
  doubleSpace,
  invisibleCharacter,
  leadingTrailingSpace,
  lowercaseStart,
  missingSpaceAfterPunctuation,
  numberGluedToWord,
  spaceAfterHyphen,
  spaceBeforeHyphen,
  spaceBeforePercent,
  spaceBeforePunctuation,
} from './typography';

export type { CheckId, CheckInfo, CheckSeverity } from './checks';
export { CHECK_IDS, QA_CHECKS, QA_RULES_VERSION, checkInfo } from './checks';
export type { Finding } from './finding';
export type { GlossaryTerm, TermOccurrence } from './glossary';
export { findTermOccurrences, preferredFormFor } from './glossary';

export interface QaInput {
  /** The sentence as it stands (possibly edited). */
  text: string;
  /** The machine translation the text was edited from (equal to `text` before any edit). */
  mt: string;
  /** The source-language sentence, when the article has one. */
  source?: string | null;
  /** BCP 47 tag of the source ("de", "fr-CH"); null reads the source's numbers both ways. */
  sourceLanguage?: string | null;
  /** BCP 47 tag of the text, "en" by default; other languages get only the language-neutral checks. */
  targetLanguage?: string;
  /** "sentence" by default; headings have no final punctuation, metadata lines ("date 2025-04-18") are not prose. */
  kind?: SegmentKind;
  /** What the inline-code markers of source, MT and text stand for (or how to get it: asked only when a code check needs it). */
  codes?: readonly InlineCode[] | (() => readonly InlineCode[]);
  glossary?: readonly GlossaryTerm[];
}

/** Each check function with the ids it reports (its catalogue entries say whether it needs English text). */
const CHECKS: readonly { run: Check; reports: readonly CheckId[] }[] = [
  { run: leadingTrailingSpace, reports: ['leading-trailing-space'] },
  { run: doubleSpace, reports: ['double-space'] },
  { run: spaceBeforePunctuation, reports: ['space-before-punctuation'] },
  { run: missingSpaceAfterPunctuation, reports: ['missing-space-after-punctuation'] },
  { run: spaceBeforeHyphen, reports: ['space-before-hyphen'] },
  { run: spaceAfterHyphen, reports: ['space-after-hyphen'] },
  { run: numberGluedToWord, reports: ['number-glued-to-word'] },
  { run: spaceBeforePercent, reports: ['space-before-percent'] },
  { run: decimalComma, reports: ['decimal-comma'] },
  { run: doubledWord, reports: ['doubled-word'] },
  { run: unbalancedBrackets, reports: ['unbalanced-brackets'] },
  { run: unbalancedQuotes, reports: ['unbalanced-quotes'] },
  { run: lowercaseStart, reports: ['lowercase-start'] },
  { run: invisibleCharacter, reports: ['invisible-character'] },
  { run: finalPunctuationLost, reports: ['final-punctuation-lost'] },
  { run: numberChanged, reports: ['number-changed'] },
  { run: urlChanged, reports: ['url-changed'] },
  { run: glossaryTerms, reports: ['glossary-term', 'glossary-term-rewritten'] },
  { run: sourceNumberMismatch, reports: ['source-number-mismatch'] },
  { run: sourceUrlMismatch, reports: ['source-url-mismatch'] },
  { run: inlineCodeCount, reports: ['inline-code-missing', 'inline-code-extra'] },
  { run: inlineCodeOrder, reports: ['inline-code-order'] },
];
/** The checks for text in other languages than English: decided once, not per segment. */
const LANGUAGE_NEUTRAL_CHECKS = CHECKS.filter((check) => !check.reports.every((id) => checkInfo(id).englishOnly));

/**
 * Runs every check on one segment. Findings come ordered by position (at most
 * MAX_FINDINGS of them); their fixes never overlap (where two would, the check listed first in QA_CHECKS
 * keeps its fix and the other finding is reported without one).
 */
export function runChecks(input: QaInput): Finding[] {
  // Nothing written yet (an XLIFF unit without a target): all of it is missing, which its status
  // says; a finding for each number and code of the source would only bury the real ones.
  if (input.text.trim() === '') return [];
  const context = createContext({
    text: input.text,
    mt: input.mt,
    source: input.source ?? null,
    sourceLanguage: input.sourceLanguage ?? null,
    targetLanguage: input.targetLanguage ?? 'en',
    kind: input.kind ?? 'sentence',
    codes: input.codes ?? [],
    glossary: input.glossary ?? [],
  });
  const findings: Finding[] = [];
  for (const check of context.english ? CHECKS : LANGUAGE_NEUTRAL_CHECKS) check.run(context, findings);
  // Most segments have no finding: nothing to order or resolve.
  if (findings.length === 0) return findings;
  return resolveOverlappingFixes(dropSubsumed(findings).sort(byPosition).slice(0, MAX_FINDINGS));
}

/**
 * A sentence with this many findings is not a sentence (a pasted table, a run of
 * symbols); reporting the first ones is enough, and it keeps the work linear.
 */
export const MAX_FINDINGS = 100;

function byPosition(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || checkPriority(a.check) - checkPriority(b.check);
}

/**
 * "Paris  ." is one problem, a space before the full stop, not also a doubled
 * space: a doubled space inside the span of another finding's fix is dropped.
 * One sweep in position order (the furthest end of the fixes begun so far).
 */
function dropSubsumed(findings: Finding[]): Finding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Finding[] = [];
  let furthestFixEnd = -1;
  for (const finding of sorted) {
    if (finding.check === 'double-space' && furthestFixEnd >= finding.end) continue;
    if (finding.check !== 'double-space' && finding.fix !== undefined) furthestFixEnd = Math.max(furthestFixEnd, finding.end);
    kept.push(finding);
  }
  return kept;
}

function resolveOverlappingFixes(findings: Finding[]): Finding[] {
  const byPriority = [...findings].sort((a, b) => checkPriority(a.check) - checkPriority(b.check) || a.start - b.start);
  const accepted: Finding[] = [];
  const resolved = new Map<Finding, Finding>();
  for (const finding of byPriority) {
    if (finding.fix === undefined) continue;
    if (accepted.some((other) => fixesConflict(other, finding))) {
      const { fix: _dropped, ...withoutFix } = finding;
      resolved.set(finding, withoutFix);
    } else {
      accepted.push(finding);
    }
  }
  return findings.map((finding) => resolved.get(finding) ?? finding).sort(byPosition);
}

/** Two replacements conflict when they share characters, or insert at the same point, or one inserts inside the other. */
function fixesConflict(a: Finding, b: Finding): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (a.start === a.end) return a.start > b.start && a.start < b.end;
  if (b.start === b.end) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/**
 * The text with one finding's fix applied. `text` must be the very text the
 * finding was computed on; afterwards every other finding's offsets are stale,
 * so run the checks again (they take microseconds) rather than reusing them.
 */
export function applyFix(text: string, finding: Finding): string {
  if (finding.fix === undefined) throw new TypeError(`The ${finding.check} finding has no fix.`);
  if (finding.start < 0 || finding.start > finding.end || finding.end > text.length) {
    throw new RangeError(`The ${finding.check} finding [${finding.start}, ${finding.end}) lies outside the text.`);
  }
  return text.slice(0, finding.start) + finding.fix + text.slice(finding.end);
}

/**
 * The text with every fix of one runChecks result applied ("fix all"); findings
 * without a fix are ignored. Applied from the end backwards so earlier offsets
 * stay valid; throws if two fixes overlap (they never do in one runChecks result).
 */
export function applyFixes(text: string, findings: readonly Finding[]): string {
  const fixable = findings.filter((finding) => finding.fix !== undefined).sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const [index, finding] of fixable.entries()) {
    const later = fixable[index - 1];
    if (later && fixesConflict(later, finding)) {
      throw new RangeError(`The fixes of ${finding.check} and ${later.check} overlap: apply one and check again.`);
    }
    result = applyFix(result, finding);
  }
  return result;
}
