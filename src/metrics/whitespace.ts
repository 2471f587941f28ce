/**
 * The characters Python's `str.split()` splits on (`str.isspace()`), which sacrebleu uses
 * to split TER words and to drop whitespace for chrF. Unlike JavaScript's `\s` it
 * includes U+001C..U+001F and U+0085 and excludes U+FEFF. All are in the BMP, so one
 * UTF-16 code unit decides it.
 */
export function isPythonWhitespace(code: number): boolean {
  // Fast path for printable ASCII, which is nearly all of an English article.
  if (code > 0x20 && code < 0x85) return false;
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    (code >= 0x1c && code <= 0x1f) ||
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/**
 * Whitespace-separated words, counted exactly as TER splits them, and the characters
 * chrF sees (code points that are not whitespace). One pass without allocating: this
 * runs for every segment of every report.
 */
export function countWordsAndCharacters(text: string): { words: number; characters: number } {
  let words = 0;
  let characters = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isPythonWhitespace(code)) {
      inWord = false;
      continue;
    }
    if (!inWord) words++;
    inWord = true;
    // The second half of a surrogate pair is not a character of its own.
    if (!(code >= 0xdc00 && code <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) characters++;
  }
  return { words, characters };
}

/** Whitespace-separated words, split exactly as TER splits them. */
export function countWords(text: string): number {
  return countWordsAndCharacters(text).words;
}
