/**
 * Brackets and double quotation marks that do not pair up.
 *
 * Brackets pair within the sentence. Quotation marks are looser in news text:
 * a quotation may run over several sentences, so one sentence may end inside
 * it (a trailing “) and the next begin inside it (a leading ” after the quoted
 * words' punctuation). What can never be right is two openings or two closings
 * in a row (nested quotations use single marks in English), or a leading ”
 * glued to words on both sides ("a comfort force” of troops": an opening was
 * lost). Single quotes are not checked: ’ is also the apostrophe.
 */
import { type Check, type CheckContext, inLink } from './context';
import { insideAny, findLinks, type LinkSpan } from './links';

const OPENING_BRACKETS = '([{';
const CLOSING_BRACKETS = ')]}';

export const unbalancedBrackets: Check = (context, findings) => {
  const { text } = context;
  if (!/[()[\]{}]/.test(text)) return;
  const open: { char: string; index: number }[] = [];
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    const opening = OPENING_BRACKETS.indexOf(char);
    const closing = CLOSING_BRACKETS.indexOf(char);
    if ((opening < 0 && closing < 0) || inLink(context, index) || isEmoticon(text, index)) continue;
    if (opening >= 0) {
      open.push({ char, index });
      continue;
    }
    const expected = OPENING_BRACKETS[closing]!;
    let depth = open.length - 1;
    while (depth >= 0 && open[depth]!.char !== expected) depth--;
    if (depth < 0) {
      // "a) first, b) second": a list marker closes nothing on purpose.
      if (char === ')' && isListMarker(text, index)) continue;
      findings.push({
        check: 'unbalanced-brackets',
        start: index,
        end: index + 1,
        message: `This "${char}" closes nothing: add the "${expected}" where the aside starts, or delete it.`,
      });
      continue;
    }
    // "( [ )": the brackets opened after the matching one are never closed.
    for (const unclosed of open.splice(depth).slice(1)) findings.push(neverClosed(unclosed));
  }
  for (const unclosed of open) findings.push(neverClosed(unclosed));
};

function neverClosed({ char, index }: { char: string; index: number }) {
  const closing = CLOSING_BRACKETS[OPENING_BRACKETS.indexOf(char)]!;
  return {
    check: 'unbalanced-brackets' as const,
    start: index,
    end: index + 1,
    message: `The "${char}" opened here is never closed: add "${closing}" where the aside ends.`,
  };
}

/** ":)", ";-(", "=)". */
function isEmoticon(text: string, index: number): boolean {
  return /[:;=]-?$/u.test(text.slice(Math.max(0, index - 2), index));
}

