import { describe, expect, it } from 'vitest';
import { chunksOf } from '../../../src/interchange/chunks';
import { InterchangeError } from '../../../src/interchange/errors';
import { readTable, TableReader } from '../../../src/interchange/tableReader';

const rows = (input: string | Uint8Array) => readTable(input).segments.map((segment) => [segment.unitId, segment.source, segment.mt]);

describe('readTable', () => {
  it('when a TSV has source and target columns, then each row is a segment and a paragraph of its own', () => {
    const { columns, segments } = readTable('Source\tTarget\nHallo Welt.\tHello world.\nZweiter Satz.\tSecond sentence.\n');
    expect(columns).toEqual({ source: 'Source', mt: 'Target' });
    expect(segments).toEqual([
      { source: 'Hallo Welt.', mt: 'Hello world.', codes: [], paragraph: 0, separator: '\n\n' },
      { source: 'Zweiter Satz.', mt: 'Second sentence.', codes: [], paragraph: 1, separator: '' },
    ]);
  });

  it('when a CSV quotes fields with commas, quotes and line breaks, then they are read whole', () => {
    expect(rows('id,src,machine translation\r\n7,"Ja, ""klar""","Yes,\r\nof course"\r\n')).toEqual([
      ['7', 'Ja, "klar"', 'Yes,\r\nof course'],
    ]);
  });

  it('when headers are spelled as people write them, then the columns are found in any case and with a language', () => {
    expect(readTable('Key;Source (de-DE);MT (en)\nk;a;b\n').columns).toEqual({ source: 'Source (de-DE)', mt: 'MT (en)', id: 'Key' });
    expect(readTable('SOURCE_DE,translation_en\na,b\n').columns).toEqual({ source: 'SOURCE_DE', mt: 'translation_en' });
  });

  it('when a TSV field holds a quote without quoting, then the quote is text', () => {
    expect(rows('source\tmt\nEr sagte "hallo"\tHe said "hi"\n')).toEqual([[undefined, 'Er sagte "hallo"', 'He said "hi"']]);
  });

  it('when the file has a BOM or is UTF-16 as spreadsheets save "Unicode text", then it is read', () => {
    expect(rows('\ufeffsource,mt\na,b\n')).toEqual([[undefined, 'a', 'b']]);
    expect(rows(Buffer.from('\ufeffsource\tmt\nä\tb\n', 'utf16le'))).toEqual([[undefined, 'ä', 'b']]);
  });

  it('when rows are blank or have an empty MT, then blank rows are skipped and the MT is empty', () => {
    expect(rows('source,mt\n\n,\na,\n')).toEqual([[undefined, 'a', '']]);
  });

  it('when the MT column is missing, then the error names what is missing and what was found', () => {
    const error = (() => {
      try {
        readTable('source,comment\na,b\n');
      } catch (caught) {
        return caught as InterchangeError;
      }
      throw new Error('not refused');
    })();
    expect(error.code).toBe('missing_columns');
    expect(error.message).toBe(
      'The table\'s header row needs an MT column ("mt", "target" or "translation"); it has "source", "comment". (line 1, column 1)',
    );
  });

  it('when a quote is never closed, then the table is refused with the line', () => {
    expect(() => readTable('source,mt\n"abc,d\n')).toThrow(/cannot be read \(line 2\)/);
  });

  it('when the bytes are not UTF-8, then the table is refused with the place', () => {
    expect(() => readTable(Buffer.from([0x73, 0x2c, 0x6d, 0x74, 0x0a, 0x61, 0xff, 0x2c, 0x62]))).toThrow(/line 2, column 2/);
  });

  it('when a table is fed in small chunks, then the rows are the same as read whole', () => {
    const table = 'source,mt\n' + Array.from({ length: 50 }, (_, i) => `"Satz ${i}, mit Komma","Sentence ${i}\nsecond line"`).join('\n');
    const reader = new TableReader();
    const segments = [];
    for (const chunk of chunksOf(Buffer.from(table), 5)) segments.push(...reader.write(chunk));
    segments.push(...reader.close().segments);
    expect(segments).toEqual(readTable(table).segments);
    expect(segments).toHaveLength(50);
  });
});
