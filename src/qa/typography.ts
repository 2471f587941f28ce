/**
 * Checks that read the text alone: spacing, hyphens, numbers glued to words,
 * doubled words, the first letter, invisible characters. Each rule says what
 * it flags and which look-alikes it leaves alone; the catalogue is checks.ts.
 *
 * Inline-code markers (Private Use Area) are neither letters nor spaces here,
 * so a check never looks through a code nor reports one as an odd character.
 */
import { type Check, inLink, quoteAround, quoteWithFix } from './context';
import { hasDigit } from './numbers';

// Horizontal whitespace a sentence may contain (newlines are the segmenter's business).
const SPACES = ' \\t\\u00A0\\u202F\\u2009\\u2007\\u2002\\u2003';

/*
 * Most checks first take a quick look for what they need (a digit, a space before a mark), with a
 * pattern in a plain character class and without the u flag: V8 scans those several times faster
 * than Unicode property classes, and the look only decides whether the real pattern runs, so it
 * must find every place that pattern could match. Outside ASCII it cannot tell letters and digits
 * apart, so any code unit may be one (a surrogate of an astral letter too), except these two
 * blocks, which hold no letter, digit or mark: General Punctuation (curly quotes, dashes, the
 * ellipsis, special spaces; U+2000–U+206F) and the Private Use Area of inline-code markers.
 */
const NON_ASCII_WORD_UNITS = '\\u0080-\\u1FFF\\u2070-\\uDFFF\\uF900-\\uFFFF';
const MAY_BE_DIGIT = `0-9${NON_ASCII_WORD_UNITS}`;
const OPENING_MARKS = '“‘"«„([{';

function isMarker(char: string | undefined): boolean {
  return char !== undefined && char >= '\uE000' && char <= '\uF8FF';
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

/**
 * Words that, right after a hyphen, suggest the hyphen is a dash used as
 * punctuation ("the talks -which failed") rather than a compound ("three -year").
 */
const FUNCTION_WORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'but',
  'or',
  'nor',
  'so',
  'yet',
  'which',
  'who',
  'whom',
  'whose',
  'that',
  'this',
  'these',
  'those',
  'it',
  'its',
  'he',
  'she',
  'we',
  'they',
  'i',
  'you',
  'his',
  'her',
  'their',
  'our',
  'is',
  'was',
  'are',
  'were',
  'be',
  'been',
  'has',
  'have',
  'had',
  'not',
  'if',
  'when',
  'while',
  'as',
  'at',
  'by',
  'for',
  'from',
  'with',
  'of',
  'on',
  'to',
  'although',
  'though',
  'because',
  'since',
  'where',
  'what',
  'how',
  'even',
  'just',
  'only',
  'also',
]);

// ─── leading-trailing-space ──────────────────────────────────────────────────

export const leadingTrailingSpace: Check = ({ text }, findings) => {
  // A byte-order mark matches \s in JavaScript; it is an invisible-character finding instead.
  const leading = /^[^\S\uFEFF]+/u.exec(text);
  if (leading && leading[0].length === text.length) {
    findings.push({ check: 'leading-trailing-space', start: 0, end: text.length, message: 'The sentence is only whitespace.' });
    return;
  }
  if (leading) {
    findings.push({
      check: 'leading-trailing-space',
      start: 0,
      end: leading[0].length,
      message: 'Space at the start of the sentence: remove it.',
      fix: '',
    });
  }
  // The pattern is tried at every position: run it only when the text ends with a space.
  const trailing = endsWithSpace(text) ? /[^\S\uFEFF]+$/u.exec(text) : null;
  if (trailing) {
    findings.push({
      check: 'leading-trailing-space',
      start: trailing.index,
      end: text.length,
      message: 'Space at the end of the sentence: remove it.',
      fix: '',
    });
  }
};

function endsWithSpace(text: string): boolean {
  const last = text[text.length - 1];
  return last !== undefined && last !== '\uFEFF' && /\s/.test(last);
}

// ─── double-space ────────────────────────────────────────────────────────────

const DOUBLE_SPACE = new RegExp(`(?<=\\S)[${SPACES}]{2,}(?=\\S)`, 'gu');

