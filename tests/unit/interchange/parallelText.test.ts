import { describe, expect, it } from 'vitest';
import { readParallelText } from '../../../src/interchange/parallelText';

const SOURCE = 'Die Gespräche beginnen. Sie dauern an.\n\nEin zweiter Absatz mit einem Satz.\n\nDrei. Sätze. Hier.';
const MT = 'The talks begin. They continue.\n\nA second paragraph. With two sentences.\n\nThree sentences here.';

describe('readParallelText', () => {
  it('when sentence counts match in a paragraph, then sentences pair one to one; otherwise each MT sentence stands beside the whole source paragraph', () => {
    const result = readParallelText(SOURCE, MT, { sourceLanguage: 'de', targetLanguage: 'en' });
    expect(result.segments.map((segment) => [segment.paragraph, segment.sourceScope, segment.source, segment.mt])).toEqual([
      [0, 'segment', 'Die Gespräche beginnen.', 'The talks begin.'],
      [0, 'segment', 'Sie dauern an.', 'They continue.'],
      [1, 'paragraph', 'Ein zweiter Absatz mit einem Satz.', 'A second paragraph.'],
      [1, 'paragraph', 'Ein zweiter Absatz mit einem Satz.', 'With two sentences.'],
      [2, 'paragraph', 'Drei. Sätze. Hier.', 'Three sentences here.'],
    ]);
    expect(result.unalignedParagraphs).toBe(2);
  });

  it('when the MT is laid out, then its separators and kinds are kept so the MT text can be rebuilt', () => {
    const result = readParallelText('Titel\n\nEin Satz.', '# Title\n\nOne sentence.\n');
    expect(result.leading + result.segments.map((segment) => segment.mt + segment.separator).join('')).toBe('# Title\n\nOne sentence.\n');
    expect(result.segments.map((segment) => segment.kind)).toEqual(['heading', 'sentence']);
  });

  it('when the files are bytes, then they are decoded strictly (a BOM dropped)', () => {
    const result = readParallelText(Buffer.from('\ufeffEins.'), Buffer.from('One.'));
    expect(result.segments.map((segment) => [segment.source, segment.mt])).toEqual([['Eins.', 'One.']]);
  });

  it('when the paragraph counts differ, then the import is refused with both counts', () => {
    expect(() => readParallelText('A.\n\nB.', 'A.')).toThrow(
      'The source has 2 paragraphs and the machine translation 1, so they cannot be paired.',
    );
  });

  it('when the MT file is empty, then it is refused', () => {
    expect(() => readParallelText('A.', '  \n')).toThrow(/holds no text/);
  });
});
