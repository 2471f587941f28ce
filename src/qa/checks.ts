/**
 * The catalogue of automatic QA checks: stable ids, titles and the rule each
 * one applies, for the README, the UI and the stored findings. The rules
 * themselves live next to their code (typography.ts, pairing.ts,
 * comparison.ts, glossary.ts, inlineCodeChecks.ts); this list is the contract.
 *
 * Every check aims at precision first: a clean, well-edited English news
 * sentence should get no finding at all, so each rule names the legitimate
 * look-alikes it leaves alone.
 *
 * Pure: imports nothing from the app.
 */

export type CheckId =
  | 'leading-trailing-space'
  | 'double-space'
  | 'space-before-punctuation'
  | 'missing-space-after-punctuation'
  | 'space-before-hyphen'
  | 'space-after-hyphen'
  | 'number-glued-to-word'
  | 'space-before-percent'
  | 'decimal-comma'
  | 'doubled-word'
  | 'unbalanced-brackets'
  | 'unbalanced-quotes'
  | 'lowercase-start'
  | 'invisible-character'
  | 'final-punctuation-lost'
  | 'number-changed'
  | 'url-changed'
  | 'glossary-term'
  | 'glossary-term-rewritten'
  | 'source-number-mismatch'
  | 'source-url-mismatch'
  | 'inline-code-missing'
  | 'inline-code-extra'
  | 'inline-code-order';

/**
 * `error`: almost surely wrong in the text as it stands.
 * `warning`: worth a look (a deliberate edit may explain it).
 */
export type CheckSeverity = 'error' | 'warning';

/**
 * What a check reads besides the text: `mt` checks run only when the text differs
 * from the MT, `source` checks only when the segment has a source sentence,
 * `glossary` checks only with a glossary, `codes` checks only when markers occur.
 */
export type CheckInput = 'text' | 'mt' | 'source' | 'glossary' | 'codes';

export interface CheckInfo {
  id: CheckId;
  title: string;
  /** The rule, in a sentence or two, including what it deliberately leaves alone. */
  description: string;
  severity: CheckSeverity;
  reads: CheckInput;
  /** Only meaningful for English text (other targets skip it). */
  englishOnly: boolean;
}

/**
 * In priority order: when two fixes would touch the same characters, the check
 * listed first keeps its fix (see resolveOverlappingFixes in runChecks.ts).
 */
