import { describe, expect, it } from 'vitest';
import { wordDiff, type DiffPart } from '../../../src/diff/wordDiff';

const side = (parts: DiffPart[], drop: 'insert' | 'delete') =>
  parts.filter((part) => part.kind !== drop).map((part) => part.text).join('');

describe('wordDiff', () => {
  it('when one word is replaced, then only that word is deleted and inserted', () => {
    expect(wordDiff('The couple provides for a comfort force.', 'The couple provides for a reassurance force.')).toEqual([
      { kind: 'equal', text: 'The couple provides for a ' },
      { kind: 'delete', text: 'comfort' },
      { kind: 'insert', text: 'reassurance' },
      { kind: 'equal', text: ' force.' },
    ]);
  });

  it('when a glued token is split, then the whole old word is replaced by the new words', () => {
    expect(wordDiff('with 10%prices, almost', 'with 10% tariffs, almost')).toEqual([
      { kind: 'equal', text: 'with ' },
      { kind: 'delete', text: '10%prices' },
      { kind: 'insert', text: '10% tariffs' },
      { kind: 'equal', text: ', almost' },
    ]);
  });

  it('when a stray space is removed, then the two old words read as one replacement', () => {
    expect(wordDiff('the three -year war', 'the three-year war')).toEqual([
      { kind: 'equal', text: 'the ' },
      { kind: 'delete', text: 'three -year' },
      { kind: 'insert', text: 'three-year' },
      { kind: 'equal', text: ' war' },
    ]);
  });

  it('when neighbouring words both change, then they merge into one replacement', () => {
    expect(wordDiff("with Trump's prices and", "with Trump's tariffs, and")).toEqual([
      { kind: 'equal', text: "with Trump's " },
      { kind: 'delete', text: 'prices' },
      { kind: 'insert', text: 'tariffs,' },
      { kind: 'equal', text: ' and' },
    ]);
    expect(wordDiff('to resume headquarters at the table', 'to regain a seat at the table')).toEqual([
      { kind: 'equal', text: 'to ' },
      { kind: 'delete', text: 'resume headquarters' },
      { kind: 'insert', text: 'regain a seat' },
      { kind: 'equal', text: ' at the table' },
    ]);
  });

  it('when the texts are equal, then there is one equal part (none for two empty texts)', () => {
    expect(wordDiff('Same.', 'Same.')).toEqual([{ kind: 'equal', text: 'Same.' }]);
    expect(wordDiff('', '')).toEqual([]);
  });

  it('when the texts are huge and wholly different, then the diff is bounded and still exact', () => {
    const before = Array.from({ length: 20_000 }, (_, i) => `a${i}`).join(' ');
    const after = Array.from({ length: 20_000 }, (_, i) => `b${i}`).join(' ');
    const started = performance.now();
    const parts = wordDiff(before, after);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(side(parts, 'insert')).toBe(before);
    expect(side(parts, 'delete')).toBe(after);
  });

  it('when random edits are made, then both sides are reconstructed exactly', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const words = ['the', 'war', 'force', 'talks', ',', 'Paris', '10%', 'prices', '  ', 'a'];
    for (let round = 0; round < 200; round++) {
      const make = () => Array.from({ length: 1 + Math.floor(random() * 12) }, () => words[Math.floor(random() * words.length)]).join(random() < 0.5 ? ' ' : '');
      const before = make();
      const after = make();
      const parts = wordDiff(before, after);
      expect(side(parts, 'insert')).toBe(before);
      expect(side(parts, 'delete')).toBe(after);
    }
  });
});

describe('wordDiff punctuation', () => {
  it('when a quoted word changes, then the quote mark stays unchanged', () => {
    expect(wordDiff('a “comfort force”', 'a “reassurance force”')).toEqual([
      { kind: 'equal', text: 'a “' },
      { kind: 'delete', text: 'comfort' },
      { kind: 'insert', text: 'reassurance' },
      { kind: 'equal', text: ' force”' },
    ]);
  });
});
