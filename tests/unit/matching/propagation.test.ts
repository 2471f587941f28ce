import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sampleArticlePath } from '../../../src/paths';
import { segmentDocument } from '../../../src/segmentation/document';
import { matchChunk } from '../../../src/matching/matches';
import { applyFix, fixQuery, propagationFixes, type PropagationFix } from '../../../src/matching/propagation';

const sampleSentences = segmentDocument(fs.readFileSync(sampleArticlePath, 'utf8')).segments.map((segment) => segment.text);
const sentenceWith = (phrase: string) => {
  const sentence = sampleSentences.find((text) => text.includes(phrase));
  if (!sentence) throw new Error(`The sample has no sentence with "${phrase}"`);
  return sentence;
};
/** The sample sentence holding `phrase`, and the same sentence with the edits applied. */
const edited = (phrase: string, ...edits: [string, string][]): [string, string] => {
  const before = sentenceWith(phrase);
  return [before, edits.reduce((text, [from, to]) => text.replace(from, to), before)];
};
const summary = (fixes: PropagationFix[]) => fixes.map((fix) => [fix.from, fix.to, fix.kind]);

describe('propagationFixes on the sample article', () => {
  it.each([
    [
      'a word in a noun phrase',
      edited('comfort force', ['comfort force', 'reassurance force']),
      [['comfort force', 'reassurance force', 'wording']],
    ],
    ['a head noun after a possessive', edited("Trump's prices", ['prices', 'tariffs']), [["Trump's prices", "Trump's tariffs", 'wording']]],
    ['a stray space in a compound', edited('three -year', ['three -year', 'three-year']), [['three -year', 'three-year', 'form']]],
    ['a glued token split', edited('10%prices', ['10%prices', '10% prices']), [['10%prices', '10% prices', 'form']]],
    [
      'a glued token replaced',
      edited('10%prices', ['10%prices,', '10% tariffs on']),
      [['10%prices, almost', '10% tariffs on almost', 'wording']],
    ],
    [
      'two content words replaced',
      edited('resume headquarters', ['resume headquarters', 'regain a seat']),
      [['resume headquarters', 'regain a seat', 'wording']],
    ],
    [
      'an article inserted',
      edited('while Trump administration', ['while Trump', 'while the Trump']),
      [['while Trump administration', 'while the Trump administration', 'wording']],
    ],
    [
      'a space fix next to a word change',
      edited('three -month', ['three -month break', 'three-month pause']),
      [['three -month break', 'three-month pause', 'wording']],
    ],
  ])('when the editor fixes %s, then the fix has just enough context', (_, [before, after], expected) => {
    expect(summary(propagationFixes(before, after))).toEqual(expected);
  });

  it('when one save fixes several separate places, then each is its own fix, in order, with its spans', () => {
    const [before, after] = edited(
      'talks who could',
      ['talks who could', 'talks that could'],
      ['the decreased negotiations', 'the stalled negotiations'],
      ['the Ukraine War', 'the war in Ukraine'],
    );
    const fixes = propagationFixes(before, after);
    expect(summary(fixes)).toEqual([
      ['talks who could see', 'talks that could see', 'wording'],
      ['decreased negotiations', 'stalled negotiations', 'wording'],
      ['Ukraine War', 'war in Ukraine', 'wording'],
    ]);
    for (const fix of fixes) {
      expect(before.slice(fix.before.start, fix.before.end)).toBe(fix.from);
      expect(after.slice(fix.after.start, fix.after.end)).toBe(fix.to);
    }
  });

  it('when a fix from the sample is run over the whole article, then it touches no sentence but the ones with the same fault', () => {
    const article = [
      ...sampleSentences,
      'Comfort force troops would stay in Ukraine for years.',
      'European leaders want a comfort force, not a discomfort force or comfort forces.',
      'The three -year war has cost thousands of lives.',
    ];
    const counts = (before: string, after: string) =>
      propagationFixes(before, after).map((fix) => {
        const { matches } = matchChunk(article, fixQuery(fix));
        return matches.filter((found) => found.length > 0).length;
      });
    expect(counts(...edited('comfort force', ['comfort force', 'reassurance force']))).toEqual([3]);
    expect(counts(...edited('three -year', ['three -year', 'three-year']))).toEqual([2]);
    // "the Trump administration" stands in two other sentences; only the faulty one matches.
    expect(counts(...edited('while Trump administration', ['while Trump', 'while the Trump']))).toEqual([1]);
    expect(counts(...edited("Trump's prices", ['prices', 'tariffs']))).toEqual([1]);
  });
});