export const QA_CHECKS: readonly CheckInfo[] = [
  {
    id: 'leading-trailing-space',
    title: 'Space at the start or end',
    description: 'Whitespace before the first or after the last character of the sentence. Fix: remove it.',
    severity: 'error',
    reads: 'text',
    englishOnly: false,
  },
  {
    id: 'space-before-punctuation',
    title: 'Space before punctuation',
    description:
      'A space before , . ; : ? or ! that ends a word ("in Paris ."). Not a spaced ellipsis (". . ."), ' +
      'not ".NET", ".pdf" or ".5" (the mark is followed by a letter or digit), not emoticons. Fix: remove the space.',
    severity: 'error',
    reads: 'text',
    englishOnly: true,
  },
  {
    id: 'missing-space-after-punctuation',
    title: 'No space after punctuation',
    description:
      'No space between two words after . ? ! ("rejected.The"), , ("Paris,London", "May 5,2020"), ; or : before a ' +
      'capital ("Note:The"), or after a closing quote ("said.”He"). Not "U.S.", "e.g.", "3.5", "1,000", "10:30", ' +
      'URLs, e-mail addresses, domains or file names. Fix: add the space.',
    severity: 'error',
    reads: 'text',
    englishOnly: true,
  },
  {
    id: 'double-space',
    title: 'Doubled space',
    description: 'Two or more spaces between words. Fix: one space.',
    severity: 'error',
    reads: 'text',
    englishOnly: false,
  },
  {
    id: 'space-before-hyphen',
    title: 'Space before a hyphen in a compound',
    description:
      'A space before a hyphen that is glued to the next word ("three -year", "large -scale"). Not a spaced dash ' +
      '("talks - which"), not a minus sign ("to -5"). Fix: close it up, unless the next word is a function word ' +
      '("talks -which"), when it may be a dash (no fix offered).',
    severity: 'error',
    reads: 'text',
    englishOnly: true,
  },
  {
    id: 'space-after-hyphen',
    title: 'Space after a hyphen in a compound',
    description:
      'A hyphen glued to the previous word and followed by a space ("three- year"). Not a suspended hyphen ' +
      '("pre- and post-war", "short- to medium-term"). Fix: close it up.',
    severity: 'error',
    reads: 'text',
    englishOnly: true,
  },
  {
    id: 'number-glued-to-word',
    title: 'Number glued to a word',
    description:
      'A number or percent sign glued to the following word ("10%prices", "$5billion", "2020was") or a function ' +
      'word glued to a number ("in2020"). Not ordinals ("2nd"), decades ("1990s"), times ("5pm"), units ("5km", ' +
      '"$5bn", "100mph") or names ("G7", "F-35", "COVID-19", "mp3", "3D", "5G", "4x4"). Fix: add the space.',
    severity: 'error',
    reads: 'text',
    englishOnly: true,
  },
  {
    id: 'space-before-percent',
    title: 'Space before a percent sign',
    description: 'English news writes "10%", not "10 %" (a French or German habit). Fix: remove the space.',
    severity: 'error',
    reads: 'text',
    englishOnly: true,
  },
  {
    id: 'decimal-comma',
    title: 'Decimal comma in English',
    description:
      'A comma followed by one or two digits inside a number ("3,5%"): English uses a decimal point. Not thousands ' +
      '("1,000"). No fix: it may also be two numbers missing a space.',
    severity: 'warning',
    reads: 'text',
    englishOnly: true,
  },
  {
    id: 'doubled-word',
    title: 'Doubled word',
    description:
      'The same word or pair of words twice in a row ("the the", "it was it was"). Not "had had" or "that that" ' +
      '(grammatical), not "what it is is", not a capitalised second word (names: "Bora Bora", "Sirhan Sirhan"), ' +
      'not "bye bye" or "on and on and on", not words across a comma. Fix: drop the repetition.',
    severity: 'error',
    reads: 'text',
    englishOnly: true,
  },
  {
    id: 'unbalanced-brackets',
    title: 'Unbalanced brackets',
    description:
      'A ( [ or { never closed, or a closing one that closes nothing or the wrong kind. Not list markers ' +
      '("a)", "2)") or emoticons, nor brackets inside URLs.',
    severity: 'error',
    reads: 'text',
    englishOnly: false,
  },
  {
    id: 'unbalanced-quotes',
    title: 'Unbalanced quotation marks',
    description:
      'Double quotation marks (curly or straight) out of order: two openings or two closings in a row, a leading ' +
      'closing mark glued to words on both sides, or a mark the MT had paired and the edit left alone. A quotation ' +
      'may run on from the previous sentence (a leading ”) or into the next one (a trailing “). Apostrophes and ' +
      'single quotes are not checked ("Trump\'s", "\'90s", "rock \'n\' roll").',
    severity: 'error',
    reads: 'text',
    englishOnly: true,
  },
  {
    id: 'lowercase-start',
    title: 'Sentence starts in lower case',
    description:
      'The first word is in lower case. Not words with inner capitals or digits ("iPhone", "eBay", "mRNA"), URLs, ' +
      'handles, name particles before a name ("de Gaulle"), a sentence starting with a number or symbol, metadata ' +
      'lines, or when the source also starts in lower case (a list continuation). Fix: capitalise.',
    severity: 'error',
    reads: 'text',
    englishOnly: true,
  },
  {
    id: 'invisible-character',
    title: 'Invisible or broken character',
    description:
      'A control character, zero-width space, byte-order mark, soft hyphen or the replacement character "�". ' +
      'Inline-code markers are never flagged. Fix: delete it (none for "�", which stands for a lost character).',
    severity: 'error',
    reads: 'text',
    englishOnly: false,
  },
  {
    id: 'final-punctuation-lost',
    title: 'Final punctuation lost',
    description:
      'The MT ended with . ? ! … : or ; (before any closing quotes or brackets) and the edited text does not. Only ' +
      "for sentences (headings and metadata lines have none). Fix: put the MT's mark back.",
    severity: 'error',
    reads: 'mt',
    englishOnly: false,
  },
  {
    id: 'number-changed',
    title: 'Number changed in editing',
    description:
      'A number of the MT is missing from the edited text or was changed. Formats are compared by value: "1,000" = ' +
      '"1000", "10%" = "10 percent", "3" = "three", "5 million" = "5,000,000", "10:30" = "10.30". Only without a ' +
      'source sentence: with one, source-number-mismatch compares against the source instead.',
    severity: 'warning',
    reads: 'mt',
    englishOnly: false,
  },
  {
    id: 'url-changed',
    title: 'URL or e-mail changed in editing',
    description:
      'A URL or e-mail address of the MT is missing from the edited text or was altered (host names compare without ' +
      'case). Only without a source sentence: with one, source-url-mismatch applies.',
    severity: 'error',
    reads: 'mt',
    englishOnly: false,
  },
  {
    id: 'glossary-term',
    title: 'Glossary: term to replace',
    description:
      'A glossary term (a form the MT writes and the glossary forbids) stands in the text. Fix: the preferred form, ' +
      'keeping the capitalisation of the original when the term is not case-sensitive.',
    severity: 'error',
    reads: 'glossary',
    englishOnly: false,
  },
  {
    id: 'glossary-term-rewritten',
    title: 'Glossary: term rewritten',
    description:
      'The MT had a glossary term and the edited text has neither it nor the preferred form: check the rewrite uses ' +
      'the preferred form. No fix.',
    severity: 'warning',
    reads: 'glossary',
    englishOnly: false,
  },
  {
    id: 'source-number-mismatch',
    title: 'Number differs from the source',
    description:
      "A number of the source sentence is missing from the text or differs, read with the source language's " +
      'conventions ("1.000,5" in German is "1,000.5"; "3,5 %" is "3.5%"; "20h30" is "20:30" or "8:30 pm"). ' +
      'Dates compare part by part, so "18.04.2025" matches "April 18, 2025".',
    severity: 'warning',
    reads: 'source',
    englishOnly: false,
  },
  {
    id: 'source-url-mismatch',
    title: 'URL or e-mail differs from the source',
    description: 'A URL or e-mail address of the source is missing from the text, or the text has one the source does not.',
    severity: 'error',
    reads: 'source',
    englishOnly: false,
  },
  {
    id: 'inline-code-missing',
    title: 'Inline code missing',
    description:
      'An inline code of the source (or, without a source, of the MT) is missing from the text. No fix: only the ' +
      'translator knows where it belongs.',
    severity: 'error',
    reads: 'codes',
    englishOnly: false,
  },
  {
    id: 'inline-code-extra',
    title: 'Inline code added',
    description: 'An inline code occurs more often in the text than in the source (or the MT).',
    severity: 'error',
    reads: 'codes',
    englishOnly: false,
  },
  {
    id: 'inline-code-order',
    title: 'Inline codes out of order',
    description:
      'A closing code before its opening code, or pairs that cross instead of nesting ("<1><2></1></2>"), when ' +
      'the source (or the MT) nests them properly.',
    severity: 'error',
    reads: 'codes',
    englishOnly: false,
  },
];

/**
 * The version of the rules above. Raise it with any change that can alter what
 * runChecks reports for a text that did not change (a new check, a rule made
 * stricter or looser, a message reworded): the app then re-checks every stored
 * segment in the background (articles.qa_version), so stored findings never
 * lag behind the rules.
 */
export const QA_RULES_VERSION = 2;

export const CHECK_IDS: readonly CheckId[] = QA_CHECKS.map((check) => check.id);

const CHECKS_BY_ID = new Map(QA_CHECKS.map((check) => [check.id, check]));

export function checkInfo(id: CheckId): CheckInfo {
  const info = CHECKS_BY_ID.get(id);
  if (!info) throw new RangeError(`Unknown QA check: ${id}`);
  return info;
}

/** Position of a check in QA_CHECKS: lower wins when fixes overlap. */
export function checkPriority(id: CheckId): number {
  return CHECK_IDS.indexOf(id);
}
