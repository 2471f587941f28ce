import { describe, expect, it } from 'vitest';
import { annotatedMt, spanChoices } from '../../../src/annotations/annotatedMt';

const MT = 'The couple provides for a comfort force.';
const annotation = (
  id: number,
  start: number,
  end: number,
  severity: 'neutral' | 'minor' | 'major' | 'critical',
  category = 'terminology',
) => ({ id, start, end, category, severity, comment: null });

describe('Annotated MT', () => {
  it('when there are no annotations, then the MT is one text piece at offset 0', () => {
    expect(annotatedMt({ id: 1, mt: MT, kind: 'sentence' }, []).pieces).toEqual([
      { kind: 'text', start: 0, text: MT, severity: null, annotationIds: [] },
    ]);
  });

  it('when spans overlap, then the shared text takes the most severe one and each label follows its span', () => {
    const view = annotatedMt({ id: 1, mt: MT, kind: 'sentence' }, [
      annotation(1, 26, 39, 'major'),
      annotation(2, 26, 33, 'critical', 'accuracy/mistranslation'),
    ]);
    expect(
      view.pieces.map((piece) =>
        piece.kind === 'text' ? [piece.text, piece.severity, piece.annotationIds] : [piece.kind, piece.label.text],
      ),
    ).toEqual([
      ['The couple provides for a ', null, []],
      ['comfort', 'critical', [2, 1]],
      ['label', 'Accuracy / Mistranslation · Critical'],
      [' force', 'major', [1]],
      ['label', 'Terminology · Major'],
      ['.', null, []],
    ]);
    // Text pieces put together are the MT, so offsets in the page are offsets in the MT.
    expect(
      view.pieces
        .filter((piece) => piece.kind === 'text')
        .map((piece) => (piece as { text: string }).text)
        .join(''),
    ).toBe(MT);
  });

  it('when an omission is marked, then a marker with its label sits at that offset', () => {
    const view = annotatedMt({ id: 1, mt: MT, kind: 'sentence' }, [annotation(3, 26, 26, 'minor', 'accuracy/omission')]);
    expect(view.pieces).toEqual([
      { kind: 'text', start: 0, text: 'The couple provides for a ', severity: null, annotationIds: [] },
      {
        kind: 'omission',
        start: 26,
        label: { id: 3, severity: 'minor', text: 'Accuracy / Omission · Minor', title: 'Accuracy / Omission · Minor: omission here' },
      },
      { kind: 'text', start: 26, text: 'comfort force.', severity: null, annotationIds: [] },
    ]);
  });

  it('when a span ends at the end of the MT, then its label comes last', () => {
    const view = annotatedMt({ id: 1, mt: MT, kind: 'sentence' }, [annotation(4, 34, 40, 'neutral')]);
    expect(view.pieces.at(-1)).toMatchObject({ kind: 'label', start: 40 });
  });
});

describe('Span choices for the form without JavaScript', () => {
  it('when the MT has quotes and punctuation, then words and marks can be picked separately', () => {
    const { starts, ends } = spanChoices('A “comfort force”.');
    expect(starts.map((choice) => choice.offset)).toEqual([0, 2, 3, 11, 16, 17, 18]);
    expect(ends.map((choice) => choice.offset)).toEqual([1, 3, 10, 16, 17, 18]);
    expect(starts[2]!.label).toBe('3: …A “▸comfort');
    expect(ends[3]!.label).toBe('16: force◂”.…');
    expect(starts.at(-1)!.label).toBe('18: (end of the sentence)');
  });
});
