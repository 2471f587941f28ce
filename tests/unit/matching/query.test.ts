import { describe, expect, it } from 'vitest';
import { compileQuery, expandReplacement, type CompiledQuery, type QueryOptions } from '../../../src/matching/query';
import { findMatches } from '../../../src/matching/matches';

const defaults: QueryOptions = { find: '', replace: '', matchCase: true, wholeWord: false, regex: false };

function compiled(options: Partial<QueryOptions>): CompiledQuery {
  const result = compileQuery({ ...defaults, ...options });
  if (!result.ok) throw new Error(`Expected a query, got ${result.error.code}`);
  return result.query;
}

const found = (text: string, options: Partial<QueryOptions>) => findMatches(text, compiled(options)).map((match) => match.matched);

describe('compileQuery errors', () => {
  it('when find is empty, then the query is refused as empty', () => {
    expect(compileQuery({ ...defaults, find: '' })).toEqual({
      ok: false,
      error: { code: 'empty_find', message: 'Type the text to find.' },
    });
  });

  it('when the regular expression is invalid, then the error gives the engine reason without repeating the pattern', () => {
    expect(compileQuery({ ...defaults, find: '(prices', regex: true })).toEqual({
      ok: false,
      error: { code: 'invalid_regex', message: 'The regular expression is not valid: unterminated group.' },
    });
    const quantifier = compileQuery({ ...defaults, find: '*prices', regex: true });
    expect(!quantifier.ok && quantifier.error.message).toBe('The regular expression is not valid: nothing to repeat.');
  });

  it('when the same text is not a regular expression, then it is searched literally and is valid', () => {
    expect(found('a (prices and *prices', { find: '(prices' })).toEqual(['(prices']);
    expect(found('a (prices and *prices', { find: '*prices' })).toEqual(['*prices']);
  });

  it('when a regular expression matches empty text, then it is refused', () => {
    for (const find of ['a*', '\\b', '^', '(?:)', 'x|', '(?=\\s)', '\\p{L}?']) {
      const result = compileQuery({ ...defaults, find, regex: true });
      expect(result.ok ? 'accepted' : result.error.code, find).toBe('matches_empty');
    }
  });

  it('when a regular expression is pathological even on a short sentence, then it is refused as too slow', () => {
    const result = compileQuery({ ...defaults, find: '(.*.*)*z', regex: true, matchCase: true });
    expect(result.ok ? 'accepted' : result.error.code).toBe('too_slow');
  });

  it('when a pattern matches empty text only where the sample has no such place, then findMatches still gives no empty match', () => {
    expect(findMatches('xx', compiled({ find: '(?=x)', regex: true }))).toEqual([]);
  });
});

describe('compileQuery case', () => {
  it('when match case is off, then letters match in any case, Unicode letters included', () => {
    expect(found('État, état, ÉTAT and etat', { find: 'état', matchCase: false })).toEqual(['État', 'état', 'ÉTAT']);
    expect(found('Σίσυφος ΣΊΣΥΦΟΣ', { find: 'σίσυφος', matchCase: false })).toEqual(['Σίσυφος', 'ΣΊΣΥΦΟΣ']);
  });

  it('when match case is on, then only the exact case matches', () => {
    expect(found('État, état, ÉTAT', { find: 'état', matchCase: true })).toEqual(['état']);
  });
});

describe('compileQuery whole words', () => {
  it('when a name is searched as a whole word, then its possessive is found but longer words are not', () => {
    expect(found("Trump's tariffs, Trump’s team, Trumps, Trumpism, Trump.", { find: 'Trump', wholeWord: true })).toEqual([
      'Trump',
      'Trump',
      'Trump',
    ]);
  });

  it('when a word with an inner apostrophe is searched, then its first part alone is no whole word', () => {
    expect(found("don't do it", { find: 'don', wholeWord: true })).toEqual([]);
    expect(found("O'Brien said", { find: 'O', wholeWord: true })).toEqual([]);
    expect(found("Trump's", { find: 's', wholeWord: true })).toEqual([]);
    expect(found("with Trump's prices", { find: "Trump's prices", wholeWord: true })).toEqual(["Trump's prices"]);
    expect(found("with Trump's prices", { find: "Trump's", wholeWord: true })).toEqual(["Trump's"]);
  });

  it('when words meet digits, marks, hyphens and code markers, then only letters, marks and digits join words', () => {
    expect(found('10% and 100 and 10', { find: '10', wholeWord: true })).toEqual(['10', '10']);
    expect(found('cafe\u0301 cafe', { find: 'cafe', wholeWord: true })).toEqual(['cafe']);
    expect(found('a three-year war', { find: 'year', wholeWord: true })).toEqual(['year']);
    expect(found('\uE000force\uE001 forces', { find: 'force', wholeWord: true })).toEqual(['force']);
  });

  it('when a whole-word regular expression has alternatives, then the one that ends at a word boundary is taken', () => {
    expect(found('abc', { find: 'ab|abc', regex: true, wholeWord: true })).toEqual(['abc']);
  });
});

describe('replacements', () => {
  it('when the query is a regular expression, then groups are substituted per match', () => {
    const matches = findMatches('10% and 25%', compiled({ find: '(?<n>\\d+)%', replace: '$1 percent ($<n>, $&, $$)', regex: true }));
    expect(matches).toEqual([
      { start: 0, end: 3, matched: '10%', replacement: '10 percent (10, 10%, $)' },
      { start: 8, end: 11, matched: '25%', replacement: '25 percent (25, 25%, $)' },
    ]);
  });

  it('when the query is literal, then the replacement is literal too', () => {
    expect(findMatches('a b', compiled({ find: 'a', replace: '$& $1 $$' }))[0]!.replacement).toBe('$& $1 $$');
  });

  it('when templates are expanded, then they equal String.prototype.replace on the first match', () => {
    const patterns = [/(\d)(\d)?/u, /(?<year>\d{4})-(?<month>\d\d)/u, /x(y)?/u, /p/u, /(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)/u];
    const texts = ['in 2025-04 and 7', 'axe xy x', 'up', 'abcdefghijk!'];
    const templates = [
      '$1',
      '$2',
      '$0',
      '$00',
      '$01',
      '$10',
      '$11',
      '$12',
      '$99',
      '$100',
      '$<year>',
      '$<nope>',
      '$<',
      '$<year',
      '$',
      '$$',
      '$$1',
      '$&',
      '$`',
      "$'",
      'x$',
      '$x',
      '[$1|$2|$<month>]',
    ];
    let compared = 0;
    for (const pattern of patterns) {
      for (const text of texts) {
        const match = pattern.exec(text);
        if (!match) continue;
        for (const template of templates) {
          const expected = text.replace(pattern, template);
          const actual = text.slice(0, match.index) + expandReplacement(template, match) + text.slice(match.index + match[0].length);
          expect(actual, `${pattern} ${template} on ${text}`).toBe(expected);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
