import { describe, expect, it } from 'vitest';
import { isCharacterEdit, wordDiff, type DiffPart } from '../../../src/diff/wordDiff';

const side = (parts: DiffPart[], drop: 'insert' | 'delete') =>
  parts
    .filter((part) => part.kind !== drop)
    .map((part) => part.text)
    .join('');

describe('wordDiff', () => {
  it('when one word is replaced, then only that word is deleted and inserted', () => {
    expect(wordDiff('The couple provides for a comfort force.', 'The couple provides for a reassurance force.')).toEqual([
      { kind: 'equal', text: 'The couple provides for a ' },
      { kind: 'delete', text: 'comfort' },
      { kind: 'insert', text: 'reassurance' },
      { kind: 'equal', text: ' force.' },
    ]);
  });

  it('when a glued token is split, then the whole old word is replaced by the new words', () => {
    expect(wordDiff('with 10%prices, almost', 'with 10% tariffs, almost')).toEqual([
      { kind: 'equal', text: 'with ' },
      { kind: 'delete', text: '10%prices' },
      { kind: 'insert', text: '10% tariffs' },
      { kind: 'equal', text: ', almost' },
    ]);
  });

  it('when neighbouring words both change, then they merge into one replacement', () => {
    expect(wordDiff("with Trump's prices and", "with Trump's tariffs, and")).toEqual([
      { kind: 'equal', text: "with Trump's " },
      { kind: 'delete', text: 'prices' },
      { kind: 'insert', text: 'tariffs,' },
      { kind: 'equal', text: ' and' },
    ]);
    expect(wordDiff('to resume headquarters at the table', 'to regain a seat at the table')).toEqual([
      { kind: 'equal', text: 'to ' },
      { kind: 'delete', text: 'resume headquarters' },
      { kind: 'insert', text: 'regain a seat' },
      { kind: 'equal', text: ' at the table' },
    ]);
  });

  it('when the texts are equal, then there is one equal part (none for two empty texts)', () => {
    expect(wordDiff('Same.', 'Same.')).toEqual([{ kind: 'equal', text: 'Same.' }]);
    expect(wordDiff('', '')).toEqual([]);
  });

  it('when the texts are huge and wholly different, then the diff is bounded and still exact', () => {
    const before = Array.from({ length: 20_000 }, (_, i) => `a${i}`).join(' ');
    const after = Array.from({ length: 20_000 }, (_, i) => `b${i}`).join(' ');
    const started = performance.now();
    const parts = wordDiff(before, after);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(side(parts, 'insert')).toBe(before);
    expect(side(parts, 'delete')).toBe(after);
  });

  it('when random edits are made, then both sides are reconstructed exactly', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const words = ['the', 'war', 'force', 'talks', ',', 'Paris', '10%', 'prices', '  ', 'a'];
    for (let round = 0; round < 200; round++) {
      const make = () =>
        Array.from({ length: 1 + Math.floor(random() * 12) }, () => words[Math.floor(random() * words.length)]).join(
          random() < 0.5 ? ' ' : '',
        );
      const before = make();
      const after = make();
      const parts = wordDiff(before, after);
      expect(side(parts, 'insert')).toBe(before);
      expect(side(parts, 'delete')).toBe(after);
    }
  });
});

describe('wordDiff punctuation', () => {
  it('when a quoted word changes, then the quote mark stays unchanged', () => {
    expect(wordDiff('a “comfort force”', 'a “reassurance force”')).toEqual([
      { kind: 'equal', text: 'a “' },
      { kind: 'delete', text: 'comfort' },
      { kind: 'insert', text: 'reassurance' },
      { kind: 'equal', text: ' force”' },
    ]);
  });
});

