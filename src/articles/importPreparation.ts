import type { InlineCode } from '../codes/inlineCodes';
import { AppError, unprocessable } from '../errors';
import { runChecks, type Finding, type GlossaryTerm } from '../qa/runChecks';
import { emptyImportRows, type ImportRows } from '../segments/model';
import { addContribution, emptyFigures, type Figures } from '../stats/contribution';
import { openImportReader, type ImportEnd, type ImportInput } from './importFormats';

/**
 * The reading half of an import, which needs no database: the format's reader turns the input
 * into segments, the limits are checked, and each chunk is prepared for storing: its rows as
 * they are inserted, their QA findings, and what they add to the article's stored figures.
 * It runs in a worker thread (src/articles/importThread.ts), so that the main thread mostly
 * writes: while it stores one chunk, the worker reads and checks the next. When the main thread
 * is the one waiting, chunks come without their checks, which it then runs itself (checkRows):
 * each thread does what keeps the other busy.
 */

export const messages = {
  tooManySegments: (max: number) =>
    `The article has more than ${max.toLocaleString('en-US')} segments, the limit per article (REDLINE_MAX_SEGMENTS). ` +
    'Nothing was saved; split it into smaller articles.',
  segmentTooLong: (index: number, length: number, max: number, fromFile: boolean) =>
    `Segment ${index.toLocaleString('en-US')} has ${length.toLocaleString('en-US')} characters; a segment can have at most ` +
    `${max.toLocaleString('en-US')} (REDLINE_MAX_SEGMENT_CHARS). Nothing was saved; ` +
    (fromFile
      ? // A file's segments are its own (an XLIFF unit is not split again): only the limit or the file can change.
        'it is a segment of the file, which Redline keeps as it is: split it in the tool that wrote the file, or raise the limit.'
      : 'add the missing sentence breaks or line breaks.'),
};

export interface PreparationRequest {
  input: ImportInput;
  /** Segments per prepared chunk: one write step each. */
  chunkSize: number;
  /** Segments in the first chunk when fewer: the main thread can start writing while the rest is read. */
  firstChunkSize?: number;
  maxSegments: number;
  maxSegmentChars: number;
  /** What the QA checks read besides each segment: the article's languages, and its glossary (a new article has the shared one). */
  qa: { sourceLanguage: string | null; targetLanguage: string; glossary: readonly GlossaryTerm[] };
}

/** The QA findings of one segment of a chunk (the segments without any have none here). */
export interface PreparedFindings {
  /** The segment's index in the chunk's rows. */
  index: number;
  findings: Finding[];
}

/** A chunk's QA findings and what it adds to the article's stored figures (its open findings included). */
export interface CheckedRows {
  findings: PreparedFindings[];
  figures: Figures;
}

export interface PreparedChunk {
  /** The segments ready to store (`openFindings` counted once checked). */
  rows: ImportRows;
  /** Null when the chunk was read without its checks: checkRows() runs them where it is stored. */
  checked: CheckedRows | null;
  /** Characters of the input read so far, of `totalCharacters`: the progress the import page shows. */
  characters: number;
  totalCharacters: number;
  /** The input as received is the document the import keeps (ImportReader.keepsInput): it can be stored now. */
  keepsInput: boolean;
}

/**
 * Runs the QA checks on a chunk's rows with the import's languages and glossary: sets each row's
 * `openFindings`, and gives the findings and what the rows add to the figures. `codes` gives the
 * inline codes of row `index` ([] for none), or a function that reads them when a check needs them.
 */
export function checkRows(
  rows: ImportRows,
  qa: PreparationRequest['qa'],
  codes: (index: number) => readonly InlineCode[] | (() => readonly InlineCode[]),
): CheckedRows {
  const findings: PreparedFindings[] = [];
  const figures = emptyFigures();
  for (let index = 0; index < rows.text.length; index++) {
    const text = rows.text[index]!;
    const kind = rows.kind[index]!;
    const found = runChecks({
      text,
      mt: text,
      source: rows.source[index] ?? null,
      kind,
      codes: codes(index),
      sourceLanguage: qa.sourceLanguage,
      targetLanguage: qa.targetLanguage,
      glossary: qa.glossary,
    });
    if (found.length > 0) findings.push({ index, findings: found });
    rows.openFindings[index] = found.length;
    addContribution(figures, {
      kind,
      status: 'new',
      mt: text,
      text,
      editingMs: 0,
      openFindings: found.length,
      openComments: 0,
      annotations: [],
    });
  }
  return { findings, figures };
}

/** What is known once the input was read: its end, and what may name the article. */
export interface PreparedEnd extends ImportEnd {
  firstHeading?: string;
  firstSentence?: string;
  /** A unit without a target has an empty MT: the first source may name the article instead. */
  firstSource?: string;
}

/**
 * Reads the input chunk by chunk; throws the 4xx AppError the user reads for input it refuses.
 * The value next() is given says whether the chunk it reads is checked too (the first one always is).
 */
export function* prepareImport(request: PreparationRequest): Generator<PreparedChunk, PreparedEnd, boolean | undefined> {
  const { chunkSize, maxSegments, maxSegmentChars, qa } = request;
  const reader = openImportReader(request.input);
  const stream = reader.segments;
  const titles: Omit<PreparedEnd, keyof ImportEnd> = {};
  let count = 0;
  let characters = 0;
  let check = true;
  for (;;) {
    const rows = emptyImportRows();
    // The chunk's codes as the checks read them, before they become JSON.
    const codeLists: (readonly InlineCode[] | null)[] = [];
    let end: ImportEnd | undefined;
    const size = count === 0 ? Math.min(chunkSize, request.firstChunkSize ?? chunkSize) : chunkSize;
    while (rows.text.length < size) {
      const step = stream.next();
      if (step.done) {
        end = step.value;
        break;
      }
      const draft = step.value;
      count++;
      if (count > maxSegments) throw new AppError(413, 'too_many_segments', messages.tooManySegments(maxSegments));
      if (draft.text.length > maxSegmentChars) {
        throw unprocessable('segment_too_long', messages.segmentTooLong(count, draft.text.length, maxSegmentChars, Boolean(draft.anchor)), {
          segment: count,
          length: draft.text.length,
          limit: maxSegmentChars,
        });
      }
      if (draft.kind === 'heading') titles.firstHeading ??= draft.text;
      if (draft.kind === 'sentence' && draft.text) titles.firstSentence ??= draft.text;
      if (draft.source) titles.firstSource ??= draft.source;
      characters = reader.charactersRead() ?? characters + draft.text.length + draft.separator.length;
      const source = draft.source ?? null;
      const codes = draft.codes && draft.codes.length > 0 ? draft.codes : null;
      codeLists.push(codes);
      rows.paragraph.push(draft.paragraph);
      rows.kind.push(draft.kind);
      rows.text.push(draft.text);
      rows.separator.push(draft.separator);
      rows.source.push(source);
      rows.sourceScope.push(source === null ? null : (draft.sourceScope ?? 'segment'));
      rows.codes.push(codes && JSON.stringify(codes));
      rows.anchor.push(draft.anchor ?? null);
      rows.openFindings.push(0);
    }
    if (rows.text.length > 0) {
      const checked: CheckedRows | null = check ? checkRows(rows, qa, (index) => codeLists[index] ?? []) : null;
      check = (yield { rows, checked, characters, totalCharacters: reader.totalCharacters, keepsInput: reader.keepsInput() }) ?? true;
    }
    if (end) return { ...end, ...titles };
  }
}
