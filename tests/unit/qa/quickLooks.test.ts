import { describe, expect, it } from 'vitest';
import { findNumbers, hasDigit } from '../../../src/qa/numbers';
import { type CheckId, runChecks } from '../../../src/qa/runChecks';

/**
 * The checks first take a quick look (plain patterns, ASCII loops) and run their Unicode patterns
 * only when it finds something: these are the look-alikes at the edges of those looks, where a
 * shortcut that is too eager would miss a finding.
 */
function summary(text: string): [CheckId, string, string | undefined][] {
  return runChecks({ text, mt: text }).map((finding) => [finding.check, text.slice(finding.start, finding.end), finding.fix]);
}

describe('QA checks: the quick looks miss nothing the full patterns find', () => {
  it('when number words stand next to quotes, no-break spaces or letters outside ASCII, then only the free-standing ones are read', () => {
    const read = (text: string) =>
      findNumbers(text, { language: 'en', englishWords: true }).map((token) => [token.raw, token.form, token.keys[0]]);
    expect(read('“Twenty-five” of them')).toEqual([['Twenty-five', 'cardinal', '25']]);
    expect(read('Il a dit «\u00A0three\u00A0»')).toEqual([['three', 'cardinal', '3']]);
    expect(read('éthree days, three² and three_')).toEqual([['three', 'cardinal', '3']]);
  });

  it('when the only digits are of another script, then the text has a digit; quotes and dashes are not digits', () => {
    expect(hasDigit('Il a ٣ enfants')).toBe(true);
    expect(hasDigit('Score: 𝟑')).toBe(true);
    expect(hasDigit('“Peace” — now…')).toBe(false);
  });

  it('when a doubled word is quoted with curly quotes, then it is still found', () => {
    expect(summary('He said “the the” twice.')).toEqual([['doubled-word', 'the the', 'the']]);
    expect(summary('They said “it was it was” then left.')).toEqual([['doubled-word', 'it was it was', 'it was']]);
  });

  it('when numbers are written in digits of another script, then a decimal comma and a glued word are still found', () => {
    expect(summary('Prices rose by ٣,٥ percent.')).toEqual([['decimal-comma', '٣,٥', undefined]]);
    expect(summary('He scored 𝟑𝟎points.')).toEqual([['number-glued-to-word', '𝟑𝟎points', '𝟑𝟎 points']]);
  });

  it('when a space before a mark is a no-break or thin space, then it is still flagged', () => {
    expect(summary('They met in Paris\u00A0.')).toEqual([['space-before-punctuation', '\u00A0.', '.']]);
    expect(summary('They met in Paris\u2009!')).toEqual([['space-before-punctuation', '\u2009!', '!']]);
  });
});
