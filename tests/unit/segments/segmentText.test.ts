import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors';
import { cleanSegmentText } from '../../../src/segments/segmentText';

describe('cleanSegmentText: a sentence as typed', () => {
  it('when the MT has no white space at its ends (any plain article), then the typed text is trimmed and line ends are \\n', () => {
    expect(cleanSegmentText('  A sentence.\r\nSecond line. \t', 'The MT.')).toBe('A sentence.\nSecond line.');
  });

  it('when the MT of an XLIFF unit under xml:space="preserve" has white space at its ends, then the text gets the same', () => {
    expect(cleanSegmentText('Zorglub :', 'Nom : ')).toBe('Zorglub : ');
    expect(cleanSegmentText(' Zorglub : ', 'Nom : ')).toBe('Zorglub : ');
    expect(cleanSegmentText('Menu', '\n  Menu principal\n')).toBe('\n  Menu\n');
  });

  it('when a no-break space or an ideographic space is at an end, then it is kept: it is text, not XML white space', () => {
    expect(cleanSegmentText('Prix\u00a0', 'Price\u00a0')).toBe('Prix\u00a0');
    expect(cleanSegmentText('\u3000字下げ', '\u3000Indent')).toBe('\u3000字下げ');
  });

  it('when the MT breaks its lines with CR LF, then the typed line ends become CR LF too, and an unchanged text is the MT', () => {
    expect(cleanSegmentText('Ligne une\nLigne trois', 'Ligne une\r\nLigne deux')).toBe('Ligne une\r\nLigne trois');
    expect(cleanSegmentText('Ligne une\r\nLigne deux', 'Ligne une\r\nLigne deux')).toBe('Ligne une\r\nLigne deux');
    expect(cleanSegmentText('Ligne une\nLigne deux', 'Line one\nLine two')).toBe('Ligne une\nLigne deux');
  });

  it('when the text is emptied, then it stays empty whatever the MT', () => {
    expect(cleanSegmentText('  ', 'Nom : ')).toBe('');
  });

  it('when the text holds a control character, then it is refused as before', () => {
    expect(() => cleanSegmentText('Bad\u0007', 'Good')).toThrow(AppError);
  });
});
