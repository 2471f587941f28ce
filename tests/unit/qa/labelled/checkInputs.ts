import type { QaInput } from '../../../../src/qa/runChecks';
import { BLIND_CASES } from './blindCases';
import { CLEAN_SENTENCES } from './cleanSentences';
import { seededRandom } from '../../../../src/bench/generateArticle';
import { BOLD_CLOSE as CLOSE, BOLD_CODES as CODES, BOLD_OPEN as OPEN, IMAGE as STANDALONE, generatedCases } from './corruptions';
import { HAND_CASES } from './handCases';
import { HARD_CASES } from './hardCases';
import { sampleCases } from './sampleCases';
import { inputOf } from './types';

/** Pieces a bilingual sentence is built from: numbers in digits and words, glued, percentages, codes. */
const SOURCE_PIECES = [
  'Le couple prévoit',
  'au',
  'paragraphe',
  '{n}',
  'une force de',
  '{n} %',
  '1 000,5',
  '18.04.2025',
  'soldats',
  '20h30',
  'trois',
];
const TARGET_PIECES = [
  'The couple provides',
  'in',
  'paragraph',
  '{n}',
  'for a force of',
  '{n}%',
  '{n}th',
  'three',
  'twenty-five',
  '1,000.5',
  '{n}km',
  'soldiers',
  'the the',
  '8:30 pm',
  'April',
  'www.example.com/{n}',
  '{n}soldiers',
  'of{n}',
  'H{n}N{n}',
  '{n}.5million',
  '٣٤ème',
  'x²b',
  'réé{n}',
  '{n}%more',
];
const MARKER_SETS = ['', `${OPEN}${CLOSE}`, `${CLOSE}${OPEN}`, STANDALONE, `${OPEN}${STANDALONE}${CLOSE}`, `${OPEN}${OPEN}${CLOSE}`];

function sentence(next: () => number, pieces: readonly string[], markers: string, unit: number): string {
  const words: string[] = [];
  const count = 3 + Math.floor(next() * 6);
  for (let index = 0; index < count; index++) words.push(pieces[Math.floor(next() * pieces.length)]!.replaceAll('{n}', String(unit)));
  // Markers go between words, in the given order.
  for (const marker of markers) words.splice(Math.floor(next() * (words.length + 1)), 0, marker);
  return `${words.join(' ')}.`;
}

/**
 * Inputs for comparing the checks' findings with those recorded before a change that must not
 * alter them (tests/unit/qa/fixtures/findingsBefore.json): the labelled set, and generated
 * bilingual segments like the bench's XLIFF units, with numbers, number words and inline codes
 * kept, moved, lost or added; source languages with either decimal mark; English and not.
 */
export function checkInputs(): QaInput[] {
  const inputs: QaInput[] = [
    ...CLEAN_SENTENCES.map((text) => ({ text, mt: text })),
    ...sampleCases().map(inputOf),
    ...HAND_CASES.map(inputOf),
    ...HARD_CASES.map(inputOf),
    ...BLIND_CASES.map(inputOf),
    ...generatedCases(CLEAN_SENTENCES, 5).map(inputOf),
  ];
  const next = seededRandom(10);
  for (let unit = 1; unit <= 1500; unit++) {
    const sourceMarkers = MARKER_SETS[Math.floor(next() * MARKER_SETS.length)]!;
    // Mostly the source's codes; sometimes others (lost, added, reordered).
    const targetMarkers = next() < 0.6 ? sourceMarkers : MARKER_SETS[Math.floor(next() * MARKER_SETS.length)]!;
    const source = sentence(next, SOURCE_PIECES, sourceMarkers, unit);
    const mt = sentence(next, TARGET_PIECES, targetMarkers, unit);
    const text = next() < 0.7 ? mt : sentence(next, TARGET_PIECES, targetMarkers, unit);
    inputs.push({
      text,
      mt,
      source: next() < 0.8 ? source : null,
      sourceLanguage: ['fr', 'de-CH', 'en', null][Math.floor(next() * 4)]!,
      targetLanguage: ['en', 'en-GB', 'EN_us', 'fr', 'english'][Math.floor(next() * 5)]!,
      kind: next() < 0.9 ? 'sentence' : 'heading',
      codes: next() < 0.9 ? CODES : [],
    });
  }
  return inputs;
}
