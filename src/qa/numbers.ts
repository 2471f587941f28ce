/**
 * Numbers in a sentence, read by value so that two ways of writing the same
 * number match: "1,000" = "1000", "3,5" (German) = "3.5", "1 000" (French) =
 * "1000", "5 million" = "5,000,000", "3" = "three", "10:30" = "10.30",
 * "20h30" = "8:30 pm", "04" in "18.04.2025" = "April".
 *
 * Each token carries a set of keys (canonical values it may stand for); two
 * tokens match when they share a key. Keys err on the side of matching: a
 * missed number is a lost warning, a false one is noise on every save.
 */

export interface NumberToken {
  start: number;
  end: number;
  raw: string;
  /** Canonical values this token may stand for ("1000", "3.5", "T10:30"). */
  keys: string[];
  /**
   * `digits`: "1,000", "3.5", "10:30". `cardinal`: a number word from "two" up ("three", "twenty-five").
   * `word`: other words that may stand for a number ("one", "second", "dozen", "April"): they can
   * stand in for a number written in digits, but are never reported themselves.
   */
  form: 'digits' | 'cardinal' | 'word';
}

/**
 * `language`: the BCP 47 tag whose conventions the digits follow; null when
 * unknown, which reads every ambiguous number both ways.
 */
export interface NumberReading {
  language: string | null;
  /** Read ambiguous separators both ways even when the language is known (comparing two versions of one English text, where a leaked "1.000" may mean 1000). */
  lenient?: boolean;
  /** Also collect English number words and month names (for the English side of a comparison). */
  englishWords?: boolean;
}

type DecimalMark = '.' | ',';

// Languages whose decimal mark is a comma ("3,5"), grouping with a point or a space.
const COMMA_DECIMAL_LANGUAGES = new Set([
  'de',
  'fr',
  'es',
  'it',
  'pt',
  'nl',
  'ru',
  'pl',
  'cs',
  'sk',
  'sv',
  'da',
  'nb',
  'nn',
  'no',
  'fi',
  'tr',
  'ro',
  'uk',
  'hu',
  'el',
  'id',
  'vi',
  'bg',
  'hr',
  'sr',
  'bs',
  'sl',
  'lt',
  'lv',
  'et',
  'ca',
  'gl',
  'eu',
  'be',
  'kk',
  'az',
  'sq',
  'mk',
  'is',
  'af',
  'ka',
  'hy',
  'uz',
  'mn',
  'ky',
]);
// Regions that write a decimal point although their language mostly does not.
const POINT_DECIMAL_REGIONS = new Set([
  'de-ch',
  'de-li',
  'it-ch',
  'es-mx',
  'es-us',
  'es-pr',
  'es-do',
  'es-gt',
  'es-hn',
  'es-ni',
  'es-pa',
  'es-sv',
]);
// Languages that group thousands with a plain space ("25 000"); every language may use a no-break or thin space.
const SPACE_GROUPING_LANGUAGES = new Set([
  'fr',
  'ru',
  'pl',
  'cs',
  'sk',
  'sv',
  'nb',
  'nn',
  'no',
  'fi',
  'uk',
  'hu',
  'bg',
  'et',
  'lt',
  'lv',
  'pt',
  'sq',
  'be',
  'kk',
]);

function primaryLanguage(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? '';
}

function decimalMarkOf(language: string): DecimalMark {
  const tag = language.toLowerCase().replace('_', '-');
  if (POINT_DECIMAL_REGIONS.has(tag)) return '.';
  return COMMA_DECIMAL_LANGUAGES.has(primaryLanguage(tag)) ? ',' : '.';
}

/** How a language writes numbers: the decimal marks to try (strictly, and leniently) and whether a space groups thousands. */
interface NumberConventions {
  marks: readonly DecimalMark[];
  lenientMarks: readonly DecimalMark[];
  spaceGroups: boolean;
}

const EITHER_MARK: readonly DecimalMark[] = ['.', ','];
const UNKNOWN_LANGUAGE: NumberConventions = { marks: EITHER_MARK, lenientMarks: EITHER_MARK, spaceGroups: true };

