/**
 * The sample article (db/samples/, real MT output) segment by segment, as
 * imported (text = MT) with its known faults labelled, and post-edited by
 * hand (our corrections): the corrected segments must be clean, and a few
 * careless edits must be caught.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../../../src/paths';
import type { CheckId, GlossaryTerm } from '../../../../src/qa/runChecks';
import { segmentDocument } from '../../../../src/segmentation/document';
import type { LabelledCase } from './types';

export const SAMPLE_GLOSSARY: GlossaryTerm[] = [
  { id: 's1', term: 'comfort force', preferred: 'reassurance force', matchCase: false, wholeWord: true },
  { id: 's2', term: "Trump's prices", preferred: "Trump's tariffs", matchCase: false, wholeWord: true },
];

/** The faults of the MT as imported: a piece of the faulty segment → the finding expected there. */
const MT_FAULTS: [string, CheckId][] = [
  ['three -year', 'space-before-hyphen'],
  ['large -scale', 'space-before-hyphen'],
  ['three -month', 'space-before-hyphen'],
  ['10%prices', 'number-glued-to-word'],
  ['comfort force', 'glossary-term'],
  ["Trump's prices", 'glossary-term'],
];

/** Our post-edits: a piece of the MT → its correction. */
const CORRECTIONS: [string, string][] = [
  ['The best United States, French and Ukrainians met', 'Senior U.S., French and Ukrainian officials met'],
  ['for talks who could see', 'for talks that could see'],
  ['the decreased negotiations', 'the faltering negotiations'],
  ['three -year war', 'three-year war'],
  ['A source of the French government described talks', 'A French government source described the talks'],
  ['said journalists on condition of anonymity', 'the source told journalists on condition of anonymity'],
  ['to “revise progress', 'to “review progress'],
  ['In the perspective of its inauguration in January, American president', 'Ahead of his inauguration in January, U.S. President'],
  ['large -scale', 'large-scale'],
  ['Trump finished European leaders', 'Trump stunned European leaders'],
  ['putting the touch of traditional allies', 'unsettling traditional allies'],
  ['in cards?', 'on the cards?'],
  [
    'the bursts of opening the trade war, with 10%prices, almost all goods',
    'the opening salvos of the trade war, with 10% tariffs on almost all goods',
  ],
  ["Trump's prices", "Trump's tariffs"],
  ['insistence to spend 5% of GDP for defense', 'insistence on spending 5% of GDP on defense'],
  ['three -month break', 'three-month break'],
  ['resume headquarters at the table', 'regain a seat at the table'],
  ['“comfort force”', '“reassurance force”'],
  ['analyst of the European Council', 'an analyst at the European Council'],
];

/** Careless edits: a piece of the MT → the edit, and the finding it deserves (at a piece of the edited text). */
const CARELESS_EDITS: [string, string, CheckId, string][] = [
  ['in February 2022.', 'in February 2023.', 'number-changed', '2023'],
  ['5% of GDP', '3% of GDP', 'number-changed', '3%'],
  ['Ukraine and the EU.', 'Ukraine and the EU', 'final-punctuation-lost', 'EU'],
  ['pressure on the Kremlin.', 'pressure on  the Kremlin.', 'double-space', 'on  the'],
  ['“positive and constructive”', '“positive and constructive', 'unbalanced-quotes', '“positive'],
  ['The Kremlin criticized', 'the Kremlin criticized', 'lowercase-start', 'the'],
  ['around thirty countries', 'around 13 countries', 'number-changed', '13'],
  ['https://www.dw.com/en/after-us-talks', 'https://www.dw.com/en/after-talks', 'url-changed', 'https://www.dw.com/en/after-talks'],
];

export function sampleCases(): LabelledCase[] {
  const file = path.join(projectRoot, 'db', 'samples', 'ukraine-talks-paris-2025-04-18.txt');
  const { segments } = segmentDocument(readFileSync(file, 'utf8'));
  const cases: LabelledCase[] = [];
  for (const segment of segments) {
    const mt = segment.text;
    const base = { kind: segment.kind, glossary: SAMPLE_GLOSSARY };
    const expected = MT_FAULTS.filter(([piece]) => mt.includes(piece)).map(([at, check]) => ({ check, at }));
    cases.push({ origin: 'sample', text: mt, ...base, expected });

    let corrected = mt;
    for (const [from, to] of CORRECTIONS) corrected = corrected.replace(from, to);
    if (corrected !== mt) cases.push({ origin: 'sample', mt, text: corrected, ...base, expected: [] });

    for (const [from, to, check, at] of CARELESS_EDITS) {
      if (!mt.includes(from)) continue;
      // The careless edit on top of the otherwise corrected segment.
      const text = corrected.replace(from, to);
      cases.push({ origin: 'sample', mt, text, ...base, expected: [{ check, at }] });
    }
  }
  return cases;
}
