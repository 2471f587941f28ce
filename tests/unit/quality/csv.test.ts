import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../src/quality/csv';

describe('CSV', () => {
  it('when a cell has a comma, quote or line break, then it is quoted with the quotes doubled', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+49 30 1234', "'+49 30 1234"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=cmd', "'\t=cmd"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
  ])('when a text cell starts like a formula (%j), then it is prefixed with an apostrophe', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('when a cell is a number or empty, then it is written as it is', () => {
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell('a = b')).toBe('a = b');
  });

  it('when a table is written, then rows end in CRLF, the last one too', () => {
    expect(
      toCsv(
        ['id', 'text'],
        [
          [1, 'a,b'],
          [2, null],
        ],
      ),
    ).toBe('id,text\r\n1,"a,b"\r\n2,\r\n');
  });
});
