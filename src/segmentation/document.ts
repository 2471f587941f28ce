/**
 * Turns an imported article (plain text or Markdown) into the segments
 * Redline stores: sentences, headings and metadata lines, each with the
 * exact layout text that follows it. Nothing is lost:
 *
 *   leading + segments.map((s) => s.text + s.separator).join('') === normalizeNewlines(input)
 *
 * so exporting an article nobody edited gives back the imported text.
 */
import { isRuleLine, matchLineMarker } from './markdown';
import { introducesMetadataBlock, isMetadataLine } from './metadata';
import { rulesForLanguage, type LanguageRules } from './languages';
import { splitSentencesInRange, type SentenceSpan } from './sentences';

export type SegmentKind = 'sentence' | 'heading' | 'meta';

export interface DraftSegment {
  /** 0-based index of the paragraph (block separated by blank lines); blocks without text (a "---" rule) are not counted. */
  paragraph: number;
  kind: SegmentKind;
  /** The editable text: never empty, no leading or trailing whitespace. */
  text: string;
  /**
   * The layout between this segment and the next one (or the end of the
   * document): whitespace, plus the Markdown markers of the next segment's
   * line ("\n\n## ", "\n- ") and a heading's closing "#"s.
   */
  separator: string;
}

export interface SegmentedDocument {
  /** Layout before the first segment ("# ", whitespace); the whole text when there is no segment. */
  leading: string;
  segments: DraftSegment[];
}

/** A paragraph that is one line of at most this many words, without final punctuation, is a heading. */
const HEADING_MAX_WORDS = 12;
/** ... and at most this many when it ends in "?" or "!" ("Transatlantic rapprochement in cards?"). */
const QUESTION_HEADING_MAX_WORDS = 8;

