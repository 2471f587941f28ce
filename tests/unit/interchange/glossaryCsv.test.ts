import { describe, expect, it } from 'vitest';
import { readGlossaryCsv, writeGlossaryCsv } from '../../../src/interchange/glossaryCsv';
import type { GlossaryEntry } from '../../../src/interchange/types';

const ENTRIES: GlossaryEntry[] = [
  {
    term: 'comfort force',
    preferred: 'reassurance force',
    note: 'seen in "Le Monde", twice\nsecond line',
    matchCase: false,
    wholeWord: true,
    language: 'en',
  },
  { term: '=HYPERLINK("x")', preferred: '-based', note: '@mention', matchCase: true, wholeWord: false, language: 'en' },
];

describe('glossary CSV', () => {
  const csv = writeGlossaryCsv(ENTRIES);

  it('when a glossary is written, then it is RFC 4180 CSV with the five columns and formula cells guarded', () => {
    expect(csv).toBe(
      'term,preferred,note,match_case,whole_word\r\n' +
        'comfort force,reassurance force,"seen in ""Le Monde"", twice\nsecond line",no,yes\r\n' +
        '"\'=HYPERLINK(""x"")",\'-based,\'@mention,yes,no\r\n',
    );
  });

  it('when the written CSV is read back, then the entries (and their formula-like text) come back unchanged', () => {
    expect(readGlossaryCsv(csv, { language: 'en' })).toEqual(ENTRIES);
  });

  it('when headers and flags are spelled otherwise, then they are understood', () => {
    const entries = readGlossaryCsv('Forbidden;Replacement;Comment;Match case;Whole word;Lang\nfoo;bar;;x;;de\n', { language: 'en' });
    expect(entries).toEqual([{ term: 'foo', preferred: 'bar', matchCase: true, wholeWord: true, language: 'de' }]);
  });

  it('when a flag is not yes or no, then the row is named in the error', () => {
    expect(() => readGlossaryCsv('term,preferred,match_case\na,b,maybe\n', { language: 'en' })).toThrow(
      'The glossary says "maybe" for match_case in row 2; write yes or no.',
    );
  });

  it('when the preferred column is missing, then the error says which columns are needed', () => {
    expect(() => readGlossaryCsv('term,note\na,b\n', { language: 'en' })).toThrow(
      /needs a "term" and a "preferred" column; it has "term", "note"/,
    );
  });
});
