import { describe, expect, it } from 'vitest';
import { afterOffset, nextPage, pageUrl, previousPage, wordAt } from '../../../src/public/js/reviewFlow.js';

describe('Where a click puts the caret (browser)', () => {
  const text = 'the three-year war.';

  it('when a click lands inside a word, at its end, or on a space, then the word is the one clicked (or the next)', () => {
    expect(wordAt(text, 6)).toEqual({ start: 4, end: 14 });
    expect(wordAt(text, 14)).toEqual({ start: 4, end: 14 });
    expect(wordAt('a  b', 2)).toEqual({ start: 3, end: 4 });
    expect(wordAt(text, text.length)).toEqual({ start: 15, end: 19 });
    expect(wordAt('', 0)).toEqual({ start: 0, end: 0 });
  });

  it('when an MT offset is mapped through the diff, then unchanged text maps one to one and a deleted part maps to where it was', () => {
    // MT "the three -year war" → text "the three-year war": equal "the three", deleted " ", equal "-year war".
    const parts = [
      { kind: 'equal', before: 0, after: 0, length: 9 },
      { kind: 'delete', before: 9, after: 9, length: 1 },
      { kind: 'equal', before: 10, after: 9, length: 9 },
    ];
    expect(afterOffset(parts, 4)).toBe(4);
    expect(afterOffset(parts, 12)).toBe(11);
    expect(afterOffset(parts, 19)).toBe(18);
    // "comfort" → "reassurance": a click in the deleted word lands where the insertion starts.
    const replaced = [
      { kind: 'equal', before: 0, after: 0, length: 2 },
      { kind: 'delete', before: 2, after: 2, length: 7 },
      { kind: 'insert', before: 9, after: 2, length: 11 },
      { kind: 'equal', before: 9, after: 13, length: 6 },
    ];
    expect(afterOffset(replaced, 5)).toBe(2);
    expect(afterOffset(replaced, 10)).toBe(14);
    expect(afterOffset([], 7)).toBe(7);
  });
});

describe('Which page continues the work (browser)', () => {
  const base = { pageCount: 3, pageSize: 100 };

  it('when there is no filter, then the next page follows, and the last page has none', () => {
    expect(nextPage({ ...base, page: 1, filtered: false, stillMatching: 100 })).toBe(2);
    expect(nextPage({ ...base, page: 3, filtered: false, stillMatching: 40 })).toBeNull();
  });

  it('when rows left the status filter on this page, then the next unseen match is on the same page number', () => {
    expect(nextPage({ ...base, page: 1, filtered: true, stillMatching: 95 })).toBe(1);
    expect(nextPage({ ...base, page: 2, filtered: true, stillMatching: 100 })).toBe(3);
    expect(nextPage({ ...base, page: 2, filtered: true, stillMatching: 0 })).toBe(2);
  });

  it('when going back, then the page before, if any; addresses keep the filter', () => {
    expect(previousPage({ page: 2 })).toBe(1);
    expect(previousPage({ page: 1 })).toBeNull();
    expect(pageUrl(7, 'new', 2)).toBe('/articles/7?status=new&page=2');
    expect(pageUrl(7, '', 1)).toBe('/articles/7?page=1');
  });
});