export function normalizeNewlines(text: string): string {
  // Most texts have no \r: one quick look spares a regular-expression pass over a 7 MB import.
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

export interface DocumentOptions {
  /** BCP 47 tag of the article's language ("en", "fr", "de-CH"); English when absent. */
  language?: string;
}

/** The whole document at once: the stream below, collected. */
export function segmentDocument(input: string, options: DocumentOptions = {}): SegmentedDocument {
  const segments: DraftSegment[] = [];
  const stream = segmentDocumentStream(input, options);
  for (;;) {
    const step = stream.next();
    if (step.done) return { leading: step.value, segments };
    segments.push(step.value);
  }
}

/**
 * The document's segments one at a time, for big imports: each next() does
 * work bounded by WINDOW characters (plus the whitespace between two
 * segments), never a pass over the whole document, so that the caller can
 * yield to the event loop between calls. The generator's return value (the
 * `value` of the final `{ done: true }` step) is `leading`, the layout before
 * the first segment. segmentDocument() is this stream collected.
 *
 * The document is read window by window. A block (lines between blank
 * lines) that fits in the window from its start is segmented whole; a larger
 * one is segmented window by window, keeping only the segments that end
 * MARGIN characters before the window's end (so that every decision saw as
 * much text after it as without windows) and resuming at the first segment
 * not kept. A segment longer than the window is read again in a window twice
 * as large, up to MAX_WINDOW_GROWTH times the window (256 KB): a longer one
 * is cut at a space. So one next() reads at most about 512 KB.
 */
export function segmentDocumentStream(input: string, options: DocumentOptions = {}): Generator<DraftSegment, string, undefined> {
  return segmentInWindows(input, options, WINDOW);
}

/** The stream with a window of `window` characters; tests use small windows to exercise the window edges. */
export function* segmentInWindows(input: string, options: DocumentOptions, window: number): Generator<DraftSegment, string, undefined> {
  const rules = rulesForLanguage(options.language);
  const reader = new WindowReader(input, rules, window);
  let firstStart = -1;
  let previous: RawSegment | null = null;
  for (let batch = reader.nextBatch(); batch !== null; batch = reader.nextBatch()) {
    for (const segment of batch) {
      if (previous === null) firstStart = segment.start;
      else yield withSeparator(input, previous, segment.start);
      previous = segment;
    }
  }
  if (previous !== null) yield withSeparator(input, previous, input.length);
  return normalizeNewlines(input.slice(0, firstStart === -1 ? input.length : firstStart));
}

/** Characters segmented in one step of the stream. */
const WINDOW = 16_384;
/** How many times a window grows for one long segment; a segment longer than that is cut. */
const MAX_WINDOW_GROWTH = 16;
/**
 * Look-ahead every kept decision had: segments ending closer than this to the
 * window's end are redone (a quarter of the window for small test windows).
 */
const MARGIN = 1_024;

/** A segment placed in the input (offsets into the raw input, before newline normalisation). */
interface RawSegment {
  paragraph: number;
  kind: SegmentKind;
  start: number;
  end: number;
  text: string;
}

function withSeparator(input: string, segment: RawSegment, nextStart: number): DraftSegment {
  return {
    paragraph: segment.paragraph,
    kind: segment.kind,
    text: segment.text,
    separator: normalizeNewlines(input.slice(segment.end, nextStart)),
  };
}

/**
 * Reads the input window by window and segments the blocks in it. Offsets
 * inside a window are into its normalised text (CRLF and CR made LF); they
 * are mapped back to the raw input so that separators can span windows.
 */
class WindowReader {
  private position = 0;
  private paragraph = 0;
  // Whether `position` is inside a block begun in an earlier window, and
  // whether that block has given a segment yet (then it counts as a paragraph).
  private insideBlock = false;
  private blockHasSegments = false;
  // Whether `position` is in the middle of a line.
  private insideLine = false;
  // The window in use: larger than `window` while one long segment is read.
  private size: number;

  constructor(
    private readonly input: string,
    private readonly rules: LanguageRules,
    private readonly window: number,
  ) {
    this.size = window;
  }

  /** The next segments, or null at the end of the input. */
  nextBatch(): RawSegment[] | null {
    const input = this.input;
    while (this.position < input.length) {
      const batch = this.readWindow();
      if (batch.length > 0) return batch;
    }
    return null;
  }

  /** Segments the blocks that start in the next window; a block it cuts is left for the next window or kept in part. */
  private readWindow(): RawSegment[] {
    const input = this.input;
    const windowStart = this.position;
    let windowEnd = Math.min(input.length, windowStart + this.size);
    // Never cut a CRLF in two.
    if (windowEnd < input.length && input.charCodeAt(windowEnd - 1) === 0x0d && input.charCodeAt(windowEnd) === 0x0a) {
      windowEnd++;
    }
    const atEnd = windowEnd === input.length;
    const raw = input.slice(windowStart, windowEnd);
    const text = normalizeNewlines(raw);
    const toRaw = rawOffsets(raw, text.length);
    const rawPosition = (offset: number) => windowStart + (toRaw === null ? offset : toRaw[offset]!);
    const batch: RawSegment[] = [];
    const take = (segments: PlacedSegment[]) => {
      for (const segment of segments) {
        batch.push({
          paragraph: segment.paragraph,
          kind: segment.kind,
          start: rawPosition(segment.start),
          end: rawPosition(segment.end),
          text: text.slice(segment.start, segment.end),
        });
      }
      if (segments.length > 0) this.blockHasSegments = true;
    };

    let cursor = 0;
    for (;;) {
      const { lines, complete, next } = firstBlock(text, cursor, atEnd, this.insideBlock);
      if (lines.length === 0) {
        // Only blank lines: the block, if one was open, is over.
        if (complete) this.endBlock();
        this.position = complete ? rawPosition(next) : windowEnd;
        this.insideLine = false;
        if (!complete || next >= text.length) return batch;
        cursor = next;
        continue;
      }
      if (!complete && cursor > 0) {
        // A block that the window cuts, after others: give it a window of its own.
        this.position = rawPosition(lines[0]!.start);
        this.insideLine = false;
        return batch;
      }
      const placed: PlacedSegment[] = [];
      segmentBlock(text, lines, this.paragraph, placed, this.rules, {
        wholeBlock: !this.insideBlock && complete,
        firstLineIsPartial: this.insideLine && lines[0]!.start === 0,
      });
      if (complete) {
        take(placed);
        this.endBlock();
        this.position = rawPosition(next);
        this.insideLine = false;
        if (next >= text.length) return batch;
        cursor = next;
        continue;
      }
      take(this.keepBeforeWindowEnd(text, lines, placed, rawPosition));
      return batch;
    }
  }

  /**
   * Of a block the window cuts, the segments whose end is decided: those
   * that end MARGIN before the window's end. Sets where to resume.
   */
  private keepBeforeWindowEnd(
    text: string,
    lines: Line[],
    placed: PlacedSegment[],
    rawPosition: (offset: number) => number,
  ): PlacedSegment[] {
    const limit = text.length - Math.min(MARGIN, this.window >> 2);
    const grown = this.size;
    this.size = this.window;
    let kept = placed.filter((segment) => segment.end <= limit);
    const firstDropped = placed[kept.length];
    if (kept.length > 0 && firstDropped !== undefined) {
      this.resumeAt(text, rawPosition, lineStartOf(text, firstDropped.start, kept.at(-1)!.end));
    } else if (kept.length > 0) {
      this.resumeAt(text, rawPosition, kept.at(-1)!.end);
    } else if (lines[0]!.start > 0 && !this.insideBlock) {
      // A block that starts late in the window: give it a window of its own.
      this.position = rawPosition(lines[0]!.start);
      this.insideLine = false;
      return [];
    } else if (firstDropped !== undefined && grown < this.window * MAX_WINDOW_GROWTH) {
      // One segment longer than the window: read it again in a larger one.
      this.size = grown * 2;
      return [];
    } else if (firstDropped !== undefined && firstDropped.start < limit) {
      // One segment longer than the largest window: cut it at a space.
      const cut = cutPoint(text, firstDropped.start, limit);
      kept = [{ ...firstDropped, end: trimmedEnd(text, firstDropped.start, cut) }];
      this.resumeAt(text, rawPosition, cut);
    } else {
      this.resumeAt(text, rawPosition, limit);
    }
    this.insideBlock = true;
    return kept;
  }

  private resumeAt(text: string, rawPosition: (offset: number) => number, offset: number): void {
    this.position = rawPosition(offset);
    this.insideLine = offset > 0 && text.charCodeAt(offset - 1) !== 0x0a;
  }

  private endBlock(): void {
    if (this.blockHasSegments) this.paragraph++;
    this.blockHasSegments = false;
    this.insideBlock = false;
  }
}

/** For each offset of the normalised window, its offset in the raw window; null when they are the same. */
function rawOffsets(raw: string, normalisedLength: number): Int32Array | null {
  if (raw.length === normalisedLength) return null;
  const offsets = new Int32Array(normalisedLength + 1);
  let k = 0;
  for (let r = 0; r < raw.length; r++) {
    if (raw.charCodeAt(r) === 0x0d && raw.charCodeAt(r + 1) === 0x0a) continue; // the LF stands for both
    offsets[k++] = r;
  }
  offsets[k] = raw.length;
  return offsets;
}

/**
 * The first block of the window from `from`: its lines, whether it ends inside the window
 * (a blank line follows, or the input ends), and where to go on after it.
 */
function firstBlock(text: string, from: number, atEnd: boolean, insideBlock: boolean): { lines: Line[]; complete: boolean; next: number } {
  const lines: Line[] = [];
  let start = from;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    const lastLine = end === -1;
    if (lastLine) end = text.length;
    const line = text.slice(start, end);
    if (line.trim() === '') {
      // Whether the window's last line is blank is known only in the next window.
      if (lastLine && !atEnd) return { lines, complete: false, next: start };
      // A blank line ends the block; but a window that starts with blanks only skips them.
      if (lines.length > 0 || insideBlock) return { lines, complete: true, next: start };
    } else if (!lastLine || atEnd) {
      lines.push({ start, end, text: line });
    } else {
      // The window cuts this line: keep it, the block goes on in the next window.
      lines.push({ start, end, text: line });
      return { lines, complete: false, next: end };
    }
    if (lastLine) break;
    start = end + 1;
  }
  return { lines, complete: atEnd, next: text.length };
}

