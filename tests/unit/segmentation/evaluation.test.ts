/**
 * Evaluation harness: the pass rate of our splitter and of Intl.Segmenter on
 * hand-written cases per language. A case passes when every sentence matches
 * (compared trimmed, with runs of whitespace collapsed, as in the Golden
 * Rules test). Prints the scores; set SEGMENTATION_REPORT=1 to print every
 * case we get wrong.
 *
 *   SEGMENTATION_REPORT=1 npx vitest run --config tests/vitest.config.mts tests/unit/segmentation/evaluation.test.ts
 */
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/segmentation/sentences';
import type { EvaluationCase } from './evaluation/case';
import { ENGLISH_CASES } from './evaluation/english';
import { FRENCH_CASES } from './evaluation/french';
import { GERMAN_CASES } from './evaluation/german';
import { NEUTRAL_CASES } from './evaluation/neutral';
import { SPANISH_CASES } from './evaluation/spanish';

interface EvaluationSet {
  language: string;
  cases: EvaluationCase[];
  /** Lowest pass rate we accept: a regression below it fails the test. */
  minimumPassRate: number;
}

const SETS: EvaluationSet[] = [
  { language: 'en', cases: ENGLISH_CASES, minimumPassRate: 0.95 },
  { language: 'fr', cases: FRENCH_CASES, minimumPassRate: 0.9 },
  { language: 'de', cases: GERMAN_CASES, minimumPassRate: 0.9 },
  { language: 'es', cases: SPANISH_CASES, minimumPassRate: 0.9 },
  { language: 'pl', cases: NEUTRAL_CASES, minimumPassRate: 0.9 },
];

function normalise(sentence: string): string {
  return sentence.trim().replace(/\s+/g, ' ');
}

type Splitter = (text: string, language: string) => string[];

const ours: Splitter = (text, language) => splitSentences(text, { language }).map((span) => normalise(text.slice(span.start, span.end)));

const intl: Splitter = (text, language) =>
  Array.from(new Intl.Segmenter(language, { granularity: 'sentence' }).segment(text), (piece) => normalise(piece.segment)).filter(
    (sentence) => sentence !== '',
  );

interface Score {
  passed: number;
  total: number;
  failures: { testCase: EvaluationCase; actual: string[] }[];
}

function score(set: EvaluationSet, split: Splitter): Score {
  const failures: Score['failures'] = [];
  for (const testCase of set.cases) {
    const actual = split(testCase.text, set.language);
    if (JSON.stringify(actual) !== JSON.stringify(testCase.expected.map(normalise))) failures.push({ testCase, actual });
  }
  return { passed: set.cases.length - failures.length, total: set.cases.length, failures };
}

function percent(result: Score): string {
  return `${result.passed}/${result.total} (${((100 * result.passed) / result.total).toFixed(1)} %)`;
}

describe('sentence segmentation evaluation', () => {
  for (const set of SETS) {
    const mine = score(set, ours);
    const theirs = score(set, intl);
    const failingCategories = new Map<string, number>();
    for (const { testCase } of mine.failures) {
      failingCategories.set(testCase.category, (failingCategories.get(testCase.category) ?? 0) + 1);
    }
    console.log(
      `Evaluation ${set.language}: ours ${percent(mine)}, Intl.Segmenter ${percent(theirs)}` +
        (failingCategories.size > 0 ? `; our misses: ${[...failingCategories].map(([k, n]) => `${k} ${n}`).join(', ')}` : ''),
    );
    if (process.env.SEGMENTATION_REPORT) {
      for (const { testCase, actual } of mine.failures) {
        console.log(
          `  [${testCase.category}] ${JSON.stringify(testCase.text)}\n    want ${JSON.stringify(testCase.expected)}\n    got  ${JSON.stringify(actual)}`,
        );
      }
    }

    it(`when the ${set.language} cases are split, then at least ${set.minimumPassRate * 100} % pass and more than with Intl.Segmenter`, () => {
      expect(mine.passed / mine.total).toBeGreaterThanOrEqual(set.minimumPassRate);
      expect(mine.passed).toBeGreaterThan(theirs.passed);
    });
  }

  it('when the data is loaded, then every case has a text and at least one expected sentence', () => {
    for (const set of SETS) {
      for (const testCase of set.cases) {
        expect(testCase.text.trim()).not.toBe('');
        expect(testCase.expected.length).toBeGreaterThan(0);
      }
    }
  });
});
