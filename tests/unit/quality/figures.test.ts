import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/articles/model';
import type { Annotation } from '../../../src/annotations/model';
import type { QualitySettings } from '../../../src/annotations/mqm';
import { segmentMetrics } from '../../../src/metrics/segmentMetrics';
import { aggregateFigures, segmentRows } from '../../../src/quality/figures';
import type { Segment } from '../../../src/segments/model';
import { addFigures, contribution, emptyFigures, type FigureState } from '../../../src/stats/contribution';
import type { StoredFigures } from '../../../src/stats/articleStats';

const ARTICLE: Article = {
  id: 1,
  title: 'Figures',
  format: 'text',
  sourceLanguage: null,
  targetLanguage: 'en',
  leading: '',
  createdBy: 'importer',
  createdAt: '2025-04-18T08:00:00.000Z',
  updatedAt: '2025-04-18T09:00:00.000Z',
};
const WMT: QualitySettings = {
  weights: { neutral: 0, minor: 1, major: 5, critical: 25, minorPunctuation: 0.1 },
  passThreshold: 90,
  verdictCoverage: 100,
  updatedBy: 'setup',
  updatedAt: '2025-04-18T08:00:00.000Z',
};

function state(
  kind: FigureState['kind'],
  mt: string,
  text: string,
  status: FigureState['status'],
  more: Partial<FigureState> = {},
): FigureState {
  return { kind, mt, text, status, editingMs: 0, openFindings: 0, openComments: 0, annotations: [], ...more };
}

/** The stored figures of these segments, summed as the write path and a recount sum them. */
function stored(states: FigureState[], lastChange = '2025-04-18T10:00:00.000Z'): StoredFigures {
  const figures = emptyFigures();
  for (const segment of states) addFigures(figures, contribution(segment));
  return { articleId: 1, metricsVersion: 1, figures, lastChange };
}

/** A corrected sentence (1 substitution in 2 words, 12 s, a major error), an approved unchanged heading, and a corrected metadata line. */
const REVIEWED = [
  state('sentence', 'A b', 'A c', 'edited', { editingMs: 12_000, annotations: [{ category: 'terminology', severity: 'major' }] }),
  state('heading', 'Title here', 'Title here', 'approved'),
  state('meta', 'Source: DW', 'Source: DPA', 'edited', {
    editingMs: 5_000,
    annotations: [{ category: 'terminology', severity: 'critical' }],
  }),
];

describe('aggregateFigures', () => {
  it('when sentences and a metadata line were corrected and annotated, then only reviewed sentences and headings count, corpus-level', () => {
    const figures = aggregateFigures(ARTICLE, stored(REVIEWED), WMT);
    expect(figures.coverage).toEqual({
      evaluatedSegments: 2,
      evaluatedWords: 4,
      coveredSegments: 2,
      coveredWords: 4,
      share: 1,
      required: 1,
    });
    // 1 edit over 2 + 2 reference words.
    expect(figures.hter).toBe(25);
    expect(figures.edits).toEqual({ edits: 1, referenceWords: 4, insertions: 0, deletions: 0, substitutions: 1, shifts: 0 });
    // The metadata line's critical error is left out of the score: 100 × (1 − 5 / 4 words).
    expect(figures.mqm).toMatchObject({
      annotationCount: 1,
      penalty: 5,
      evaluatedWords: 4,
      qualityScore: -25,
      pass: false,
      verdict: 'fail',
    });
    expect(figures.mqm.bySeverity).toEqual({ neutral: 0, minor: 0, major: 1, critical: 0 });
    expect(figures.mqm.byCategory).toEqual([
      { code: 'terminology', label: 'Terminology', counts: { neutral: 0, minor: 0, major: 1, critical: 0 }, total: 1, penalty: 5 },
    ]);
    // HTER buckets: the heading at 0, the sentence (50) in 40–50.
    expect(figures.hterBuckets).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
  });

  it('when editing time was measured, then effort counts the reviewed sentences and headings only, in whole ms', () => {
    expect(aggregateFigures(ARTICLE, stored(REVIEWED), WMT).effort).toEqual({
      editingSeconds: 12,
      timedSegments: 1,
      timedWords: 2,
      secondsPerWord: 6,
      unchangedSegments: 1,
      unchangedShare: 0.5,
    });
  });

  it('when nobody has touched the machine translation, then nothing is scored: no HTER 0, no chrF 100, no pass', () => {
    const untouched = [state('sentence', 'A b c', 'A b c', 'new'), state('heading', 'Title', 'Title', 'new')];
    const figures = aggregateFigures(ARTICLE, stored(untouched), WMT);
    expect(figures).toMatchObject({ hter: null, chrf: null });
    expect(figures.coverage).toMatchObject({ evaluatedWords: 4, coveredWords: 0, share: 0 });
    expect(figures.mqm).toMatchObject({ qualityScore: null, pass: null, verdict: 'not-evaluated' });
  });

  it('when only part of the words were reviewed, then the verdict is provisional until the required share is reached', () => {
    const partly = [
      state('sentence', 'One two three', 'One two three', 'approved'),
      state('sentence', 'Four five six seven', 'Four five six seven', 'new'),
    ];
    const figures = aggregateFigures(ARTICLE, stored(partly), WMT);
    expect(figures.coverage.share).toBeCloseTo(3 / 7, 12);
    expect(figures.mqm).toMatchObject({ qualityScore: 100, pass: null, verdict: 'provisional' });
    expect(aggregateFigures(ARTICLE, stored(partly), { ...WMT, verdictCoverage: 40 }).mqm).toMatchObject({ pass: true, verdict: 'pass' });
  });

  it('when a sentence is rejected, then the article cannot pass, however good its score', () => {
    const rejected = [
      state('sentence', 'Fine words here', 'Fine words here', 'approved'),
      state('sentence', 'Bad one', 'Bad one', 'rejected'),
    ];
    const figures = aggregateFigures(ARTICLE, stored(rejected), WMT);
    expect(figures.mqm).toMatchObject({ qualityScore: 100, rejected: 1, pass: false, verdict: 'fail' });
  });

  it("when the annotations changed after the text, then the last change is theirs; otherwise the article's", () => {
    expect(aggregateFigures(ARTICLE, stored(REVIEWED), WMT).lastChange).toBe('2025-04-18T10:00:00.000Z');
    expect(aggregateFigures(ARTICLE, stored(REVIEWED, '2025-04-18T08:30:00.000Z'), WMT).lastChange).toBe(ARTICLE.updatedAt);
    expect(aggregateFigures(ARTICLE, undefined, WMT).lastChange).toBe(ARTICLE.updatedAt);
  });
});

