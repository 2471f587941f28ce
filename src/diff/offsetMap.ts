import { wordDiff } from './wordDiff';

/**
 * Where a caret in the corrected text falls in the machine translation it was made
 * from, so that splitting a sentence cuts its MT at the matching place. The rule,
 * over the word diff from the MT to the text:
 * - in unchanged text the caret maps one to one ("a b | c" → "a b | c");
 * - at the start of a change (right after unchanged text) the MT is cut before the
 *   change's MT words, so they go with the second part ("a | X c" cuts "a | b c"
 *   when "b" became "X");
 * - inside a change or at its end, the MT is cut after the change's MT words, so the
 *   first part keeps them ("a X | c" cuts "a b | c").
 * Offsets are UTF-16 code units (JavaScript string offsets); the diff never cuts a
 * surrogate pair, so neither does the result when `at` does not.
 */
export function mapOffset(mt: string, text: string, at: number): number {
  if (mt === text) return at;
  let textPosition = 0;
  let mtPosition = 0;
  const parts = wordDiff(mt, text);
  for (let index = 0; index < parts.length;) {
    const part = parts[index]!;
    if (part.kind === 'equal') {
      if (at <= textPosition + part.text.length) return mtPosition + (at - textPosition);
      textPosition += part.text.length;
      mtPosition += part.text.length;
      index++;
      continue;
    }
    // A change: the run of deletions and insertions up to the next unchanged text.
    let inserted = 0;
    let deleted = 0;
    for (; index < parts.length && parts[index]!.kind !== 'equal'; index++) {
      if (parts[index]!.kind === 'insert') inserted += parts[index]!.text.length;
      else deleted += parts[index]!.text.length;
    }
    if (at <= textPosition + inserted) return mtPosition + deleted;
    textPosition += inserted;
    mtPosition += deleted;
  }
  return mt.length;
}
