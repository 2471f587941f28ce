import { describe, expect, it } from 'vitest';
import { compileQuery, type CompiledQuery, type QueryOptions } from '../../../src/matching/query';
import { applyMatches, findMatches, matchChunk, PatternTimeoutError, type Match } from '../../../src/matching/matches';

function compiled(options: Partial<QueryOptions>): CompiledQuery {
  const result = compileQuery({ find: '', replace: '', matchCase: true, wholeWord: false, regex: false, ...options });
  if (!result.ok) throw new Error(`Expected a query, got ${result.error.code}`);
  return result.query;
}

describe('findMatches', () => {
  it('when a phrase occurs several times, then the matches are in order, non-overlapping, with UTF-16 offsets', () => {
    const text = '😀 aaa prices; aaa';
    expect(findMatches(text, compiled({ find: 'aa', replace: 'b' }))).toEqual([
      { start: 3, end: 5, matched: 'aa', replacement: 'b' },
      { start: 15, end: 17, matched: 'aa', replacement: 'b' },
    ]);
    expect(text.slice(15, 17)).toBe('aa');
  });

  it('when a regular expression uses Unicode classes, then astral characters are whole', () => {
    expect(findMatches('a😀b', compiled({ find: '.b', regex: true })).map((match) => match.matched)).toEqual(['😀b']);
  });
});

describe('applyMatches', () => {
  it('when all matches still fit, then each is replaced and its span in the new text is given', () => {
    const text = 'comfort force and comfort force';
    const result = applyMatches(text, findMatches(text, compiled({ find: 'comfort', replace: 'reassurance' })));
    expect(result.text).toBe('reassurance force and reassurance force');
    expect(result.spans.map((span) => result.text.slice(span.start, span.end))).toEqual(['reassurance', 'reassurance']);
    expect(result.spans).toEqual([
      { start: 0, end: 11 },
      { start: 22, end: 33 },
    ]);
    expect(result.stale).toEqual([]);
  });

  it('when the text changed since the matches were found, then the matches that no longer read the same are stale', () => {
    const matches = findMatches('comfort force and comfort force', compiled({ find: 'comfort', replace: 'reassurance' }));
    const result = applyMatches('comfort force and comfy force', matches);
    expect(result.text).toBe('reassurance force and comfy force');
    expect(result.stale).toEqual([matches[1]]);
  });

  it('when matches overlap or run past the text, then only the first of the overlap applies and the others are stale', () => {
    const first: Match = { start: 0, end: 4, matched: 'abcd', replacement: 'X' };
    const overlapping: Match = { start: 2, end: 6, matched: 'cdef', replacement: 'Y' };
    const beyond: Match = { start: 5, end: 9, matched: 'f', replacement: 'Z' };
    const result = applyMatches('abcdef', [overlapping, beyond, first]);
    expect(result).toEqual({ text: 'Xef', applied: [first], spans: [{ start: 0, end: 1 }], stale: [overlapping, beyond] });
  });

  it('when a replacement contains the found text, then it is applied once, not again on its own output', () => {
    const text = 'the U.S and the U.S';
    expect(applyMatches(text, findMatches(text, compiled({ find: 'U.S', replace: 'U.S.' }))).text).toBe('the U.S. and the U.S.');
  });
});

describe('matchChunk time limit', () => {
  const pathological = () => compiled({ find: '(a+)+$', regex: true });

  it('when a pattern backtracks catastrophically on a sentence, then it stops within the limit and names that sentence', () => {
    const texts = ['a short one', 'aaa', `${'a'.repeat(40)}b`, 'never reached'];
    const started = performance.now();
    let error: unknown;
    try {
      matchChunk(texts, pathological(), { timeoutMs: 30 });
    } catch (caught) {
      error = caught;
    }
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(error).toBeInstanceOf(PatternTimeoutError);
    expect((error as PatternTimeoutError).textIndex).toBe(2);
    expect((error as PatternTimeoutError).message).toBe('The pattern took too long on sentence 3 (over 30 ms); simplify it.');
  });

  it('when a pattern timed out, then the same query still matches correctly afterwards', () => {
    const query = pathological();
    expect(() => findMatches(`${'a'.repeat(40)}b`, query, { timeoutMs: 20 })).toThrow(PatternTimeoutError);
    expect(findMatches('xx aaa', query)).toEqual([{ start: 3, end: 6, matched: 'aaa', replacement: '' }]);
  });

  it('when a chunk is matched, then matches come per text and the time taken is measured', () => {
    const result = matchChunk(['10% prices', 'none', '5% and 7%'], compiled({ find: '\\d+%', regex: true, replace: '[$&]' }));
    expect(result.matches.map((matches) => matches.map((match) => match.replacement))).toEqual([['[10%]'], [], ['[5%]', '[7%]']]);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(0);
  });
});
