import { describe, expect, it } from 'vitest';
import { reconcile, withMatched } from '../../../src/findings/reconcile';
import { needleOf, termMarks } from '../../../src/findings/findingService';
import type { ArticleTerm } from '../../../src/glossary/model';

const finding = (check: 'double-space' | 'space-before-hyphen', start: number, end: number) =>
  ({ check, start, end, message: 'm' }) as const;

describe('reconcile', () => {
  it('when the same problem moved after an edit elsewhere, then the stored finding is kept with its new place', () => {
    const text = 'Washington wants to end the three -year war.';
    const computed = withMatched(text, [finding('space-before-hyphen', 33, 35)]);
    const result = reconcile([{ id: 7, check: 'space-before-hyphen', matched: ' -', start: 26 }], computed);
    expect(result).toEqual({ kept: [{ id: 7, finding: { ...computed[0], matched: ' -' } }], added: [], removed: [] });
  });

  it('when one check finds the same text twice and one goes, then they pair in reading order and the last is removed', () => {
    const stored = [
      { id: 2, check: 'double-space' as const, matched: '  ', start: 9 },
      { id: 1, check: 'double-space' as const, matched: '  ', start: 2 },
    ];
    const result = reconcile(stored, withMatched('It  was fine.', [finding('double-space', 2, 4)]));
    expect(result.kept.map((pair) => pair.id)).toEqual([1]);
    expect(result.removed).toEqual([2]);
  });

  it('when the span text differs, then the old finding is removed and the new one added', () => {
    const result = reconcile(
      [{ id: 3, check: 'double-space', matched: '  ', start: 2 }],
      withMatched('A   b', [finding('double-space', 1, 4)]),
    );
    expect(result).toMatchObject({ kept: [], removed: [3], added: [{ matched: '   ' }] });
  });
});

describe('needleOf', () => {
  it('when a term has a run of three letters or more, then the longest run is what the trigram index is asked for', () => {
    expect(needleOf('Comfort-force')).toBe('comfort');
    expect(needleOf("Kyiv's")).toBe('kyiv');
  });

  it('when no run reaches a trigram, then null (the whole scope is re-checked)', () => {
    expect(needleOf('EU')).toBeNull();
    expect(needleOf('a.b.c')).toBeNull();
  });
});

describe('termMarks', () => {
  const term = (fields: Partial<ArticleTerm> & Pick<ArticleTerm, 'term' | 'preferred'>): ArticleTerm => ({
    id: fields.term,
    entryId: 1,
    matchCase: false,
    wholeWord: true,
    note: null,
    shared: true,
    ...fields,
  });

  it('when the MT holds a term, then it is marked with its preferred form', () => {
    const marks = termMarks('A comfort force of troops.', [term({ term: 'comfort force', preferred: 'reassurance force' })], false);
    expect(marks).toEqual([{ start: 2, end: 15, kind: 'term', term: 'comfort force', preferred: 'reassurance force', note: null }]);
  });

  it('when the text already says the preferred form, then that form is marked as standing as it should', () => {
    const marks = termMarks('A reassurance force.', [term({ term: 'comfort force', preferred: 'reassurance force' })], true);
    expect(marks).toEqual([expect.objectContaining({ start: 2, end: 19, kind: 'preferred' })]);
  });

  it('when a term lies inside a preferred form, then only the longer, preferred mark is kept', () => {
    const terms = [term({ term: 'force', preferred: 'troops' }), term({ term: 'task group', preferred: 'task force' })];
    const marks = termMarks('The task force left.', terms, true);
    expect(marks.map((mark) => [mark.start, mark.end, mark.kind])).toEqual([[4, 14, 'preferred']]);
  });
});
