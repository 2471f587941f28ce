/**
 * Precision and recall of the QA checks on a labelled set, per check and
 * overall. A finding is a true positive when it has the expected check and
 * its span overlaps or touches the expected piece of text; each finding and
 * each expectation counts once.
 */
import { CHECK_IDS, type CheckId, type Finding, runChecks } from '../../../../src/qa/runChecks';
import { inputOf, type LabelledCase } from './types';

export interface Tally {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface Miss {
  labelled: LabelledCase;
  kind: 'false positive' | 'false negative';
  check: CheckId;
  detail: string;
}

export interface Score {
  cases: number;
  perCheck: Map<CheckId, Tally>;
  overall: Tally;
  misses: Miss[];
}

export function precision(tally: Tally): number {
  const reported = tally.truePositives + tally.falsePositives;
  return reported === 0 ? 1 : tally.truePositives / reported;
}

export function recall(tally: Tally): number {
  const expected = tally.truePositives + tally.falseNegatives;
  return expected === 0 ? 1 : tally.truePositives / expected;
}

function touches(finding: Finding, start: number, end: number): boolean {
  return finding.start <= end && finding.end >= start;
}

export function score(cases: readonly LabelledCase[]): Score {
  const perCheck = new Map<CheckId, Tally>(CHECK_IDS.map((id) => [id, { truePositives: 0, falsePositives: 0, falseNegatives: 0 }]));
  const misses: Miss[] = [];
  for (const labelled of cases) {
    const findings = runChecks(inputOf(labelled));
    const unclaimed = new Set(findings);
    for (const expected of labelled.expected) {
      const start = labelled.text.indexOf(expected.at);
      if (start < 0) throw new Error(`"${expected.at}" is not in the text of a labelled case: ${JSON.stringify(labelled.text)}`);
      const end = start + expected.at.length;
      const found = [...unclaimed].find((finding) => finding.check === expected.check && touches(finding, start, end));
      const tally = perCheck.get(expected.check)!;
      if (found) {
        unclaimed.delete(found);
        tally.truePositives++;
      } else {
        tally.falseNegatives++;
        misses.push({ labelled, kind: 'false negative', check: expected.check, detail: `expected at "${expected.at}"` });
      }
    }
    for (const finding of unclaimed) {
      perCheck.get(finding.check)!.falsePositives++;
      misses.push({
        labelled,
        kind: 'false positive',
        check: finding.check,
        detail: `"${labelled.text.slice(finding.start, finding.end)}" [${finding.start}, ${finding.end}): ${finding.message}`,
      });
    }
  }
  const overall = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  for (const tally of perCheck.values()) {
    overall.truePositives += tally.truePositives;
    overall.falsePositives += tally.falsePositives;
    overall.falseNegatives += tally.falseNegatives;
  }
  return { cases: cases.length, perCheck, overall, misses };
}

export function formatTable(result: Score): string {
  const rows = [['check', 'TP', 'FP', 'FN', 'precision', 'recall']];
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  for (const [id, tally] of result.perCheck) {
    if (tally.truePositives + tally.falsePositives + tally.falseNegatives === 0) continue;
    rows.push([
      id,
      String(tally.truePositives),
      String(tally.falsePositives),
      String(tally.falseNegatives),
      percent(precision(tally)),
      percent(recall(tally)),
    ]);
  }
  const { overall } = result;
  rows.push([
    'overall',
    String(overall.truePositives),
    String(overall.falsePositives),
    String(overall.falseNegatives),
    percent(precision(overall)),
    percent(recall(overall)),
  ]);
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '))
    .join('\n');
}
