/**
 * Glossaries as CSV: columns term, preferred, note, match_case, whole_word
 * (and, when reading, an optional language column).
 *
 * Written with csv-stringify as RFC 4180 (CRLF, quotes doubled), every text
 * cell that a spreadsheet would run as a formula (starting with = + - @, a tab
 * or a carriage return) prefixed with an apostrophe (OWASP "CSV injection"),
 * like the quality report's CSV. Reading, with csv-parse, undoes that prefix,
 * so a glossary survives the round trip; it takes the usual header spellings
 * ("Match case", "whole-word", "forbidden", "replacement", ...) and yes/no,
 * true/false, 1/0, x for the options (empty: match_case no, whole_word yes).
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { InterchangeError } from './errors';
import { decodeBytes } from './textEncoding';
import type { GlossaryEntry } from './types';

export const GLOSSARY_CSV_COLUMNS = ['term', 'preferred', 'note', 'match_case', 'whole_word'] as const;

const FORMULA_START = /^[=+\-@\t\r]/;
const GUARDED = /^'[=+\-@\t\r]/;

function guard(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function unguard(cell: string): string {
  return GUARDED.test(cell) ? cell.slice(1) : cell;
}

export function writeGlossaryCsv(entries: readonly GlossaryEntry[]): string {
  const rows = entries.map((entry) => [
    guard(entry.term),
    guard(entry.preferred),
    guard(entry.note ?? ''),
    entry.matchCase ? 'yes' : 'no',
    entry.wholeWord ? 'yes' : 'no',
  ]);
  // A line break inside a cell is quoted whatever it is: spreadsheets split rows on a bare LF too.
  return stringify([[...GLOSSARY_CSV_COLUMNS], ...rows], { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

const HEADER_NAMES: Record<string, readonly string[]> = {
  term: ['term', 'forbidden', 'forbiddenterm', 'variant', 'mtterm', 'wrong', 'incorrect', 'avoid', 'source'],
  preferred: ['preferred', 'preferredterm', 'replacement', 'correct', 'use', 'target'],
  note: ['note', 'notes', 'comment', 'comments', 'description'],
  match_case: ['matchcase', 'case', 'casesensitive', 'casesensitivity'],
  whole_word: ['wholeword', 'wholewords', 'word', 'matchwholeword'],
  language: ['language', 'lang', 'locale'],
};

function normalized(cell: string): string {
  return cell.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

function flag(value: string | undefined, fallback: boolean, where: string): boolean {
  const text = (value ?? '').trim().toLowerCase();
  if (text === '') return fallback;
  if (['yes', 'y', 'true', '1', 'x'].includes(text)) return true;
  if (['no', 'n', 'false', '0'].includes(text)) return false;
  throw new InterchangeError('bad_table', `The glossary says "${value}" for ${where}; write yes or no.`);
}

/** Reads a glossary CSV (or TSV); `language` is used for rows without a language column. */
export function readGlossaryCsv(input: Uint8Array | string, options: { language: string }): GlossaryEntry[] {
  const text = typeof input === 'string' ? input.replace(/^\ufeff/, '') : decodeBytes(input, 'text').text;
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = firstLine.includes('\t') ? '\t' : firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  let records: string[][];
  try {
    const parsed: string[][] = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true });
    records = parsed;
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    throw new InterchangeError('bad_table', `The glossary cannot be read${lines ? ` (line ${lines})` : ''}: ${(error as Error).message}`);
  }
  const header = (records[0] ?? []).map(normalized);
  const column = (name: string) => header.findIndex((cell) => HEADER_NAMES[name]!.includes(cell));
  const term = column('term');
  const preferred = column('preferred');
  if (term === -1 || preferred === -1) {
    throw new InterchangeError(
      'missing_columns',
      `The glossary's header row needs a "term" and a "preferred" column; it has ${(records[0] ?? []).map((cell) => `"${cell}"`).join(', ') || 'nothing'}.`,
      { line: 1, column: 1 },
    );
  }
  const note = column('note');
  const matchCase = column('match_case');
  const wholeWord = column('whole_word');
  const language = column('language');
  const entries: GlossaryEntry[] = [];
  records.slice(1).forEach((record, index) => {
    const cell = (at: number) => (at === -1 ? undefined : record[at]);
    const termText = unguard(cell(term) ?? '').trim();
    const preferredText = unguard(cell(preferred) ?? '').trim();
    if (termText === '' && preferredText === '') return;
    const row = `row ${index + 2}`;
    const entry: GlossaryEntry = {
      term: termText || preferredText,
      preferred: preferredText || termText,
      matchCase: flag(cell(matchCase), false, `match_case in ${row}`),
      wholeWord: flag(cell(wholeWord), true, `whole_word in ${row}`),
      language: cell(language)?.trim() || options.language,
    };
    const noteText = unguard(cell(note) ?? '').trim();
    if (noteText !== '') entry.note = noteText;
    entries.push(entry);
  });
  return entries;
}