export const doubleSpace: Check = (context, findings) => {
  const { text } = context;
  if (!/\s\s/.test(text)) return;
  for (const match of text.matchAll(DOUBLE_SPACE)) {
    const start = match.index;
    const end = start + match[0].length;
    if (inLink(context, start)) continue;
    const { before, after } = quoteAround(text, start, end);
    findings.push({
      check: 'double-space',
      start,
      end,
      message: `Two spaces between "${before}" and "${after}": use one.`,
      fix: ' ',
    });
  }
};

// ─── space-before-punctuation ────────────────────────────────────────────────

// Capitalised words that follow a dot in names, not sentences: "Booking.Com", "Node.Js", "the .Net framework".
const DOTTED_NAME_PARTS = new Set(['Com', 'Org', 'Net', 'Gov', 'Edu', 'Int', 'Mil', 'Info', 'Biz', 'Io', 'Js', 'Ts', 'Py', 'Ai']);

const SPACE_BEFORE_PUNCTUATION = new RegExp(`(?<=\\S)[${SPACES}]+([,.;:?!])`, 'gu');
const MAY_HAVE_SPACE_BEFORE_PUNCTUATION = new RegExp(`[${SPACES}][,.;:?!]`);

export const spaceBeforePunctuation: Check = (context, findings) => {
  const { text } = context;
  if (!MAY_HAVE_SPACE_BEFORE_PUNCTUATION.test(text)) return;
  for (const match of text.matchAll(SPACE_BEFORE_PUNCTUATION)) {
    const start = match.index;
    const mark = match[1]!;
    const markIndex = start + match[0].length - 1;
    const previous = text[start - 1]!;
    const next = text[markIndex + 1];
    if (inLink(context, markIndex)) continue;
    // "( , )", "“ ?": a mark quoted or bracketed on its own.
    if (OPENING_MARKS.includes(previous)) continue;
    // Spaced ellipsis ". . ." and "… ." are deliberate.
    if (mark === '.' && (previous === '.' || previous === '…' || next === '.' || /^\s\./u.test(text.slice(markIndex + 1)))) {
      continue;
    }
    const endsWord = next === undefined || /\s/u.test(next) || isMarker(next) || '”’"»'.includes(next);
    // ")" after the mark is fine except for ":" and ";", where " :)" is an emoticon.
    const beforeBracket = (next === ')' || next === ']') && mark !== ':' && mark !== ';';
    // "Paris ,London", "Lyon .The": the space is on the wrong side of the mark (not ".NET", ".com").
    const nextWord = /^\p{L}*/u.exec(text.slice(markIndex + 1))![0];
    const swapped =
      mark === ',' || mark === ';' ? nextWord !== '' : mark !== ':' && /^\p{Lu}\p{Ll}/u.test(nextWord) && !DOTTED_NAME_PARTS.has(nextWord);
    if (!endsWord && !beforeBracket && !swapped) continue; // ".NET", ".5", " :30", " ;)"
    const fix = swapped ? `${mark} ` : mark;
    const { found, fixed } = quoteWithFix(text, start, markIndex + 1, fix);
    findings.push({
      check: 'space-before-punctuation',
      start,
      end: markIndex + 1,
      message: `Space before "${mark}" in "${found}": write "${fixed}".`,
      fix,
    });
  }
};

// ─── missing-space-after-punctuation ─────────────────────────────────────────

