/**
 * Rule-based sentence splitter.
 *
 * One left-to-right pass over the text. At each terminator (. ! ? … and the
 * CJK full stops) it reads the whole cluster (terminators, the closing quotes
 * and brackets after them, a footnote marker such as "[1]") and decides from
 * the word before it and the words after it whether a sentence ends there.
 * Only whitespace is left between the spans it returns, so every other
 * character of the input belongs to exactly one sentence.
 *
 * The rules come in two kinds. Language-neutral ones (numbers, addresses,
 * ellipses, quotes, brackets, lists, initials, footnote markers, lines) always
 * apply; the word lists of languages.ts (abbreviations by class, sentence
 * openers, function words) are chosen by the `language` option, English by
 * default, none for a language without a table.
 *
 * Beyond single sentences it knows these layouts:
 * - blank lines always end a sentence;
 * - a single newline is a soft break inside a wrapped sentence, but it ends
 *   a line that stands on its own (a short title line before prose, a list
 *   item, a line that ends without a function word and is followed by a
 *   capitalised line); in a block of several lines with no sentence
 *   punctuation at all (a keyword list, an address) each line is a sentence;
 *   before a Markdown list item or heading line (and after a heading line)
 *   a sentence always ends;
 * - inline lists ("1.) first 2.) second", "a. x b. y", "(i) x (ii) y") are
 *   split before each next item.
 */
import { rulesForLanguage, type LanguageRules } from './languages';
import { matchLineMarker } from './markdown';

/** Offsets into the input, end exclusive: input.slice(start, end) is the sentence, trimmed. */
export interface SentenceSpan {
  start: number;
  end: number;
}

export interface SentenceOptions {
  /** BCP 47 tag of the text's language ("en", "fr", "de-CH"); English when absent. */
  language?: string;
}

export function splitSentences(text: string, options: SentenceOptions = {}): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  splitSentencesInRange(text, 0, text.length, spans, { rules: rulesForLanguage(options.language) });
  return spans;
}

export interface RangeOptions {
  rules: LanguageRules;
  /**
   * Whether the lines of a block are prose, where a newline may end a line
   * of its own and a block of lines without sentence punctuation is split
   * line by line (default true). The document segmenter turns it off for
   * the wrapped lines of one list item.
   */
  unpunctuatedLinesAreSentences?: boolean;
}

/** Appends to `spans` the sentences of text.slice(start, end), as offsets into `text`. */
export function splitSentencesInRange(text: string, start: number, end: number, spans: SentenceSpan[], options: RangeOptions): void {
  new SentenceScanner(text, spans, options.rules, options.unpunctuatedLinesAreSentences ?? true).splitRange(start, end);
}

const SPACE = 0x20;
const TAB = 0x09;
const DOT = 0x2e;
const ELLIPSIS = 0x2026;
const OPEN_BRACKET = 0x5b;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
const CLOSE_BRACKET = 0x5d;
const AT_SIGN = 0x40;
const COLON = 0x3a;
const SLASH = 0x2f;

const UPPERCASE = /^[\p{Lu}\p{Lt}]$/u;
const LOWERCASE = /^\p{Ll}$/u;
const LETTER = /^\p{L}$/u;
// "U.S", "a.m", "Ph.D", "z.B", "J.-C", "Dipl.-Ing": the word before the final period of a dotted abbreviation.
const DOTTED_ABBREVIATION = /^\p{L}{1,4}(?:\.-?\p{L}{1,4}(?:-\p{L}{1,4})*)+$/u;
// "EE. UU.", "MM.": a plural abbreviation writes its letter twice.
const DOUBLED_CAPITALS = /^(\p{Lu})\1$/u;
// "Natl", "Blvd", "bzw": a short word without a vowel is an abbreviation (all capitals is an acronym).
const VOWELLESS = /^[b-df-hj-np-tv-xzß]{2,5}$/iu;
// "Proc", "Biol", "Phys": capitalised short word, possibly a truncated one in a chain of them.
const SHORT_CAPITALISED = /^\p{Lu}\p{Ll}{1,5}$/u;
const NUMBER_TOKEN = /^[-–]?\d{1,3}$/;
const ROMAN_NUMERAL = /^(?:x{0,3})(?:ix|iv|v?i{0,3})$/;

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
  return c === 0x3002 || c === 0xff01 || c === 0xff0e || c === 0xff1f || c === 0xff61;
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
    case 0xab: // « closes a German »quote«
    case 0x2039: // ‹ closes a German ›quote‹
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
    case 0xbb: // » opens a German »quote«
    case 0x203a: // › opens a German ›quote‹
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

function isDash(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2013 || c === 0x2014;
}

/** Characters that may sit between a French closing guillemet and the mark before it: "fin. »". */
function isGuillemetSpace(c: number): boolean {
  return c === SPACE || c === 0xa0 || c === 0x202f;
}

function isClosingGuillemet(c: number): boolean {
  return c === 0xbb || c === 0x203a;
}

