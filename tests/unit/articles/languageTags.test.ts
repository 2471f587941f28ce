import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors';
import { fileLanguageTag, languageTag } from '../../../src/articles/languageTags';

describe('languageTag', () => {
  it.each([
    ['fr', 'fr'],
    ['de-ch', 'de-CH'],
    ['pt-BR', 'pt-BR'],
    ['EN_us', 'en-US'],
    ['zh-hant-hk', 'zh-Hant-HK'],
    ['es-419', 'es-419'],
    [' sr-Latn-RS ', 'sr-Latn-RS'],
  ])('when "%s" is given, then it is accepted as "%s"', (input, canonical) => {
    expect(languageTag('sourceLanguage', input)).toBe(canonical);
  });

  it.each(['', 'english', 'xx', 'de-XX', 'en US', 'x-private', '12', 'fr--CA'])(
    'when "%s" is given, then a 422 names the field',
    (input) => {
      let error: unknown;
      try {
        languageTag('targetLanguage', input);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ status: 422, code: 'invalid_language' });
      expect((error as Error).message).toContain(`targetLanguage "${input}"`);
    },
  );
});

describe('fileLanguageTag', () => {
  it('when a file declares a well-formed tag, then it is canonicalised, and a malformed one is dropped', () => {
    expect(fileLanguageTag('en-us')).toBe('en-US');
    expect(fileLanguageTag('zh-hk')).toBe('zh-HK');
    expect(fileLanguageTag('not a tag')).toBeNull();
    expect(fileLanguageTag(null)).toBeNull();
  });
});
