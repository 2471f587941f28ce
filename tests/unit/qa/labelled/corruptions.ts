/**
 * Generated faulty cases: each clean sentence damaged in one way a machine
 * translation or a hurried edit damages text, with the finding that the
 * damage deserves. Deterministic (seeded), so the figures are reproducible.
 *
 * A damage applies only where it is unambiguous: "5 km" glued to "5km" is
 * normal style, so unit words are never glued; a lower-cased first word that
 * is a name particle ("Von der Leyen") is skipped; and so on.
 */
import type { InlineCode } from '../../../../src/codes/inlineCodes';
import type { CheckId } from '../../../../src/qa/runChecks';
import { seededRandom } from '../../../../src/bench/generateArticle';
import type { LabelledCase } from './types';

type Damage = (sentence: string, random: () => number) => Omit<LabelledCase, 'origin'> | null;

function pick<T>(items: readonly T[], random: () => number): T | undefined {
  return items.length === 0 ? undefined : items[Math.floor(random() * items.length)];
}

function matchesOf(text: string, pattern: RegExp): RegExpExecArray[] {
  return [...text.matchAll(pattern)] as RegExpExecArray[];
}

function splice(text: string, start: number, end: number, replacement: string): string {
  return text.slice(0, start) + replacement + text.slice(end);
}

function one(check: CheckId, at: string): { check: CheckId; at: string }[] {
  return [{ check, at }];
}

const HAS_LINK = /https?:\/\/|www\.|@|\.com|\.org/u;

const UNIT_WORDS = new Set(['km', 'kg', 'mm', 'cm', 'mph', 'min', 'mins', 'hrs', 'pm', 'am', 'bn', 'ft', 'lb', 'lbs', 'mn', 'tn', 'sec']);
const NAME_PARTICLES = new Set(['de', 'von', 'van', 'al', 'el', 'la', 'le', 'da', 'di', 'du', 'der', 'bin']);
const GRAMMATICAL_DOUBLES = new Set(['had', 'that', 'is', 'was']);

