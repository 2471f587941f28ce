/**
 * Checks that compare the text with the MT it was edited from, or with the
 * source sentence: final punctuation, numbers, URLs and e-mail addresses.
 *
 * With a source sentence, numbers and links are compared with the source
 * only: the MT may have got a number wrong, and an edit that puts the
 * source's number back must not be reported as "changed".
 */
import type { Check, CheckContext } from './context';
import type { Finding } from './finding';
import { findLinks, type LinkSpan } from './links';
import { findNumbers, hasDigit, matchNumbers, type NumberToken } from './numbers';

// ─── final-punctuation-lost ──────────────────────────────────────────────────

const FINAL_MARKS = '.?!…:;';
// What may follow the final mark: closing quotes and brackets, inline-code markers, spaces.
const AFTER_FINAL_MARK = /[\s”’"»)\]}\uE000-\uF8FF]/u;

interface Ending {
  /** Index just after the last character that is not a closing quote, bracket, marker or space. */
  bodyEnd: number;
  /** The final punctuation mark, if the body ends with one. */
  mark: string | null;
  /** End of the text without trailing whitespace. */
  trimmedEnd: number;
}

function endingOf(text: string): Ending {
  let trimmedEnd = text.length;
  while (trimmedEnd > 0 && /\s/u.test(text[trimmedEnd - 1]!)) trimmedEnd--;
  let bodyEnd = trimmedEnd;
  while (bodyEnd > 0 && AFTER_FINAL_MARK.test(text[bodyEnd - 1]!)) bodyEnd--;
  const last = text[bodyEnd - 1];
  return { bodyEnd, mark: last !== undefined && FINAL_MARKS.includes(last) ? last : null, trimmedEnd };
}

export const finalPunctuationLost: Check = (context, findings) => {
  const { text, mt } = context;
  if (!context.edited || context.kind !== 'sentence' || text.trim() === '') return;
  const mtEnding = endingOf(mt);
  if (mtEnding.mark === null) return;
  const textEnding = endingOf(text);
  if (textEnding.mark !== null) return;
  // Put the mark where the MT had it: before the closing quote (“... peace.”) or after it (“...”.).
  const at = mtEnding.bodyEnd < mtEnding.trimmedEnd ? textEnding.bodyEnd : textEnding.trimmedEnd;
  findings.push({
    check: 'final-punctuation-lost',
    start: at,
    end: at,
    message: `The MT ended with "${mtEnding.mark}" and the edited sentence has no final punctuation: add "${mtEnding.mark}".`,
    fix: mtEnding.mark,
  });
};

// ─── number-changed, source-number-mismatch ─────────────────────────────────

export const numberChanged: Check = (context, findings) => {
  if (!context.edited || context.source !== null) return;
  const reading = { language: context.targetLanguage, lenient: true, englishWords: context.english };
  const mtNumbers = findNumbers(context.mt, reading, findLinks(context.mt));
  if (mtNumbers.every((token) => token.form === 'word')) return;
  const textNumbers = findNumbers(context.text, reading, context.links);
  const { missing, missingWords, unmatched } = matchNumbers(mtNumbers, textNumbers);
  reportNumbers(context, findings, missing, unmatched, missingWords, {
    check: 'number-changed',
    changed: (was, now) => `The MT has "${was}" where the edited text has "${now}": check the number.`,
    lost: (was) => `The number "${was}" of the MT is missing from the edited text: check nothing was lost.`,
    locate: (token) => context.mtToText.map(token),
  });
};

export const sourceNumberMismatch: Check = (context, findings) => {
  const { source } = context;
  if (source === null || !hasDigit(source)) return;
  const sourceNumbers = findNumbers(source, { language: context.sourceLanguage }, findLinks(source));
  const textNumbers = findNumbers(context.text, { language: context.targetLanguage, englishWords: context.english }, context.links);
  // The source's number words are in another language: only its digits are compared.
  const { missing, unmatched } = matchNumbers(sourceNumbers, textNumbers);
  if (missing.length === 0) return;
  // Where the MT has the number, its place in the edited text is known; otherwise the start of the sentence.
  const mtNumbers = findNumbers(context.mt, { language: context.targetLanguage, lenient: true }, findLinks(context.mt));
  reportNumbers(context, findings, missing, unmatched, [], {
    check: 'source-number-mismatch',
    changed: (was, now) => `The source has "${was}" where the text has "${now}": check the number.`,
    lost: (was) => `The number "${was}" of the source is missing from the text.`,
    locate: (token) => {
      const inMt = mtNumbers.find((candidate) => candidate.keys.some((value) => token.keys.includes(value)));
      return inMt ? context.mtToText.map(inMt) : { start: 0, end: 0 };
    },
  });
};

interface NumberReport {
  check: 'number-changed' | 'source-number-mismatch';
  changed: (was: string, now: string) => string;
  lost: (was: string) => string;
  locate: (token: NumberToken) => { start: number; end: number };
}

/**
 * Missing reference numbers pair in order with unexpected numbers of the text:
 * each pair is a changed number (reported on the text's number), the rest are
 * lost numbers (reported where they stood). Then number words the text lost
 * ("thirty") pair with unexpected numbers left ("13"); a number word lost
 * alone is not reported ("the two leaders" → "both leaders"). Extra numbers
 * alone are not reported either: an editor may spell out what the MT implied.
 */
function reportNumbers(
  context: CheckContext,
  findings: Finding[],
  missing: readonly NumberToken[],
  unmatched: readonly NumberToken[],
  missingWords: readonly NumberToken[],
  report: NumberReport,
): void {
  for (const [index, token] of missingWords.entries()) {
    const replacement = unmatched[missing.length + index];
    if (!replacement) break;
    findings.push({
      check: report.check,
      start: replacement.start,
      end: replacement.end,
      message: report.changed(token.raw, context.text.slice(replacement.start, replacement.end)),
    });
  }
  for (const [index, token] of missing.entries()) {
    const replacement = unmatched[index];
    if (replacement) {
      findings.push({
        check: report.check,
        start: replacement.start,
        end: replacement.end,
        message: report.changed(token.raw, context.text.slice(replacement.start, replacement.end)),
      });
    } else {
      const where = report.locate(token);
      findings.push({ check: report.check, start: where.start, end: where.end, message: report.lost(token.raw) });
    }
  }
}

// ─── url-changed, source-url-mismatch ────────────────────────────────────────

export const urlChanged: Check = (context, findings) => {
  if (!context.edited || context.source !== null) return;
  const mtLinks = findLinks(context.mt);
  if (mtLinks.length === 0) return;
  const { missing, extra } = compareLinks(mtLinks, context.links);
  for (const [index, link] of missing.entries()) {
    const replacement = extra[index];
    if (replacement) {
      findings.push({
        check: 'url-changed',
        start: replacement.start,
        end: replacement.end,
        message: `The MT has "${link.raw}" where the edited text has "${replacement.raw}": check the address.`,
      });
    } else {
      const where = context.mtToText.map(link);
      findings.push({
        check: 'url-changed',
        start: where.start,
        end: where.end,
        message: `The address "${link.raw}" of the MT is missing from the edited text.`,
      });
    }
  }
};

export const sourceUrlMismatch: Check = (context, findings) => {
  const { source } = context;
  if (source === null) return;
  const sourceLinks = findLinks(source);
  if (sourceLinks.length === 0 && context.links.length === 0) return;
  const { missing, extra } = compareLinks(sourceLinks, context.links);
  for (const [index, link] of missing.entries()) {
    const replacement = extra[index];
    if (replacement) {
      findings.push({
        check: 'source-url-mismatch',
        start: replacement.start,
        end: replacement.end,
        message: `The source has "${link.raw}" where the text has "${replacement.raw}": check the address.`,
      });
    } else {
      const inMt = findLinks(context.mt).find((candidate) => candidate.key === link.key);
      const where = inMt ? context.mtToText.map(inMt) : { start: 0, end: 0 };
      findings.push({
        check: 'source-url-mismatch',
        start: where.start,
        end: where.end,
        message: `The address "${link.raw}" of the source is missing from the text.`,
      });
    }
  }
  for (const link of extra.slice(missing.length)) {
    findings.push({
      check: 'source-url-mismatch',
      start: link.start,
      end: link.end,
      message: `The address "${link.raw}" is not in the source: check it belongs here.`,
    });
  }
};

function compareLinks(reference: readonly LinkSpan[], candidates: readonly LinkSpan[]): { missing: LinkSpan[]; extra: LinkSpan[] } {
  const unused = [...candidates];
  const missing: LinkSpan[] = [];
  for (const link of reference) {
    const partner = unused.findIndex((candidate) => candidate.key === link.key);
    if (partner >= 0) unused.splice(partner, 1);
    else missing.push(link);
  }
  return { missing, extra: unused };
}
