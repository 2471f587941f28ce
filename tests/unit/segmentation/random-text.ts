/**
 * Seeded random articles for the segmenter's property tests: prose, tricky
 * punctuation, Markdown markers, metadata and odd whitespace, so that the
 * "every character is accounted for" invariant is checked far beyond the
 * hand-written cases. Same seed, same text.
 */
import { seededRandom } from '../../../src/bench/generateArticle';

export { seededRandom };

const PIECES = [
  'the',
  'talks',
  'Paris',
  'Macron',
  'Mr.',
  'Dr.',
  'U.S.',
  'e.g.',
  'J.',
  'I',
  'a.m.',
  'etc.',
  'p.',
  'No.',
  '3.5',
  '$100.00',
  '1,000.',
  '2025',
  '10%',
  'https://www.dw.com/en/a-1.',
  'jane.doe@example.com',
  '.',
  '. ',
  '!',
  '?',
  '?!',
  '...',
  '…',
  ' . . . ',
  '. . . .',
  ',',
  ';',
  ':',
  '—',
  '-',
  '(',
  ')',
  '[',
  ']',
  '“',
  '”',
  '"',
  "'",
  '’',
  '«',
  '»',
  '*',
  '_',
  '`',
  '#',
  '##',
  '•',
  '⁃',
  '1.',
  '2.',
  '1)',
  'a.',
  'b.',
  '- ',
  '* ',
  '+ ',
  '1. ',
  '# ',
  '---',
  '===',
  'date 2025-04-18',
  'April 18, 2025',
  'By Jane Doe',
  'Published by: Davis',
  'Sources 1/ https://Google.com/',
  'Photo: AFP',
  'Updated: today',
  '。',
  '！',
  'é',
  'Ünal',
  '\u00a0',
  '\t',
  '\u2028',
  '\ufeff',
];
const SPACES = [' ', ' ', ' ', ' ', '  ', '\n', '\n', '\n\n', '\n \n', '\r\n', '\r', '\n\n\n'];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** A text of `pieces` fragments, each followed by whitespace or glued to the next one. */
export function randomText(random: () => number, pieces: number): string {
  let text = random() < 0.3 ? pick(random, SPACES) : '';
  for (let k = 0; k < pieces; k++) {
    text += pick(random, PIECES);
    if (random() < 0.8) text += pick(random, SPACES);
  }
  return text;
}
