/**
 * Rule-based sentence splitter.
 *
 * One left-to-right pass over the text. At each terminator (. ! ? … and the
 * CJK full stops) it reads the whole cluster (terminators plus the closing
 * quotes and brackets after them) and decides from the word before it and
 * the word after it whether a sentence ends there. Only whitespace is left
 * between the spans it returns, so every other character of the input
 * belongs to exactly one sentence.
 *
 * Beyond single sentences it knows two layouts:
 * - blank lines always end a sentence; a single newline is a soft break,
 *   except in a block of several lines with no sentence punctuation at all
 *   (a keyword list, an address), where each line is a sentence, and before
 *   a Markdown list item or heading line (and after a heading line);
 * - inline numbered or lettered lists ("1.) first 2.) second", "a. x b. y"),
 *   split before each next item.
 */
import {
  AMBIGUOUS_ABBREVIATIONS,
  NUMBER_ABBREVIATIONS,
  PREPOSITIVE_ABBREVIATIONS,
  SENTENCE_OPENERS,
} from './abbreviations';
import { matchLineMarker } from './markdown';

/** Offsets into the input, end exclusive: input.slice(start, end) is the sentence, trimmed. */
export interface SentenceSpan {
  start: number;
  end: number;
}

export function splitSentences(text: string, _options: { language?: string } = {}): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  splitSentencesInRange(text, 0, text.length, spans);
  return spans;
}

export interface SplitOptions {
  /**
   * Whether a block of several lines without any sentence punctuation is
   * split line by line (default true). The document segmenter turns it off
   * for the wrapped lines of one list item.
   */
  unpunctuatedLinesAreSentences?: boolean;
}

/** Appends to `spans` the sentences of text.slice(start, end), as offsets into `text`. */
export function splitSentencesInRange(
  text: string,
  start: number,
  end: number,
  spans: SentenceSpan[],
  options: SplitOptions = {},
): void {
  new SentenceScanner(text, spans, options.unpunctuatedLinesAreSentences ?? true).splitRange(start, end);
}

const SPACE = 0x20;
const TAB = 0x09;
const DOT = 0x2e;
const ELLIPSIS = 0x2026;
const OPEN_BRACKET = 0x5b;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
const AT_SIGN = 0x40;
const COLON = 0x3a;
const SLASH = 0x2f;

const UPPERCASE = /^[\p{Lu}\p{Lt}]$/u;
const LOWERCASE = /^\p{Ll}$/u;
const LETTER = /^\p{L}$/u;
// "U.S", "U.S.A", "a.m", "Ph.D": the word before the final period of a dotted abbreviation.
const DOTTED_ABBREVIATION = /^(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}$/;

/** The characters String.prototype.trim removes, so that spans are trimmed exactly as JS trims. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === SPACE || (c >= TAB && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isUpper(c: number): boolean {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  return UPPERCASE.test(String.fromCharCode(c));
}

function isLower(c: number): boolean {
  if (c < 0x80) return c >= 0x61 && c <= 0x7a;
  return LOWERCASE.test(String.fromCharCode(c));
}

function isLetter(c: number): boolean {
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return LETTER.test(String.fromCharCode(c));
}

/** Terminators that may end a sentence when whitespace follows. */
function isTerminator(c: number): boolean {
  return (
    c === DOT ||
    c === 0x21 || // !
    c === 0x3f || // ?
    c === ELLIPSIS ||
    c === 0x203c || // ‼
    c === 0x2047 || // ⁇
    c === 0x2048 || // ⁈
    c === 0x2049 || // ⁉
    isCjkTerminator(c)
  );
}

function isQuestionOrExclamation(c: number): boolean {
  return c === 0x21 || c === 0x3f || c === 0x203c || c === 0x2047 || c === 0x2048 || c === 0x2049;
}

/** Full stops of scripts written without spaces: a boundary even when no whitespace follows. */
function isCjkTerminator(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff61;
}

