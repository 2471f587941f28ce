import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/qa/runChecks';
import { BLIND_CASES } from './labelled/blindCases';
import { CLEAN_SENTENCES } from './labelled/cleanSentences';
import { generatedCases } from './labelled/corruptions';
import { HAND_CASES } from './labelled/handCases';
import { HARD_CASES } from './labelled/hardCases';
import { sampleCases } from './labelled/sampleCases';
import { formatTable, precision, recall, score } from './labelled/score';
import { clean, type LabelledCase } from './labelled/types';

/**
 * The labelled set: clean news sentences, the sample article (as imported and
 * post-edited), hand-written MT faults and edits, adversarial cases, and
 * generated damage. Precision and recall per check are printed as a table.
 *
 * First contact (scored before the checks were changed for them):
 * - hardCases: precision 83.8% (6 false positives, in 101 clean sentences and 24 edits),
 *   recall 93.9% (31 of 33); the fixes that followed are general rules (suspended hyphens
 *   before "but", name particles in a row, fractions, full hours, repeated word pairs).
 * - blindCases: precision 100% (no false positive in 90 clean sentences), recall 88.9% (24 of 27).
 */
const GENERATED_PER_DAMAGE = 25;

function labelledSet(): LabelledCase[] {
  return [
    ...CLEAN_SENTENCES.map((text) => clean(text)),
    ...sampleCases(),
    ...HAND_CASES,
    ...HARD_CASES,
    ...BLIND_CASES,
    ...generatedCases(CLEAN_SENTENCES, GENERATED_PER_DAMAGE),
  ];
}

/**
 * Misses we knowingly accept, listed so that a new miss (a regression) and a
 * miss that disappears (an improvement to record) both fail the test.
 *
 * A quotation left open at the end of a sentence may run into the next one
 * (news quotes span sentences), so "“dangerous." alone is not reported.
 */
const KNOWN_MISSES = ['false negative unbalanced-quotes: The agency called the plan “reckless” and “dangerous.'];

describe('QA checks: precision and recall on the labelled set', () => {
  const cases = labelledSet();
  const result = score(cases);
  console.log(`QA checks on ${result.cases} labelled sentences:\n${formatTable(result)}`);

  it('when the set is assembled, then it holds several hundred sentences, clean and faulty', () => {
    const faulty = cases.filter((labelled) => labelled.expected.length > 0).length;
    expect(cases.length).toBeGreaterThanOrEqual(800);
    expect(faulty).toBeGreaterThanOrEqual(350);
    expect(cases.length - faulty).toBeGreaterThanOrEqual(450);
  });

  it('when the clean news sentences are checked, then none gets a finding', () => {
    const flagged = CLEAN_SENTENCES.filter((text) => runChecks({ text, mt: text }).length > 0);
    expect(flagged).toEqual([]);
  });

  it('when every case is scored, then overall precision is at least 99% and recall at least 97%', () => {
    expect(precision(result.overall)).toBeGreaterThanOrEqual(0.99);
    expect(recall(result.overall)).toBeGreaterThanOrEqual(0.97);
  });

  it('when each check is scored, then its precision is at least 95% and its recall at least 85%', () => {
    for (const [check, tally] of result.perCheck) {
      expect({ check, precision: precision(tally) >= 0.95 }).toEqual({ check, precision: true });
      expect({ check, recall: recall(tally) >= 0.85 }).toEqual({ check, recall: true });
    }
  });

  it('when every check has been exercised, then each has at least one true positive', () => {
    const unexercised = [...result.perCheck].filter(([, tally]) => tally.truePositives === 0).map(([check]) => check);
    expect(unexercised).toEqual([]);
  });

  it('when the misses are listed, then they are exactly the known ones', () => {
    expect(result.misses.map((miss) => `${miss.kind} ${miss.check}: ${miss.labelled.text}`)).toEqual(KNOWN_MISSES);
  });
});