const DAMAGES: Record<string, Damage> = {
  // "three-year" → "three -year"
  spaceBeforeHyphen(sentence, random) {
    if (HAS_LINK.test(sentence)) return null;
    const match = pick(matchesOf(sentence, /(?<![\p{L}\p{N}-])([\p{L}\p{N}]+)-(\p{L}{2,})/gu), random);
    if (!match) return null;
    const at = `${match[1]} -${match[2]}`;
    const text = splice(sentence, match.index, match.index + match[0].length, at);
    return { text, expected: one('space-before-hyphen', at) };
  },
  // "three-year" → "three- year"
  spaceAfterHyphen(sentence, random) {
    if (HAS_LINK.test(sentence)) return null;
    const match = pick(matchesOf(sentence, /(?<![\p{L}\p{N}-])([\p{L}\p{N}]+)-(\p{L}{2,})/gu), random);
    if (!match || ['and', 'or', 'to'].includes(match[2]!.toLowerCase())) return null;
    const at = `${match[1]}- ${match[2]}`;
    const text = splice(sentence, match.index, match.index + match[0].length, at);
    return { text, expected: one('space-after-hyphen', at) };
  },
  // "50 million" → "50million", "10% of" → "10%of"
  glueNumber(sentence, random) {
    if (HAS_LINK.test(sentence)) return null;
    const candidates = matchesOf(sentence, /(?<![\p{L}\p{N}.,])(\p{N}+(?:[.,]\p{N}+)*%?) (\p{Ll}{3,})(?![\p{L}])/gu).filter(
      (match) => !UNIT_WORDS.has(match[2]!),
    );
    const match = pick(candidates, random);
    if (!match) return null;
    const at = `${match[1]}${match[2]}`;
    return { text: splice(sentence, match.index, match.index + match[0].length, at), expected: one('number-glued-to-word', at) };
  },
  doubleSpace(sentence, random) {
    const spaces = matchesOf(sentence, / /gu);
    const space = pick(spaces, random);
    if (!space) return null;
    const text = splice(sentence, space.index, space.index + 1, '  ');
    const before = /\S+$/u.exec(text.slice(0, space.index))?.[0] ?? '';
    return { text, expected: one('double-space', `${before}  `) };
  },
  edgeSpace(sentence, random) {
    return random() < 0.5
      ? { text: ` ${sentence}`, expected: one('leading-trailing-space', sentence.slice(0, 3)) }
      : { text: `${sentence} `, expected: one('leading-trailing-space', sentence.slice(-3)) };
  },
  // "in Paris." → "in Paris ."; "Paris, London" → "Paris , London"
  spaceBeforePunctuation(sentence, random) {
    const marks = matchesOf(sentence, /(?<=[\p{L}\p{N}])[,.;:?!](?=\s|$|[”"’])/gu).filter(
      (match) => !(match[0] === '.' && /(?:^|[\s.])\p{L}$/u.test(sentence.slice(0, match.index))),
    );
    const mark = pick(marks, random);
    if (!mark || HAS_LINK.test(sentence)) return null;
    const text = splice(sentence, mark.index, mark.index, ' ');
    const before = /\S+$/u.exec(sentence.slice(0, mark.index))![0];
    return { text, expected: one('space-before-punctuation', `${before} ${mark[0]}`) };
  },
  // "Paris, London" → "Paris,London"
  missingSpaceAfterComma(sentence, random) {
    if (HAS_LINK.test(sentence)) return null;
    const match = pick(matchesOf(sentence, /(\p{L}+), (\p{L}+)/gu), random);
    if (!match) return null;
    const at = `${match[1]},${match[2]}`;
    return { text: splice(sentence, match.index, match.index + match[0].length, at), expected: one('missing-space-after-punctuation', at) };
  },
  doubledWord(sentence, random) {
    const words = matchesOf(sentence, /(?<![\p{L}'’-])(\p{Ll}+)(?= )/gu).filter(
      (match) => !GRAMMATICAL_DOUBLES.has(match[1]!) && match.index > 0,
    );
    const word = pick(words, random);
    if (!word) return null;
    const at = `${word[1]} ${word[1]}`;
    return { text: splice(sentence, word.index, word.index + word[1]!.length, at), expected: one('doubled-word', at) };
  },
  dropClosingBracket(sentence) {
    const open = sentence.indexOf('(');
    const close = sentence.indexOf(')', open);
    if (open < 0 || close < 0 || HAS_LINK.test(sentence)) return null;
    return { text: splice(sentence, close, close + 1, ''), expected: one('unbalanced-brackets', sentence.slice(open, open + 3)) };
  },
  // “a disaster” and → a disaster” and: a closing mark glued between words with its opening lost.
  dropOpeningQuote(sentence) {
    const match = /“([^“”]+\p{L})” (?=\p{L})/u.exec(sentence);
    if (!match) return null;
    const text = splice(sentence, match.index, match.index + 1, '');
    return { text, expected: one('unbalanced-quotes', `${/\S+$/u.exec(match[1]!)![0]}”`) };
  },
  lowercaseStart(sentence) {
    const match = /^([“"(]?)(\p{Lu})(\p{Ll}+)\b/u.exec(sentence);
    if (!match || NAME_PARTICLES.has(`${match[2]}${match[3]}`.toLowerCase())) return null;
    const word = `${match[2]!.toLowerCase()}${match[3]}`;
    const text = match[1] + word + sentence.slice(match[0].length);
    return { text, expected: one('lowercase-start', word) };
  },
  invisibleCharacter(sentence, random) {
    const words = matchesOf(sentence, /\p{L}{6,}/gu);
    const word = pick(words, random);
    if (!word) return null;
    const char = pick(['\u200B', '\u00AD', '\uFEFF', '\u0007'], random)!;
    const middle = word.index + 3;
    return { text: splice(sentence, middle, middle, char), expected: one('invisible-character', word[0].slice(0, 3) + char) };
  },
  // An edit that lost the final mark.
  finalPunctuationLost(sentence) {
    const match = /(\S+?)([.?!])([”"’)]*)$/u.exec(sentence);
    if (!match || /\.\p{L}\.$/u.test(sentence)) return null;
    const text = sentence.slice(0, match.index) + match[1] + match[3];
    return { mt: sentence, text, expected: one('final-punctuation-lost', match[1]!) };
  },
  // An edit that changed one number: a different first digit.
  numberChanged(sentence, random) {
    const numbers = matchesOf(sentence, /(?<![\p{L}\p{N}.,:-])\p{N}[\p{N},.]*(?![\p{N}])/gu).filter(
      (match) => !/[.,]$/u.test(match[0]) && !HAS_LINK.test(sentence),
    );
    const number = pick(numbers, random);
    if (!number) return null;
    const digit = Number(number[0][0]);
    const changed = String((digit + 1 + Math.floor(random() * 8)) % 10 || 1) + number[0].slice(1);
    if (changed === number[0]) return null;
    const text = splice(sentence, number.index, number.index + number[0].length, changed);
    return { mt: sentence, text, expected: one('number-changed', changed) };
  },
  // An edit that dropped a number and the word after it.
  numberDropped(sentence, random) {
    const numbers = matchesOf(sentence, /(?<=\s)\p{N}[\p{N},.]*%? (?=\p{L})/gu).filter((match) => !/[.,] $/u.test(match[0]));
    const number = pick(numbers, random);
    if (!number || HAS_LINK.test(sentence)) return null;
    const text = splice(sentence, number.index, number.index + number[0].length, '');
    // The words either side of the gap (a single short word may occur earlier in the sentence).
    const gap = /\S+ \S+$/u.exec(text.slice(0, number.index) + (/^\S+/u.exec(text.slice(number.index))?.[0] ?? ''))![0];
    return { mt: sentence, text, expected: one('number-changed', gap) };
  },
  // "28%" → "28 %"
  spaceBeforePercent(sentence) {
    const match = /(\p{N})%/u.exec(sentence);
    if (!match) return null;
    const text = splice(sentence, match.index + 1, match.index + 1, ' ');
    return { text, expected: one('space-before-percent', `${match[1]} %`) };
  },
  // "3.2%" → "3,2%"
  decimalComma(sentence) {
    const match = /(?<![\p{N},.])(\p{N}{1,3})\.(\p{N}{1,2})(?![\p{N}])/u.exec(sentence);
    if (!match || HAS_LINK.test(sentence) || /\d:\d/u.test(sentence)) return null;
    const at = `${match[1]},${match[2]}`;
    return { text: splice(sentence, match.index, match.index + match[0].length, at), expected: one('decimal-comma', at) };
  },
  // Two sentences run together: "… in March.The bank …"
  gluedSentences(sentence, random) {
    // After a URL, "page.Officials" could be part of the address: left alone by design.
    if (!/[\p{Ll}\p{N}]{2}\.$/u.test(sentence) || HAS_LINK.test(sentence)) return null;
    const follower = pick(FOLLOWERS, random)!;
    const lastWord = /\S+$/u.exec(sentence)![0];
    return { text: `${sentence}${follower}`, expected: one('missing-space-after-punctuation', `${lastWord}${follower.split(' ')[0]}`) };
  },
  // An edit that altered one character of a URL or e-mail address.
  urlAltered(sentence, random) {
    const link = pick(matchesOf(sentence, /(?:https?:\/\/|www\.)[\w./?=&%-]*\w|[\w.]+@[\w-]+\.\w+(?:\.\w+)*/gu), random);
    if (!link) return null;
    const position = link.index + Math.max(4, Math.floor(random() * link[0].length)) - 1;
    const char = sentence[position]!;
    const altered = splice(sentence, position, position + 1, char === 'x' ? 'y' : 'x');
    const newLink = altered.slice(link.index, link.index + link[0].length);
    return { mt: sentence, text: altered, expected: one('url-changed', newLink) };
  },
  // An edit that dropped a URL or e-mail address, and the word before it.
  urlDropped(sentence, random) {
    const link = pick(matchesOf(sentence, /\S+ ((?:https?:\/\/|www\.)[\w./?=&%-]*\w|[\w.]+@[\w-]+\.\w+(?:\.\w+)*)/gu), random);
    if (!link) return null;
    const text = splice(sentence, link.index, link.index + link[0].length, 'it');
    return { mt: sentence, text, expected: one('url-changed', `${/\S*$/u.exec(text.slice(0, link.index))![0]}it`) };
  },
  // A glossary term (two words of the sentence) left in the text, in whatever capitals it has.
  glossaryTermLeft(sentence, random) {
    const pair = pick(matchesOf(sentence, /(?<![\p{L}'’-])(\p{L}{4,}) (\p{Ll}{4,})(?![\p{L}'’-])/gu), random);
    if (!pair) return null;
    const term = pair[0].toLowerCase();
    const glossary = [{ id: 'x', term, preferred: `approved ${pair[2]}`, matchCase: false, wholeWord: true }];
    return { text: sentence, glossary, expected: one('glossary-term', pair[0]) };
  },
  // A glossary term of the MT rewritten by the editor in words that are neither it nor the preferred form.
  glossaryTermRewritten(sentence, random) {
    const pair = pick(matchesOf(sentence, /(?<![\p{L}'’-])(\p{Ll}{4,}) (\p{Ll}{4,})(?![\p{L}'’-])/gu), random);
    if (!pair) return null;
    const glossary = [{ id: 'x', term: pair[0], preferred: `approved ${pair[2]}`, matchCase: false, wholeWord: true }];
    const text = splice(sentence, pair.index, pair.index + pair[0].length, 'reworded phrasing');
    return { mt: sentence, text, glossary, expected: one('glossary-term-rewritten', 'reworded phrasing') };
  },
  // A word of the MT in bold (an inline-code pair); the edit loses the closing code.
  inlineCodeLost(sentence, random) {
    const word = pick(matchesOf(sentence, /(?<![\p{L}'’-])\p{L}{5,}(?![\p{L}'’-])/gu), random);
    if (!word) return null;
    const end = word.index + word[0].length;
    const mt = `${sentence.slice(0, word.index)}${BOLD_OPEN}${word[0]}${BOLD_CLOSE}${sentence.slice(end)}`;
    const text = `${sentence.slice(0, word.index)}${BOLD_OPEN}${word[0]}${sentence.slice(end)}`;
    return { mt, text, codes: BOLD_CODES, expected: one('inline-code-missing', word[0]) };
  },
  // The same, with the codes swapped: the closing code before the opening one.
  inlineCodeSwapped(sentence, random) {
    const word = pick(matchesOf(sentence, /(?<![\p{L}'’-])\p{L}{5,}(?![\p{L}'’-])/gu), random);
    if (!word) return null;
    const end = word.index + word[0].length;
    const mt = `${sentence.slice(0, word.index)}${BOLD_OPEN}${word[0]}${BOLD_CLOSE}${sentence.slice(end)}`;
    const text = `${sentence.slice(0, word.index)}${BOLD_CLOSE}${word[0]}${BOLD_OPEN}${sentence.slice(end)}`;
    return { mt, text, codes: BOLD_CODES, expected: one('inline-code-order', `${BOLD_CLOSE}${word[0]}`) };
  },
  // A standalone code (an image) the edit duplicated.
  inlineCodeDuplicated(sentence, random) {
    const space = pick(matchesOf(sentence, / /gu), random);
    if (!space) return null;
    const mt = splice(sentence, space.index, space.index + 1, ` ${IMAGE} `);
    const text = `${mt.slice(0, -1)}${IMAGE}${mt.slice(-1)}`;
    return { mt, text, codes: BOLD_CODES, expected: one('inline-code-extra', `${IMAGE}${mt.slice(-1)}`) };
  },
};

/** Inline codes for generated sentences: a paired code (bold) and a standalone one (an image). */
export const BOLD_OPEN = '\uE000';
export const BOLD_CLOSE = '\uE001';
export const IMAGE = '\uE002';
export const BOLD_CODES: InlineCode[] = [
  { marker: BOLD_OPEN, id: '1', kind: 'open', label: '<1>' },
  { marker: BOLD_CLOSE, id: '1', kind: 'close', label: '</1>' },
  { marker: IMAGE, id: '2', kind: 'standalone', label: '<2/>' },
];

/** Second sentences for gluedSentences (each starts with a capitalised word). */
const FOLLOWERS = [
  'The talks will continue next week.',
  'Officials declined to comment.',
  'It was not clear when the results would be published.',
  'Markets reacted calmly.',
  'Nobody was injured.',
];

/**
 * Up to `perDamage` faulty cases per kind of damage, each from a different
 * clean sentence chosen at random among those the damage applies to.
 */
export function generatedCases(sentences: readonly string[], perDamage: number, seed = 20250418): LabelledCase[] {
  const random = seededRandom(seed);
  const cases: LabelledCase[] = [];
  for (const [name, damage] of Object.entries(DAMAGES)) {
    const order = sentences.map((sentence) => ({ sentence, rank: random() })).sort((a, b) => a.rank - b.rank);
    let made = 0;
    for (const { sentence } of order) {
      if (made >= perDamage) break;
      const damaged = damage(sentence, random);
      if (!damaged) continue;
      cases.push({ origin: `generated:${name}`, ...damaged });
      made++;
    }
  }
  return cases;
}