describe('propagationFixes rules', () => {
  it('when a single word changes between function words, then context crosses them to the nearer content word', () => {
    expect(summary(propagationFixes('he wrote on Telegram today', 'he posted on Telegram today'))).toEqual([
      ['wrote on Telegram', 'posted on Telegram', 'wording'],
    ]);
  });

  it('when the content words are as near on both sides, then the following word is taken', () => {
    expect(summary(propagationFixes('Ukrainian presidential advisor Yermak', 'Ukrainian presidency advisor Yermak'))).toEqual([
      ['presidential advisor', 'presidency advisor', 'wording'],
    ]);
  });

  it('when words are joined or split, a case changes or punctuation changes at a word edge, then it is wording with context', () => {
    expect(summary(propagationFixes('every day the talks', 'everyday the talks'))).toEqual([
      ['every day the talks', 'everyday the talks', 'wording'],
    ]);
    expect(summary(propagationFixes('the talks on Thursday Trump said', 'the talks on Thursday, Trump said'))).toEqual([
      ['Thursday Trump', 'Thursday, Trump', 'wording'],
    ]);
    expect(summary(propagationFixes('in the U.S economy', 'in the U.S. economy'))).toEqual([['U.S economy', 'U.S. economy', 'wording']]);
    expect(summary(propagationFixes('to end the Ukraine War.', 'to end the Ukraine war.'))).toEqual([
      ['Ukraine War', 'Ukraine war', 'wording'],
    ]);
  });

  it('when spacing or punctuation changes inside words only, then it is a form fix without context', () => {
    expect(summary(propagationFixes('the war . Then', 'the war. Then'))).toEqual([['war .', 'war.', 'form']]);
    expect(summary(propagationFixes('a post conflict scenario', 'a post-conflict scenario'))).toEqual([
      ['post conflict', 'post-conflict', 'form'],
    ]);
    expect(summary(propagationFixes("Zelenskyy's call", 'Zelenskyy’s call'))).toEqual([["Zelenskyy's", 'Zelenskyy’s', 'form']]);
  });

  it('when a deletion or an insertion is made, then it takes a word on each side and enough content words', () => {
    expect(summary(propagationFixes('a war in the Ukraine today', 'a war in Ukraine today'))).toEqual([
      ['in the Ukraine today', 'in Ukraine today', 'wording'],
    ]);
    expect(summary(propagationFixes('The couple provides for a force.', 'The couple provides for a reassurance force.'))).toEqual([
      ['provides for a force', 'provides for a reassurance force', 'wording'],
    ]);
  });

  it('when a change cannot get its context, then no fix is offered', () => {
    expect(propagationFixes('comfort', 'reassurance')).toEqual([]);
    // An insertion at the sentence start has no word on its left.
    expect(propagationFixes('Trump administration moved away', 'The Trump administration moved away')).toEqual([]);
    // Context never crosses a colon.
    expect(propagationFixes('Zelenskyy: killers', 'Zelenskyy: murderers')).toEqual([]);
  });

  it('when a change touches an inline code, then no fix is offered, while a change beside an unchanged code is', () => {
    expect(propagationFixes('a \uE000comfort force', 'a \uE001comfort force')).toEqual([]);
    expect(propagationFixes('a comfort\uE000 force', 'a comfort force')).toEqual([]);
    expect(summary(propagationFixes('a \uE000comfort force\uE001 now', 'a \uE000reassurance force\uE001 now'))).toEqual([
      ['comfort force', 'reassurance force', 'wording'],
    ]);
  });

  it('when the contexts of two changes overlap, then they are one fix', () => {
    expect(summary(propagationFixes('the comfort force troops', 'the reassurance force soldiers'))).toEqual([
      ['comfort force troops', 'reassurance force soldiers', 'wording'],
    ]);
  });

  it('when two places change the same way, then the fix is given once', () => {
    expect(summary(propagationFixes('three -year and three -year', 'three-year and three-year'))).toEqual([
      ['three -year', 'three-year', 'form'],
    ]);
  });

  it('when sentences are equal, then there is no fix', () => {
    expect(propagationFixes('Same.', 'Same.')).toEqual([]);
  });

  it('when random edits are saved, then every fix reads its from and to at its spans and changes something', () => {
    let seed = 3;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const words = ['the', 'comfort', 'force', 'war', 'three', '-year', 'prices', "Trump's", ',', 'of', 'talks', '10%', 'Paris'];
    const make = () =>
      Array.from({ length: 3 + Math.floor(random() * 10) }, () => words[Math.floor(random() * words.length)]).join(
        random() < 0.8 ? ' ' : '',
      );
    let fixCount = 0;
    for (let round = 0; round < 300; round++) {
      const before = make();
      const after = random() < 0.5 ? make() : before.replace(/ (\S+) /, ' talks ');
      for (const fix of propagationFixes(before, after)) {
        fixCount++;
        expect(before.slice(fix.before.start, fix.before.end), `${before} → ${after}`).toBe(fix.from);
        expect(after.slice(fix.after.start, fix.after.end), `${before} → ${after}`).toBe(fix.to);
        expect(fix.from).not.toBe(fix.to);
        expect(applyFix(before, fix).text, `${before} → ${after}: ${fix.from} → ${fix.to}`).not.toBe(before);
      }
    }
    expect(fixCount).toBeGreaterThan(50);
  });
});

