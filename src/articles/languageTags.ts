import { unprocessable } from '../errors';

export const messages = {
  invalid: (field: string, value: string) =>
    `${field} "${value}" is not a language code. Use a BCP 47 tag such as "fr", "de-CH" or "pt-BR".`,
  unknownLanguage: (field: string, value: string, language: string) =>
    `${field} "${value}" names no known language ("${language}" is not an ISO 639 code). Use a BCP 47 tag such as "fr", "de-CH" or "pt-BR".`,
  unknownRegion: (field: string, value: string, region: string) =>
    `${field} "${value}" names no known region ("${region}"). Use a BCP 47 tag such as "fr", "de-CH" or "pt-BR".`,
};

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** The tag in canonical case and form ("EN_us" → "en-US"), or undefined when it is not well-formed BCP 47. */
function canonical(value: string): Intl.Locale | undefined {
  try {
    // People write en_US (POSIX locales, Java, .NET resource names); BCP 47 writes en-US.
    const [tag] = Intl.getCanonicalLocales(value.trim().replace(/_/g, '-'));
    return tag === undefined ? undefined : new Intl.Locale(tag);
  } catch {
    return undefined;
  }
}

/**
 * A language tag a person typed (a form field, an API body, a CLI option), checked strictly:
 * well-formed BCP 47 (RFC 5646), a primary language that ICU knows (ISO 639: "english" and
 * "xx" are well-formed but name nothing) and, when there is one, a known region. Returns the
 * canonical tag ("de-ch" → "de-CH"); refuses anything else with a 422 naming the field.
 */
export function languageTag(field: string, value: string): string {
  const locale = canonical(value);
  if (!locale) throw unprocessable('invalid_language', messages.invalid(field, value));
  if (!/^[a-z]{2,3}$/.test(locale.language) || languageNames.of(locale.language) === undefined)
    throw unprocessable('invalid_language', messages.unknownLanguage(field, value, locale.language));
  if (locale.region && regionNames.of(locale.region) === undefined)
    throw unprocessable('invalid_language', messages.unknownRegion(field, value, locale.region));
  return locale.toString();
}

/**
 * A language tag a file declares (XLIFF srcLang, xml:lang): canonicalised when well-formed,
 * else null. Files written by other tools are taken as they are (a rare code ICU does not
 * name is still the file's language); only an unreadable tag is dropped.
 */
export function fileLanguageTag(value: string | null | undefined): string | null {
  if (!value) return null;
  return canonical(value)?.toString() ?? null;
}
