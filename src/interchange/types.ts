/**
 * What the interchange readers give the app and what its writers take back.
 * Pure: no database, no Express.
 */
import type { InlineCode } from '../codes/inlineCodes';

export type ReviewStatus = 'new' | 'edited' | 'approved' | 'rejected';

/** A segment as a reader hands it to the app, which stores it. */
export interface ImportedSegment {
  /** The source-language text (markers for inline codes), or null when the input has none. */
  source: string | null;
  /** The machine translation the editor corrects ('' when the file has no target yet). */
  mt: string;
  /** What each marker in `source` and `mt` stands for; [] for plain text. */
  codes: InlineCode[];
  /** 0-based; segments of one paragraph (one XLIFF unit, one table row) share it. */
  paragraph: number;
  /**
   * Text shown after this segment: inside a unit, the layout between its
   * segments (XLIFF <ignorable> content, the white space between 1.2 <mrk>s);
   * "\n\n" after the last segment of a paragraph; '' after the very last one.
   * So `segments.map((s) => s.mt + s.separator).join('')` reads as plain text.
   */
  separator: string;
  /** The unit's id in its file (XLIFF unit/trans-unit id, table id column). */
  unitId?: string;
  /** Notes the file holds for the unit, for the editor. */
  notes?: string[];
  /** The state the file gave the translation ('translated', 'needs-review-translation', ...). */
  state?: string;
}

/** Offsets into the decoded document: text.slice(start, end). */
export type Range = [start: number, end: number];

/** An element in the original text: its start tag and its end tag (null when it is self-closing). */
export interface ElementRange {
  open: Range;
  close: Range | null;
}

/** A glossary rule: where the MT writes `term`, the editor should find `preferred`. */
export interface GlossaryEntry {
  /** The term as MT writes it: a forbidden, deprecated or merely admitted variant (or `preferred` itself). */
  term: string;
  preferred: string;
  note?: string;
  matchCase: boolean;
  wholeWord: boolean;
  /** BCP 47 tag of the language both terms are in. */
  language: string;
}
