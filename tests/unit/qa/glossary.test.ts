import { describe, expect, it } from 'vitest';
import { findTermOccurrences, type GlossaryTerm, preferredFormFor } from '../../../src/qa/runChecks';

const comfort: GlossaryTerm = { id: 'c', term: 'comfort force', preferred: 'reassurance force', matchCase: false, wholeWord: true };
const kiev: GlossaryTerm = { id: 'k', term: 'Kiev', preferred: 'Kyiv', matchCase: true, wholeWord: true };
const prices: GlossaryTerm = { id: 'p', term: "Trump's prices", preferred: "Trump's tariffs", matchCase: false, wholeWord: true };
const force: GlossaryTerm = { id: 'f', term: 'force', preferred: 'task force', matchCase: false, wholeWord: false };

function spans(text: string, terms: GlossaryTerm[], form: 'term' | 'preferred' = 'term'): [string, string][] {
  return findTermOccurrences(text, terms, form).map((occurrence) => [occurrence.term.id, text.slice(occurrence.start, occurrence.end)]);
}

describe('findTermOccurrences', () => {
  it('when a term occurs in other capitals, other spacing or with a curly apostrophe, then it is found', () => {
    expect(spans('A Comfort  force, and Trump’s prices.', [comfort, prices])).toEqual([
      ['c', 'Comfort  force'],
      ['p', 'Trump’s prices'],
    ]);
  });

  it('when a term is case-sensitive or whole-word, then other capitals and longer words do not match', () => {
    expect(spans('Kievan Rus, KIEV and kiev, but Kiev.', [kiev])).toEqual([['k', 'Kiev']]);
    expect(spans('The comfort forces left.', [comfort])).toEqual([]);
  });

  it('when a term is not whole-word, then it is found inside longer words', () => {
    expect(spans('The workforce grew.', [force])).toEqual([['f', 'force']]);
  });

  it('when terms overlap, then the one starting first wins, then the longer one', () => {
    expect(spans('The comfort force left.', [force, comfort])).toEqual([['c', 'comfort force']]);
  });

  it('when asked for preferred forms, then those are found instead', () => {
    expect(spans('The reassurance force and the comfort force.', [comfort], 'preferred')).toEqual([['c', 'reassurance force']]);
  });

  it('when a term has regular-expression characters, then they match literally', () => {
    const dotted: GlossaryTerm = { id: 'u', term: 'U.S.', preferred: 'US', matchCase: true, wholeWord: true };
    expect(spans('The U.S. and the USA.', [dotted])).toEqual([['u', 'U.S.']]);
  });
});

describe('preferredFormFor', () => {
  it.each([
    ['comfort force', 'reassurance force'],
    ['Comfort force', 'Reassurance force'],
    ['COMFORT FORCE', 'REASSURANCE FORCE'],
  ])('when the term stands as %j, then the preferred form is %j', (found, expected) => {
    expect(preferredFormFor(found, comfort)).toBe(expected);
  });

  it('when the term is case-sensitive or the preferred form is a name, then the preferred form is kept as written', () => {
    expect(preferredFormFor('Kiev', kiev)).toBe('Kyiv');
    expect(preferredFormFor('kiev', { ...kiev, matchCase: false })).toBe('Kyiv');
  });
});
