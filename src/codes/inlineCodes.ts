/**
 * Inline codes inside segment text: the tags of a bilingual file (XLIFF `<g>`,
 * `<x/>`, `<ph>`, `<bpt>`/`<ept>`, `<pc>`, `<sc/>`/`<ec/>`, `<mrk>` ...) that a
 * translator must keep but never edit.
 *
 * Each code occurrence is ONE character from the Unicode Private Use Area, so:
 * - it is one UTF-16 unit: it can be deleted whole but never half-deleted or mistyped;
 * - the word diff, QA checks and find/replace see it as one token;
 * - spans (annotations, findings, matches) stay plain string offsets.
 * A segment's `codes` list says what each marker stands for. Markers are chosen
 * per segment (the same code in the source and the MT gets the same marker), so
 * a plain-text article, whose segments have no codes, never has any.
 *
 * Pure: imports nothing from the app.
 */

export const CODE_MARKER_FIRST = 0xe000;
export const CODE_MARKER_LAST = 0xf8ff;

export type InlineCodeKind = 'open' | 'close' | 'standalone';

export interface InlineCode {
  /** The Private Use Area character that stands for this code in source, MT and text. */
  marker: string;
  /** The code's id in its file (XLIFF `id`/`rid`); an `open` and its `close` share it. */
  id: string;
  kind: InlineCodeKind;
  /** What the editor shows on the protected token, e.g. "<1>", "</1>", "<2/>". */
  label: string;
  /** A longer description for a tooltip: the original markup or its `equiv`/`disp` text. */
  title?: string;
  /** The markup written back into the file for this marker (an open tag, a close tag, or a whole element). */
  xml?: string;
  /**
   * The target's own markup for this code when it differs from the source's `xml` (a localized link in a
   * <ph>, a <g>'s attributes, an annotation's value): an edited target is written back with it.
   */
  targetXml?: string;
}

/** segments.codes as the checks read it; no codes, or unreadable JSON, is [] (the checks then see bare markers). */
export function parseCodes(codes: string | null): InlineCode[] {
  if (!codes) return [];
  try {
    const parsed: unknown = JSON.parse(codes);
    return Array.isArray(parsed) ? (parsed as InlineCode[]) : [];
  } catch {
    return [];
  }
}

export function isCodeMarker(char: string): boolean {
  const code = char.charCodeAt(0);
  return char.length === 1 && code >= CODE_MARKER_FIRST && code <= CODE_MARKER_LAST;
}

/** The marker for the n-th code of a segment (0-based). */
export function codeMarker(index: number): string {
  if (!Number.isInteger(index) || index < 0 || CODE_MARKER_FIRST + index > CODE_MARKER_LAST) {
    throw new RangeError(`No inline-code marker for index ${index}`);
  }
  return String.fromCharCode(CODE_MARKER_FIRST + index);
}

/** The markers in a text, in order of appearance. */
export function codeMarkersIn(text: string): string[] {
  const markers: string[] = [];
  for (const char of text) if (isCodeMarker(char)) markers.push(char);
  return markers;
}

/** The text without its code markers (for plain-text exports and word counts). */
export function stripCodeMarkers(text: string): string {
  let result = '';
  for (const char of text) if (!isCodeMarker(char)) result += char;
  return result;
}