/** Characters that may follow a terminator and still belong to its sentence: `."` `.)` `?”` `.**`. */
function isCloser(c: number): boolean {
  switch (c) {
    case 0x22: // "
    case 0x27: // '
    case CLOSE_PAREN:
    case 0x5d: // ]
    case 0x7d: // }
    case 0x2a: // * (Markdown emphasis)
    case 0x5f: // _
    case 0x60: // `
    case 0x201d: // ”
    case 0x2019: // ’
    case 0x201c: // “ closes a German „quote“
    case 0x2018: // ‘ closes a German ‚quote‘
    case 0xbb: // »
    case 0x203a: // ›
    case 0x300d: // 」
    case 0x300f: // 』
    case 0xff09: // ）
      return true;
    default:
      return false;
  }
}

/** Characters that may open a sentence before its first word: quotes, brackets, emphasis, ¿ ¡. */
function isOpener(c: number): boolean {
  switch (c) {
    case 0x22:
    case 0x27:
    case OPEN_PAREN:
    case OPEN_BRACKET:
    case 0x7b: // {
    case 0x2a:
    case 0x5f:
    case 0x60:
    case 0x201c: // “
    case 0x2018: // ‘
    case 0x201e: // „
    case 0x201a: // ‚
    case 0xab: // «
    case 0x2039: // ‹
    case 0xbf: // ¿
    case 0xa1: // ¡
    case 0x300c: // 「
    case 0x300e: // 『
    case 0xff08: // （
      return true;
    default:
      return false;
  }
}

/** Bullets that start a list item even in the middle of a line ("• 9. first • 10. second"). */
function isBullet(c: number): boolean {
  return c === 0x2022 || c === 0x2043 || c === 0x25e6 || c === 0x25aa || c === 0x2023;
}

/** Characters that may start a Markdown list item or heading line. */
function mayStartLineMarker(c: number): boolean {
  return c === 0x23 || c === 0x2d || c === 0x2a || c === 0x2b || c === 0x2022 || isDigit(c);
}

/** What the word before a period is, as far as sentence boundaries go. */
const enum WordClass {
  Regular,
  /** "Mr", "Dr", "St", "e.g": a name or more of the sentence follows. */
  Prepositive,
  /** "Co", "etc", "Jr": may end the sentence. */
  Ambiguous,
  /** "p", "No", "N°": a number follows. */
  NumberPrefix,
  /** "U.S", "a.m": dotted abbreviation. */
  Dotted,
  /** A single capital letter other than I: an initial ("Jonas E. Smith"). */
  Initial,
  /** A single lowercase letter ("p. 55", "a. first item"). */
  Letter,
  /** The pronoun I, or a regnal number ("Albert I. Jones"). */
  PronounI,
}

/** What follows the whitespace after a terminator, after any opening quotes or brackets. */
const enum NextClass {
  Lower,
  Upper,
  Digit,
  Other,
}

const enum ListKind {
  None,
  Number,
  Letter,
}

const enum ListStyle {
  Dot, // 1.
  Paren, // 1)
  DotParen, // 1.)
}

class SentenceScanner {
  // The whitespace-delimited token around the last period looked at, cached so
  // that a long token full of periods is scanned once, not once per period.
  private tokenStart = 0;
  private tokenEnd = -1;
  private tokenIsAddress = false;

  // Set by describeNext().
  private nextWord = '';
  private nextIsInitial = false;

  // The inline list the current sentence is an item of, if any.
  private listKind = ListKind.None;
  private listStyle = ListStyle.Dot;
  private listValue = 0;

  // Set by boundaryAt(): where to continue scanning.
  private resume = 0;

  constructor(
    private readonly text: string,
    private readonly spans: SentenceSpan[],
    private readonly unpunctuatedLinesAreSentences: boolean,
  ) {}

