import { unprocessable } from '../errors';
import { checkTypedText } from '../web/typedText';

export const messages = {
  invalidEncoding: 'The file is not valid UTF-8 text. Save it as UTF-8 (plain text or Markdown) and try again.',
  empty: 'The article is empty: paste or upload some text.',
  whitespaceOnly: 'The article contains only whitespace: paste or upload some text.',
};

/** Decodes an uploaded file strictly: invalid UTF-8 is refused, never replaced with U+FFFD. */
export function decodeUpload(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw unprocessable('invalid_encoding', messages.invalidEncoding);
  }
  return text;
}

/** Refuses text that cannot be an article; returns it unchanged otherwise. */
export function checkArticleText(text: string): string {
  if (text.length === 0) throw unprocessable('empty_text', messages.empty);
  checkTypedText(text, 'multiline', 'The text');
  if (text.trim().length === 0) throw unprocessable('empty_text', messages.whitespaceOnly);
  return text;
}
