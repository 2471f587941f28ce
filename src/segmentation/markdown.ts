/**
 * Recognises the Markdown line markers the segmenter keeps out of the
 * editable text: ATX headings ("## Title"), list items ("- ", "* ", "+ ",
 * "• ", "1. ", "1) ") and rule lines ("---", "***", "===").
 */

export interface LineMarker {
  kind: 'heading' | 'list-item';
  /** Offset where the line's text starts, after the marker and its spaces. */
  contentStart: number;
  /** Offset where the line's text ends: before trailing spaces and, for a heading, its closing "#"s. */
  contentEnd: number;
}

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const LIST_ITEM = /^[ \t]*(?:[-*+•]|\d{1,9}[.)])[ \t]+/;
// CommonMark's optional closing sequence: "## Title ##".
const CLOSING_HASHES = /[ \t]+#+[ \t]*$/;
const RULE = /^ {0,3}([-*_=])(?:[ \t]*\1){2,}[ \t]*$/;

/** The marker at the start of `line`, whose first character is at offset `lineStart`; null for a plain line. */
export function matchLineMarker(line: string, lineStart: number): LineMarker | null {
  const heading = HEADING.exec(line);
  if (heading) {
    let content = line.slice(heading[0].length).trimEnd();
    content = content.replace(CLOSING_HASHES, '');
    // A heading of only "#"s ("## ##") has no text.
    if (/^#+$/.test(content)) content = '';
    const contentStart = lineStart + heading[0].length;
    return { kind: 'heading', contentStart, contentEnd: contentStart + content.length };
  }
  if (RULE.test(line)) return null;
  const item = LIST_ITEM.exec(line);
  if (item) {
    const contentStart = lineStart + item[0].length;
    // An empty item ("- ") ends where its text would start.
    const contentEnd = Math.max(contentStart, lineStart + line.trimEnd().length);
    return { kind: 'list-item', contentStart, contentEnd };
  }
  return null;
}

/** A thematic break or setext underline ("---", "* * *", "==="): layout only. */
export function isRuleLine(line: string): boolean {
  return RULE.test(line);
}
