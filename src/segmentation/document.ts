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
import { rulesForLanguage } from './languages';
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
  return text.replace(/\r\n?/g, '\n');
}

export function segmentDocument(input: string): SegmentedDocument {
  const text = normalizeNewlines(input);
  const placed: PlacedSegment[] = [];
  let paragraph = 0;
  for (const block of blocksOf(text)) {
    const before = placed.length;
    segmentBlock(text, block, paragraph, placed);
    if (placed.length > before) paragraph++;
  }
  return withSeparators(text, placed);
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

/** Blocks of non-blank lines; a line of only whitespace is blank. */
function blocksOf(text: string): Line[][] {
  const blocks: Line[][] = [];
  let block: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    if (line.trim() === '') {
      if (block.length > 0) blocks.push(block);
      block = [];
    } else {
      block.push({ start, end, text: line });
    }
    start = end + 1;
  }
  if (block.length > 0) blocks.push(block);
  return blocks;
}

function segmentBlock(text: string, lines: Line[], paragraph: number, out: PlacedSegment[]): void {
  const units = unitsOf(lines);
  for (const unit of units) {
    if (unit.kind === 'heading' || unit.kind === 'meta') {
      const span = trimmed(text, unit.start, unit.end);
      if (span) out.push({ paragraph, kind: unit.kind, ...span });
      continue;
    }
    const spans: SentenceSpan[] = [];
    // The lines of a list item are one wrapped item, even without punctuation.
    splitSentencesInRange(text, unit.start, unit.end, spans, {
      rules: rulesForLanguage(undefined),
      unpunctuatedLinesAreSentences: unit.kind === 'prose',
    });
    const only = spans.length === 1 ? spans[0] : undefined;
    const isHeading =
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

function unitsOf(lines: Line[]): Unit[] {
  const units: Unit[] = [];
  let current: Unit | null = null;
  for (const line of lines) {
    const content = line.text.trim();
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

function withSeparators(text: string, placed: PlacedSegment[]): SegmentedDocument {
  const first = placed[0];
  const leading = first ? text.slice(0, first.start) : text;
  const segments = placed.map((segment, index): DraftSegment => {
    const separatorEnd = placed[index + 1]?.start ?? text.length;
    return {
      paragraph: segment.paragraph,
      kind: segment.kind,
      text: text.slice(segment.start, segment.end),
      separator: text.slice(segment.end, separatorEnd),
    };
  });
  return { leading, segments };
}