function isSuperscriptDigit(c: number): boolean {
  return c === 0xb9 || c === 0xb2 || c === 0xb3 || (c >= 0x2070 && c <= 0x2079);
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
  /** "Mr", "Dr", "z.B", "Sra": a name or more of the sentence follows. */
  Prepositive,
  /** "Co", "etc", "usw", "Blvd": may end the sentence. */
  Ambiguous,
  /** "p", "No", "Fig": a number follows. */
  NumberPrefix,
  /** "U.S", "Ph.D", "EE": dotted abbreviation. */
  Dotted,
  /** "a.m", "p.m": a time, which often ends a sentence. */
  Time,
  /** A single capital letter other than I: an initial ("Jonas E. Smith"). */
  Initial,
  /** A single capital letter that opens the sentence: a label ("Q. What ...", "A. At home."). */
  Label,
  /** A single lowercase letter ("p. 55", "e. V."). */
  Letter,
  /** The pronoun I, or a regnal number ("Albert I. Jones"). */
  PronounI,
  /** A number of up to three digits ("in 2004." is Regular): an ordinal in some languages. */
  Number,
}

/** What follows the whitespace after a terminator, after any opening quotes, brackets or dashes. */
const enum NextClass {
  Lower,
  Upper,
  Digit,
  /** A list item marker: "(b) ", "ii) ", "a. " opening a list. */
  ListMarker,
  Other,
}

const enum ListKind {
  None,
  Number,
  Letter,
  UpperLetter,
  Roman,
  UpperRoman,
}

const enum ListStyle {
  Dot, // 1.
  Paren, // 1)
  DotParen, // 1.)
  Enclosed, // (1)
}

/** Context a period in brackets looks ahead to find the bracket closed: "(Proc. Natl. Acad. Sci. USA 98)". */
const BRACKET_LOOKAHEAD = 300;
/** A token longer than this is not classified as a whole (bounds the work on a text without spaces). */
const TOKEN_LIMIT = 512;
/** A line shorter than this is an item of a list of lines, never a wrapped line of prose. */
const WRAPPED_LINE_MINIMUM = 40;

class SentenceScanner {
  // The whitespace-delimited token around the last period looked at, cached so
  // that a long token full of periods is scanned once, not once per period.
  private tokenStart = 0;
  private tokenEnd = -1;
  private tokenIsAddress = false;
  // Set by describeNext(): the capitalised word after a terminator, and
  // whether it is itself an initial ("J. R. R. Tolkien").
  private nextWord = '';
  private nextWordEnd = 0;
  private nextIsInitial = false;
  // The inline list of the current sentence, if it started with an item marker.
  private listKind = ListKind.None;
  private listStyle = ListStyle.Dot;
  private listValue = 0;
  // "x)" after "w)": the letter reading of a marker that is also a roman numeral (0 when none).
  private listLetterValue = 0;
  // Open round and square brackets since the sentence started, and where the
  // innermost one is closed (-2: not looked up yet, -1: not within reach).
  private bracketDepth = 0;
  private closerAt = -2;
  // Of the block being split: its longest line, to tell wrapped lines from lines of their own.
  private longestLine = 0;
  // Set by boundaryAt(): where to continue scanning.
  private resume = 0;