  splitRange(start: number, end: number): void {
    const text = this.text;
    let blockLines: number[] = []; // [lineStart, lineEnd, lineStart, lineEnd, ...] of the current block
    let lineStart = start;
    while (lineStart < end) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd === -1 || lineEnd > end) lineEnd = end;
      if (skipSpace(text, lineStart, lineEnd) === lineEnd) {
        if (blockLines.length > 0) this.splitBlock(blockLines);
        blockLines = [];
      } else {
        blockLines.push(lineStart, lineEnd);
      }
      lineStart = lineEnd + 1;
    }
    if (blockLines.length > 0) this.splitBlock(blockLines);
  }

  /** A block is a run of non-blank lines. */
  private splitBlock(lines: number[]): void {
    const text = this.text;
    const blockStart = lines[0]!;
    const blockEnd = lines[lines.length - 1]!;
    const severalLines = lines.length > 2;
    if (this.unpunctuatedLinesAreSentences && severalLines && !hasSentenceEnd(text, blockStart, blockEnd)) {
      // "features\ncontact manager\nevents, activities": lines without any
      // sentence punctuation are items of a list, not a wrapped sentence.
      for (let k = 0; k < lines.length; k += 2) this.pushTrimmed(lines[k]!, lines[k + 1]!);
      return;
    }
    let runStart = blockStart;
    for (let k = 0; k < lines.length; k += 2) {
      const lineStart = lines[k]!;
      const lineEnd = lines[k + 1]!;
      const first = skipSpace(text, lineStart, lineEnd);
      if (!mayStartLineMarker(text.charCodeAt(first))) continue;
      const marker = matchLineMarker(text.slice(lineStart, lineEnd), lineStart);
      if (marker === null) continue;
      if (lineStart > runStart) this.splitRun(runStart, lineStart);
      if (marker.kind === 'heading') {
        this.splitRun(lineStart, lineEnd);
        runStart = lineEnd;
      } else {
        runStart = lineStart;
      }
    }
    if (runStart < blockEnd) this.splitRun(runStart, blockEnd);
  }

  /** Splits text where newlines are soft breaks. */
  private splitRun(runStart: number, runEnd: number): void {
    const text = this.text;
    this.tokenEnd = -1;
    let sentenceStart = skipSpace(text, runStart, runEnd);
    if (sentenceStart >= runEnd) return;
    let i = this.readListMarker(sentenceStart, runEnd);
    while (i < runEnd) {
      const c = text.charCodeAt(i);
      let cut = -1;
      if (isSpace(c)) {
        const next = i + 1;
        if (next < runEnd && (isBullet(text.charCodeAt(next)) || this.startsNextListItem(next, runEnd))) {
          cut = next;
        }
        i++;
      } else if (isTerminator(c)) {
        cut = this.boundaryAt(i, runStart, runEnd, sentenceStart);
        i = this.resume;
      } else {
        i++;
      }
      if (cut !== -1) {
        this.pushTrimmed(sentenceStart, cut);
        sentenceStart = skipSpace(text, cut, runEnd);
        i = Math.max(i, this.readListMarker(sentenceStart, runEnd));
      }
    }
    this.pushTrimmed(sentenceStart, runEnd);
  }

  /**
   * Decides on the terminator at `i`: returns the offset where the sentence
   * ends, or -1 when it does not end here. Sets `resume` past the cluster.
   */
  private boundaryAt(i: number, runStart: number, runEnd: number, sentenceStart: number): number {
    const text = this.text;
    const c = text.charCodeAt(i);
    if (c === DOT && i + 1 < runEnd) {
      const next = text.charCodeAt(i + 1);
      // 100.00, 1026.253.553
      if (isDigit(next) && i > runStart && isDigit(text.charCodeAt(i - 1))) {
        this.resume = i + 1;
        return -1;
      }
      if (next === SPACE && i + 2 < runEnd && text.charCodeAt(i + 2) === DOT) {
        return this.spacedEllipsisBoundary(i, runStart, runEnd);
      }
    }

    let j = i;
    let dots = 0;
    let questionOrExclamation = false;
    let cjk = false;
    while (j < runEnd) {
      const ch = text.charCodeAt(j);
      if (ch === DOT) dots += 1;
      else if (ch === ELLIPSIS) dots += 3;
      else if (isQuestionOrExclamation(ch)) questionOrExclamation = true;
      else if (isCjkTerminator(ch)) cjk = true;
      else if (!isCloser(ch)) break;
      j++;
    }
    this.resume = j;
    if (j >= runEnd) return -1; // the run ends here anyway
    if (cjk) return j;
    if (!isSpace(text.charCodeAt(j))) {
      // "Hello world.Today is Tuesday.Mr. Smith"
      if (dots === 1 && j === i + 1 && !questionOrExclamation && this.isJoinedBoundary(i, sentenceStart, runEnd)) {
        return j;
      }
      return -1;
    }
    const nextStart = skipSpace(text, j, runEnd);
    if (nextStart >= runEnd) return -1;
    const next = this.describeNext(nextStart, runEnd);
    // "Yahoo! in the accounting department", "'This is great.' she said."
    if (next === NextClass.Lower) return -1;
    if (questionOrExclamation || dots >= 4) return j;
    if (dots >= 2) return this.ellipsisEnds(i, runStart, next) ? j : -1;
    return this.periodEnds(i, sentenceStart, next) ? j : -1;
  }

  /**
   * ". . ." with spaces. Detached from the word before it, three dots are an
   * omission inside the sentence and four end it ("a period . . . . Next").
   * Attached to the word before, the first dot is the sentence's own period
   * and the spaced ellipsis opens the next sentence ("compounds. . . . The").
   */
  private spacedEllipsisBoundary(i: number, runStart: number, runEnd: number): number {
    const text = this.text;
    let last = i;
    let count = 1;
    while (last + 2 < runEnd && text.charCodeAt(last + 1) === SPACE && text.charCodeAt(last + 2) === DOT) {
      last += 2;
      count++;
    }
    let j = last + 1;
    while (j < runEnd && isCloser(text.charCodeAt(j))) j++;
    this.resume = j;
    if (j >= runEnd || !isSpace(text.charCodeAt(j))) return -1;
    const nextStart = skipSpace(text, j, runEnd);
    if (nextStart >= runEnd) return -1;
    const next = this.describeNext(nextStart, runEnd);
    if (next === NextClass.Lower) return -1;
    const previous = i > runStart ? text.charCodeAt(i - 1) : SPACE;
    const attached = !isSpace(previous) && previous !== OPEN_BRACKET && previous !== OPEN_PAREN;
    if (count >= 4) {
      if (!attached) return j;
      if (next !== NextClass.Upper) return -1;
      this.resume = i + 1;
      return i + 1;
    }
    if (count === 3 && attached) return this.ellipsisEnds(i, runStart, next) ? j : -1;
    return -1;
  }

  /**
   * An ellipsis ("...", "…") attached to the word before it ends the
   * sentence when a capitalised word follows ("I waited... Then"); one
   * standing apart (" … ", "[...]") marks an omission inside the sentence.
   */
  private ellipsisEnds(i: number, runStart: number, next: NextClass): boolean {
    const previous = i > runStart ? this.text.charCodeAt(i - 1) : SPACE;
    if (isSpace(previous) || previous === OPEN_BRACKET || previous === OPEN_PAREN) return false;
    return next === NextClass.Upper;
  }

  /** A single period followed by whitespace and something that is not lowercase. */
  private periodEnds(i: number, sentenceStart: number, next: NextClass): boolean {
    const wordClass = this.classifyWordBefore(i, sentenceStart);
    const opener = next === NextClass.Upper && SENTENCE_OPENERS.has(this.nextWord) && !this.nextIsInitial;
    switch (wordClass) {
      case WordClass.Regular:
        return true;
      case WordClass.Prepositive:
        return false;
      case WordClass.NumberPrefix:
        return next !== NextClass.Digit;
      case WordClass.PronounI:
        // "you and I. Did you see Albert I. Jones?"
        return next === NextClass.Digit || opener || this.wordBeforeTokenIsLowercase(i, sentenceStart);
      case WordClass.Initial:
      case WordClass.Letter:
      case WordClass.Dotted:
      case WordClass.Ambiguous:
        return opener;
    }
  }

  /** "world.Today": a period between a lowercase word or a number and a capitalised word. */
  private isJoinedBoundary(i: number, sentenceStart: number, runEnd: number): boolean {
    const text = this.text;
    if (i <= sentenceStart || i + 2 >= runEnd) return false;
    const previous = text.charCodeAt(i - 1);
    if (!isLower(previous) && !isDigit(previous)) return false;
    if (!isUpper(text.charCodeAt(i + 1)) || !isLower(text.charCodeAt(i + 2))) return false;
    this.lookUpToken(i);
    if (this.tokenIsAddress) return false; // Jane.Doe@example.com
    return this.classifyWordBefore(i, sentenceStart) === WordClass.Regular;
  }

  private classifyWordBefore(i: number, sentenceStart: number): WordClass {
    const text = this.text;
    this.lookUpToken(i);
    // Jane.Doe@example.com, https://example.com/page.html: the period ends an address, not an abbreviation.
    if (this.tokenIsAddress) return WordClass.Regular;
    let start = Math.max(this.tokenStart, sentenceStart);
    while (start < i && isOpener(text.charCodeAt(start))) start++;
    if (start === i || i - start > 24) return WordClass.Regular;
    const word = text.slice(start, i);
    const lower = word.toLowerCase();
    if (PREPOSITIVE_ABBREVIATIONS.has(lower)) return WordClass.Prepositive;
    if (word.length === 1) {
      const c = word.charCodeAt(0);
      if (word === 'I') return WordClass.PronounI;
      if (isUpper(c)) return WordClass.Initial;
      if (isLower(c)) return WordClass.Letter;
    }
    if (DOTTED_ABBREVIATION.test(word)) return WordClass.Dotted;
    if (AMBIGUOUS_ABBREVIATIONS.has(lower)) return WordClass.Ambiguous;
    if (NUMBER_ABBREVIATIONS.has(lower)) return WordClass.NumberPrefix;
    return WordClass.Regular;
  }

  /** Whether the word before the token ending at `i` starts with a lowercase letter ("and I."). */
  private wordBeforeTokenIsLowercase(i: number, sentenceStart: number): boolean {
    const text = this.text;
    this.lookUpToken(i);
    let p = this.tokenStart - 1;
    while (p >= sentenceStart && isSpace(text.charCodeAt(p))) p--;
    if (p < sentenceStart) return false;
    const limit = Math.max(sentenceStart, p - 40);
    while (p > limit && !isSpace(text.charCodeAt(p - 1))) p--;
    while (p < text.length && isOpener(text.charCodeAt(p))) p++;
    return isLower(text.charCodeAt(p));
  }

  private lookUpToken(i: number): void {
    if (i >= this.tokenStart && i < this.tokenEnd) return;
    const text = this.text;
    let start = i;
    while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start--;
    let end = i;
    while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
    this.tokenStart = start;
    this.tokenEnd = end;
    this.tokenIsAddress = isAddress(text, start, end);
  }

  /** Classifies the first character after openers at `p`; fills nextWord and nextIsInitial. */
  private describeNext(p: number, runEnd: number): NextClass {
    const text = this.text;
    let q = p;
    while (q < runEnd && q - p < 4 && isOpener(text.charCodeAt(q))) q++;
    this.nextWord = '';
    this.nextIsInitial = false;
    if (q >= runEnd) return NextClass.Other;
    const c = text.charCodeAt(q);
    if (isLower(c)) return NextClass.Lower;
    if (isDigit(c)) return NextClass.Digit;
    if (!isUpper(c)) return NextClass.Other;
    let end = q + 1;
    while (end < runEnd && end - q < 20 && isLetter(text.charCodeAt(end))) end++;
    this.nextWord = text.slice(q, end);
    // "J. R. R. Tolkien": another initial, not the pronoun or article starting a sentence.
    this.nextIsInitial =
      end === q + 1 && end < runEnd && text.charCodeAt(end) === DOT && (end + 1 >= runEnd || isSpace(text.charCodeAt(end + 1)));
    return NextClass.Upper;
  }

  /**
   * Reads an inline list marker at the start of a sentence ("1.) ", "2) ",
   * "a. ", "• 9. ") so that its period is not taken for a sentence end, and
   * remembers it to split before the next item. Returns where to scan from.
   */
  private readListMarker(p: number, runEnd: number): number {
    const text = this.text;
    this.listKind = ListKind.None;
    let q = p;
    if (q < runEnd && isBullet(text.charCodeAt(q))) {
      q++;
      while (q < runEnd && (text.charCodeAt(q) === SPACE || text.charCodeAt(q) === TAB)) q++;
    }
    const marker = parseListMarker(text, q, runEnd);
    if (marker === null) return q;
    this.listKind = marker.kind;
    this.listStyle = marker.style;
    this.listValue = marker.value;
    return marker.end;
  }

  /** Whether the token at `p` is the next item of the current inline list ("2.)" after "1.)"). */
  private startsNextListItem(p: number, runEnd: number): boolean {
    if (this.listKind === ListKind.None) return false;
    const marker = parseListMarker(this.text, p, runEnd);
    return (
      marker !== null &&
      marker.kind === this.listKind &&
      marker.style === this.listStyle &&
      marker.value === this.listValue + 1
    );
  }

  private pushTrimmed(start: number, end: number): void {
    const text = this.text;
    let s = start;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (s < e) this.spans.push({ start: s, end: e });
  }
}