describe('applyFix', () => {
  const comfort = { from: 'comfort force', to: 'reassurance force' };

  it('when the old phrase stands twice in a sentence, then both are replaced and their new spans given', () => {
    const result = applyFix('a comfort force, then a comfort force', comfort);
    expect(result.text).toBe('a reassurance force, then a reassurance force');
    expect(result.spans.map((span) => result.text.slice(span.start, span.end))).toEqual(['reassurance force', 'reassurance force']);
    expect(result.applied.map((match) => match.start)).toEqual([2, 24]);
  });

  it('when the phrase is only part of longer words, then nothing changes', () => {
    expect(applyFix('a discomfort force and comfort forces', comfort).text).toBe('a discomfort force and comfort forces');
  });

  it('when a lower-case phrase opens a sentence, then it matches capitalised there and only there, and the fix is capitalised', () => {
    expect(applyFix('Comfort force troops stay.', comfort).text).toBe('Reassurance force troops stay.');
    expect(applyFix('“\uE000Comfort force” stays.', comfort).text).toBe('“\uE000Reassurance force” stays.');
    expect(applyFix('The Comfort force stays.', comfort).text).toBe('The Comfort force stays.');
  });

  it('when a phrase was saved capitalised, then lower-case places are left alone', () => {
    expect(applyFix('a he said', { from: 'He said', to: 'Macron said' }).text).toBe('a he said');
  });

  it('when match case is off, then any case matches and an initial capital is kept', () => {
    expect(applyFix('The Comfort force, a COMFORT FORCE, a comfort Force.', comfort, { matchCase: false }).text).toBe(
      'The Reassurance force, a Reassurance force, a reassurance force.',
    );
  });

  it('when the new phrase contains the old one, then places already fixed are skipped and a second run changes nothing', () => {
    const fix = { from: 'force', to: 'task force' };
    const once = applyFix('a task force and a force', fix).text;
    expect(once).toBe('a task force and a task force');
    expect(applyFix(once, fix).text).toBe(once);
    expect(applyFix('the U.S. and the U.S', { from: 'U.S', to: 'U.S.' }).text).toBe('the U.S. and the U.S.');
  });

  it('when occurrences of the phrase overlap, then only non-overlapping ones are replaced, left first', () => {
    expect(applyFix('war war war', { from: 'war war', to: 'conflict' }).text).toBe('conflict war');
  });

  it('when the text has astral characters and marks, then offsets and whole words stay right', () => {
    const result = applyFix('😀 naïve plan, naïve planning', { from: 'naïve plan', to: 'naive plan' });
    expect(result.text).toBe('😀 naive plan, naïve planning');
    expect(result.applied[0]!.start).toBe(3);
  });

  it('when code markers surround the phrase, then it is found and the markers stay; a marker inside it stops the match', () => {
    expect(applyFix('a \uE000comfort force\uE001 here', comfort).text).toBe('a \uE000reassurance force\uE001 here');
    expect(applyFix('a comfort\uE000 force', comfort).text).toBe('a comfort\uE000 force');
  });
});