// Every segment of an article has the same few language tags: their conventions are worked out once.
const CONVENTIONS = new Map<string, NumberConventions>();
const CONVENTIONS_CACHE_LIMIT = 1_000;

function conventionsOf(language: string | null): NumberConventions {
  if (language === null) return UNKNOWN_LANGUAGE;
  let conventions = CONVENTIONS.get(language);
  if (!conventions) {
    if (CONVENTIONS.size >= CONVENTIONS_CACHE_LIMIT) CONVENTIONS.clear();
    const mark = decimalMarkOf(language);
    conventions = {
      marks: [mark],
      lenientMarks: unique([mark, '.', ',']),
      spaceGroups: SPACE_GROUPING_LANGUAGES.has(primaryLanguage(language)),
    };
    CONVENTIONS.set(language, conventions);
  }
  return conventions;
}

// A run of digits with inner separators: "." "," ":" always; a space, no-break space, thin
// space or apostrophe only before exactly three digits (a thousands group), so "in 2019 300"
// stays two numbers. "20h30" / "20 h 30" is a time. Without the u flag, which they do not need
// (ASCII digits, separators of the Basic Multilingual Plane): V8 scans them faster.
const NUMBER_WITH_SPACE_GROUPS = /\d{1,2} ?h ?\d{2}(?!\d)|\d+(?:[.,:]\d+|[ \u00A0\u202F\u2009'’]\d{3}(?!\d))*/g;
const NUMBER_WITHOUT_SPACE_GROUPS = /\d{1,2} ?h ?\d{2}(?!\d)|\d+(?:[.,:]\d+|[\u00A0\u202F\u2009'’]\d{3}(?!\d))*/g;

// What may follow a number and multiply it (alternative keys only: "5 m" may be metres).
const SCALE_AFTER =
  /^[ \u00A0]?(hundred|thousand|tausend|mille|mil|k|million|millions|millionen|million|mio|mln|mn|m|millones|millón|milione|milioni|milhões|milhão|млн|billion|bn|bln|milliard|milliards|milliarde|milliarden|mrd|miliardi|miliardo|млрд|trillion|tn|trn)(?![\p{L}])/iu;
const SCALES: Record<string, number> = {
  hundred: 1e2,
  thousand: 1e3,
  tausend: 1e3,
  mille: 1e3,
  mil: 1e3,
  k: 1e3,
  million: 1e6,
  millions: 1e6,
  millionen: 1e6,
  mio: 1e6,
  mln: 1e6,
  mn: 1e6,
  m: 1e6,
  millones: 1e6,
  millón: 1e6,
  milione: 1e6,
  milioni: 1e6,
  milhões: 1e6,
  milhão: 1e6,
  млн: 1e6,
  billion: 1e9,
  bn: 1e9,
  bln: 1e9,
  milliard: 1e9,
  milliards: 1e9,
  milliarde: 1e9,
  milliarden: 1e9,
  mrd: 1e9,
  miliardi: 1e9,
  miliardo: 1e9,
  млрд: 1e9,
  trillion: 1e12,
  tn: 1e12,
  trn: 1e12,
};
// An hour followed by one of these may be written on a 12- or 24-hour clock ("20 h" = "8 pm").
const HOUR_AFTER = /^[ \u00A0]?(?:h|hrs?|uhr|heures?|horas?|ore|a\.?m\.?|p\.?m\.?|o'clock|o’clock)(?![\p{L}])/iu;

const UNIT_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const UNIT_ORDINALS = [
  'zeroth',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
];
const TENS_WORDS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const TENS_ORDINALS = ['twentieth', 'thirtieth', 'fortieth', 'fiftieth', 'sixtieth', 'seventieth', 'eightieth', 'ninetieth'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const WORD_VALUES = new Map<string, number>();
UNIT_WORDS.forEach((word, value) => WORD_VALUES.set(word, value));
UNIT_ORDINALS.forEach((word, value) => WORD_VALUES.set(word, value));
TENS_WORDS.forEach((word, index) => WORD_VALUES.set(word, 20 + 10 * index));
TENS_ORDINALS.forEach((word, index) => WORD_VALUES.set(word, 20 + 10 * index));
for (const [word, value] of [
  ['hundred', 100],
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
  ['trillion', 1e12],
  ['dozen', 12],
  ['hundredth', 100],
  ['thousandth', 1000],
] as const)
  WORD_VALUES.set(word, value);
const CARDINAL_WORDS = new Set([...UNIT_WORDS, ...TENS_WORDS]);
const FRACTION_AFTER = /^[- ](?:halve|third|quarter|fifth|sixth|seventh|eighth|ninth|tenth)s?(?![\p{L}])/iu;
const MONTH_VALUES = new Map<string, number>(MONTHS.map((month, index) => [month, index + 1]));
MONTH_VALUES.set('sept', 9);

const SMALL_WORDS = [...UNIT_WORDS.slice(1, 10), ...UNIT_ORDINALS.slice(1, 10)].join('|');
const ALL_WORDS = [...WORD_VALUES.keys(), ...MONTH_VALUES.keys()].sort((a, b) => b.length - a.length).join('|');
// "twenty-five", "twenty five", "forty-second", or any single number word or month.
const ENGLISH_NUMBER_WORD = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(${TENS_WORDS.join('|')})[- ](${SMALL_WORDS})|(${ALL_WORDS}))(?![\\p{L}\\p{N}])`,
  'giu',
);

// The same pattern tried at one position only (see numberWordMatches).
const ENGLISH_NUMBER_WORD_AT = new RegExp(ENGLISH_NUMBER_WORD.source, 'iuy');
/**
 * Where a number word may start: any of the words between characters that are not ASCII letters
 * or digits, without the u flag (V8 scans it several times faster than ENGLISH_NUMBER_WORD, whose
 * \p{L} look-behind is tried at every position; it was the costliest part of reading numbers).
 * Every match of ENGLISH_NUMBER_WORD starts at such a place: its words are ASCII, and a character
 * that is not a letter or digit is not an ASCII letter or digit either.
 */
const NUMBER_WORD_CANDIDATE = new RegExp(`(?<![A-Za-z0-9])(?:${ALL_WORDS})(?![A-Za-z0-9])`, 'gi');

/**
 * The matches of ENGLISH_NUMBER_WORD in the text, found by trying it only where
 * NUMBER_WORD_CANDIDATE matches: most sentences have no number word at all.
 */
function numberWordMatches(text: string): RegExpExecArray[] {
  // Case-insensitive Unicode matching also folds "ſ" onto s and the Kelvin sign onto k, which the
  // candidates miss: such texts are searched the slow way.
  if (text.includes('\u017F') || text.includes('\u212A')) return allMatches(ENGLISH_NUMBER_WORD, text);
  const found: RegExpExecArray[] = [];
  NUMBER_WORD_CANDIDATE.lastIndex = 0;
  for (let candidate = NUMBER_WORD_CANDIDATE.exec(text); candidate !== null; candidate = NUMBER_WORD_CANDIDATE.exec(text)) {
    ENGLISH_NUMBER_WORD_AT.lastIndex = candidate.index;
    const match = ENGLISH_NUMBER_WORD_AT.exec(text);
    // After a failed candidate the search goes on after it: no number word starts inside a run of letters.
    if (match !== null) {
      found.push(match);
      NUMBER_WORD_CANDIDATE.lastIndex = match.index + match[0].length;
    }
  }
  return found;
}

// Code units that may belong to a digit of another script, a fraction or a superscript: all but
// ASCII, General Punctuation (curly quotes, dashes) and the inline-code markers, which hold none.
const MAY_BE_OTHER_DIGIT = /[\u0080-\u1FFF\u2070-\uDFFF\uF900-\uFFFF]/;

/**
 * Whether the text has any digit (\p{N}, of any script). Plain patterns first: V8 scans them
 * several times faster than a Unicode property, and most sentences are settled by them.
 */
export function hasDigit(text: string): boolean {
  return /\d/.test(text) || (MAY_BE_OTHER_DIGIT.test(text) && /\p{N}/u.test(text));
}

/** The numbers of a text, in order, skipping any inside `skip` spans (URLs). */
export function findNumbers(text: string, reading: NumberReading, skip: readonly { start: number; end: number }[] = []): NumberToken[] {
  const tokens: NumberToken[] = [];
  const hasDigits = /\d/.test(text);
  if (hasDigits) {
    const conventions = conventionsOf(reading.language);
    const marks = reading.lenient ? conventions.lenientMarks : conventions.marks;
    const pattern = conventions.spaceGroups ? NUMBER_WITH_SPACE_GROUPS : NUMBER_WITHOUT_SPACE_GROUPS;
    for (const match of allMatches(pattern, text)) {
      const start = match.index;
      if (isSkipped(skip, start)) continue;
      readDigits(text, match[0], start, marks, tokens);
    }
  }
  if (reading.englishWords && /[a-z]/i.test(text)) {
    const digitTokens = tokens.length;
    for (const match of numberWordMatches(text)) {
      if (isSkipped(skip, match.index)) continue;
      const value = match[1]
        ? WORD_VALUES.get(match[1].toLowerCase())! + WORD_VALUES.get(match[2]!.toLowerCase())!
        : (WORD_VALUES.get(match[3]!.toLowerCase()) ?? MONTH_VALUES.get(match[3]!.toLowerCase())!);
      const end = match.index + match[0].length;
      // "three-quarters", "two thirds": a fraction, not the number three.
      const fraction = FRACTION_AFTER.test(text.slice(end, end + 12));
      const cardinal = !fraction && value >= 2 && value < 100 && (match[1] !== undefined || CARDINAL_WORDS.has(match[3]!.toLowerCase()));
      const form = cardinal ? 'cardinal' : 'word';
      tokens.push({ start: match.index, end, raw: match[0], keys: withContext(text, end, [key(value)]), form });
    }
    // Words found after digits are put in reading order (both are in order on their own).
    if (digitTokens > 0 && tokens.length > digitTokens) tokens.sort((a, b) => a.start - b.start);
  }
  return tokens;
}

/**
 * What text.matchAll(pattern) gives, without the copy of the regex that matchAll makes first: for
 * ENGLISH_NUMBER_WORD the copy cost more than the search (~3.6 of ~6.4 us per sentence), and the
 * checks read every sentence's numbers on import and on each save. For the global patterns of this
 * module, which never match the empty string.
 */
function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) found.push(match);
  return found;
}

function isSkipped(skip: readonly { start: number; end: number }[], index: number): boolean {
  for (const span of skip) if (index >= span.start && index < span.end) return true;
  return false;
}

/** Reads one run of digits and separators found by the NUMBER patterns, adding its token(s) to `tokens`. */
function readDigits(text: string, raw: string, start: number, marks: readonly DecimalMark[], tokens: NumberToken[]): void {
  const end = start + raw.length;
  // Most numbers are plain digits ("2025", "4"): no groups to read.
  if (isAllDigits(raw)) {
    tokens.push({ start, end, raw, keys: withContext(text, end, [key(Number(raw))]), form: 'digits' });
    return;
  }
  const { groups, separators } = splitGroups(raw);

  if (raw.includes('h')) {
    tokens.push({ start, end, raw, keys: timeKeys(Number(groups[0]), Number(groups[1])), form: 'digits' });
    return;
  }
  if (separators.every((separator) => separator === ':')) {
    const parts = groups.map(Number);
    const keys = parts.length === 2 ? timeKeys(parts[0]!, parts[1]!) : ['T' + parts.join(':')];
    tokens.push({ start, end, raw, keys, form: 'digits' });
    return;
  }

  const keys: string[] = [];
  for (const mark of marks) {
    const value = readWithMark(groups, separators, mark);
    if (value === null) continue;
    keys.push(key(value.number));
    // "10.30" may be a time (British style) as well as a decimal.
    if (value.fraction.length === 2 && value.number < 25 && Number(value.fraction) < 60 && separators.length === 1) {
      keys.push(...timeKeys(Math.trunc(value.number), Number(value.fraction)));
    }
  }
  if (keys.length > 0) {
    tokens.push({ start, end, raw, keys: withContext(text, end, unique(keys)), form: 'digits' });
    return;
  }

  // Not one number in any reading: a date ("18.04.2025"), a version ("1.2.3"), an address:
  // each group is a number of its own.
  let offset = start;
  for (const [index, group] of groups.entries()) {
    const groupStart = text.indexOf(group, offset);
    tokens.push({ start: groupStart, end: groupStart + group.length, raw: group, keys: [key(Number(group))], form: 'digits' });
    offset = groupStart + group.length + (separators[index]?.length ?? 0);
  }
}

function isAllDigits(raw: string): boolean {
  for (let index = 0; index < raw.length; index++) if (!isDigit(raw.charCodeAt(index))) return false;
  return true;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** "1 000,5" → groups ["1", "000", "5"], separators [" ", ","]: the runs of digits and the runs between them. */
function splitGroups(raw: string): { groups: string[]; separators: string[] } {
  const groups: string[] = [];
  const separators: string[] = [];
  let runStart = 0;
  for (let index = 1; index <= raw.length; index++) {
    if (index < raw.length && isDigit(raw.charCodeAt(index)) === isDigit(raw.charCodeAt(runStart))) continue;
    (isDigit(raw.charCodeAt(runStart)) ? groups : separators).push(raw.slice(runStart, index));
    runStart = index;
  }
  return { groups, separators };
}

interface DecimalValue {
  number: number;
  fraction: string;
}

/**
 * Reads digit groups with `mark` as the decimal mark. Every separator but the
 * last must group thousands (another mark, a space or an apostrophe, before
 * exactly three digits, the first group at most three digits); the last may
 * also be the decimal mark, or the other mark before other than three digits
 * (a leaked "3,5" in English text is read as 3.5).
 */
function readWithMark(groups: readonly string[], separators: readonly string[], mark: DecimalMark): DecimalValue | null {
  let integer = groups[0]!;
  let fraction = '';
  for (let index = 0; index < separators.length; index++) {
    const separator = separators[index]!;
    const next = groups[index + 1]!;
    const last = index === separators.length - 1;
    const groupsThousands = separator !== mark && separator !== ':' && next.length === 3 && groups[0]!.length <= 3;
    if (groupsThousands) {
      integer += next;
    } else if (last && (separator === '.' || separator === ',')) {
      fraction = next;
    } else {
      return null;
    }
  }
  return { number: Number(fraction ? `${integer}.${fraction}` : integer), fraction };
}

/** A clock time on the 24- and 12-hour clocks; a full hour also as the bare hour ("18:00" = "6pm"). */
function timeKeys(hours: number, minutes: number): string[] {
  const hourValues = [hours];
  if (hours > 12 && hours <= 24) hourValues.push(hours - 12);
  if (hours >= 1 && hours < 12) hourValues.push(hours + 12);
  const keys = hourValues.map((hour) => `T${hour}:${minutes}`);
  if (minutes === 0) keys.push(...hourValues.map((hour) => key(hour)));
  return keys;
}

/** Adds the keys a following word gives: a scale ("5 million") or a clock ("20 h" = "8 pm"). */
function withContext(text: string, end: number, keys: string[]): string[] {
  const after = text.slice(end, end + 16);
  const scale = SCALE_AFTER.exec(after);
  if (scale) {
    const factor = SCALES[scale[1]!.toLowerCase()]!;
    for (const value of keys.slice()) if (!value.startsWith('T')) keys.push(key(Number(value) * factor));
  }
  const hour = Number(keys[0]);
  if (HOUR_AFTER.test(after) && Number.isInteger(hour) && hour <= 24) {
    if (hour > 12) keys.push(key(hour - 12));
    else if (hour >= 1) keys.push(key(hour + 12));
  }
  return keys;
}

/** A canonical spelling: "1000", "3.5"; rounding absorbs float noise from scaling (2.3 × 1e6). */
function key(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

export interface NumberMatch {
  /** Reference numbers in digits with no counterpart among the candidates. */
  missing: NumberToken[];
  /** Reference cardinal words ("thirty") with no counterpart: reported only as changed into an unexpected number. */
  missingWords: NumberToken[];
  /** Candidate numbers in digits with no counterpart in the reference. */
  unmatched: NumberToken[];
}

/**
 * Pairs the numbers of `reference` with numbers of `candidates`: first
 * identical spellings, then equal values in digits, then number words.
 */
export function matchNumbers(reference: readonly NumberToken[], candidates: readonly NumberToken[]): NumberMatch {
  const required = reference.filter((token) => token.form !== 'word');
  const digits = candidates.filter((candidate) => candidate.form === 'digits');
  if (keepsNumbersAsWritten(required, digits)) return { missing: [], missingWords: [], unmatched: [] };
  const used = new Set<NumberToken>();
  const matched = new Set<NumberToken>();
  const byRaw = new CandidatePool(digits, (candidate) => [candidate.raw], used);
  const byValue = new CandidatePool(digits, (candidate) => candidate.keys, used);
  const byWord = new CandidatePool(
    candidates.filter((candidate) => candidate.form !== 'digits'),
    (candidate) => candidate.keys,
    used,
  );
  const passes: ((wanted: NumberToken) => NumberToken | undefined)[] = [
    (wanted) => {
      const same = byRaw.first([wanted.raw]);
      return same && sharesKey(wanted, same) ? same : undefined;
    },
    (wanted) => byValue.first(wanted.keys),
    (wanted) => byWord.first(wanted.keys),
  ];
  for (const pass of passes) {
    for (const wanted of required) {
      if (matched.has(wanted)) continue;
      const partner = pass(wanted);
      if (partner) {
        used.add(partner);
        matched.add(wanted);
      }
    }
  }
  const unmatchedReference = required.filter((token) => !matched.has(token));
  return {
    missing: unmatchedReference.filter((token) => token.form === 'digits'),
    missingWords: unmatchedReference.filter((token) => token.form === 'cardinal'),
    unmatched: digits.filter((token) => !used.has(token)),
  };
}

/**
 * The candidates' numbers in digits are the reference's, written the same way and in the same
 * order (every unedited segment whose numbers the translation kept): then the first pass pairs
 * each with its twin, and nothing is missing or unmatched.
 */
function keepsNumbersAsWritten(required: readonly NumberToken[], digits: readonly NumberToken[]): boolean {
  if (required.length !== digits.length) return false;
  for (let index = 0; index < required.length; index++) {
    const wanted = required[index]!;
    const twin = digits[index]!;
    if (wanted.form !== 'digits' || wanted.raw !== twin.raw || !sharesKey(wanted, twin)) return false;
  }
  return true;
}

/**
 * Candidates grouped by key, each group in text order with a cursor past the
 * used ones, so that pairing stays linear even on a "sentence" of 10,000 numbers.
 */
class CandidatePool {
  private readonly groups = new Map<string, NumberToken[]>();
  private readonly cursors = new Map<string, number>();

  constructor(
    tokens: readonly NumberToken[],
    keysOf: (token: NumberToken) => readonly string[],
    private readonly used: ReadonlySet<NumberToken>,
  ) {
    for (const token of tokens) {
      for (const value of new Set(keysOf(token))) {
        const group = this.groups.get(value);
        if (group) group.push(token);
        else this.groups.set(value, [token]);
      }
    }
  }

  /** The unused candidate that comes first in the text among those with any of `keys`. */
  first(keys: readonly string[]): NumberToken | undefined {
    let first: NumberToken | undefined;
    for (const value of keys) {
      const group = this.groups.get(value);
      if (!group) continue;
      let cursor = this.cursors.get(value) ?? 0;
      while (cursor < group.length && this.used.has(group[cursor]!)) cursor++;
      this.cursors.set(value, cursor);
      const candidate = group[cursor];
      if (candidate && (!first || candidate.start < first.start)) first = candidate;
    }
    return first;
  }
}

function sharesKey(a: NumberToken, b: NumberToken): boolean {
  for (const value of a.keys) if (b.keys.includes(value)) return true;
  return false;
}
