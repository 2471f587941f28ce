/**
 * CSV as RFC 4180 writes it (CRLF line ends; fields with a comma, quote or line
 * break quoted, quotes doubled), made safe to open in a spreadsheet: a text cell
 * that starts with = + - @ (or a tab or carriage return, which some programs skip
 * before looking) would run as a formula there (OWASP "CSV injection"), so it gets
 * a leading apostrophe. Numbers are written as they are; they are never negative here.
 */

export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Lines of CSV, each ended by CRLF: a file is its header's line and then its rows' lines, which may come in chunks. */
export function csvLines(rows: readonly (readonly CsvCell[])[]): string {
  let text = '';
  for (const row of rows) text += row.map(csvCell).join(',') + '\r\n';
  return text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return csvLines([header, ...rows]);
}
