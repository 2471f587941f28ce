import { checkTypedText } from '../web/typedText';
import { normalizeNewlines } from '../segmentation/document';

/**
 * Text a person typed into one sentence (or an annotation's comment): line ends as
 * `\n`, no surrounding white space. An empty text is allowed (the sentence is dropped).
 */
export function cleanText(text: string): string {
  return checkTypedText(normalizeNewlines(text).trim(), 'multiline', 'The text');
}

/** Where a text starts and ends without XML's white space at its ends (a no-break space or U+3000 is not that). */
function withoutEdgeSpace(text: string): { start: number; end: number } {
  const isSpace = (index: number) => {
    const unit = text.charCodeAt(index);
    return unit === 0x20 || unit === 0x09 || unit === 0x0a || unit === 0x0d;
  };
  let [start, end] = [0, text.length];
  while (start < end && isSpace(start)) start++;
  while (end > start && isSpace(end - 1)) end--;
  return { start, end };
}

/**
 * A sentence's new text, typed or written by a batch: as cleanText, except that only XML white space
 * is taken off its ends (a no-break space or U+3000 there is meant), and that the white space its MT
 * has at its ends is put back. Only a unit of an XLIFF file under xml:space="preserve" has such an MT
 * ("Name: ", "  Indented"): the tool that reads the file back expects that white space kept, while
 * a person editing the sentence neither sees nor types it. Likewise its line ends: typed ones are
 * \n, and become \r\n again where the MT breaks its lines so (a Windows resource string), else
 * saving an unchanged text would change it. An emptied text stays empty.
 */
export function cleanSegmentText(text: string, mt: string): string {
  const typed = normalizeNewlines(text);
  const { start, end } = withoutEdgeSpace(typed);
  let core = checkTypedText(typed.slice(start, end), 'multiline', 'The text');
  if (core === '') return core;
  if (mt.includes('\r\n')) core = core.replaceAll('\n', '\r\n');
  const edges = withoutEdgeSpace(mt);
  return `${mt.slice(0, edges.start)}${core}${mt.slice(edges.end)}`;
}