// Each pattern starts at the mark (fast to scan for); the character before it is checked in code.
// What a mark glued to the next word follows: a word, a number, a closing bracket or quote, a percent sign.
const WORD_END = /[\p{L}\p{N})\]”’"%]/u;
// . ? ! before a capitalised word: "rejected.The", "the DMA.It" (not after a one-letter word: "e.g.", "U.S.").
const GLUED_SENTENCE = /[.?!](?=(\p{Lu}\p{Ll}+))/gu;
// A closing curly quote after punctuation, glued to the next word: "said.”He", "peace,”he" (a straight
// quote there may as well open a quotation: the space would belong before it), not "U.S.’s".
const GLUED_AFTER_QUOTE = /[”’](?=\p{L})/gu;
// A comma before a word: "Paris,London", "2020,the", "May,2020", "said,“We", and "May 5,2020" (a day,
// then a year), not "1,000". A straight quote counts as the next word only when a letter follows it:
// in "Hitman," retired" it closes a quotation.
const GLUED_COMMA = /,(?=[\p{L}\p{N}“‘]|"\p{L})/gu;
// A semicolon before a word: "Paris;London" (not an HTML entity "&amp;x").
const GLUED_SEMICOLON = /;(?=[\p{L}“]|"\p{L})/gu;
// A colon before a capitalised word or an opening quote: "Note:The", "Zelenskyy:“We" (not "10:30", "re:Invent").
const GLUED_COLON = /:(?=[\p{Lu}“]|"\p{L})/gu;
// Quick looks for the two patterns every sentence would otherwise be searched with: a mark before
// what may be a capital, a closing quote before what may be a letter.
const MAY_HAVE_GLUED_SENTENCE = new RegExp(`[.?!][A-Z${NON_ASCII_WORD_UNITS}]`);
const MAY_HAVE_GLUED_AFTER_QUOTE = new RegExp(`[”’][A-Za-z${NON_ASCII_WORD_UNITS}]`);
const MAY_HAVE_GLUED_COMMA = new RegExp(`,[A-Za-z0-9“‘"${NON_ASCII_WORD_UNITS}]`);

export const missingSpaceAfterPunctuation: Check = (context, findings) => {
  const { text } = context;
  const report = (index: number, mark: string): void => {
    if (inLink(context, index)) return;
    const { found, fixed } = quoteWithFix(text, index, index + 1, `${mark} `);
    findings.push({
      check: 'missing-space-after-punctuation',
      start: index,
      end: index + 1,
      message: `No space after "${mark}" in "${found}": write "${fixed}".`,
      fix: `${mark} `,
    });
  };
  const before = (index: number, length: number): string => text.slice(Math.max(0, index - length), index);

  const gluedSentences = MAY_HAVE_GLUED_SENTENCE.test(text) ? text.matchAll(GLUED_SENTENCE) : [];
  for (const match of gluedSentences) {
    const index = match.index;
    if (!WORD_END.test(text[index - 1] ?? '')) continue;
    const wordBefore = /[\p{L}\p{N}]*$/u.exec(before(index, 30))![0];
    if (wordBefore.length === 1 && /\p{L}/u.test(wordBefore)) continue;
    if (match[0] === '.' && DOTTED_NAME_PARTS.has(match[1]!)) continue;
    report(index, match[0]);
  }
  const gluedAfterQuotes = MAY_HAVE_GLUED_AFTER_QUOTE.test(text) ? text.matchAll(GLUED_AFTER_QUOTE) : [];
  for (const match of gluedAfterQuotes) {
    if (!'.?!,'.includes(text[match.index - 1] ?? ' ')) continue;
    if (match[0] === '’' && /^s(?!\p{L})/u.test(text.slice(match.index + 1, match.index + 3))) continue;
    report(match.index, match[0]);
  }
  if (MAY_HAVE_GLUED_COMMA.test(text)) {
    for (const match of text.matchAll(GLUED_COMMA)) {
      const index = match.index;
      const previous = text[index - 1] ?? ' ';
      const digitBoth = /\p{N}/u.test(previous) && /\p{N}/u.test(text[index + 1]!);
      const dayThenYear =
        digitBoth && /(?:^|\P{N})\p{N}{1,2}$/u.test(before(index, 3)) && /^\p{N}{4}(?!\p{N})/u.test(text.slice(index + 1, index + 6));
      if (WORD_END.test(previous) && (!digitBoth || dayThenYear)) report(index, ',');
    }
  }
  if (text.includes(';')) {
    for (const match of text.matchAll(GLUED_SEMICOLON)) {
      if (!WORD_END.test(text[match.index - 1] ?? '') || /&#?\w+$/u.test(before(match.index, 10))) continue;
      report(match.index, ';');
    }
  }
  if (text.includes(':')) {
    for (const match of text.matchAll(GLUED_COLON)) {
      const previous = text[match.index - 1] ?? ' ';
      if (!WORD_END.test(previous) || /\p{N}|%/u.test(previous) || /(?:^|\P{L})re$/iu.test(before(match.index, 3))) continue;
      report(match.index, ':');
    }
  }
};

// ─── space-before-hyphen, space-after-hyphen ─────────────────────────────────

const HYPHENS = '\\-\\u2010\\u2011';
const SPACE_BEFORE_HYPHEN = new RegExp(`(?<=[\\p{L}\\p{N}])[ \\u00A0]+[${HYPHENS}](?=[\\p{L}\\p{N}])`, 'gu');
const SPACE_AFTER_HYPHEN = new RegExp(`(?<=[\\p{L}\\p{N}])[${HYPHENS}][ \\u00A0]+(?=[\\p{L}\\p{N}])`, 'gu');
// Words after "pre- " that make it a suspended hyphen: "pre- and post-war", "short- to medium-term",
// "not only pre- but also post-war".
const SUSPENDED_HYPHEN_FOLLOWERS = new Set([
  'and',
  'or',
  'to',
  'nor',
  'as',
  'versus',
  'vs',
  'through',
  'than',
  'into',
  'but',
  'if',
  'not',
  'rather',
  'then',
  'plus',
]);

export const spaceBeforeHyphen: Check = (context, findings) => {
  const { text } = context;
  if (!/\s[-\u2010\u2011]/.test(text)) return;
  const matches = [...text.matchAll(SPACE_BEFORE_HYPHEN)];
  // "the talks -which lasted all night -ended": one hyphen that reads as a dash makes the others suspect too.
  const dashesLikely = matches.some((match) => {
    const nextWord = /^[\p{L}\p{N}]+/u.exec(text.slice(match.index + match[0].length))![0];
    return FUNCTION_WORDS.has(nextWord.toLowerCase());
  });
  for (const match of matches) {
    const start = match.index;
    const end = start + match[0].length;
    if (inLink(context, start)) continue;
    const nextWord = /^[\p{L}\p{N}]+/u.exec(text.slice(end))![0];
    const previousChar = text[start - 1]!;
    const digitAfter = /^\p{N}/u.test(nextWord);
    // "to -5", "at -3.2%": a minus sign before a number.
    if (digitAfter && !/\p{N}/u.test(previousChar)) continue;
    // "the -v flag": a one-letter option, not half a compound.
    if (!digitAfter && nextWord.length === 1) continue;
    const hyphen = text[end - 1]!;
    const { found, fixed } = quoteWithFix(text, start, end, hyphen);
    // "10 -15" (a range or a score), "talks -which" and "talks -over the budget- ended" (perhaps
    // dashes): the remedy is not certain.
    const dashPair = /[\p{L}\p{N}][-\u2010\u2011][ \u00A0]/u.test(text.slice(end));
    const certain = !digitAfter && !dashPair && !dashesLikely;
    findings.push({
      check: 'space-before-hyphen',
      start,
      end,
      message: certain
        ? `Space before the hyphen in "${found}": write "${fixed}".`
        : `Space before the hyphen in "${found}": close it up ("${fixed}"), or if it is a dash, put a space on both sides.`,
      ...(certain ? { fix: hyphen } : {}),
    });
  }
};

export const spaceAfterHyphen: Check = (context, findings) => {
  const { text } = context;
  if (!/[-\u2010\u2011]\s/.test(text)) return;
  for (const match of text.matchAll(SPACE_AFTER_HYPHEN)) {
    const start = match.index;
    const end = start + match[0].length;
    if (inLink(context, start)) continue;
    const nextWord = /^[\p{L}\p{N}]+/u.exec(text.slice(end))![0].toLowerCase();
    if (SUSPENDED_HYPHEN_FOLLOWERS.has(nextWord)) continue;
    const hyphen = text[start]!;
    const { found, fixed } = quoteWithFix(text, start, end, hyphen);
    const dashPair = /[ \u00A0][-\u2010\u2011][\p{L}\p{N}]/u.test(text.slice(0, start));
    const certain = !dashPair && !FUNCTION_WORDS.has(nextWord);
    findings.push({
      check: 'space-after-hyphen',
      start,
      end,
      message: certain
        ? `Space after the hyphen in "${found}": write "${fixed}".`
        : `Space after the hyphen in "${found}": close it up ("${fixed}"), or if it is a dash, put a space on both sides.`,
      ...(certain ? { fix: hyphen } : {}),
    });
  }
};

// ─── number-glued-to-word ────────────────────────────────────────────────────

/**
 * Lower-case endings of three letters or more that legitimately follow digits:
 * units ("100mph", "5kWh" is caught by its capital), counts ("49ers"), "5ish".
 * Two-letter endings ("5km", "$5bn", "10am", "2nd") are never flagged.
 */
const ALLOWED_ENDINGS = new Set([
  'mph',
  'kph',
  'kmh',
  'kmph',
  'mpg',
  'bpd',
  'kwh',
  'mwh',
  'gwh',
  'twh',
  'kwp',
  'sqm',
  'sqft',
  'sqkm',
  'ghz',
  'mhz',
  'khz',
  'kbps',
  'mbps',
  'gbps',
  'min',
  'mins',
  'hrs',
  'yrs',
  'lbs',
  'sec',
  'secs',
  'mth',
  'mths',
  'mln',
  'bln',
  'trn',
  'cal',
  'kcal',
  'mol',
  'ppm',
  'ppb',
  'dpi',
  'fps',
  'rpm',
  'mah',
  'bhp',
  'psi',
  'ers',
  'ish',
  'yds',
  'kgs',
  'gms',
  'hpa',
  'bbl',
  'bcm',
  'tcf',
  'btu',
  'mmbtu',
  'kts',
  'nmi',
  'ths',
  'mmol',
  'ltr',
  'kms',
  'gsm',
  'cwt',
  'rds',
  'nds',
  'sts',
]);
// Always a word in its own right, however short: "5bn" is a unit, but "$5billion" lost its space.
const MAGNITUDE_WORDS = new Set(['thousand', 'million', 'billion', 'trillion', 'percent', 'dollars', 'euros', 'pounds']);

const PERCENT_GLUED = /\p{N}%(?=\p{L})/gu;
// Digits then lower-case letters up to the end of the word; what stands before the digits is checked in
// code. The look-behind stops the search restarting inside a run of digits (quadratic on long numbers).
const DIGITS_GLUED = /(?<![\p{N}.,])(\p{N}+(?:[.,]\p{N}+)*)(\p{Ll}+)(?![\p{L}\p{N}])/gu;
const FUNCTION_WORD_GLUED =
  /(?:^|[^\p{L}\p{N}])(in|on|at|of|by|to|for|from|since|until|than|about|around|over|under|nearly|almost|some|with|and|the|after|before|between|during)(\p{N}+)(?![\p{L}])/gu;

// Quick looks: a number glued to a word needs something that may be a digit right before something
// that may be a lower-case letter, and a function word glued to a number an ASCII lower-case letter
// right before something that may be a digit.
const MAY_HAVE_DIGITS_GLUED = new RegExp(`[${MAY_BE_DIGIT}][a-z${NON_ASCII_WORD_UNITS}]`);
const MAY_HAVE_FUNCTION_WORD_GLUED = new RegExp(`[a-z][${MAY_BE_DIGIT}]`);

export const numberGluedToWord: Check = (context, findings) => {
  const { text } = context;
  if (!hasDigit(text)) return;
  const report = (start: number, splitAt: number, end: number): void => {
    if (inLink(context, start)) return;
    const fix = `${text.slice(start, splitAt)} ${text.slice(splitAt, end)}`;
    findings.push({
      check: 'number-glued-to-word',
      start,
      end,
      message: `No space between the number and the word in "${text.slice(start, end)}": write "${fix}".`,
      fix,
    });
  };

  if (text.includes('%')) {
    for (const match of text.matchAll(PERCENT_GLUED)) {
      const numberStart = /[\p{N}.,]*$/u.exec(text.slice(0, match.index + 1))!.index;
      const wordEnd = match.index + 2 + /^\p{L}*/u.exec(text.slice(match.index + 2))![0].length;
      report(numberStart, match.index + 2, wordEnd);
    }
  }
  const digitsGlued = MAY_HAVE_DIGITS_GLUED.test(text) ? text.matchAll(DIGITS_GLUED) : [];
  for (const match of digitsGlued) {
    const ending = match[2]!;
    if (!MAGNITUDE_WORDS.has(ending) && (ending.length < 3 || ALLOWED_ENDINGS.has(ending))) continue;
    const before = text[match.index - 1] ?? ' ';
    // "H1N1", "mp3", "v1.2beta": digits inside a name. But "COVID-19vaccine": the digits end a
    // hyphenated name, the word after them is a word of its own.
    const nameBefore = /[\p{L}\p{N}_.,'’]/u.test(before) || (before === '-' && !/\p{Lu}/u.test(text[match.index - 2] ?? ' '));
    if (nameBefore) continue;
    report(match.index, match.index + match[1]!.length, match.index + match[0].length);
  }
  if (MAY_HAVE_FUNCTION_WORD_GLUED.test(text)) {
    for (const match of text.matchAll(FUNCTION_WORD_GLUED)) {
      const start = match.index + match[0].length - match[1]!.length - match[2]!.length;
      report(start, start + match[1]!.length, match.index + match[0].length);
    }
  }
};

// ─── space-before-percent ────────────────────────────────────────────────────

const SPACE_BEFORE_PERCENT = /(?<=\p{N})[ \u00A0\u202F\u2009]+%/gu;

export const spaceBeforePercent: Check = (context, findings) => {
  const { text } = context;
  if (!text.includes('%')) return;
  for (const match of text.matchAll(SPACE_BEFORE_PERCENT)) {
    const start = match.index;
    const end = start + match[0].length;
    if (inLink(context, start)) continue;
    const { found, fixed } = quoteWithFix(text, start, end, '%');
    findings.push({
      check: 'space-before-percent',
      start,
      end,
      message: `Space before the percent sign in "${found}": English writes "${fixed}".`,
      fix: '%',
    });
  }
};

// ─── decimal-comma ───────────────────────────────────────────────────────────

// "3,5" but not "1,000", "1,2,3" or "1,2-dichloroethane".
const DECIMAL_COMMA = /(?<![\p{L}\p{N}.,])\p{N}{1,3},\p{N}{1,2}(?![\p{N}]|,\p{N}|-\p{L})/gu;
const MAY_HAVE_DECIMAL_COMMA = new RegExp(`[${MAY_BE_DIGIT}],[${MAY_BE_DIGIT}]`);

export const decimalComma: Check = (context, findings) => {
  const { text } = context;
  if (!MAY_HAVE_DECIMAL_COMMA.test(text)) return;
  for (const match of text.matchAll(DECIMAL_COMMA)) {
    if (inLink(context, match.index)) continue;
    const number = match[0];
    findings.push({
      check: 'decimal-comma',
      start: match.index,
      end: match.index + number.length,
      message: `Comma inside the number "${number}": English writes a decimal point ("${number.replace(',', '.')}"); if these are two numbers, put a space after the comma.`,
    });
  }
};

// ─── doubled-word ────────────────────────────────────────────────────────────

// Grammatical doubles: "If I had had time", "He said that that was wrong".
const GRAMMATICAL_DOUBLES = new Set(['had', 'that']);
// Doubled on purpose: "bye bye", "no no", "ha ha", "knock knock".
const REDUPLICATIONS = new Set([
  'ha',
  'ho',
  'hee',
  'bye',
  'no',
  'yes',
  'oh',
  'ah',
  'la',
  'blah',
  'bla',
  'yada',
  'yadda',
  'hip',
  'tut',
  'knock',
  'chop',
  'bang',
  'boom',
  'ding',
  'tsk',
  'shh',
  'choo',
  'tuk',
  'tse',
  'beep',
  'woof',
  'honk',
  'quack',
  'murmur',
]);
// "on and on and on", "day by day by day", "bit by bit by bit": idioms that repeat a pair of words.
const REPEATING_IDIOM_WORDS = new Set(['and', 'or', 'by', 'after', 'upon', 'to', 'for', 'over']);

interface Word {
  start: number;
  end: number;
  lower: string;
  /** Separated from the previous word by spaces only, neither of them glued to a digit, apostrophe or hyphen ("rock 'n' roll", "Baden-Baden"). */
  follows: boolean;
}

function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  let previous: { end: number; glued: boolean } | null = null;
  for (const match of text.matchAll(/\p{L}+/gu)) {
    const start = match.index;
    const end = start + match[0].length;
    const glued = /[\p{N}_'’-]/u.test(text[start - 1] ?? ' ') || /[\p{N}_'’-]/u.test(text[end] ?? ' ');
    const follows = previous !== null && !previous.glued && !glued && /^[ \t\u00A0]+$/u.test(text.slice(previous.end, start));
    words.push({ start, end, lower: match[0].toLowerCase(), follows });
    previous = { end, glued };
  }
  return words;
}

export const doubledWord: Check = ({ text }, findings) => {
  if (!mayRepeat(text)) return;
  const words = wordsOf(text);
  let coveredUntil = -1;
  const report = (first: Word, last: Word, keptEnd: number, label: string): void => {
    const repeated = text.slice(first.start, last.end);
    findings.push({
      check: 'doubled-word',
      start: first.start,
      end: last.end,
      message: `${label} twice in a row ("${repeated}"): delete one.`,
      fix: text.slice(first.start, keptEnd),
    });
    coveredUntil = last.end;
  };
  for (let index = 1; index < words.length; index++) {
    const [word, previous] = [words[index]!, words[index - 1]!];
    if (previous.start < coveredUntil) continue;
    if (isRepeatedPair(text, words, index, coveredUntil)) {
      const first = words[index - 3]!;
      report(first, word, words[index - 2]!.end, `The words "${first.lower} ${words[index - 2]!.lower}"`);
      continue;
    }
    if (!word.follows || word.lower !== previous.lower) continue;
    const lower = word.lower;
    if (GRAMMATICAL_DOUBLES.has(lower) || REDUPLICATIONS.has(lower)) continue;
    // "Bora Bora", "Sirhan Sirhan", "Duran Duran": a capitalised second word is a name written twice
    // (the MT fault is "The the", not "the The").
    if (word.end - word.start > 1 && /^\p{Lu}/u.test(text[word.start]!)) continue;
    // "What it is is a scandal", "what they did did help".
    if (/^(?:is|was|did|does|do)$/u.test(lower) && /\bwhat\b/iu.test(text.slice(0, previous.start))) continue;
    report(previous, word, previous.end, `The word "${lower}"`);
  }
};

/**
 * A quick look for what doubledWord reports, a word equal to the one before it or two words equal
 * to the two before them: most sentences have neither. Text of ASCII, curly quotes, dashes and
 * inline-code markers (most MT into English) is split into words by a plain loop; any other
 * character leaves it to the \p{L} regex, several times slower.
 */
function mayRepeat(text: string): boolean {
  const lower = text.toLowerCase();
  let previous = '';
  let second = '';
  let third = '';
  let wordStart = -1;
  for (let index = 0; index <= lower.length; index++) {
    const code = index < lower.length ? lower.charCodeAt(index) : 0;
    if (code >= 0x61 && code <= 0x7a) {
      if (wordStart < 0) wordStart = index;
      continue;
    }
    if (code >= 0x80 && !isPunctuationOrMarker(code)) return mayRepeatAnyScript(text);
    if (wordStart < 0) continue;
    const word = lower.slice(wordStart, index);
    wordStart = -1;
    if (word === previous || (word === second && previous === third)) return true;
    third = second;
    second = previous;
    previous = word;
  }
  return false;
}

/** General Punctuation (curly quotes, dashes, the ellipsis) and inline-code markers: never part of a word. */
function isPunctuationOrMarker(code: number): boolean {
  return (code >= 0x2000 && code <= 0x206f) || (code >= 0xe000 && code <= 0xf8ff);
}

/** mayRepeat for text in any script: its words as wordsOf finds them. */
function mayRepeatAnyScript(text: string): boolean {
  const words = (text.match(/\p{L}+/gu) ?? []).map((word) => word.toLowerCase());
  for (let index = 1; index < words.length; index++) {
    const word = words[index];
    if (word === words[index - 1] || (index >= 3 && word === words[index - 2] && words[index - 1] === words[index - 3])) return true;
  }
  return false;
}

/** Words index-3 … index read "a b a b" ("it was it was"), a frequent fault of neural MT; not "on and on and". */
function isRepeatedPair(text: string, words: readonly Word[], index: number, coveredUntil: number): boolean {
  const [a1, b1, a2, b2] = [words[index - 3], words[index - 2], words[index - 1], words[index]];
  if (!a1 || !b1 || !a2 || !b2 || a1.start < coveredUntil) return false;
  if (!b1.follows || !a2.follows || !b2.follows) return false;
  if (a1.lower !== a2.lower || b1.lower !== b2.lower || a1.lower === b1.lower) return false;
  if ([a1.lower, b1.lower].some((part) => REPEATING_IDIOM_WORDS.has(part) || REDUPLICATIONS.has(part))) return false;
  return !/^\p{Lu}/u.test(text[a2.start]!);
}

// ─── lowercase-start ─────────────────────────────────────────────────────────

// Particles of names that stay in lower case ("de Gaulle", "van Gogh", "al-Assad") before a capitalised name.
const NAME_PARTICLES = new Set([
  'de',
  'da',
  'di',
  'du',
  'des',
  'del',
  'della',
  'dos',
  'das',
  'van',
  'von',
  'der',
  'den',
  'ter',
  'ten',
  'le',
  'la',
  'al',
  'el',
  'bin',
  'ibn',
  'ben',
  'zu',
  'af',
]);

export const lowercaseStart: Check = (context, findings) => {
  const { text, kind, source } = context;
  if (kind === 'meta') return;
  const first = firstLetter(text);
  if (first === null || !/\p{Ll}/u.test(text[first]!)) return;
  const word = /^[\p{L}\p{N}\p{M}'’.@/_-]+/u.exec(text.slice(first))![0];
  // "iPhone", "eBay", "mRNA", "x86", "e.g.", "dw.com", "@user", "al-Assad".
  if (/[\p{Lu}\p{N}.@/_]/u.test(word.slice(1)) || inLink(context, first)) return;
  if (startsName(text.slice(first))) return;
  // The source starts in lower case as well: a list item or a continuation.
  if (source !== null) {
    const sourceFirst = firstLetter(source);
    if (sourceFirst !== null && /\p{Ll}/u.test(source[sourceFirst]!)) return;
  }
  const char = String.fromCodePoint(text.codePointAt(first)!);
  const fix = char.toUpperCase();
  const shown = /^[\p{L}\p{M}]+/u.exec(word)![0];
  findings.push({
    check: 'lowercase-start',
    start: first,
    end: first + char.length,
    message: `The sentence starts in lower case ("${shown}"): write "${fix}${shown.slice(char.length)}".`,
    fix,
  });
};

/** "de Gaulle", "von der Leyen", "al-Assad": name particles, then a capitalised name. */
function startsName(text: string): boolean {
  let rest = text;
  for (;;) {
    const particle = /^(\p{L}+)(?:[-'’]|\s+)/u.exec(rest);
    if (!particle || !NAME_PARTICLES.has(particle[1]!)) break;
    rest = rest.slice(particle[0].length);
  }
  return rest !== text && /^\p{Lu}/u.test(rest);
}

/** Index of the first letter or digit, past opening quotes, brackets, markers and spaces; null if a symbol comes first. */
function firstLetter(text: string): number | null {
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (/\s/u.test(char) || isMarker(char) || OPENING_MARKS.includes(char) || char === "'" || '¿¡'.includes(char)) continue;
    return isWordChar(char) ? index : null;
  }
  return null;
}

// ─── invisible-character ─────────────────────────────────────────────────────

// Control characters, format characters and the replacement character.
const INVISIBLE_CHARACTERS =
  '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u00AD\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2060\\u2066-\\u2069\\uFEFF\\uFFFD]';
const INVISIBLE = new RegExp(INVISIBLE_CHARACTERS, 'gu');
// Most sentences have none: a test without the u flag (and without the copy of the regex that
// matchAll makes) rules them out first.
const ANY_INVISIBLE = new RegExp(INVISIBLE_CHARACTERS);
const INVISIBLE_NAMES: Record<string, string> = {
  '\u00AD': 'soft hyphen',
  '\u200B': 'zero-width space',
  '\u200E': 'left-to-right mark',
  '\u200F': 'right-to-left mark',
  '\u2060': 'word joiner',
  '\uFEFF': 'byte-order mark',
};

export const invisibleCharacter: Check = ({ text }, findings) => {
  if (!ANY_INVISIBLE.test(text)) return;
  for (const match of text.matchAll(INVISIBLE)) {
    const char = match[0];
    const start = match.index;
    // The characters around it (the invisible one left out), to find the place.
    const where = `"${text.slice(Math.max(0, start - 12), start).trimStart()}${text.slice(start + 1, start + 13).trimEnd()}"`;
    if (char === '\uFFFD') {
      findings.push({
        check: 'invisible-character',
        start,
        end: start + 1,
        message: `A broken character "\uFFFD" in ${where}: a character was lost in conversion; retype it.`,
      });
      continue;
    }
    const code = `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    const name = INVISIBLE_NAMES[char] ?? (/[\u202A-\u202E\u2066-\u2069]/u.test(char) ? 'bidirectional control' : 'control character');
    findings.push({
      check: 'invisible-character',
      start,
      end: start + 1,
      message: `An invisible character (${code}, ${name}) in ${where}: delete it.`,
      fix: '',
    });
  }
};
