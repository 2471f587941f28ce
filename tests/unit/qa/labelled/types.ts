import type { InlineCode } from '../../../../src/codes/inlineCodes';
import type { CheckId, GlossaryTerm, QaInput } from '../../../../src/qa/runChecks';
import type { SegmentKind } from '../../../../src/segmentation/document';

/**
 * An expected finding: its check, and a piece of the text it must touch. A
 * finding matches when its span overlaps or touches the first occurrence of
 * `at` in the text (so a zero-length "missing here" finding matches the word
 * next to the gap).
 */
export interface ExpectedFinding {
  check: CheckId;
  at: string;
}

export interface LabelledCase {
  /** Where the case comes from: "clean", "sample", "hand", "generated:<fault>", "hard". */
  origin: string;
  text: string;
  /** Defaults to `text` (an unedited MT sentence). */
  mt?: string;
  source?: string;
  sourceLanguage?: string;
  kind?: SegmentKind;
  codes?: InlineCode[];
  glossary?: GlossaryTerm[];
  /** Every finding the checks should report; empty for a clean case. */
  expected: ExpectedFinding[];
}

export function inputOf(labelled: LabelledCase): QaInput {
  return {
    text: labelled.text,
    mt: labelled.mt ?? labelled.text,
    source: labelled.source ?? null,
    sourceLanguage: labelled.sourceLanguage ?? null,
    kind: labelled.kind ?? 'sentence',
    codes: labelled.codes ?? [],
    glossary: labelled.glossary ?? [],
  };
}

type Expect = [CheckId, string];

function expectations(expected: Expect[]): ExpectedFinding[] {
  return expected.map(([check, at]) => ({ check, at }));
}

/** An unedited MT sentence with the faults listed. */
export function mtFault(text: string, ...expected: Expect[]): LabelledCase {
  return { origin: 'hand', text, expected: expectations(expected) };
}

/** An edited sentence (text differs from the MT) with the faults listed. */
export function edit(mt: string, text: string, ...expected: Expect[]): LabelledCase {
  return { origin: 'hand', mt, text, expected: expectations(expected) };
}

/** A segment with a source sentence. */
export function withSource(source: string, sourceLanguage: string, text: string, ...expected: Expect[]): LabelledCase {
  return { origin: 'hand', source, sourceLanguage, text, expected: expectations(expected) };
}

export function clean(text: string, origin = 'clean'): LabelledCase {
  return { origin, text, expected: [] };
}
