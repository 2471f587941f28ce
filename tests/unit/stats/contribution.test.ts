import { describe, expect, it } from 'vitest';
import {
  addContribution,
  addFigures,
  changeOf,
  contribution,
  emptyFigures,
  hterBucket,
  isCovered,
  isZero,
  mqmKey,
  type FigureState,
} from '../../../src/stats/contribution';

const state = (more: Partial<FigureState> = {}): FigureState => ({
  kind: 'sentence',
  status: 'new',
  mt: 'The couple provides for a comfort force.',
  text: 'The couple provides for a comfort force.',
  editingMs: 0,
  openFindings: 0,
  openComments: 0,
  annotations: [],
  ...more,
});

describe('A segment’s contribution to its article’s figures', () => {
  it('when a sentence is untouched, then it counts as a segment and as evaluated words, but not as reviewed', () => {
    const figures = contribution(state({ annotations: [{ category: 'terminology', severity: 'major' }], editingMs: 900 }));
    expect(figures.counters).toMatchObject({
      segments: 1,
      newCount: 1,
      evaluatedSegments: 1,
      evaluatedWords: 7,
      coveredSegments: 0,
      editingMs: 0,
    });
    expect(figures.mqm.size).toBe(0);
    expect(figures.hterBuckets.size).toBe(0);
    expect(figures.chrf.every((value) => value === 0)).toBe(true);
  });

  it('when a sentence is corrected, then its edits, chrF statistics, time, annotations and HTER bucket count, all integers', () => {
    const figures = contribution(
      state({
        status: 'edited',
        text: 'The couple provides for a reassurance force.',
        editingMs: 12_345,
        annotations: [{ category: 'terminology', severity: 'major' }],
      }),
    );
    expect(figures.counters).toMatchObject({
      editedCount: 1,
      coveredSegments: 1,
      coveredWords: 7,
      terSubstitutions: 1,
      terReferenceWords: 7,
      unchangedSegments: 0,
      editingMs: 12_345,
      timedSegments: 1,
      timedWords: 7,
    });
    expect(figures.mqm).toEqual(new Map([[mqmKey('terminology', 'major'), 1]]));
    // 1 edit over 7 words: 14.3, in (10, 20].
    expect(figures.hterBuckets).toEqual(new Map([[2, 1]]));
    expect([...Object.values(figures.counters), ...figures.chrf].every(Number.isInteger)).toBe(true);
  });

  it('when a metadata line is corrected, then it counts by status only', () => {
    const figures = contribution(state({ kind: 'meta', status: 'approved', mt: 'Source: DW', text: 'Source: DPA' }));
    expect(figures.counters).toMatchObject({ segments: 1, approvedCount: 1, evaluatedSegments: 0, coveredSegments: 0 });
    expect(isCovered({ kind: 'meta', status: 'approved' })).toBe(false);
  });

  it('when a change is applied and then undone, then the sums are back where they were', () => {
    const before = contribution(state());
    const after = contribution(state({ status: 'approved', editingMs: 500, annotations: [{ category: 'style', severity: 'minor' }] }));
    const total = addFigures(emptyFigures(), before);
    addFigures(total, changeOf(before, after));
    expect(total).toEqual(addFigures(emptyFigures(), after));
    addFigures(total, changeOf(after, before));
    expect(isZero(changeOf(total, before))).toBe(true);
  });

  it('when contributions are added straight to a total, then the sums equal those of the contributions built one by one, and taking them away leaves zero', () => {
    const states = [
      state(),
      state({ status: 'edited', text: 'The couple provides for a reassurance force.', editingMs: 700 }),
      state({ status: 'approved', annotations: [{ category: 'style', severity: 'minor' }] }),
      state({ status: 'rejected', text: 'Couple.', annotations: [{ category: 'accuracy', severity: 'major' }], openFindings: 2 }),
      state({ kind: 'heading', status: 'edited', mt: "Trump's prices", text: "Trump's tariffs", openComments: 1 }),
      state({ kind: 'meta', status: 'approved', mt: 'Source: DW', text: 'Source: DPA' }),
    ];
    const built = emptyFigures();
    const added = emptyFigures();
    for (const each of states) {
      addFigures(built, contribution(each));
      addContribution(added, each);
    }
    expect(added).toEqual(built);
    expect(added.counters.segments).toBe(states.length);
    for (const each of states) addContribution(added, each, undefined, -1);
    expect(isZero(added)).toBe(true);
  });

  it.each([
    [0, 0],
    [0.01, 1],
    [10, 1],
    [10.01, 2],
    [100, 10],
    [100.5, 11],
  ])('when a sentence scores HTER %d, then it falls in bucket %d', (score, bucket) => {
    expect(hterBucket(score)).toBe(bucket);
  });
});
