import { describe, expect, it } from 'vitest';
import { barWidths, format } from '../../../src/web/format';
import { progressFrom } from '../../../src/segments/model';

describe('Percentages on the pages', () => {
  it.each([
    [9_997, 10_000, '99.97 %'],
    [3, 10_000, '0.03 %'],
    [10_000, 10_000, '100 %'],
    [0, 10_000, '0 %'],
    [1, 4, '25 %'],
    [1, 3, '33.3 %'],
    [999_999, 1_000_000, '99.9999 %'],
    [1, 1_000_000, '0.0001 %'],
    [1, 1e9, '< 0.0001 %'],
    [1e9 - 1, 1e9, '> 99.9999 %'],
  ])('when %d of %d, then it reads %s (never 100 % or 0 % unless exact)', (part, whole, text) => {
    expect(format.percent(part, whole)).toBe(text);
  });

  it('when the progress is counted, then its numbers follow the same rule', () => {
    const { percent } = progressFrom({ new: 3, edited: 0, approved: 9_997, rejected: 0 });
    expect(percent).toEqual({ new: 0.03, edited: 0, approved: 99.97, rejected: 0 });
  });
});

describe('Progress bar widths', () => {
  it('when one part is tiny, then it still shows (at least 1 % of the bar) and the widths still add up to 100', () => {
    const widths = barWidths([9_999, 0, 1, 0]);
    expect(widths[2]).toBe(1);
    expect(widths[1]).toBe(0);
    expect(widths.reduce((sum, width) => sum + width, 0)).toBeCloseTo(100, 9);
  });

  it('when every part is large enough, then the widths are proportional; all zero gives no bar', () => {
    expect(barWidths([1, 1, 2])).toEqual([25, 25, 50]);
    expect(barWidths([0, 0])).toEqual([0, 0]);
  });
});
