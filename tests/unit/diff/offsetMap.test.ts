import { describe, expect, it } from 'vitest';
import { mapOffset } from '../../../src/diff/offsetMap';

/** Where a caret ("|") in the corrected text falls in the MT: the MT's two halves. */
function cut(mt: string, textWithCaret: string): [string, string] {
  const at = textWithCaret.indexOf('|');
  const text = textWithCaret.replace('|', '');
  const offset = mapOffset(mt, text, at);
  return [mt.slice(0, offset), mt.slice(offset)];
}

describe('mapOffset: a caret in the corrected text, placed in the MT', () => {
  it('when the text is the MT, then the offset is the same', () => {
    expect(mapOffset('One. Two.', 'One. Two.', 5)).toBe(5);
  });

  it('when the caret is in unchanged text after an edit, then it lands on the same words of the MT', () => {
    expect(cut('The comfort force arrived. It stayed.', 'The reassurance force arrived. |It stayed.')).toEqual([
      'The comfort force arrived. ',
      'It stayed.',
    ]);
  });

  it('when the caret is at the start of a replaced word, then the replaced MT word goes with the second part', () => {
    expect(cut('Talks ended. Prices rose.', 'Talks ended. |Tariffs rose.')).toEqual(['Talks ended. ', 'Prices rose.']);
  });

  it('when the caret is at the end of a replaced word, then the first part keeps the replaced MT word', () => {
    expect(cut('He said yes and left.', 'He agreed| and left.')).toEqual(['He said yes', ' and left.']);
  });

  it('when the caret is inside inserted text, then the MT is cut after the change', () => {
    expect(cut('It rained. It stopped.', 'It rained. New| sentence. It stopped.')).toEqual(['It rained. ', 'It stopped.']);
  });

  it('when the caret is after all text, then the whole MT is before it', () => {
    expect(mapOffset('a b', 'a c', 3)).toBe(3);
  });
});