describe('wordDiff small edits inside words', () => {
  it('when a stray space inside a compound is removed, then only that space is deleted, as an edit inside the word', () => {
    expect(wordDiff('the three -year war', 'the three-year war')).toEqual([
      { kind: 'equal', text: 'the three' },
      { kind: 'delete', text: ' ', inWord: true },
      { kind: 'equal', text: '-year war' },
    ]);
    expect(wordDiff('a large -scale invasion', 'a large-scale invasion')).toEqual([
      { kind: 'equal', text: 'a large' },
      { kind: 'delete', text: ' ', inWord: true },
      { kind: 'equal', text: '-scale invasion' },
    ]);
  });

  it('when a glued token is split by a space, then only the space is inserted', () => {
    expect(wordDiff('with 10%prices, almost', 'with 10% prices, almost')).toEqual([
      { kind: 'equal', text: 'with 10%' },
      { kind: 'insert', text: ' ', inWord: true },
      { kind: 'equal', text: 'prices, almost' },
    ]);
  });

  it('when a misspelling is corrected, then the swapped letters are one change inside the word', () => {
    expect(wordDiff('to recieve it', 'to receive it')).toEqual([
      { kind: 'equal', text: 'to rec' },
      { kind: 'delete', text: 'ie', inWord: true },
      { kind: 'insert', text: 'ei', inWord: true },
      { kind: 'equal', text: 've it' },
    ]);
  });

  it('when only the case of a letter changes, then only that letter changes', () => {
    expect(wordDiff('the president said', 'the President said')).toEqual([
      { kind: 'equal', text: 'the ' },
      { kind: 'delete', text: 'p', inWord: true },
      { kind: 'insert', text: 'P', inWord: true },
      { kind: 'equal', text: 'resident said' },
    ]);
  });

  it('when a word gains an ending, then only the ending changes', () => {
    expect(wordDiff('the Ukraine war', 'the Ukrainian war')).toEqual([
      { kind: 'equal', text: 'the Ukrain' },
      { kind: 'delete', text: 'e', inWord: true },
      { kind: 'insert', text: 'ian', inWord: true },
      { kind: 'equal', text: ' war' },
    ]);
  });

  it('when an abbreviation gets its final stop, then only the stop is inserted', () => {
    expect(wordDiff('the U.S economy', 'the U.S. economy')).toEqual([
      { kind: 'equal', text: 'the U.S' },
      { kind: 'insert', text: '.' },
      { kind: 'equal', text: ' economy' },
    ]);
  });

  it('when a word is replaced by another word, then it stays a whole-word swap without the inWord flag', () => {
    for (const [before, after, deleted, inserted] of [
      ["Trump's prices and", "Trump's tariffs and", 'prices', 'tariffs'],
      ['with 10%prices, almost', 'with 10% tariffs on, almost', '10%prices', '10% tariffs on'],
      ['he said', 'she said', 'he', 'she'],
      ['It was Worse', 'It was Wrong', 'Worse', 'Wrong'],
      ['in the form of', 'in the from of', 'form', 'from'],
      ['In Paris talks resume', 'Talks resume in Paris', 'In Paris talks resume', 'Talks resume in Paris'],
    ] as const) {
      const changed = wordDiff(before, after).filter((part) => part.kind !== 'equal');
      expect(changed, `${before} → ${after}`).toStrictEqual([
        { kind: 'delete', text: deleted },
        { kind: 'insert', text: inserted },
      ]);
    }
  });

  it('when a misspelt word and a replaced word merge into one change, then the change stays a swap', () => {
    expect(wordDiff('we recieve prices now', 'we receive tariffs now')).toEqual([
      { kind: 'equal', text: 'we ' },
      { kind: 'delete', text: 'recieve prices' },
      { kind: 'insert', text: 'receive tariffs' },
      { kind: 'equal', text: ' now' },
    ]);
  });

  it('when the edit sits on the limits of the rule, then each side of each limit is decided as documented', () => {
    // 3 shared characters is a stem ("its" → "it's"), 2 is not ("he" → "she").
    expect(isCharacterEdit('its', "it's")).toBe(true);
    expect(isCharacterEdit('he', 'she')).toBe(false);
    // Distance 3 of 9 characters is a third ("Ukraine" → "Ukrainian"); 3 of 8 is more.
    expect(isCharacterEdit('Ukraine', 'Ukrainian')).toBe(true);
    expect(isCharacterEdit('Ukraine', 'Ukrainians')).toBe(false);
    // Two changed places may be an edit; three are a scatter.
    expect(isCharacterEdit('10%prices,', '10% prices')).toBe(true);
    expect(isCharacterEdit('a-b-c-d-e-f', 'a+b-c+d-e+f')).toBe(false);
    expect(isCharacterEdit('', 'x')).toBe(false);
  });

  it('when two separate words each get a small edit, then each is its own edit inside its word', () => {
    expect(wordDiff('the three -year war and the large -scale invasion', 'the three-year war and the large-scale invasion')).toEqual([
      { kind: 'equal', text: 'the three' },
      { kind: 'delete', text: ' ', inWord: true },
      { kind: 'equal', text: '-year war and the large' },
      { kind: 'delete', text: ' ', inWord: true },
      { kind: 'equal', text: '-scale invasion' },
    ]);
  });

  it('when a whole huge word is edited a little, then the diff is bounded and still exact', () => {
    const before = 'x'.repeat(50_000) + 'a' + 'y'.repeat(50_000);
    const after = 'x'.repeat(50_000) + 'b' + 'y'.repeat(50_000);
    const started = performance.now();
    const parts = wordDiff(before, after);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(side(parts, 'insert')).toBe(before);
    expect(side(parts, 'delete')).toBe(after);
  });
});

