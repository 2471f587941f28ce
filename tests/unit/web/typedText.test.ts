import { describe, expect, it } from 'vitest';
import { escapeControlCharacters, typedTextProblem, type TextShape } from '../../../src/web/typedText';

describe('The one rule for typed text', () => {
  it.each<[string, TextShape, string | undefined]>([
    ['Ada Lovelace', 'line', undefined],
    ['Zoë “quoted” — 東京 🙂', 'line', undefined],
    ['\u0000\u0000', 'line', 'control_character'],
    ['tab\there', 'line', 'control_character'],
    ['two\nlines', 'line', 'control_character'],
    ['escape \u001b[31m red', 'line', 'control_character'],
    ['a C1 control \u0085', 'line', 'control_character'],
    ['delete \u007f', 'line', 'control_character'],
    ['lone \ud800 high', 'line', 'invalid_encoding'],
    ['lone \udc00 low', 'line', 'invalid_encoding'],
    ['A paragraph.\n\nAnother\tone.\r\n', 'multiline', undefined],
    ['page\fbreak and vertical\vtab', 'multiline', undefined],
    ['a\u0000b', 'multiline', 'binary_content'],
    ['bell \u0007', 'multiline', 'control_character'],
    ['escape \u001b[2J', 'multiline', 'control_character'],
    ['pair 🙂 then lone \ud83d', 'multiline', 'invalid_encoding'],
  ])('when %j is a %s, then the problem is %s', (value, shape, code) => {
    expect(typedTextProblem(value, shape)?.code).toBe(code);
  });

  it('when a long text has a control character, then the message says which and on which line', () => {
    const problem = typedTextProblem('First line.\nSecond line.\nThird \u001b line.', 'multiline');
    expect(problem?.message).toBe('cannot contain control characters (U+001B on line 3)');
    expect(typedTextProblem('ok 🙂 \udfff', 'line')?.message).toBe(
      'is not valid Unicode: it has a lone surrogate (U+DFFF), which cannot be stored',
    );
  });

  it('when text with control characters is printed for a terminal, then each is escaped and the rest is kept', () => {
    expect(escapeControlCharacters('Title\u001b[2J\tTab\nLine \u0085 é')).toBe('Title\\x1b[2J\\tTab\\nLine \\u0085 é');
  });
});
