import { describe, expect, it } from 'vitest';
import { describeChanges, diffChanges } from '../../../src/diff/changeDescriptions';
import { wordDiff } from '../../../src/diff/wordDiff';

describe('diffChanges', () => {
  it('when a diff has a replacement, a deletion and an insertion, then each is one change in order', () => {
    expect(diffChanges(wordDiff('a comfort force of many troops', 'a reassurance force of troops now'))).toEqual([
      { deleted: 'comfort', inserted: 'reassurance' },
      { deleted: 'many ', inserted: '' },
      { deleted: '', inserted: ' now' },
    ]);
  });

  it('when a change is an edit inside a word, then the change carries the whole word before and after', () => {
    expect(diffChanges(wordDiff('the three -year war', 'the three-year war'))).toEqual([
      { deleted: ' ', inserted: '', word: { before: 'three -year', after: 'three-year' } },
    ]);
  });
});

describe('describeChanges', () => {
  it('when words are replaced, deleted or inserted, then each change reads as a plain sentence', () => {
    expect(describeChanges(wordDiff('a comfort force of many troops', 'a reassurance force of troops now'))).toEqual([
      '“comfort” replaced by “reassurance”',
      '“many” deleted',
      '“now” inserted',
    ]);
  });

  it('when a word is edited inside, then the description names the whole word, not a bare space or letter', () => {
    expect(describeChanges(wordDiff('with 10%prices, and recieve', 'with 10% prices, and receive'))).toEqual([
      '“10%prices,” corrected to “10% prices,”',
      '“recieve” corrected to “receive”',
    ]);
  });

  it('when only a space is deleted between words, then it reads as a space, not as empty quotes', () => {
    expect(
      describeChanges([
        { kind: 'equal', text: 'a' },
        { kind: 'delete', text: ' ' },
        { kind: 'equal', text: 'b' },
      ]),
    ).toEqual(['a space deleted']);
  });
});
