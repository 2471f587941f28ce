/**
 * A long, news-like article for the benchmark, the same on every machine and run:
 * paragraphs of 3–6 sentences of 15–25 words with the things the segmenter has to
 * think about (titles such as "Mr.", "U.S.", decimals, quotes, "?" and "!"), and a
 * short heading now and then.
 */

export interface GeneratedArticle {
  text: string;
  /** Sentences written (headings not counted); the segmenter may count a few differently. */
  sentences: number;
  headings: number;
}

/** mulberry32: a tiny seeded PRNG, so the article does not depend on Math.random. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OPENERS = ['The', 'On Thursday,', 'In Brussels,', 'Meanwhile,', 'According to officials,', 'Last week,', 'However,', 'Since then,'];
const NAMES = ['Mr. Dupont', 'Mrs. Keller', 'Dr. Okafor', 'Prof. Lindqvist', 'Gen. Marchetti', 'Sen. Alvarez', 'Ms. Novak'];
const NOUNS = [
  'government',
  'talks',
  'ministry',
  'agreement',
  'ceasefire',
  'economy',
  'tariffs',
  'delegation',
  'parliament',
  'market',
  'negotiations',
  'alliance',
  'budget',
  'report',
  'spokesperson',
  'committee',
  'border',
  'sanctions',
  'envoy',
  'summit',
];
const VERBS = ['said', 'announced', 'rejected', 'welcomed', 'criticised', 'proposed', 'confirmed', 'questioned', 'expected', 'discussed'];
const FILLER = [
  'the',
  'new',
  'European',
  'officials',
  'on',
  'a',
  'long',
  'round',
  'of',
  'with',
  'its',
  'partners',
  'in',
  'after',
  'for',
  'more',
  'than',
  'under',
  'pressure',
  'from',
  'the',
  'U.S.',
  'administration',
  'and',
  'several',
  'allies',
  'during',
  'week',
  'of',
];
const HEADINGS = [
  'Talks resume in Paris',
  'What the deal means for Europe',
  'A difficult week for the alliance',
  'Markets react',
  'Why tariffs matter',
];

/** Builds an article of exactly `sentenceCount` sentences. */
export function generateArticle(sentenceCount: number, seed = 20250418): GeneratedArticle {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

  const sentence = (): string => {
    const words = [pick(OPENERS), pick(NOUNS), pick(VERBS)];
    const length = between(15, 25);
    while (words.length < length) {
      const roll = random();
      if (roll < 0.05) words.push(pick(NAMES));
      else if (roll < 0.1) words.push(`${between(1, 99)}.${between(0, 9)}%`);
      else if (roll < 0.13) words.push(`$${between(1, 900).toLocaleString('en-US')} million`);
      else if (roll < 0.3) words.push(pick(NOUNS));
      else words.push(pick(FILLER));
    }
    const body = words.join(' ');
    const ending = random();
    // Quotes and other terminators, so the splitter sees more than ". Capital".
    if (ending < 0.1) return `“${body},” ${pick(NAMES)} said.`;
    if (ending < 0.15) return `${body}?`;
    if (ending < 0.18) return `${body}!`;
    return body.endsWith('.') ? body : `${body}.`; // "... the U.S." ends with its own period
  };

  const paragraphs: string[] = [];
  let written = 0;
  let headings = 0;
  while (written < sentenceCount) {
    if (paragraphs.length % 25 === 0) {
      paragraphs.push(HEADINGS[headings % HEADINGS.length]!);
      headings++;
    }
    const count = Math.min(between(3, 6), sentenceCount - written);
    paragraphs.push(Array.from({ length: count }, sentence).join(' '));
    written += count;
  }
  return { text: paragraphs.join('\n\n') + '\n', sentences: written, headings };
}
