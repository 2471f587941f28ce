import { describe, expect, it } from 'vitest';
import { MQM_CATEGORY_CODES, annotationPenalty, categoryLabel, mqmScore, totalPenalty } from '../../../src/annotations/mqm';

/** The WMT weights (Freitag et al., 2021), which migration 0002 also stores as the defaults. */
const WMT_WEIGHTS = { neutral: 0, minor: 1, major: 5, critical: 25, minorPunctuation: 0.1 };
const settings = { weights: WMT_WEIGHTS, passThreshold: 90 };

describe('MQM penalties', () => {
  it('when the WMT weights apply, then neutral 0, minor 1, major 5, critical 25 and minor punctuation 0.1 apply', () => {
    expect(annotationPenalty({ category: 'terminology', severity: 'neutral' }, WMT_WEIGHTS)).toBe(0);
    expect(annotationPenalty({ category: 'terminology', severity: 'minor' }, WMT_WEIGHTS)).toBe(1);
    expect(annotationPenalty({ category: 'terminology', severity: 'major' }, WMT_WEIGHTS)).toBe(5);
    expect(annotationPenalty({ category: 'non-translation', severity: 'critical' }, WMT_WEIGHTS)).toBe(25);
    expect(annotationPenalty({ category: 'fluency/punctuation', severity: 'minor' }, WMT_WEIGHTS)).toBe(0.1);
  });

  it('when a punctuation error is major, then it costs the major weight, not the minor-punctuation one', () => {
    expect(annotationPenalty({ category: 'fluency/punctuation', severity: 'major' }, WMT_WEIGHTS)).toBe(5);
  });

  it('when ten minor punctuation errors are summed, then the total is exactly 1 (no floating-point drift)', () => {
    expect(
      totalPenalty(
        Array.from({ length: 10 }, () => ({ category: 'fluency/punctuation', severity: 'minor' as const })),
        WMT_WEIGHTS,
      ),
    ).toBe(1);
    expect(0.1 * 3).not.toBe(0.3); // why totalPenalty rounds
    expect(
      totalPenalty(
        Array.from({ length: 3 }, () => ({ category: 'fluency/punctuation', severity: 'minor' as const })),
        WMT_WEIGHTS,
      ),
    ).toBe(0.3);
  });
});

describe('MQM score', () => {
  it('when an article of 200 words has one major and two minor errors, then penalty 7, 35 per 1,000 words and score 96.5', () => {
    const score = mqmScore(
      [
        { category: 'terminology', severity: 'major' },
        { category: 'style', severity: 'minor' },
        { category: 'fluency/grammar', severity: 'minor' },
      ],
      200,
      settings,
    );
    expect(score).toEqual({
      annotationCount: 3,
      penalty: 7,
      evaluatedWords: 200,
      penaltyPer1000Words: 35,
      qualityScore: 96.5,
      passThreshold: 90,
      pass: true,
    });
  });

  it('when the score equals the threshold, then the article passes; just below, it fails', () => {
    // 10 words, one minor: 100 × (1 − 1/10) = 90.
    expect(mqmScore([{ category: 'style', severity: 'minor' }], 10, settings)).toMatchObject({ qualityScore: 90, pass: true });
    expect(mqmScore([{ category: 'style', severity: 'minor' }], 10, { ...settings, passThreshold: 90.01 })).toMatchObject({ pass: false });
  });

  it('when penalties outnumber the words, then the score goes below zero and fails', () => {
    expect(mqmScore([{ category: 'accuracy/mistranslation', severity: 'critical' }], 5, settings)).toMatchObject({
      penalty: 25,
      qualityScore: -400,
      pass: false,
    });
  });

  it('when there are no evaluated words, then the score, the rate and pass/fail are null, not 100', () => {
    expect(mqmScore([], 0, settings)).toEqual({
      annotationCount: 0,
      penalty: 0,
      evaluatedWords: 0,
      penaltyPer1000Words: null,
      qualityScore: null,
      passThreshold: 90,
      pass: null,
    });
  });

  it('when custom weights are set, then they are used', () => {
    const weights = { neutral: 0.5, minor: 2, major: 10, critical: 50, minorPunctuation: 0 };
    expect(
      mqmScore(
        [
          { category: 'style', severity: 'neutral' },
          { category: 'fluency/punctuation', severity: 'minor' },
          { category: 'style', severity: 'major' },
        ],
        100,
        { weights, passThreshold: 0 },
      ),
    ).toMatchObject({ penalty: 10.5, qualityScore: 89.5, pass: true });
  });
});

describe('MQM categories', () => {
  it('when listed, then the codes are the stable ones of the issue, and labels name dimension and subcategory', () => {
    expect(MQM_CATEGORY_CODES).toEqual([
      'accuracy/mistranslation',
      'accuracy/omission',
      'accuracy/addition',
      'accuracy/untranslated',
      'fluency/grammar',
      'fluency/spelling',
      'fluency/punctuation',
      'fluency/register',
      'terminology',
      'style',
      'locale-conventions',
      'other',
      'non-translation',
      'source-issue',
    ]);
    expect(categoryLabel('accuracy/omission')).toBe('Accuracy / Omission');
    expect(categoryLabel('terminology')).toBe('Terminology');
    expect(categoryLabel('unknown/code')).toBe('unknown/code');
  });
});