interface ListMarker {
  kind: ListKind;
  style: ListStyle;
  value: number;
  end: number;
}

/** "12. ", "3) ", "1.) ", "b. " at `p`, followed by whitespace. */
function parseListMarker(text: string, p: number, end: number): ListMarker | null {
  let q = p;
  let kind: ListKind;
  let value: number;
  const first = text.charCodeAt(q);
  if (isDigit(first)) {
    value = 0;
    while (q < end && isDigit(text.charCodeAt(q))) {
      value = value * 10 + (text.charCodeAt(q) - 0x30);
      q++;
      if (q - p > 3) return null; // a year or an amount, not an item number
    }
    kind = ListKind.Number;
  } else if (first >= 0x61 && first <= 0x7a) {
    value = first;
    q++;
    kind = ListKind.Letter;
  } else {
    return null;
  }
  let style: ListStyle;
  const c = text.charCodeAt(q);
  if (c === DOT && text.charCodeAt(q + 1) === CLOSE_PAREN) {
    style = ListStyle.DotParen;
    q += 2;
  } else if (c === DOT) {
    style = ListStyle.Dot;
    q += 1;
  } else if (c === CLOSE_PAREN) {
    style = ListStyle.Paren;
    q += 1;
  } else {
    return null;
  }
  if (q >= end || !isSpace(text.charCodeAt(q))) return null;
  return { kind, style, value, end: q };
}

/** Whether a terminator in text.slice(start, end) is followed by whitespace or the end. */
function hasSentenceEnd(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end) {
    if (!isTerminator(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < end && (isTerminator(text.charCodeAt(j)) || isCloser(text.charCodeAt(j)))) j++;
    if (j >= end || isSpace(text.charCodeAt(j))) return true;
    i = j;
  }
  return false;
}

/** An e-mail address or a URL: its periods are not sentence ends. */
function isAddress(text: string, start: number, end: number): boolean {
  let s = start;
  while (s < end && isOpener(text.charCodeAt(s))) s++;
  if (end - s > 4 && text.slice(s, s + 4).toLowerCase() === 'www.') return true;
  let atSign = false;
  for (let p = s; p < end; p++) {
    const c = text.charCodeAt(p);
    if (c === AT_SIGN && p > s) atSign = true;
    else if (c === DOT && atSign) return true;
    else if (c === COLON && text.charCodeAt(p + 1) === SLASH && text.charCodeAt(p + 2) === SLASH) return true;
  }
  return false;
}

function skipSpace(text: string, p: number, end: number): number {
  let q = p;
  while (q < end && isSpace(text.charCodeAt(q))) q++;
  return q;
}
