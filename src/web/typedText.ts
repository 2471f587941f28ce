/**
 * The one rule for text that people type, on every path (JSON, forms, uploads,
 * the CLI): names, titles and labels are one line; notes, comments, sentences
 * and articles may also hold tabs and line breaks. Nothing else invisible gets
 * in: no NUL, no other control character (they garble terminals, logs and XML
 * exports), no lone surrogate (UTF-8 cannot store one: it would come back as
 * U+FFFD). Bytes that are not UTF-8 never get this far: the body parsers refuse
 * them (web/bodies.ts, web/upload.ts).
 */
import { unprocessable, type AppError } from '../errors';

/** 'line': a name or title. 'multiline': a note, comment, sentence or article, where tab, line feed, vertical tab, form feed and carriage return are allowed. */
export type TextShape = 'line' | 'multiline';

export interface TextProblem {
  /** The API's error code: binary_content (NUL), invalid_encoding (lone surrogate), control_character. */
  code: 'binary_content' | 'invalid_encoding' | 'control_character';
  /** What is wrong, e.g. "cannot contain control characters (U+001B on line 3)". */
  message: string;
}

// eslint-disable-next-line no-control-regex -- control characters are what this finds
const CONTROL = { line: /[\u0000-\u001f\u007f-\u009f]/, multiline: /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/ };

const codePoint = (character: string) => `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Where a character is, for the message: the line in a text of many lines, else nothing (a name is short). */
function place(value: string, index: number, shape: TextShape): string {
  return shape === 'multiline' ? ` on line ${value.slice(0, index).split('\n').length}` : '';
}

/** The UTF-16 index of the first surrogate that is not half of a pair. */
function loneSurrogateIndex(value: string): number {
  for (let index = 0; index < value.length; index++) {
    const unit = value.charCodeAt(index);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    const next = value.charCodeAt(index + 1);
    if (unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) index++;
    else return index;
  }
  return -1;
}

/** What is wrong with a typed text, or undefined when it may be stored. */
export function typedTextProblem(value: string, shape: TextShape): TextProblem | undefined {
  if (!value.isWellFormed()) {
    const index = loneSurrogateIndex(value);
    return {
      code: 'invalid_encoding',
      message: `is not valid Unicode: it has a lone surrogate (${codePoint(value[index]!)}${place(value, index, shape)}), which cannot be stored`,
    };
  }
  const control = CONTROL[shape].exec(value);
  if (!control) return undefined;
  if (control[0] === '\u0000' && shape === 'multiline') {
    return {
      code: 'binary_content',
      message: `contains NUL bytes${place(value, control.index, shape)}, so it looks like binary data rather than text`,
    };
  }
  return {
    code: 'control_character',
    message: `cannot contain control characters (${codePoint(control[0])}${place(value, control.index, shape)})`,
  };
}

/** The same rule for services and the CLI: the text unchanged, or a 422 naming `what` ("The text", "A note"). */
export function checkTypedText(value: string, shape: TextShape, what: string): string {
  const problem = typedTextProblem(value, shape);
  if (problem) throw typedTextError(problem, what);
  return value;
}

export function typedTextError(problem: TextProblem, what: string): AppError {
  return unprocessable(problem.code, `${what} ${problem.message}.`);
}

/**
 * Text stored before this rule, or derived from a file name, may still hold
 * control characters: a terminal shows them escaped (`\x1b`, `\t`, `\u0085`),
 * never runs them.
 */
export function escapeControlCharacters(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this escapes
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (character) => {
    const named: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };
    const code = character.charCodeAt(0);
    return named[character] ?? (code < 0x80 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}
