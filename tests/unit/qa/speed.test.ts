import { describe, expect, it } from 'vitest';
import { type QaInput, runChecks } from '../../../src/qa/runChecks';
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
        id: `t${index}`, term: `term${index} phrase`, preferred: `preferred${index}`, matchCase: false, wholeWord: true,
      })),
    ];
    const imported = CLEAN_SENTENCES.map((text) => ({ text, mt: text, glossary }));
    const saved = generatedCases(CLEAN_SENTENCES, 25)
      .map(inputOf)
      .filter((input) => input.text !== input.mt)
      .map((input) => ({ ...input, glossary }));
    const onImport = microsecondsPerSentence(imported);
    const onSave = microsecondsPerSentence(saved);
    console.log(`QA checks: ${onImport.toFixed(1)} µs per imported sentence, ${onSave.toFixed(1)} µs per edited sentence (302-term glossary)`);
    // Generous bounds: a shared CI core is slow and noisy; typical figures are tens of microseconds.
    expect(onImport).toBeLessThan(500);
    expect(onSave).toBeLessThan(1_000);
  });
});
