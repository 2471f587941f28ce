import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/segmentation/sentences';
import { ENGLISH_GOLDEN_RULES, type GoldenRule } from './golden-rules';

/**
 * Cases we knowingly get wrong. Listed so that a regression (a new failure)
 * and an improvement (a case that starts passing) both make the test fail.
 */
const KNOWN_FAILURES: number[] = [];

/**
 * Our sentences are slices of the input, so they keep its whitespace, while
 * pragmatic_segmenter cleans the text first (#40, #41 expect an errant
 * newline turned into a space). Both sides are compared trimmed and with
 * runs of whitespace collapsed to one space: what is scored is where the
 * boundaries fall, not the cleaning.
 */
function normalise(sentence: string): string {
  return sentence.trim().replace(/\s+/g, ' ');
}

function oursFor(rule: GoldenRule): string[] {
  return splitSentences(rule.input).map((span) => normalise(rule.input.slice(span.start, span.end)));
}

const intlSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

function intlFor(rule: GoldenRule): string[] {
  return Array.from(intlSegmenter.segment(rule.input), (piece) => normalise(piece.segment)).filter((sentence) => sentence !== '');
}

function failingCases(split: (rule: GoldenRule) => string[]): number[] {
  return ENGLISH_GOLDEN_RULES.filter((rule) => {
    const expected = rule.expected.map(normalise);
    return JSON.stringify(split(rule)) !== JSON.stringify(expected);
  }).map((rule) => rule.number);
}

describe('English Golden Rules (pragmatic_segmenter)', () => {
  const total = ENGLISH_GOLDEN_RULES.length;
  const ourFailures = failingCases(oursFor);
  const intlFailures = failingCases(intlFor);
  const ourScore = total - ourFailures.length;
  const intlScore = total - intlFailures.length;
  console.log(`Golden Rules: ${ourScore}/${total} (Intl.Segmenter: ${intlScore}/${total})`);

  it('when the data is loaded, then it holds the 52 English cases numbered 1 to 52', () => {
    expect(ENGLISH_GOLDEN_RULES.map((rule) => rule.number)).toEqual(Array.from({ length: 52 }, (_, k) => k + 1));
  });

  it('when every case is split, then all 52 pass and more than with Intl.Segmenter', () => {
    expect(ourScore).toBe(52);
    expect(ourScore).toBeGreaterThan(intlScore);
  });

  it('when every case is split, then exactly the known cases fail', () => {
    expect(ourFailures).toEqual(KNOWN_FAILURES);
  });

  it('when #18 is split, then a time that opens a sentence stays in it and a time that ends one ends it', () => {
    const rule = ENGLISH_GOLDEN_RULES[17]!;
    expect(oursFor(rule)).toEqual([
      'At 5 a.m. Mr. Smith went to the bank.',
      'He left the bank at 6 P.M.',
      'Mr. Smith then went to the store.',
    ]);
  });
});