  constructor(
    private readonly text: string,
    private readonly spans: SentenceSpan[],
    private readonly rules: LanguageRules,
    private readonly linesAreProse: boolean,
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
    this.longestLine = 0;
    for (let k = 0; k < lines.length; k += 2) {
      this.longestLine = Math.max(this.longestLine, trimmedLength(text, lines[k]!, lines[k + 1]!));
    }
    if (this.linesAreProse && severalLines && !hasSentenceEnd(text, blockStart, blockEnd)) {
      // "features\ncontact manager\nevents, activities": lines without any
      // sentence punctuation are items of a list, not a wrapped sentence,
      // unless a long line was wrapped ("... if you follow\na few guidelines:").
      let itemStart = lines[0]!;
      for (let k = 0; k < lines.length; k += 2) {
        const lineEnd = lines[k + 1]!;
        const nextLine = lines[k + 2];
        if (nextLine !== undefined && this.isWrappedProseLine(lines[k]!, lineEnd, nextLine)) continue;
        this.pushTrimmed(itemStart, lineEnd);
        if (nextLine !== undefined) itemStart = nextLine;
      }
      return;
    }
    let runStart = blockStart;
    for (let k = 0; k < lines.length; k += 2) {
      const lineStart = lines[k]!;
      const lineEnd = lines[k + 1]!;
      const first = skipSpace(text, lineStart, lineEnd);
      if (!mayStartLineMarker(text.charCodeAt(first))) continue;
      const marker = matchLineMarker(text.slice(lineStart, Math.min(lineEnd, lineStart + TOKEN_LIMIT)), lineStart);
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

  /** A line of prose that the next line's first word did not fit on. */
  private isWrappedProseLine(lineStart: number, lineEnd: number, nextLineStart: number): boolean {
    const text = this.text;
    const length = trimmedLength(text, lineStart, lineEnd);
    const next = skipSpace(text, nextLineStart, text.length);
    return length >= WRAPPED_LINE_MINIMUM && length + 1 + tokenLength(text, next, text.length) > this.longestLine;
  }

  /** Splits text where newlines are soft breaks, unless a line stands on its own. */
  private splitRun(runStart: number, runEnd: number): void {
    const text = this.text;
    this.tokenEnd = -1;
    let sentenceStart = skipSpace(text, runStart, runEnd);
    if (sentenceStart >= runEnd) return;
    let lineStart = runStart;
    this.startSentence();
    let i = this.readListMarker(sentenceStart, runEnd);
    while (i < runEnd) {
      const c = text.charCodeAt(i);
      let cut = -1;
      if (isSpace(c)) {
        if (c === 0x0a) {
          if (this.lineEndsSentence(i, lineStart, sentenceStart, runEnd)) cut = i;
          lineStart = i + 1;
        }
        const next = i + 1;
        if (cut === -1 && next < runEnd && (isBullet(text.charCodeAt(next)) || this.startsNextListItem(next, runEnd))) {
          cut = next;
        }
        i++;
      } else if (isTerminator(c)) {
        cut = this.boundaryAt(i, runStart, runEnd, sentenceStart);
        i = this.resume;
      } else {
        if (c === OPEN_PAREN || c === OPEN_BRACKET) this.openBracket();
        else if (c === CLOSE_PAREN || c === CLOSE_BRACKET) this.closeBracket();
        i++;
      }
      if (cut !== -1) {
        this.pushTrimmed(sentenceStart, cut);
        sentenceStart = skipSpace(text, cut, runEnd);
        this.startSentence();
        i = Math.max(i, this.readListMarker(sentenceStart, runEnd));
      }
    }
    this.pushTrimmed(sentenceStart, runEnd);
  }

  private startSentence(): void {
    this.bracketDepth = 0;
    this.closerAt = -2;
  }

  private openBracket(): void {
    this.bracketDepth++;
    this.closerAt = -2;
  }

  private closeBracket(): void {
    if (this.bracketDepth > 0) this.bracketDepth--;
    this.closerAt = -2;
  }

  /**
   * Whether the innermost open bracket closes within reach after `p`: then a
   * period before it is inside a parenthesis ("(Proc. Natl. Acad. Sci.)",
   * "(approx. 40 km)") and ends no sentence.
   */
  private bracketClosesAfter(p: number, runEnd: number): boolean {
    if (this.bracketDepth === 0) return false;
    if (this.closerAt === -2 || (this.closerAt >= 0 && this.closerAt < p)) {
      const text = this.text;
      const limit = Math.min(runEnd, p + BRACKET_LOOKAHEAD);
      let depth = 0;
      this.closerAt = -1;
      for (let q = p; q < limit; q++) {
        const c = text.charCodeAt(q);
        if (c === OPEN_PAREN || c === OPEN_BRACKET) depth++;
        else if (c === CLOSE_PAREN || c === CLOSE_BRACKET) {
          if (depth === 0) {
            this.closerAt = q;
            break;
          }
          depth--;
        } else if (c === 0x0a && q + 1 < limit && text.charCodeAt(q + 1) === 0x0a) break;
      }
    }
    return this.closerAt >= p;
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
    let marks = 0;
    let exclamations = 0;
    let cjk = false;
    while (j < runEnd) {
      const ch = text.charCodeAt(j);
      if (ch === DOT) dots += 1;
      else if (ch === ELLIPSIS) dots += 3;
      else if (isQuestionOrExclamation(ch)) {
        marks++;
        if (ch === 0x21) exclamations++;
      } else if (isCjkTerminator(ch)) cjk = true;
      else if (ch === CLOSE_PAREN || ch === CLOSE_BRACKET) this.closeBracket();
      else if (isGuillemetSpace(ch) && j + 1 < runEnd && isClosingGuillemet(text.charCodeAt(j + 1))) {
        j++; // « Nous partons. » : French spacing inside guillemets
      } else if (!isCloser(ch)) break;
      j++;
    }
    this.resume = j;
    if (j >= runEnd) return -1; // the run ends here anyway
    if (cjk) return j;
    const citationEnd = this.citationMarkerEnd(j, i, runEnd);
    const citation = citationEnd !== j;
    if (citation) {
      j = citationEnd;
      this.resume = j;
      if (j >= runEnd) return -1;
    }
    if (!isSpace(text.charCodeAt(j))) {
      // "Hello world.Today is Tuesday.Mr. Smith"
      if (dots === 1 && j === i + 1 && marks === 0 && this.isJoinedBoundary(i, sentenceStart, runEnd)) {
        return j;
      }
      return -1;
    }
    const nextStart = skipSpace(text, j, runEnd);
    if (nextStart >= runEnd) return -1;
    const next = this.describeNext(nextStart, runEnd);
    // "Yahoo! in the accounting department", "'This is great.' she said."
    if (next === NextClass.Lower) return -1;
    if (citation) return j;
    // "(approx. 40 km long)", "[16: firma? 13:28]": inside brackets that close soon, nothing ends.
    if (this.bracketClosesAfter(j, runEnd)) return -1;
    if (marks > 0) {
      // "She worked at Yahoo! Finance": an exclamation mark that belongs to a name.
      if (marks === 1 && exclamations === 1 && dots === 0 && this.exclamationInName(i, sentenceStart, next)) return -1;
      return j;
    }
    if (dots >= 4) return j;
    if (dots >= 2) return this.ellipsisEnds(i, runStart, next) ? j : -1;
    return this.periodEnds(i, sentenceStart, next) ? j : -1;
  }

  /**
   * A footnote or citation marker right after the terminator cluster
   * ("martyr.[1] The", "rare.[12–15] Most", "(1987).4 Later", "close.¹ The"),
   * followed by whitespace: returns where it ends, or `j` when there is none.
   */
  private citationMarkerEnd(j: number, terminator: number, runEnd: number): number {
    const text = this.text;
    let q = j;
    const first = text.charCodeAt(q);
    if (first === OPEN_BRACKET) {
      while (q < runEnd && text.charCodeAt(q) === OPEN_BRACKET) {
        let r = q + 1;
        while (r < runEnd && r - q < 16 && /[\d,\s–-]/.test(text.charAt(r))) r++;
        if (r === q + 1 || text.charCodeAt(r) !== CLOSE_BRACKET || !isDigit(text.charCodeAt(q + 1))) return j;
        q = r + 1;
      }
    } else if (isSuperscriptDigit(first)) {
      while (q < runEnd && isSuperscriptDigit(text.charCodeAt(q))) q++;
    } else if (isDigit(first)) {
      // Plain digits only after a word or a bracket, never after a number ("3.5").
      if (terminator === 0 || isDigit(text.charCodeAt(terminator - 1))) return j;
      while (q < runEnd) {
        const digitsStart = q;
        while (q < runEnd && isDigit(text.charCodeAt(q))) q++;
        if (q - digitsStart > 3) return j;
        // "consultation.11 12 Take": several markers separated by single spaces.
        if (text.charCodeAt(q) === SPACE && isDigit(text.charCodeAt(q + 1))) q++;
        else break;
      }
      const after = skipSpace(text, q, runEnd);
      if (after === q || after >= runEnd || !isUpper(text.charCodeAt(after))) return j;
      return q;
    } else {
      return j;
    }
    return q >= runEnd || isSpace(text.charCodeAt(q)) ? q : j;
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
    return next === NextClass.Upper || next === NextClass.ListMarker;
  }

  /** A single period followed by whitespace and something that is not lowercase. */
  private periodEnds(i: number, sentenceStart: number, next: NextClass): boolean {
    const wordClass = this.classifyWordBefore(i, sentenceStart);
    if (next === NextClass.ListMarker) return wordClass !== WordClass.Prepositive;
    const rules = this.rules;
    const upper = next === NextClass.Upper && !this.nextIsInitial;
    const opener = upper && rules.openers.has(this.nextWord);
    switch (wordClass) {
      case WordClass.Regular:
        // "J. Biol. Chem. for details": a chain of truncated words.
        return !(upper && this.abbreviationChainFollows(i, sentenceStart));
      case WordClass.Number:
        return !(rules.ordinalNumbers && this.isOrdinal(i, sentenceStart, next));
      case WordClass.Prepositive:
      case WordClass.Label:
        return false;
      case WordClass.NumberPrefix:
        return next === NextClass.Upper;
      case WordClass.PronounI:
        // "you and I. Did you see Albert I. Jones?"
        return next === NextClass.Digit || opener || this.wordBeforeTokenIsLowercase(i, sentenceStart);
      case WordClass.Time:
        // "at 6 P.M. Travelers who ...", but "at 5 p.m. Friday" and "At 5 a.m. Mr. Smith went".
        return upper && !rules.timeQualifiers.has(this.nextWord) && !this.startsWithShortTimePhrase(i, sentenceStart);
      case WordClass.Initial:
      case WordClass.Letter:
      case WordClass.Dotted:
      case WordClass.Ambiguous:
        // "the U.S. How about you?", "in the U.S. Millions attended", "Harbour Blvd. Parking is free".
        return opener || (upper && this.subjectVerbFollows(i, sentenceStart));
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
    const wordClass = this.classifyWordBefore(i, sentenceStart);
    if (wordClass === WordClass.Number) return !this.isGluedEnumeration(i);
    return wordClass === WordClass.Regular;
  }

  /** "lunch: 1.Ice cream, 2.Meat": a one- or two-digit item number after a colon or comma, glued to its item. */
  private isGluedEnumeration(i: number): boolean {
    const text = this.text;
    if (i - this.tokenStart > 2) return false;
    let p = this.tokenStart - 1;
    while (p >= 0 && isSpace(text.charCodeAt(p))) p--;
    return p >= 0 && (text.charCodeAt(p) === COLON || text.charCodeAt(p) === 0x2c);
  }

  /** The word between the start of the token holding the period at `i` and the period, openers skipped. */
  private wordBefore(i: number, sentenceStart: number): string {
    const text = this.text;
    this.lookUpToken(i);
    let start = Math.max(this.tokenStart, sentenceStart);
    while (start < i && isOpener(text.charCodeAt(start))) start++;
    if (start === i || i - start > 24) return '';
    return text.slice(start, i);
  }

  private classifyWordBefore(i: number, sentenceStart: number): WordClass {
    this.lookUpToken(i);
    // Jane.Doe@example.com, https://example.com/page.html: the period ends an address, not an abbreviation.
    if (this.tokenIsAddress) return WordClass.Regular;
    const word = withoutElision(this.wordBefore(i, sentenceStart));
    if (word === '') return WordClass.Regular;
    const rules = this.rules;
    const lower = word.toLowerCase();
    if (rules.prepositive.has(lower)) return WordClass.Prepositive;
    if (word.length === 1) {
      const c = word.charCodeAt(0);
      if (word === 'I' && rules !== undefined && rules.openers.has('I')) return WordClass.PronounI;
      if (isUpper(c)) return this.tokenStart <= sentenceStart ? WordClass.Label : WordClass.Initial;
      if (isLower(c)) return WordClass.Letter;
    }
    if (rules.timeAbbreviations.has(lower)) return WordClass.Time;
    if (rules.ambiguous.has(lower) || rules.ambiguousCapitalised.has(word)) return WordClass.Ambiguous;
    if (rules.numberPrefixes.has(lower)) return WordClass.NumberPrefix;
    if (DOTTED_ABBREVIATION.test(word) || DOUBLED_CAPITALS.test(word)) return WordClass.Dotted;
    if (NUMBER_TOKEN.test(word)) return WordClass.Number;
    if (rules.vowellessAbbreviations && VOWELLESS.test(word) && word !== word.toUpperCase()) return WordClass.Ambiguous;
    // "Hauptstr.", "Bahnhofstr.": a compound that ends in an abbreviation.
    for (const ending of rules.compoundEndings) {
      if (lower.length > ending.length + 2 && lower.endsWith(ending)) return WordClass.Ambiguous;
    }
    return WordClass.Regular;
  }

  /**
   * After an abbreviation and a capitalised word, whether the word after that
   * shows a new sentence: a verb or relative pronoun ("Parking is free",
   * "Travelers who ...", "Millions attended" after a plural). Not when the
   * sentence so far is too short to be one ("The U.S. Commission asked").
   */
  private subjectVerbFollows(i: number, sentenceStart: number): boolean {
    const rules = this.rules;
    // "GmbH & Co. KG hat": a word in capitals continues a name.
    if (rules.verbsAfterSubject.size === 0 || this.nextWord === '' || this.nextWord === this.nextWord.toUpperCase()) return false;
    if (countWords(this.text, sentenceStart, i) < 3) return false;
    const following = this.wordAfter(this.nextWordEnd);
    if (following === '') return false;
    if (rules.verbsAfterSubject.has(following)) return true;
    return /(?:s|ing)$/.test(this.nextWord) && /ed$/.test(following);
  }

  /** The lowercase word after the whitespace at `p`, or '' when something else comes. */
  private wordAfter(p: number): string {
    const text = this.text;
    const limit = Math.min(text.length, p + 40);
    let q = p;
    if (q >= limit || !isSpace(text.charCodeAt(q))) return '';
    while (q < limit && text.charCodeAt(q) === SPACE) q++;
    let end = q;
    while (end < limit && isLower(text.charCodeAt(end))) end++;
    if (end === q || (end < text.length && isLetter(text.charCodeAt(end)))) return '';
    return text.slice(q, end);
  }

  /**
   * Whether a capitalised short word before the period at `i` is one of a
   * chain of truncated words ("J. Biol. Chem. for", "Proc. Natl. Acad."): the
   * next word is short, capitalised and followed by a period too, and what
   * comes after that is lowercase, a number or another such word.
   */
  private abbreviationChainFollows(i: number, sentenceStart: number): boolean {
    const rules = this.rules;
    if (!rules.vowellessAbbreviations) return false;
    if (!SHORT_CAPITALISED.test(this.wordBefore(i, sentenceStart))) return false;
    const nextWord = this.nextWord;
    const text = this.text;
    if (!SHORT_CAPITALISED.test(nextWord) || text.charCodeAt(this.nextWordEnd) !== DOT) return false;
    if (rules.openers.has(nextWord)) return false;
    const after = skipSpace(text, this.nextWordEnd + 1, Math.min(text.length, this.nextWordEnd + 8));
    if (after === this.nextWordEnd + 1 || after >= text.length) return false;
    const c = text.charCodeAt(after);
    if (isLower(c) || isDigit(c)) return true;
    let end = after;
    while (end < text.length && end - after < 8 && isLetter(text.charCodeAt(end))) end++;
    return SHORT_CAPITALISED.test(text.slice(after, end)) && text.charCodeAt(end) === DOT;
  }

  /**
   * "am 3. Oktober", "im 19. Jh.", "der 2. Weltkrieg", "1. -3. Jahrhundert":
   * a number with a period is an ordinal before a month or a counted noun,
   * after an article or preposition, or before another number.
   */
  private isOrdinal(i: number, sentenceStart: number, next: NextClass): boolean {
    const rules = this.rules;
    if (next === NextClass.Digit || next === NextClass.Other) return true;
    if (next === NextClass.Upper && rules.ordinalNouns.has(this.nextWord)) return true;
    const previous = this.previousWord(i, sentenceStart);
    return previous !== '' && rules.ordinalIntroducers.has(previous.toLowerCase());
  }

  /** The word before the token that ends at the period `i`, or '' at the sentence start. */
  private previousWord(i: number, sentenceStart: number): string {
    const text = this.text;
    this.lookUpToken(i);
    let end = this.tokenStart;
    while (end > sentenceStart && isSpace(text.charCodeAt(end - 1))) end--;
    let start = end;
    while (start > sentenceStart && end - start < 24 && isLetter(text.charCodeAt(start - 1))) start--;
    return text.slice(start, end);
  }

  /** "At 5 a.m.", "By 10 a.m.": a sentence that only opens with a time is not over at its abbreviation. */
  private startsWithShortTimePhrase(i: number, sentenceStart: number): boolean {
    const text = this.text;
    let q = sentenceStart;
    while (q < i && isOpener(text.charCodeAt(q))) q++;
    let end = q;
    while (end < i && isLetter(text.charCodeAt(end))) end++;
    return this.rules.timeIntroducers.has(text.slice(q, end)) && countWords(text, sentenceStart, i) <= 4;
  }

  /**
   * "works at Yahoo! Finance": an exclamation mark right after a capitalised
   * word that follows a function word, with a capitalised word after it
   * that does not open sentences, is part of a name.
   */
  private exclamationInName(i: number, sentenceStart: number, next: NextClass): boolean {
    if (next !== NextClass.Upper || this.nextIsInitial || this.rules.openers.has(this.nextWord)) return false;
    const text = this.text;
    let start = i;
    while (start > sentenceStart && i - start < 24 && isLetter(text.charCodeAt(start - 1))) start--;
    if (start === i || !isUpper(text.charCodeAt(start))) return false;
    let end = start;
    while (end > sentenceStart && isSpace(text.charCodeAt(end - 1))) end--;
    if (end === start) return false;
    let wordStart = end;
    while (wordStart > sentenceStart && end - wordStart < 24 && isLetter(text.charCodeAt(wordStart - 1))) wordStart--;
    return this.rules.continuation.has(text.slice(wordStart, end));
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

  /** Finds the token around `i`, at most TOKEN_LIMIT characters either side. */
  private lookUpToken(i: number): void {
    if (i >= this.tokenStart && i < this.tokenEnd) return;
    const text = this.text;
    const lowest = Math.max(0, i - TOKEN_LIMIT);
    const highest = Math.min(text.length, i + TOKEN_LIMIT);
    let start = i;
    while (start > lowest && !isSpace(text.charCodeAt(start - 1))) start--;
    let end = i;
    while (end < highest && !isSpace(text.charCodeAt(end))) end++;
    this.tokenStart = start;
    this.tokenEnd = end;
    this.tokenIsAddress = isAddress(text, start, end);
  }

  /**
   * Classifies what starts at `p` after opening quotes, brackets and dashes;
   * fills nextWord, nextWordEnd and nextIsInitial.
   */
  private describeNext(p: number, runEnd: number): NextClass {
    const text = this.text;
    this.nextWord = '';
    this.nextIsInitial = false;
    if (this.isListMarkerAfterTerminator(p, runEnd)) return NextClass.ListMarker;
    let q = p;
    while (q < runEnd && q - p < 6) {
      const c = text.charCodeAt(q);
      if (isOpener(c)) q++;
      // "Who cares? - Nobody", "and -- presto! -- you have": a dash before the next word.
      else if (isDash(c)) {
        q++;
        if (q < runEnd && text.charCodeAt(q) === SPACE) q++;
      } else break;
    }
    if (q >= runEnd) return NextClass.Other;
    const c = text.charCodeAt(q);
    if (isLower(c)) return NextClass.Lower;
    if (isDigit(c)) return NextClass.Digit;
    if (!isUpper(c)) return NextClass.Other;
    let end = q + 1;
    while (end < runEnd && end - q < 20 && (isLetter(text.charCodeAt(end)) || text.charCodeAt(end) === 0x2019)) end++;
    this.nextWord = text.slice(q, end);
    this.nextWordEnd = end;
    // "J. R. R. Tolkien": another initial, not the pronoun or article starting a sentence.
    this.nextIsInitial =
      end === q + 1 && end < runEnd && text.charCodeAt(end) === DOT && (end + 1 >= runEnd || isSpace(text.charCodeAt(end + 1)));
    return NextClass.Upper;
  }

  /**
   * "(b) ", "ii) ", "B) " or an "a. " that opens or continues a list, after a
   * terminator: the start of a list item, even though it is lowercase.
   */
  private isListMarkerAfterTerminator(p: number, runEnd: number): boolean {
    const marker = parseListMarker(this.text, p, runEnd);
    if (marker === null) return false;
    if (marker.style !== ListStyle.Dot) return marker.kind !== ListKind.Number;
    if (marker.kind !== ListKind.Letter && marker.kind !== ListKind.Roman) return false;
    return marker.value === 1 || this.continuesList(marker);
  }

  /**
   * Whether the newline at `i` ends the sentence although no terminator
   * precedes it: the line stands on its own ("Summer Reading List\nThe
   * library ...", "(a) Open the box\n(b) ..."). A wrapped line (as full as
   * the block's longest line allows), a line that ends with a function word, a comma
   * or a name cut in two, and a next line that starts lowercase keep the
   * sentence going.
   */
  private lineEndsSentence(i: number, lineStart: number, sentenceStart: number, runEnd: number): boolean {
    if (!this.linesAreProse) return false;
    const text = this.text;
    let last = i - 1;
    while (last >= lineStart && isSpace(text.charCodeAt(last))) last--;
    if (last < lineStart || last < sentenceStart) return false;
    const lastChar = text.charCodeAt(last);
    // After a terminator the sentence rules have decided already.
    if (isTerminator(lastChar) || isCloserAfterTerminator(text, last, lineStart)) return false;
    if (lastChar === 0x2c || lastChar === 0x3b || isDash(lastChar) || lastChar === 0x26 || lastChar === SLASH) return false;
    const nextStart = skipSpace(text, i, runEnd);
    if (nextStart >= runEnd) return false;
    if (isBullet(text.charCodeAt(nextStart)) || parseListMarker(text, nextStart, runEnd) !== null) return true;
    const next = this.describeNext(nextStart, runEnd);
    if (next !== NextClass.Upper && next !== NextClass.Digit) return false;
    // In German every noun is capitalised: only a word that opens sentences shows a new one.
    if (next === NextClass.Upper && this.rules.capitalisedNouns && !this.rules.openers.has(this.nextWord)) return false;
    // "a. one more thing b. another thing\n They left": an inline list item ends with its line.
    if (this.listKind !== ListKind.None) return true;
    let wordStart = last + 1;
    while (wordStart > lineStart && isLetter(text.charCodeAt(wordStart - 1))) wordStart--;
    const lastWord = text.slice(wordStart, last + 1);
    if (lastWord !== '' && this.rules.continuation.has(lastWord.toLowerCase())) return false;
    // A wrapped line is full: the next line's first word would not have fitted on it.
    if (trimmedLength(text, lineStart, i) + 1 + tokenLength(text, nextStart, runEnd) > this.longestLine) return false;
    // "received by Prime Minister\nKeir Starmer": a name cut by the line end, in a line of prose.
    if (
      lastWord !== '' &&
      isUpper(lastWord.charCodeAt(0)) &&
      next === NextClass.Upper &&
      !this.rules.openers.has(this.nextWord) &&
      hasLowercaseWord(text, lineStart, wordStart)
    ) {
      return false;
    }
    return true;
  }

  /**
   * Reads an inline list marker at the start of a sentence ("1.) ", "2) ",
   * "a. ", "(iv) ", "• 9. ") so that its period is not taken for a sentence
   * end, and remembers it to split before the next item. Returns where to scan from.
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
    this.listLetterValue = marker.letterValue;
    return marker.end;
  }

  /** Whether the token at `p` is the next item of the current inline list ("2.)" after "1.)"). */
  private startsNextListItem(p: number, runEnd: number): boolean {
    if (this.listKind === ListKind.None) return false;
    const marker = parseListMarker(this.text, p, runEnd);
    return marker !== null && this.continuesList(marker);
  }

  private continuesList(marker: ListMarker): boolean {
    if (this.listKind === ListKind.None || marker.style !== this.listStyle) return false;
    if (marker.kind === this.listKind && marker.value === this.listValue + 1) return true;
    // "(h) ... (i)", "x) ... y)": letters that are also roman numerals.
    return (
      marker.letterValue !== 0 &&
      this.listLetterValue !== 0 &&
      letterKindOf(marker.kind) === letterKindOf(this.listKind) &&
      marker.letterValue === this.listLetterValue + 1
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
  /** For a letter, or a one-letter roman numeral ("i", "v", "x"): its place in the alphabet, else 0. */
  letterValue: number;
  end: number;
}

function letterKindOf(kind: ListKind): ListKind {
  if (kind === ListKind.Roman) return ListKind.Letter;
  if (kind === ListKind.UpperRoman) return ListKind.UpperLetter;
  return kind;
}

/** "12. ", "3) ", "1.) ", "b. ", "B) ", "(iv) " at `p`, followed by whitespace. */
function parseListMarker(text: string, p: number, end: number): ListMarker | null {
  let q = p;
  const enclosed = text.charCodeAt(q) === OPEN_PAREN;
  if (enclosed) q++;
  let kind: ListKind;
  let value: number;
  let letterValue = 0;
  const first = text.charCodeAt(q);
  if (isDigit(first)) {
    value = 0;
    while (q < end && isDigit(text.charCodeAt(q))) {
      value = value * 10 + (text.charCodeAt(q) - 0x30);
      q++;
      if (q - p > 3 + (enclosed ? 1 : 0)) return null; // a year or an amount, not an item number
    }
    kind = ListKind.Number;
  } else if ((first >= 0x61 && first <= 0x7a) || (first >= 0x41 && first <= 0x5a)) {
    let r = q;
    while (r < end && r - q < 6 && /[a-zA-Z]/.test(text.charAt(r))) r++;
    const letters = text.slice(q, r);
    const lower = letters.toLowerCase();
    const upper = first <= 0x5a;
    if (letters.length > 1 && letters !== (upper ? letters.toUpperCase() : lower)) return null;
    if (ROMAN_NUMERAL.test(lower) && (letters.length > 1 || 'ivx'.includes(lower))) {
      kind = upper ? ListKind.UpperRoman : ListKind.Roman;
      value = romanValue(lower);
      if (letters.length === 1) letterValue = lower.charCodeAt(0) - 0x60;
    } else if (letters.length === 1) {
      kind = upper ? ListKind.UpperLetter : ListKind.Letter;
      value = lower.charCodeAt(0) - 0x60;
      letterValue = value;
    } else {
      return null;
    }
    q = r;
  } else {
    return null;
  }
  let style: ListStyle;
  const c = text.charCodeAt(q);
  if (enclosed) {
    if (c !== CLOSE_PAREN) return null;
    style = ListStyle.Enclosed;
    q += 1;
  } else if (c === DOT && text.charCodeAt(q + 1) === CLOSE_PAREN) {
    style = ListStyle.DotParen;
    q += 2;
  } else if (c === DOT) {
    // "A. Smith", "I. Introduction": a capital with a period is an initial or a heading number, not an inline item.
    if (kind === ListKind.UpperLetter || kind === ListKind.UpperRoman) return null;
    style = ListStyle.Dot;
    q += 1;
  } else if (c === CLOSE_PAREN) {
    style = ListStyle.Paren;
    q += 1;
  } else {
    return null;
  }
  if (q >= end || !isSpace(text.charCodeAt(q))) return null;
  return { kind, style, value, letterValue, end: q };
}

function romanValue(numeral: string): number {
  const digits: Record<string, number> = { i: 1, v: 5, x: 10 };
  let value = 0;
  for (let k = 0; k < numeral.length; k++) {
    const digit = digits[numeral[k]!]!;
    const following = digits[numeral[k + 1] ?? ''] ?? 0;
    value += digit < following ? -digit : digit;
  }
  return value;
}

/** "l’art" -> "art", "dell'anno" -> "anno": the word after an elided article or preposition. */
function withoutElision(word: string): string {
  const apostrophe = Math.max(word.lastIndexOf('’'), word.lastIndexOf("'"));
  return apostrophe > 0 && apostrophe <= 4 && apostrophe < word.length - 1 ? word.slice(apostrophe + 1) : word;
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

/** Whether the closer at `p` ends a run of closers that follows a terminator: `done."` `(sic.)`. */
function isCloserAfterTerminator(text: string, p: number, lineStart: number): boolean {
  let q = p;
  while (q >= lineStart && isCloser(text.charCodeAt(q))) q--;
  return q < p && q >= lineStart && isTerminator(text.charCodeAt(q));
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

function tokenLength(text: string, start: number, end: number): number {
  let e = start;
  while (e < end && e - start < 40 && !isSpace(text.charCodeAt(e))) e++;
  return e - start;
}

function trimmedLength(text: string, start: number, end: number): number {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return e - s;
}

/** Number of whitespace-separated words in text.slice(start, end), counting up to 8. */
function countWords(text: string, start: number, end: number): number {
  let words = 0;
  let inWord = false;
  for (let p = start; p < end && words <= 8; p++) {
    const space = isSpace(text.charCodeAt(p));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** Whether a word of text.slice(start, end) starts with a lowercase letter: a line of prose, not a title. */
function hasLowercaseWord(text: string, start: number, end: number): boolean {
  let atWordStart = true;
  for (let p = start; p < end; p++) {
    const c = text.charCodeAt(p);
    if (isSpace(c)) atWordStart = true;
    else if (atWordStart) {
      if (isLower(c)) return true;
      atWordStart = false;
    }
  }
  return false;
}
