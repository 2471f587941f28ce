import { mapOffset } from '../diff/offsetMap';
import { unprocessable } from '../errors';
import type { LayoutState } from './model';

export const messages = {
  splitOutside: (length: number) => `"at" must be a position inside the text: 1 to ${length - 1} (UTF-16 code units).`,
  splitInsideCharacter: 'The split must not fall between the two halves of a character.',
  emptyPart: 'Both parts of a split need some text: put the caret between two words.',
  layoutBetween:
    'These two sentences are on separate lines of the original layout (a list item, a heading or a line break with markup); ' +
    'merging them would lose that layout.',
};

/** A segment's text with the layout a split or merge changes. */
export interface Parts extends LayoutState {
  text: string;
}

export interface SplitParts {
  first: Parts;
  second: Parts;
  /** where the caret fell in the MT (see mapOffset) */
  mtAt: number;
  /** where the second part's MT begins in the old MT */
  mtCut: number;
}

/** What separates the two parts of a split in the exported text. */
export const SPLIT_SEPARATOR = ' ';

/**
 * Splits a segment at `at`, a UTF-16 offset in its current text. White space at the caret
 * goes (each part is trimmed) and the parts are joined by a single space in the export; the
 * second part keeps the segment's old separator, so the layout after it is unchanged. The MT is
 * cut where the caret falls in it (mapOffset). A source in another language cannot be cut at a
 * caret, so both parts show the whole of it (scope 'paragraph').
 */
export function splitParts(segment: Parts, at: number): SplitParts {
  const { text, mt } = segment;
  if (!Number.isInteger(at) || at <= 0 || at >= text.length) throw unprocessable('invalid_split', messages.splitOutside(text.length));
  if (/[\uD800-\uDBFF]/.test(text[at - 1]!) && /[\uDC00-\uDFFF]/.test(text[at]!))
    throw unprocessable('invalid_split', messages.splitInsideCharacter);
  const firstText = text.slice(0, at).trimEnd();
  const secondText = text.slice(at).trimStart();
  if (!firstText || !secondText) throw unprocessable('empty_part', messages.emptyPart);
  const mtAt = mapOffset(mt, text, at);
  const mtRest = mt.slice(mtAt);
  const mtCut = mtAt + (mtRest.length - mtRest.trimStart().length);
  const sourceScope = segment.source === null ? null : 'paragraph';
  return {
    first: { text: firstText, mt: mt.slice(0, mtAt).trimEnd(), separator: SPLIT_SEPARATOR, source: segment.source, sourceScope },
    second: { text: secondText, mt: mt.slice(mtCut), separator: segment.separator, source: segment.source, sourceScope },
    mtAt,
    mtCut,
  };
}

/**
 * Joins a segment with the next one of its paragraph. The white space between them (their
 * separator) joins texts and MTs alike, so the export of the merged segment is the same bytes as
 * before; a separator with layout markup in it is refused. `mtCut` is where the second MT begins
 * in the joined MT.
 */
export function joinParts(first: Parts, second: Parts): { joined: Parts; mtCut: number } {
  const joiner = first.separator;
  if (/\S/.test(joiner)) throw unprocessable('layout_between', messages.layoutBetween);
  const sameSource = first.source === second.source && first.sourceScope === 'paragraph' && second.sourceScope === 'paragraph';
  const source = sameSource ? first.source : [first.source, second.source].filter((part) => part !== null).join(' ') || null;
  const bothWhole = first.sourceScope === 'segment' && second.sourceScope === 'segment';
  return {
    joined: {
      text: (first.text + joiner + second.text).trim(),
      mt: first.mt + joiner + second.mt,
      separator: second.separator,
      source,
      sourceScope: source === null ? null : bothWhole ? 'segment' : 'paragraph',
    },
    mtCut: first.mt.length + joiner.length,
  };
}
