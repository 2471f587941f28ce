import { describe, expect, it } from 'vitest';
import { MAX_FINDINGS, type QaInput, runChecks } from '../../../src/qa/runChecks';
import { CLEAN_SENTENCES } from './labelled/cleanSentences';
import { generatedCases } from './labelled/corruptions';
import { SAMPLE_GLOSSARY } from './labelled/sampleCases';
import { inputOf } from './labelled/types';

const RUNS = 10_000;

/** Mean microseconds per runChecks call over RUNS calls cycling through `inputs`; the best of three rounds (the cores are shared). */
function microsecondsPerSentence(inputs: readonly QaInput[]): number {
  for (let index = 0; index < 2_000; index++) runChecks(inputs[index % inputs.length]!);
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    for (let index = 0; index < RUNS; index++) runChecks(inputs[index % inputs.length]!);
    best = Math.min(best, ((performance.now() - started) * 1000) / RUNS);
  }
  return best;
}

describe('QA checks: cost per sentence', () => {
  it('when 10,000 sentences are checked on import and on save, then each takes well under a millisecond', () => {
    const glossary = [
      ...SAMPLE_GLOSSARY,
      ...Array.from({ length: 300 }, (_, index) => ({
        id: `t${index}`,
        term: `term${index} phrase`,
        preferred: `preferred${index}`,
        matchCase: false,
        wholeWord: true,
      })),
    ];
    const imported = CLEAN_SENTENCES.map((text) => ({ text, mt: text, glossary }));
    const saved = generatedCases(CLEAN_SENTENCES, 25)
      .map(inputOf)
      .filter((input) => input.text !== input.mt)
      .map((input) => ({ ...input, glossary }));
    const onImport = microsecondsPerSentence(imported);
    const onSave = microsecondsPerSentence(saved);
    console.log(
      `QA checks: ${onImport.toFixed(1)} µs per imported sentence, ${onSave.toFixed(1)} µs per edited sentence (302-term glossary)`,
    );
    // Generous bounds: a shared CI core is slow and noisy; typical figures are tens of microseconds.
    expect(onImport).toBeLessThan(500);
    expect(onSave).toBeLessThan(1_000);
  }, 60_000); // the cost per sentence is the target, not the whole run: a busy machine stretches it

  it.each([
    ['a run of digits', `${'1'.repeat(20_000)}a1`],
    ['a list of numbers', '1,'.repeat(10_000)],
    ['dotted words around an @', `${'a.'.repeat(5_000)}@${'b.'.repeat(5_000)}`],
    ['repeated words', 'the the '.repeat(5_000)],
    ['quotation marks', '“'.repeat(10_000)],
  ])('when a 20,000-character text is %s, then the checks stay fast and report at most MAX_FINDINGS', (_, text) => {
    const glossary = [{ id: 'a', term: 'a', preferred: 'b', matchCase: false, wholeWord: true }];
    const started = performance.now();
    const findings = runChecks({ text, mt: `${text}x`, source: text, sourceLanguage: 'de', glossary });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(findings.length).toBeLessThanOrEqual(MAX_FINDINGS);
  });
});
