import { describe, expect, it } from 'vitest';
import { applyFix, applyFixes, type Finding, runChecks } from '../../../src/qa/runChecks';

describe('QA fixes: applying them', () => {
  it('when the one-key fix of each sample fault is applied, then the sentence reads as an editor would write it', () => {
    const text = 'Trump ended the three -year war with 10%prices  .';
    const findings = runChecks({ text, mt: text });
    expect(applyFixes(text, findings)).toBe('Trump ended the three-year war with 10% prices.');
  });

  it('when one fix is applied and the checks run again, then the remaining findings point at the right characters', () => {
    const text = 'the three -year war ended .';
    const [first] = runChecks({ text, mt: text });
    const once = applyFix(text, first!);
    expect(once).toBe('The three -year war ended .');
    const again = runChecks({ text: once, mt: text });
    expect(again.map((finding) => once.slice(finding.start, finding.end))).toEqual([' -', ' .']);
    expect(applyFixes(once, again)).toBe('The three-year war ended.');
  });

  it('when a finding has no fix, then applyFix refuses it instead of guessing', () => {
    const text = 'The ministry (which oversees the police said nothing.';
    const [finding] = runChecks({ text, mt: text });
    expect(finding!.fix).toBeUndefined();
    expect(() => applyFix(text, finding!)).toThrow(TypeError);
  });

  it('when a finding lies outside the text it is applied to, then applyFix throws rather than corrupt it', () => {
    const stale: Finding = { check: 'double-space', start: 30, end: 32, message: 'stale', fix: ' ' };
    expect(() => applyFix('Short text.', stale)).toThrow(RangeError);
  });

  it('when two fixes overlap, then applyFixes throws', () => {
    const overlapping: Finding[] = [
      { check: 'double-space', start: 3, end: 5, message: 'a', fix: ' ' },
      { check: 'space-before-punctuation', start: 4, end: 6, message: 'b', fix: '.' },
    ];
    expect(() => applyFixes('abc  . d', overlapping)).toThrow(RangeError);
  });
});

describe('QA fixes: never overlapping within one run', () => {
  it('when two checks would fix the same characters, then the check listed first keeps its fix and the other is reported without one', () => {
    // The glossary fix and the lower-case fix both touch the first letter.
    const text = 'comfort force troops arrived.';
    const glossary = [{ id: 'g', term: 'comfort force', preferred: 'reassurance force', matchCase: false, wholeWord: true }];
    const findings = runChecks({ text, mt: text, glossary });
    expect(findings.map((finding) => [finding.check, finding.fix])).toEqual([
      ['lowercase-start', 'C'],
      ['glossary-term', undefined],
    ]);
    expect(applyFixes(text, findings)).toBe('Comfort force troops arrived.');
    const again = runChecks({ text: 'Comfort force troops arrived.', mt: text, glossary });
    expect(again.map((finding) => [finding.check, finding.fix])).toEqual([['glossary-term', 'Reassurance force']]);
  });

  it('when many faults are fixed at once over a labelled sentence, then no fix disturbs another', () => {
    const text = ' The the talks ,in Paris,London  ended with 5%of the vote .';
    const fixed = applyFixes(text, runChecks({ text, mt: text }));
    expect(fixed).toBe('The talks, in Paris, London ended with 5% of the vote.');
    expect(runChecks({ text: fixed, mt: text })).toEqual([]);
  });
});
