import { describe, expect, it } from 'vitest';
import { type ChrfScoreOptions, chrfScore, chrfStats, corpusChrf } from '../../../src/metrics/chrf';

/** sacrebleu's corpus_chrf: statistics of each sentence pair summed, then scored. */
function sacrebleuCorpusChrf(hypotheses: string[], references: string[], options?: ChrfScoreOptions): number {
  return corpusChrf(
    hypotheses.map((hypothesis, i) => chrfStats(hypothesis, references[i]!)),
    options,
  );
}

// The vectors below are copied verbatim from sacrebleu test/test_chrf.py, with its
// EPSILON = 1e-4; scores are on sacrebleu 2.x's 0..100 scale, as in that file.
const EPSILON = 1e-4;

describe('chrF: the published sacrebleu vectors for the default (effective order) scoring', () => {
  // test_cases_effective_order: corpus_chrf(char_order=6, word_order=0, beta=3,
  // eps_smoothing=False). Our defaults are the same but beta=2; in every one of these
  // cases precision equals recall, so the F-score is the same for any beta. We check both.
  const testCasesEffectiveOrder: [string[], string[], number][] = [
    [['a'], ['a'], 100.0],
    [[''], ['reference'], 0.0],
    [['a b c'], ['a b c'], 100.0],
    [['a b c'], ['abc'], 100.0],
    [[''], ['c'], 0.0],
    [['a', 'b'], ['a', 'c'], 50.0],
    [['aa'], ['ab'], 25.0],
  ];

  it.each(testCasesEffectiveOrder)(
    'when %j is scored against %j with the defaults, then chrF is %d',
    (hypotheses, references, expected) => {
      expect(Math.abs(sacrebleuCorpusChrf(hypotheses, references) - expected)).toBeLessThan(EPSILON);
      expect(Math.abs(sacrebleuCorpusChrf(hypotheses, references, { beta: 3 }) - expected)).toBeLessThan(EPSILON);
    },
  );

  it('when one sentence pair is scored, then the sentence score equals the one-sentence corpus score', () => {
    const stats = chrfStats('aa', 'ab');
    expect(chrfScore(stats)).toBe(corpusChrf([stats]));
    expect(Math.abs(chrfScore(stats) - 25.0)).toBeLessThan(EPSILON);
  });
});

describe('chrF: the published sacrebleu vectors for epsilon smoothing (checks the n-gram statistics)', () => {
  // Not sacrebleu's defaults, but the same character statistics: these vectors exercise
  // our n-gram extraction on real sentences, with sacrebleu's other scoring formula.

  // test_sentence_level_chrf: sentence_chrf(hypothesis, references, eps_smoothing=True).
  const testSentenceLevelChrf: [string, string[], number][] = [
    [
      'Co nás nejvíc trápí, protože lékaři si vybírají, kdo bude žít a kdo zemře.',
      ['Nejvíce smutní jsme z toho, že musíme rozhodovat o tom, kdo bude žít a kdo zemře.'],
      39.14078509,
    ],
    [
      'Nebo prostě nemají vybavení, které by jim pomohlo, uvedli lékaři.',
      ['A někdy nemáme ani potřebný materiál, abychom jim pomohli, popsali lékaři.'],
      31.22557079,
    ],
    [
      'Lapali po dechu, jejich životy skončily dřív, než skutečně začaly.',
      ['Lapali po dechu a pak jejich život skončil - dřív, než skutečně mohl začít, připomněli.'],
      57.15704367,
    ],
  ];

  it.each(testSentenceLevelChrf)('when %j is scored with eps smoothing, then sentence chrF matches', (hypothesis, references, expected) => {
    const score = chrfScore(chrfStats(hypothesis, references[0]!), { epsSmoothing: true });
    expect(Math.abs(score - expected)).toBeLessThan(EPSILON);
  });

  // test_cases: corpus_chrf(char_order=6, word_order=0, beta=3, eps_smoothing=True).
  const testCases: [string[], string[], number][] = [
    [['abcdefg'], ['hijklmnop'], 0.0],
    [['a'], ['b'], 0.0],
    [[''], ['b'], 0.0],
    [[''], ['ref'], 0.0],
    [[''], ['reference'], 0.0],
    [['aa'], ['ab'], 8.3333],
    [['a', 'b'], ['a', 'c'], 8.3333],
    [['a'], ['a'], 16.6667],
    [['a b c'], ['a b c'], 50.0],
    [['a b c'], ['abc'], 50.0],
    [
      [' risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists .'],
      ['risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists .'],
      63.36173,
    ],
    [
      [' Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade  freundlich. '],
      ['Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich.'],
      64.1302698,
    ],
    [['Niemand hat die Absicht, eine Mauer zu errichten'], ['Niemand hat die Absicht, eine Mauer zu errichten'], 100.0],
  ];

  it.each(testCases)('when %j is scored against %j with beta 3 and eps smoothing, then chrF is %d', (hypotheses, references, expected) => {
    const score = sacrebleuCorpusChrf(hypotheses, references, { beta: 3, epsSmoothing: true });
    expect(Math.abs(score - expected)).toBeLessThan(EPSILON);
  });

  // test_cases_keep_whitespace (whitespace=True) does not apply: we always remove whitespace.
});

