import { checkTypedText } from '../web/typedText';
import { normalizeNewlines } from '../segmentation/document';

/**
 * Text a person typed into one sentence (or an annotation's comment): line ends as
 * `\n`, no surrounding white space. An empty text is allowed (the sentence is dropped).
 */
export function cleanText(text: string): string {
  return checkTypedText(normalizeNewlines(text).trim(), 'multiline', 'The text');
}