describe('segmentRows', () => {
  const segment = (id: number, kind: Segment['kind'], mt: string, text: string, status: Segment['status']): Segment => ({
    id,
    articleId: 1,
    position: id - 1,
    source: null,
    sourceScope: null,
    codes: null,
    paragraph: id - 1,
    kind,
    mt,
    separator: '\n\n',
    text,
    status,
    version: 1,
    note: null,
    updatedBy: 'x',
    updatedAt: ARTICLE.updatedAt,
    openComments: 0,
    openFindings: 0,
    editingMs: 0,
  });
  const annotation = (id: number, segmentId: number, severity: Annotation['severity']): Annotation => ({
    id,
    segmentId,
    articleId: 1,
    start: 0,
    end: 1,
    category: 'terminology',
    severity,
    comment: null,
    version: 1,
    deletedAt: null,
    author: 'Rita',
    userId: 1,
    createdAt: ARTICLE.updatedAt,
    updatedBy: 'Rita',
    updatedAt: ARTICLE.updatedAt,
  });
  const segments = [
    segment(1, 'sentence', 'A b', 'A c', 'edited'),
    segment(2, 'heading', 'Title here', 'Title here', 'new'),
    segment(3, 'meta', 'Source: DW', 'Source: DPA', 'edited'),
  ];

  it('when a page of segments is listed, then each row has its scores, penalty, time and whether it counts', () => {
    const rows = segmentRows({
      segments,
      metrics: new Map(segments.map((s) => [s.id, segmentMetrics(s.mt, s.text)])),
      annotations: new Map([
        [1, [annotation(1, 1, 'major')]],
        [3, [annotation(2, 3, 'critical')]],
      ]),
      editingMs: new Map([
        [1, 12_000],
        [3, 5_000],
      ]),
      settings: WMT,
    });
    expect(
      rows.map((row) => [row.segmentId, row.evaluated, row.covered, row.changed, row.ter, row.mqmPenalty, row.editingSeconds]),
    ).toEqual([
      [1, true, true, true, 50, 5, 12],
      [2, true, false, false, 0, 0, null],
      [3, false, false, true, 50, 25, 5],
    ]);
  });

  it('when a segment has no metric statistics, then it is a programming error, not a silent zero', () => {
    expect(() => segmentRows({ segments, metrics: new Map(), annotations: new Map(), editingMs: new Map(), settings: WMT })).toThrow(
      'No metrics for segment 1',
    );
  });
});
