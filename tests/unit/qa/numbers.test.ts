import { describe, expect, it } from 'vitest';
import { findNumbers, matchNumbers, type NumberReading } from '../../../src/qa/numbers';

function keysOf(text: string, reading: NumberReading): string[][] {
  return findNumbers(text, reading)
    .filter((token) => token.form === 'digits')
    .map((token) => token.keys);
}

describe('findNumbers: reading digits by language', () => {
  it.each([
    ['en', '1,000.5', '1000.5'],
    ['de', '1.000,5', '1000.5'],
    ['fr', '1 000,5', '1000.5'],
    ['fr', '1\u202F000,5', '1000.5'],
    ['de-CH', '1’000.5', '1000.5'],
    ['es-MX', '1,000.5', '1000.5'],
    ['de', '3,5', '3.5'],
    ['en', '3.5', '3.5'],
  ])('when a %s text writes %j, then its value is %s', (language, written, value) => {
    expect(keysOf(written, { language })[0]).toContain(value);
  });

  it('when English text keeps a German thousands point, then it reads as a decimal', () => {
    expect(keysOf('1.000', { language: 'en' })).toEqual([['1']]);
  });

  it('when the language is unknown, then an ambiguous number may mean either', () => {
    expect(keysOf('1.000', { language: null })[0]).toEqual(expect.arrayContaining(['1', '1000']));
  });

  it('when a date is written with points, then each part is a number of its own', () => {
    expect(keysOf('18.04.2025', { language: 'de' })).toEqual([['18'], ['4'], ['2025']]);
  });

  it('when a year is followed by a three-digit number in French, then they stay two numbers', () => {
    expect(keysOf('En 2019 300 personnes', { language: 'fr' })).toEqual([['2019'], ['300']]);
  });

  it('when a scale word follows, then the scaled value is a key too', () => {
    expect(keysOf('2,5 Milliarden', { language: 'de' })[0]).toEqual(['2.5', '2500000000']);
  });

  it('when a time is written on either clock, then both readings are keys', () => {
    expect(keysOf('20h30', { language: 'fr' })[0]).toEqual(expect.arrayContaining(['T20:30', 'T8:30']));
    expect(keysOf('8.30pm', { language: 'en' })[0]).toEqual(expect.arrayContaining(['T8:30', 'T20:30']));
  });
});

describe('findNumbers: English number words', () => {
  it('when numbers are spelled out, then cardinals, other number words and months are told apart', () => {
    const tokens = findNumbers('Twenty-five of the first three came in May, three-quarters of them.', {
      language: 'en',
      englishWords: true,
    });
    expect(tokens.map((token) => [token.raw, token.form, token.keys[0]])).toEqual([
      ['Twenty-five', 'cardinal', '25'],
      ['first', 'word', '1'],
      ['three', 'cardinal', '3'],
      ['May', 'word', '5'],
      ['three', 'word', '3'],
    ]);
  });
});

describe('matchNumbers', () => {
  it('when the candidate has the same numbers in other formats, then nothing is missing', () => {
    const reference = findNumbers('1,000 people, 3 days, 10% and 5 million', { language: 'en', lenient: true });
    const candidates = findNumbers('1000 people, three days, 10 percent and 5,000,000', {
      language: 'en',
      lenient: true,
      englishWords: true,
    });
    expect(matchNumbers(reference, candidates)).toEqual({ missing: [], missingWords: [], unmatched: [] });
  });

  it('when a number changed, then the old one is missing and the new one unmatched', () => {
    const result = matchNumbers(findNumbers('1,500 soldiers', { language: 'en' }), findNumbers('1,600 soldiers', { language: 'en' }));
    expect(result.missing.map((token) => token.raw)).toEqual(['1,500']);
    expect(result.unmatched.map((token) => token.raw)).toEqual(['1,600']);
  });
});