/** Where to resume after the last kept segment: at the start of the line of the next one, if that line is new. */
function lineStartOf(text: string, segmentStart: number, lowest: number): number {
  let p = segmentStart;
  while (p > lowest && text.charCodeAt(p - 1) !== 0x0a) p--;
  return p > lowest ? p : segmentStart;
}

/** The last whitespace before `limit` after `start` (or `limit` itself when there is none), surrogate pairs kept whole. */
function cutPoint(text: string, start: number, limit: number): number {
  const lowest = start + Math.floor((limit - start) / 2);
  for (let p = limit; p > lowest; p--) {
    if (/\s/.test(text.charAt(p - 1)) && !/\s/.test(text.charAt(p - 2))) return p - 1;
  }
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

function trimmedEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text.charAt(e - 1))) e--;
  return e;
}

interface Line {
  start: number;
  end: number; // before the "\n"
  text: string;
}

/** A segment before its text and separator are cut out of the document. */
interface PlacedSegment {
  paragraph: number;
  kind: SegmentKind;
  start: number;
  end: number;
}

/** A stretch of a block that becomes one segment, or is split into sentences. */
type Unit =
  | { kind: 'heading'; start: number; end: number }
  | { kind: 'meta'; start: number; end: number; takesFollowingLines: boolean }
  | { kind: 'list-item'; start: number; end: number }
  | { kind: 'prose'; start: number; end: number; lineCount: number };

