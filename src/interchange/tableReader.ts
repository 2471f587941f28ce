/**
 * A bilingual table (CSV or TSV, e.g. exported from a spreadsheet or an MT
 * engine) into segments: one row, one segment (and one paragraph).
 *
 * The header row names the columns, in any case and spelling a person would
 * use: "source"/"src"/"original", "mt"/"target"/"translation"/"machine
 * translation", optionally "id"/"key". A language in brackets is ignored
 * ("Source (de)"), and "source_de" / "target-en" are understood. The delimiter
 * is the tab when the header has one, else the comma, else the semicolon.
 * Quoted fields with delimiters, quotes and line breaks are read by csv-parse;
 * a quote inside an unquoted field is just a character (tab-separated files
 * rarely quote). Bytes are decoded strictly (UTF-8, or UTF-16 with a BOM as
 * spreadsheets write "Unicode text"); a BOM is dropped.
 *
 * Incremental like the XLIFF reader: write(chunk) returns the rows completed.
 */
import { Parser, type Options } from 'csv-parse';
import { InterchangeError } from './errors';
import { StrictTextDecoder } from './textEncoding';
import type { ImportedSegment } from './types';

export interface TableColumns {
  /** The header cells as written. */
  source: string;
  mt: string;
  id?: string;
}

export interface TableImport {
  columns: TableColumns;
  segments: ImportedSegment[];
}

export interface TableReaderOptions {
  /** Forces the delimiter instead of guessing it from the header. */
  delimiter?: ',' | '\t' | ';';
}

const SOURCE_NAMES = ['source', 'src', 'sourcetext', 'sourcesegment', 'sourcesentence', 'original', 'originaltext', 'input'];
const MT_NAMES = [
  'mt',
  'target',
  'tgt',
  'translation',
  'machinetranslation',
  'mtoutput',
  'mttext',
  'targettext',
  'targetsegment',
  'translatedtext',
  'translated',
  'output',
  'hypothesis',
  'rawmt',
];
const ID_NAMES = ['id', 'key', 'segmentid', 'segid', 'unitid', 'stringid', 'resname', 'name'];
/** Words long enough to be recognised at the start of a header ("source_de", "target-en"). */
const SOURCE_PREFIXES = ['source'];
const MT_PREFIXES = ['target', 'translation', 'machinetranslation'];

