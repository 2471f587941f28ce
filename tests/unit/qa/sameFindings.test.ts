import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/qa/runChecks';
import { checkInputs } from './labelled/checkInputs';

/**
 * The checks' shortcuts (written-out context, the checks for a language picked once, inline-code
 * checks skipped when the text keeps the reference's codes in order) must not change a finding:
 * every input of checkInputs() gives exactly the findings recorded by the code before them
 * (fixtures/findingsBefore.json). A deliberate change of a check's rules re-records the file.
 */
describe('QA checks: the same findings as before the shortcuts', () => {
  const recorded = JSON.parse(readFileSync(path.join(__dirname, 'fixtures', 'findingsBefore.json'), 'utf8')) as unknown[];
  const inputs = checkInputs();

  it('when the inputs are generated, then they are the recorded ones and many have inline-code and number findings', () => {
    expect(inputs).toHaveLength(recorded.length);
    const checks = new Set((recorded as { check: string }[][]).flat().map((finding) => finding.check));
    for (const check of ['inline-code-missing', 'inline-code-extra', 'inline-code-order', 'source-number-mismatch', 'number-changed'])
      expect(checks).toContain(check);
  });

  it('when every input is checked, then its findings equal the recorded ones', () => {
    const differing = inputs
      .map((input, index) => ({ index, input, now: runChecks(input), before: recorded[index] }))
      .filter(({ now, before }) => JSON.stringify(now) !== JSON.stringify(before));
    expect(differing.slice(0, 3)).toEqual([]);
  });
});
