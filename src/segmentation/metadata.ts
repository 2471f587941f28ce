/**
 * Recognises the metadata lines of an article (date, byline, sources,
 * photo credits) that are stored as one `meta` segment each instead of
 * being split into sentences. Patterns are anchored to the whole line and
 * kept strict, so that a sentence such as "By the time we arrived, ..." or
 * "Sources said the talks ..." stays a sentence.
 */

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
const DATE =
  '(?:' +
  [
    '\\d{4}-\\d{1,2}-\\d{1,2}', // 2025-04-18
    '\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}', // 18.04.2025, 04/18/2025
    `${MONTH}\\s+${DAY},?\\s+\\d{4}`, // April 18, 2025
    `${DAY}\\s+${MONTH},?\\s+\\d{4}`, // 18 April 2025
  ].join('|') +
  ')';
const TIME = '(?:,?\\s*(?:at\\s+|T)?\\d{1,2}[:.h]\\d{2}(?::\\d{2})?(?:\\s*[ap]\\.?m\\.?)?(?:\\s*(?:Z|[A-Z]{2,5}|[+-]\\d{2}:?\\d{2}))?)?';
const DATE_LABEL = '(?:(?:date|dated|published|posted|updated|last updated|modified)\\s*:?\\s*(?:on\\s+)?)?';

/** " date 2025-04-18 ", "April 18, 2025", "Published: Friday, 18 April 2025, 10:30 CET". */
const DATE_LINE = new RegExp(`^${DATE_LABEL}(?:${WEEKDAY})?${DATE}${TIME}$`, 'i');

/** "Source: DW", "Photo: Reuters/...", "Credit: ...". */
const LABEL_LINE =
  /^(?:sources?|photos?|photo credits?|images?|image credits?|pictures?|credits?|captions?|copyright|authors?|editors?|translation|translators?)\s*:/i;

/** "Sources 1/ https://...", "Sources" alone: the source list of the sample article. */
const SOURCES_LINE = /^sources?(?:$|\s+\d+\s*[/.)]|\s.*(?:https?:\/\/|www\.))/i;

/** "Published by: Davis Vanopdorp", "Written by Jane Doe". */
const CREDIT_LINE = /^(?:published|posted|written|edited|reported|translated|compiled)\s+by\b\s*(?::\s*\S|\s\p{Lu})/iu;

/** "Updated: ...", "Updated on ...", "Updated 18 April", "Last updated at ...". */
const UPDATED_LINE = /^(?:last\s+)?updated(?:\s*:|\s+(?:on|at)\b|\s+\d)/i;

/** "© 2025 DW". */
const COPYRIGHT_LINE = /^(?:©|\(c\)\s)/i;

const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.\-/]*|van|von|de|der|den|da|di|du|del|la|le|al|bin|ibn|el|and|&)$/u;

/** "By Davis Vanopdorp", "By Jane Doe and John Roe, Reuters": names only, no sentence. */
function isByline(line: string): boolean {
  const match = /^by:?\s+(.+)$/i.exec(line);
  if (!match) return false;
  const words = match[1]!.split(/[\s,]+/).filter((word) => word.length > 0);
  return words.length > 0 && words.length <= 8 && words.every((word) => NAME_WORD.test(word));
}

/** Whether a trimmed line is article metadata. */
export function isMetadataLine(line: string): boolean {
  return (
    DATE_LINE.test(line) ||
    LABEL_LINE.test(line) ||
    SOURCES_LINE.test(line) ||
    CREDIT_LINE.test(line) ||
    UPDATED_LINE.test(line) ||
    COPYRIGHT_LINE.test(line) ||
    isByline(line)
  );
}

/**
 * Whether a metadata line introduces more lines that belong to it
 * ("Sources:" followed by one URL per line).
 */
export function introducesMetadataBlock(line: string): boolean {
  return /^sources?\b/i.test(line) || line.endsWith(':');
}