describe('wordDiff inline codes', () => {
  const bold = '\uE000';
  const boldEnd = '\uE001';
  const image = '\uE002';

  it('when a word between code markers changes, then the markers stay unchanged tokens of their own', () => {
    expect(wordDiff(`a ${bold}comfort${boldEnd} force`, `a ${bold}reassurance${boldEnd} force`)).toEqual([
      { kind: 'equal', text: `a ${bold}` },
      { kind: 'delete', text: 'comfort' },
      { kind: 'insert', text: 'reassurance' },
      { kind: 'equal', text: `${boldEnd} force` },
    ]);
  });

  it('when a marker glued inside a word is deleted, then the marker alone is deleted and the word halves stay', () => {
    expect(wordDiff(`post${image}conflict`, 'postconflict')).toEqual([
      { kind: 'equal', text: 'post' },
      { kind: 'delete', text: image, inWord: true },
      { kind: 'equal', text: 'conflict' },
    ]);
  });

  it('when a marker between words is swapped for another, then it is a whole-token swap', () => {
    expect(wordDiff(`see${bold}the map`, `see${image}the map`)).toStrictEqual([
      { kind: 'equal', text: 'see' },
      { kind: 'delete', text: bold },
      { kind: 'insert', text: image },
      { kind: 'equal', text: 'the map' },
    ]);
  });

  it('when random texts with markers are diffed, then both sides are exact', () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pieces = ['force', 'forces', bold, boldEnd, image, ' ', '-', 'the', 'comfort', ',', 'recieve', 'receive'];
    for (let round = 0; round < 300; round++) {
      const make = () => Array.from({ length: 1 + Math.floor(random() * 10) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      const before = make();
      const after = make();
      const parts = wordDiff(before, after);
      expect(side(parts, 'insert')).toBe(before);
      expect(side(parts, 'delete')).toBe(after);
    }
  });

  it('when only the words glued to a marker change, then the marker is never part of the change', () => {
    let seed = 5;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    // Different words on each side of the marker, so the marker is the one token both texts must share.
    const glued = (words: string[]) =>
      Array.from({ length: 1 + Math.floor(random() * 3) }, () => words[Math.floor(random() * words.length)]).join('');
    const left = ['force', 'the', 'comfort', '10%', '"'];
    const right = ['forces', 'recieve', 'receive', 'year', ','];
    for (let round = 0; round < 300; round++) {
      const before = `${glued(left)}${image}${glued(right)}`;
      const after = `${glued(left)}${image}${glued(right)}`;
      const changed = wordDiff(before, after).filter((part) => part.kind !== 'equal');
      expect(changed.map((part) => part.text).join(''), `${before} → ${after}`).not.toContain(image);
    }
  });
});
