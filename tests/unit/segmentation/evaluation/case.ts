/**
 * One hand-written sentence-boundary case: a text and the sentences it must
 * give. Written for Redline by category of difficulty (abbreviations,
 * numbers, lists, lines, quotes ...), after studying what public suites test,
 * without copying their cases.
 */
export interface EvaluationCase {
  category: string;
  text: string;
  expected: string[];
}

/** Shorthand for the data files: case of `category` with `text` and its sentences. */
export function sentencesOf(category: string, text: string, ...expected: string[]): EvaluationCase {
  return { category, text, expected };
}