describe('chrF: default scores of real sentences', () => {
  // Not published vectors: sacrebleu's tests only score these sentences with eps
  // smoothing. The expected values were computed by running sacrebleu 2.x's
  // `_compute_f_score` (effective order, beta 2; transcribed verbatim into a scratch
  // script) on the statistics of the sentences above.
  const cases: [string, string, number][] = [
    [
      'Co nás nejvíc trápí, protože lékaři si vybírají, kdo bude žít a kdo zemře.',
      'Nejvíce smutní jsme z toho, že musíme rozhodovat o tom, kdo bude žít a kdo zemře.',
      39.14081690316369,
    ],
    [
      'Nebo prostě nemají vybavení, které by jim pomohlo, uvedli lékaři.',
      'A někdy nemáme ani potřebný materiál, abychom jim pomohli, popsali lékaři.',
      31.225641469352972,
    ],
    [
      'Lapali po dechu, jejich životy skončily dřív, než skutečně začaly.',
      'Lapali po dechu a pak jejich život skončil - dřív, než skutečně mohl začít, připomněli.',
      57.157427512824064,
    ],
    [
      ' risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists .',
      'risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists .',
      63.43165368117263,
    ],
    [
      ' Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade  freundlich. ',
      'Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich.',
      64.818123726097,
    ],
  ];

  it.each(cases)('when %j is scored against %j, then chrF is %d', (hypothesis, reference, expected) => {
    expect(chrfScore(chrfStats(hypothesis, reference))).toBeCloseTo(expected, 10);
  });
});

describe('chrF: statistics', () => {
  it('when the texts differ only in whitespace, then the statistics are the same (Python whitespace is removed)', () => {
    const compact = chrfStats('abc', 'abc');
    expect(chrfStats('a b\tc', 'abc')).toEqual(compact);
    expect(chrfStats('a\u00a0b\u3000c\u001c\u0085', ' a\nbc ')).toEqual(compact);
    // U+FEFF is not whitespace for Python: it is a character.
    expect(chrfStats('a\ufeffbc', 'abc').slice(0, 3)).toEqual([4, 3, 3]);
  });

  it('when characters are outside the BMP, then each code point counts once, as in Python', () => {
    expect(chrfStats('😀😀', '😀😀')).toEqual([2, 2, 2, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('when the texts differ in case, then the characters do not match (case is kept)', () => {
    expect(chrfStats('A', 'a').slice(0, 3)).toEqual([1, 1, 0]);
  });

  it('when the reference is shorter than an order, then the hypothesis n-grams of that order are not counted', () => {
    expect(chrfStats('abcdef', 'ab')).toEqual([6, 2, 2, 5, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('when an n-gram repeats, then it matches at most as often as the other side has it', () => {
    // "aaa" vs "aab": unigrams a,a,a / a,a,b -> 2; bigrams aa,aa / aa,ab -> 1; trigrams aaa / aab -> 0.
    expect(chrfStats('aaa', 'aab').slice(0, 9)).toEqual([3, 3, 2, 2, 2, 1, 1, 1, 0]);
  });

  it('when either side is empty, then the score is 0', () => {
    expect(chrfScore(chrfStats('', ''))).toBe(0);
    expect(chrfScore(chrfStats('abc', ''))).toBe(0);
    expect(chrfStats('abc', '').every((value) => value === 0)).toBe(true);
  });

  it('when the texts are identical, then the score is 100', () => {
    expect(chrfScore(chrfStats('The talks were positive.', 'The talks were positive.'))).toBe(100);
  });

  it.each([
    ['a Latin alphabet', 120],
    ['more distinct characters than the direct tables hold', 1500],
  ])('when a text of %s is rotated, then the matches are the n-grams that do not cross the cut', (_, length) => {
    // `length` distinct characters; the reference starts `cut` characters later and wraps.
    const text = Array.from({ length }, (_, i) => String.fromCodePoint((length > 200 ? 0x4e00 : 0x100) + i)).join('');
    const cut = Math.floor(length / 3);
    const stats = chrfStats(text, text.slice(cut) + text.slice(0, cut));
    const expected = [1, 2, 3, 4, 5, 6].flatMap((n) => [
      length - n + 1,
      length - n + 1,
      Math.max(0, length - cut - n + 1) + Math.max(0, cut - n + 1),
    ]);
    expect(stats).toEqual(expected);
  });

  it('when sentences are pooled, then corpus chrF scores the summed statistics, not the mean score', () => {
    const short = chrfStats('ab', 'ab'); // 100
    const long = chrfStats('abcdefghij', 'abcdefghiz');
    const summed = short.map((value, i) => value + long[i]!);
    expect(corpusChrf([short, long])).toBe(chrfScore(summed));
    expect(corpusChrf([short, long])).not.toBeCloseTo((chrfScore(short) + chrfScore(long)) / 2, 3);
  });
});

describe('chrF: bounded work on adversarial input', () => {
  it('when a 100 KB sentence of many distinct characters is scored, then it finishes promptly', () => {
    const text = Array.from({ length: 50_000 }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 7919) % 20_000))).join('');
    const started = performance.now();
    const stats = chrfStats(text, text.slice(100) + text.slice(0, 100));
    expect(stats.slice(0, 3)).toEqual([50_000, 50_000, 50_000]);
    // Typically ~100 ms; the margin is for a loaded CI machine, not for quadratic work.
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
