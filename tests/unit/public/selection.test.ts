import { describe, expect, it } from 'vitest';
import { selectedSpan } from '../../../src/public/js/selection.js';

const MT = 'The couple provides for a comfort force of troops.';
const at = (word: string) => MT.indexOf(word);

describe('A selection in the MT as an annotation span (browser)', () => {
  it('when words are selected with the spaces around them, then the span is the words alone', () => {
    expect(selectedSpan(MT, at('comfort') - 1, at('force') + 'force'.length + 1)).toEqual({
      start: at('comfort'),
      end: at('force') + 'force'.length,
    });
  });

  it('when the selection was made backwards, then the span still runs forwards', () => {
    expect(selectedSpan(MT, at('force'), at('comfort'))).toEqual({ start: at('comfort'), end: at('force') - 1 });
  });

  it.each([
    ['between two words', at('comfort') - 1, { start: at('comfort') - 1, end: at('comfort') - 1 }],
    ['at the start', 0, { start: 0, end: 0 }],
    ['at the end', MT.length, { start: MT.length, end: MT.length }],
  ])('when the click is %s, then it marks an omission there', (_where, offset, span) => {
    expect(selectedSpan(MT, offset, offset)).toEqual(span);
  });

  it('when the click is inside a word, then it marks nothing (it was a click to read)', () => {
    expect(selectedSpan(MT, at('comfort') + 3, at('comfort') + 3)).toBeNull();
  });
});
