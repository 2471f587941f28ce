import { unprocessable } from '../errors';
import { normalizeNewlines } from '../segmentation/document';

/**
 * Text a person typed into one sentence (or an annotation's comment): line ends as
 * `\n`, no surrounding white space. An empty text is allowed (the sentence is dropped).
 */
export function cleanText(text: string): string {
  const cleaned = normalizeNewlines(text).trim();
  if (cleaned.includes('\u0000')) throw unprocessable('binary_content', 'The text contains NUL characters.');
  // A lone surrogate cannot be stored as UTF-8 without loss.
  if (!cleaned.isWellFormed()) throw unprocessable('invalid_encoding', 'The text is not valid Unicode.');
  return cleaned;
}