interface BlockContext {
  /** Whether the lines are a whole block (not a part cut by a window): only then may it be a heading. */
  wholeBlock: boolean;
  /** Whether the first line starts in the middle of a line of the input: no marker is read from it. */
  firstLineIsPartial: boolean;
}

function segmentBlock(
  text: string,
  lines: Line[],
  paragraph: number,
  out: PlacedSegment[],
  rules: LanguageRules,
  context: BlockContext,
): void {
  const units = unitsOf(lines, context.firstLineIsPartial);
  for (const unit of units) {
    if (unit.kind === 'heading' || unit.kind === 'meta') {
      const span = trimmed(text, unit.start, unit.end);
      if (span) out.push({ paragraph, kind: unit.kind, ...span });
      continue;
    }
    const spans: SentenceSpan[] = [];
    // The lines of a list item are one wrapped item, even without punctuation.
    splitSentencesInRange(text, unit.start, unit.end, spans, {
      rules,
      unpunctuatedLinesAreSentences: unit.kind === 'prose',
    });
    const only = spans.length === 1 ? spans[0] : undefined;
    const isHeading =
      context.wholeBlock &&
      unit.kind === 'prose' &&
      units.length === 1 &&
      unit.lineCount === 1 &&
      only !== undefined &&
      looksLikeHeading(text.slice(only.start, only.end));
    for (const span of spans) {
      out.push({ paragraph, kind: isHeading ? 'heading' : 'sentence', start: span.start, end: span.end });
    }
  }
}

function unitsOf(lines: Line[], firstLineIsPartial: boolean): Unit[] {
  const units: Unit[] = [];
  let current: Unit | null = null;
  for (const line of lines) {
    const content = line.text.trim();
    if (firstLineIsPartial && line === lines[0]) {
      current = { kind: 'prose', start: line.start, end: line.end, lineCount: 1 };
      units.push(current);
      continue;
    }
    if (isRuleLine(line.text)) {
      // Setext heading: "Title" underlined with "===" or "---".
      if (current?.kind === 'prose' && current.lineCount === 1 && /^[=-]/.test(content)) {
        units[units.length - 1] = { kind: 'heading', start: current.start, end: current.end };
      }
      current = null;
      continue;
    }
    const marker = matchLineMarker(line.text, line.start);
    if (marker?.kind === 'heading') {
      units.push({ kind: 'heading', start: marker.contentStart, end: marker.contentEnd });
      current = null;
      continue;
    }
    if (current?.kind === 'meta' && current.takesFollowingLines) {
      current.end = line.end;
      continue;
    }
    if (marker?.kind === 'list-item') {
      current = { kind: 'list-item', start: marker.contentStart, end: line.end };
      units.push(current);
      continue;
    }
    if (isMetadataLine(content)) {
      if (current?.kind === 'meta') {
        current.end = line.end;
      } else {
        current = { kind: 'meta', start: line.start, end: line.end, takesFollowingLines: introducesMetadataBlock(content) };
        units.push(current);
      }
      continue;
    }
    // A plain line continues a list item (lazy continuation) or a prose paragraph.
    if (current?.kind === 'list-item') {
      current.end = line.end;
    } else if (current?.kind === 'prose') {
      current.end = line.end;
      current.lineCount++;
    } else {
      current = { kind: 'prose', start: line.start, end: line.end, lineCount: 1 };
      units.push(current);
    }
  }
  return units;
}

const TRAILING_CLOSERS = /["'”’»)\]*_`]+$/u;

/**
 * A one-line paragraph that reads like a title: short, capitalised, and not
 * ending like a sentence. A closing quote does not count as punctuation
 * (`Zelenskyy: “We have to put pressure on the killers”`), but the mark
 * before it does (`“Stop.”`).
 */
function looksLikeHeading(line: string): boolean {
  const body = line.replace(TRAILING_CLOSERS, '');
  const last = body.at(-1);
  if (last === undefined || '.,;:…'.includes(last)) return false;
  const firstLetter = /\p{L}/u.exec(line);
  if (firstLetter && /\p{Ll}/u.test(firstLetter[0])) return false;
  const words = line.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  if (words === 0) return false;
  return words <= (last === '?' || last === '!' ? QUESTION_HEADING_MAX_WORDS : HEADING_MAX_WORDS);
}

function trimmed(text: string, start: number, end: number): { start: number; end: number } | null {
  const slice = text.slice(start, end);
  const withoutLeading = slice.trimStart();
  const s = start + slice.length - withoutLeading.length;
  const e = s + withoutLeading.trimEnd().length;
  return s < e ? { start: s, end: e } : null;
}
