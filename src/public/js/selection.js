// Turning a selection in a machine translation into the span of an annotation.
// Pure: annotate.js measures the selection's offsets in the MT, this decides.

const SPACE = /\s/;

/**
 * The span [start, end) a selection from offset a to offset b of the MT asks for:
 * white space at its edges left out. A click (nothing selected) marks an omission,
 * but only between words, so that clicking a word to read it does nothing (null).
 */
export function selectedSpan(mt, a, b) {
  let start = Math.min(a, b);
  let end = Math.max(a, b);
  while (start < end && SPACE.test(mt[start])) start++;
  while (end > start && SPACE.test(mt[end - 1])) end--;
  if (start === end) {
    const atBoundary = start === 0 || start === mt.length || SPACE.test(mt[start - 1]) || SPACE.test(mt[start]);
    if (!atBoundary) return null;
  }
  return { start, end };
}
