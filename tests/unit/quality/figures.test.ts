import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/articles/model';
import type { Annotation } from '../../../src/annotations/model';
import { segmentMetrics } from '../../../src/metrics/segmentMetrics';
import { aggregateFigures, type FiguresInput } from '../../../src/quality/figures';
import type { Segment } from '../../../src/segments/model';

const ARTICLE: Article = {
  id: 1,
  title: 'Figures',
  format: 'text',
  leading: '',
  createdBy: 'importer',
  createdAt: '2025-04-18T08:00:00.000Z',
  updatedAt: '2025-04-18T09:00:00.000Z',
};
const WMT = {
  weights: { neutral: 0, minor: 1, major: 5, critical: 25, minorPunctuation: 0.1 },
  passThreshold: 90,
  updatedBy: 'setup',
  updatedAt: '2025-04-18T08:00:00.000Z',
};

function segment(id: number, kind: Segment['kind'], mt: string, text: string, status: Segment['status']): Segment {
  return {
    id,
    articleId: 1,
    position: id - 1,
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
    openFindings: 0,
  };
}

function annotation(id: number, segmentId: number, severity: Annotation['severity'], category = 'terminology'): Annotation {
  return {
    id,
    segmentId,
    articleId: 1,
    start: 0,
    end: 1,
    category,
    severity,
    comment: null,
    version: 1,
    deletedAt: null,
    author: 'Rita',
    userId: 1,
    createdAt: ARTICLE.updatedAt,
    updatedBy: 'Rita',
    updatedAt: ARTICLE.updatedAt,
  };
}

/** A corrected sentence (1 substitution in 2 words), an unchanged heading, and a corrected metadata line. */
function input(overrides: Partial<FiguresInput> = {}): FiguresInput {
  const segments = [
    segment(1, 'sentence', 'A b', 'A c', 'edited'),
    segment(2, 'heading', 'Title here', 'Title here', 'approved'),
    segment(3, 'meta', 'Source: DW', 'Source: DPA', 'edited'),
  ];
  return {
    article: ARTICLE,
    segments,
    metrics: new Map(segments.map((s) => [s.id, segmentMetrics(s.mt, s.text)])),
    annotations: [annotation(1, 1, 'major'), annotation(2, 3, 'critical')],
    editingSeconds: new Map([
      [1, 12],
      [3, 5],
    ]),
    lastAnnotationChange: '2025-04-18T10:00:00.000Z',
    settings: WMT,
    ...overrides,
  };
}

describe('aggregateFigures', () => {
  it('when sentences and a metadata line were corrected and annotated, then only sentences and headings count, corpus-level', () => {
    const figures = aggregateFigures(input());
    expect(figures.evaluatedSegments).toBe(2);
    // 1 edit over 2 + 2 reference words.
    expect(figures.hter).toBe(25);
    expect(figures.edits).toEqual({ edits: 1, referenceWords: 4, insertions: 0, deletions: 0, substitutions: 1, shifts: 0 });
    // The metadata line's critical error is listed on its row but left out of the score: 100 × (1 − 5 / 4 words).
    expect(figures.mqm).toMatchObject({ annotationCount: 1, penalty: 5, evaluatedWords: 4, qualityScore: -25, pass: false });
    expect(figures.mqm.bySeverity).toEqual({ neutral: 0, minor: 0, major: 1, critical: 0 });
    expect(figures.mqm.byCategory).toEqual([
      { code: 'terminology', label: 'Terminology', counts: { neutral: 0, minor: 0, major: 1, critical: 0 }, total: 1, penalty: 5 },
    ]);
    expect(
      figures.segments.map((row) => [row.segmentId, row.evaluated, row.changed, row.annotationCount, row.mqmPenalty, row.editingSeconds]),
    ).toEqual([
      [1, true, true, 1, 5, 12],
      [2, true, false, 0, 0, null],
      [3, false, true, 1, 25, 5],
    ]);
  });

  it('when editing time was measured, then effort counts the evaluated segments only', () => {
    expect(aggregateFigures(input()).effort).toEqual({
      editingSeconds: 12,
      timedSegments: 1,
      timedWords: 2,
      secondsPerWord: 6,
      unchangedSegments: 1,
      unchangedShare: 0.5,
    });
  });

  it("when the annotations changed after the text, then the last change is theirs; otherwise the article's", () => {
    expect(aggregateFigures(input()).lastChange).toBe('2025-04-18T10:00:00.000Z');
    expect(aggregateFigures(input({ lastAnnotationChange: '2025-04-18T08:30:00.000Z' })).lastChange).toBe(ARTICLE.updatedAt);
    expect(aggregateFigures(input({ lastAnnotationChange: undefined })).lastChange).toBe(ARTICLE.updatedAt);
  });

  it('when nothing can be evaluated, then the scores are null rather than 0 or 100', () => {
    const meta = segment(3, 'meta', 'Source: DW', 'Source: DW', 'new');
    const figures = aggregateFigures(
      input({ segments: [meta], metrics: new Map([[3, segmentMetrics(meta.mt, meta.text)]]), annotations: [] }),
    );
    expect(figures).toMatchObject({ evaluatedSegments: 0, hter: null, chrf: null });
    expect(figures.mqm).toMatchObject({ qualityScore: null, pass: null, penaltyPer1000Words: null });
    expect(figures.effort).toMatchObject({ secondsPerWord: null, unchangedShare: null });
    expect(figures.progress.counts).toEqual({ new: 1, edited: 0, approved: 0, rejected: 0 });
  });

  it('when a segment has no metric statistics, then it is a programming error, not a silent zero', () => {
    expect(() => aggregateFigures(input({ metrics: new Map() }))).toThrow('No metrics for segment 1');
  });
});