/** "a)", "2)", "iv)" at the start of the sentence or after a space or a comma. */
function isListMarker(text: string, index: number): boolean {
  return /(?:^|[\s,;:(])(?:\p{L}|\p{N}{1,2}|[ivx]{1,4})$/iu.test(text.slice(Math.max(0, index - 6), index));
}

// ─── unbalanced-quotes ───────────────────────────────────────────────────────

type QuoteRole = 'open' | 'close';
interface QuoteMark {
  index: number;
  role: QuoteRole;
}
interface QuoteProblem {
  index: number;
  message: string;
}

const OPENING_QUOTES = '“„«';
const CLOSING_QUOTES = '”»';
// Any double quotation mark, to visit only those (without the u flag: a faster scan, and the same on these characters).
const DOUBLE_QUOTES = /["“”„«»]/g;
// A straight " opens after these (or at the start) and closes before these (or at the end).
const BEFORE_OPENING = /[\s([{\-–—/\uE000-\uF8FF“‘]/u;
const AFTER_CLOSING = /[\s.,;:!?)\]}…\-–—\uE000-\uF8FF”’]/u;

/** The double quotation marks of a text and whether each opens or closes; straight marks by their neighbours. */
function quoteMarks(text: string, links: readonly LinkSpan[]): QuoteMark[] {
  const marks: QuoteMark[] = [];
  DOUBLE_QUOTES.lastIndex = 0;
  for (let found = DOUBLE_QUOTES.exec(text); found !== null; found = DOUBLE_QUOTES.exec(text)) {
    const index = found.index;
    const char = found[0];
    let role: QuoteRole | null = null;
    if (OPENING_QUOTES.includes(char)) role = 'open';
    else if (CLOSING_QUOTES.includes(char)) role = 'close';
    else if (char === '"') {
      const before = text[index - 1];
      const after = text[index + 1];
      if (before !== undefined && /\p{N}/u.test(before)) continue; // 12" (inches)
      const opensHere = before === undefined || BEFORE_OPENING.test(before);
      const closesHere = after === undefined || AFTER_CLOSING.test(after);
      if (opensHere !== closesHere) role = opensHere ? 'open' : 'close';
    }
    if (role !== null && !(links.length > 0 && insideAny(links, index))) marks.push({ index, role });
  }
  return marks;
}

/**
 * A leading ” ends a quotation begun in an earlier sentence when punctuation
 * touches it ("peace,” he wrote", "peace”, he wrote", "rapprochement.”").
 */
function endsEarlierQuotation(text: string, index: number): boolean {
  const before = text[index - 1];
  const after = text.slice(index + 1).replace(/^[\uE000-\uF8FF)\]]+/u, '');
  return (before !== undefined && /[.,;:!?…\-–—]/u.test(before)) || after === '' || /^[.,;:!?…]/u.test(after);
}

interface QuoteAnalysis {
  problems: QuoteProblem[];
  /** A leading ” or trailing “ accepted as part of a quotation that spans sentences. */
  spanning: QuoteMark[];
}

function analyseQuotes(text: string, links: readonly LinkSpan[]): QuoteAnalysis {
  const marks = quoteMarks(text, links);
  const problems: QuoteProblem[] = [];
  const spanning: QuoteMark[] = [];
  let openMark: QuoteMark | null = null;
  for (const [position, mark] of marks.entries()) {
    if (mark.role === 'open') {
      if (openMark) problems.push({ index: openMark.index, message: OPENED_TWICE });
      openMark = mark;
    } else if (openMark) {
      openMark = null;
    } else if (position === 0 && endsEarlierQuotation(text, mark.index)) {
      spanning.push(mark);
    } else {
      problems.push({ index: mark.index, message: CLOSES_NOTHING });
    }
  }
  if (openMark) spanning.push(openMark);
  return { problems, spanning };
}

const OPENED_TWICE = 'This quotation is opened again before it is closed: add the closing mark where it ends.';
const CLOSES_NOTHING = 'This closing quotation mark closes nothing: add the opening mark where the quotation starts, or delete it.';
const LOST_PAIR =
  "This quotation mark has no partner in the sentence, while the MT's marks all pair up: add the missing mark or delete this one.";

export const unbalancedQuotes: Check = (context, findings) => {
  const { text } = context;
  if (!/["“”„«»]/.test(text)) return;
  const { problems, spanning } = analyseQuotes(text, context.links);
  for (const problem of problems) findings.push(quoteFinding(problem));
  // A mark that may run across sentences in the text, while the MT's marks all pair up: the edit lost or added one.
  if (spanning.length > 0 && context.edited && mtQuotesPair(context)) {
    for (const mark of spanning) findings.push(quoteFinding({ index: mark.index, message: LOST_PAIR }));
  }
};

/** The MT's quotation marks (if any) all pair up within the sentence. */
function mtQuotesPair(context: CheckContext): boolean {
  const analysis = analyseQuotes(context.mt, findLinks(context.mt));
  return analysis.problems.length === 0 && analysis.spanning.length === 0;
}

function quoteFinding(problem: QuoteProblem) {
  return { check: 'unbalanced-quotes' as const, start: problem.index, end: problem.index + 1, message: problem.message };
}