function normalizedHeader(cell: string): string {
  return cell
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function findColumn(headers: readonly string[], names: readonly string[], prefixes: readonly string[], taken: ReadonlySet<number>): number {
  const normalized = headers.map(normalizedHeader);
  const exact = normalized.findIndex((name, index) => !taken.has(index) && names.includes(name));
  if (exact !== -1) return exact;
  return normalized.findIndex((name, index) => !taken.has(index) && prefixes.some((prefix) => name.startsWith(prefix)));
}

/** csv-parse's stream parser, with its errors handed over synchronously instead of as a later 'error' event. */
class SynchronousCsvParser extends Parser {
  failure: Error | null = null;

  constructor(options: Options) {
    // A high-water mark that is never reached: every write is parsed at once, and read() drains it.
    super({ ...options, readableHighWaterMark: 1 << 30 } as Options);
  }

  override _transform(chunk: unknown, encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    super._transform(chunk, encoding, (error?: Error | null) => {
      if (error) this.failure = error;
      callback();
    });
  }

  override _flush(callback: (error?: Error | null) => void): void {
    super._flush((error?: Error | null) => {
      if (error) this.failure = error;
      callback();
    });
  }
}

export class TableReader {
  private readonly decoder = new StrictTextDecoder('text');
  private parser: SynchronousCsvParser | null = null;
  private pendingHeader = '';
  private columns: { source: number; mt: number; id: number; header: string[] } | null = null;
  private paragraph = 0;
  private held: ImportedSegment | null = null;

  constructor(private readonly options: TableReaderOptions = {}) {}

  write(chunk: Uint8Array | string): ImportedSegment[] {
    const text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    return this.feed(text, false);
  }

  close(): TableImport {
    const segments = this.feed(this.decoder.end(), true);
    if (this.held) segments.push(this.held);
    this.held = null;
    if (!this.columns)
      throw new InterchangeError('empty_input', 'The table is empty: it needs a header row naming a source and an MT column.');
    const { header, source, mt, id } = this.columns;
    const columns: TableColumns = { source: header[source]!, mt: header[mt]! };
    if (id !== -1) columns.id = header[id]!;
    return { columns, segments };
  }

  private feed(text: string, last: boolean): ImportedSegment[] {
    if (!this.parser) {
      // The delimiter is guessed from the header line, so wait for its end.
      this.pendingHeader += text;
      if (this.pendingHeader.charCodeAt(0) === 0xfeff) this.pendingHeader = this.pendingHeader.slice(1);
      const lineEnd = this.pendingHeader.search(/\r?\n/);
      if (lineEnd === -1 && !last) return [];
      const headerLine = lineEnd === -1 ? this.pendingHeader : this.pendingHeader.slice(0, lineEnd);
      const delimiter =
        this.options.delimiter ??
        (headerLine.includes('\t') ? '\t' : headerLine.includes(',') ? ',' : headerLine.includes(';') ? ';' : ',');
      this.parser = new SynchronousCsvParser({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true });
      text = this.pendingHeader;
      this.pendingHeader = '';
    }
    const parser = this.parser;
    if (text) parser.write(text);
    if (last) parser.end();
    if (parser.failure) {
      const failure = parser.failure as Error & { lines?: number };
      const where = failure.lines ? ` (line ${failure.lines})` : '';
      throw new InterchangeError('bad_table', `The table cannot be read${where}: ${failure.message}`);
    }
    const segments: ImportedSegment[] = [];
    let record: string[] | null;
    while ((record = parser.read() as string[] | null) !== null) {
      const segment = this.rowToSegment(record);
      if (!segment) continue;
      if (this.held) segments.push(this.held);
      this.held = segment;
    }
    return segments;
  }

  private rowToSegment(record: string[]): ImportedSegment | null {
    if (!this.columns) {
      this.columns = this.headerColumns(record);
      return null;
    }
    const source = record[this.columns.source] ?? '';
    const mt = record[this.columns.mt] ?? '';
    if (source.trim() === '' && mt.trim() === '') return null;
    if (this.held) this.held.separator = '\n\n';
    const segment: ImportedSegment = { source, mt, codes: [], paragraph: this.paragraph++, separator: '' };
    const id = this.columns.id === -1 ? undefined : record[this.columns.id];
    if (id !== undefined && id !== '') segment.unitId = id;
    return segment;
  }

  private headerColumns(header: string[]): { source: number; mt: number; id: number; header: string[] } {
    const taken = new Set<number>();
    const source = findColumn(header, SOURCE_NAMES, SOURCE_PREFIXES, taken);
    if (source !== -1) taken.add(source);
    const mt = findColumn(header, MT_NAMES, MT_PREFIXES, taken);
    if (mt !== -1) taken.add(mt);
    const id = findColumn(header, ID_NAMES, [], taken);
    if (source === -1 || mt === -1) {
      const missing = [
        source === -1 ? 'a source column ("source" or "src")' : null,
        mt === -1 ? 'an MT column ("mt", "target" or "translation")' : null,
      ]
        .filter((text) => text !== null)
        .join(' and ');
      const found = header.map((cell) => `"${cell}"`).join(', ');
      throw new InterchangeError('missing_columns', `The table's header row needs ${missing}; it has ${found}.`, { line: 1, column: 1 });
    }
    return { source, mt, id, header };
  }
}

/** Reads a whole table at once. */
export function readTable(input: Uint8Array | string, options: TableReaderOptions = {}): TableImport {
  const reader = new TableReader(options);
  const first = reader.write(input);
  const rest = reader.close();
  return { columns: rest.columns, segments: [...first, ...rest.segments] };
}
