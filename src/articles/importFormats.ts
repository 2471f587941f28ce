import { AppError, unprocessable } from '../errors';
import {
  anchorJson,
  chunksOf,
  decodeBytes,
  InterchangeError,
  readParallelText,
  StrictTextDecoder,
  TableReader,
  XliffReader,
  type ImportedSegment,
  type XliffDocument,
  type XliffSegment,
} from '../interchange';
import { normalizeNewlines } from '../segmentation/document';
import type { ImportDraft } from '../segments/model';
import { fileLanguageTag } from './languageTags';
import type { ArticleDocument, ArticleFormat } from './model';
import { segmentArticle } from './segmenter';
import { checkArticleText, decodeUpload } from './textInput';

/**
 * The import's readers, one per format, behind one shape: a generator of segments with
 * bounded work per step (the import pulls it in short time slices, src/articles/articleService.ts),
 * whose return value is what is known once the whole input was read. Each reader turns its
 * format's errors (src/interchange InterchangeError) into a 422 with the reader's message.
 */

/** The language of a source text nobody named (BCP 47 "undetermined"). */
export const UNDETERMINED = 'und';
/** The MT's language when neither the request nor the file says it: Redline reviews MT into English. */
export const DEFAULT_TARGET_LANGUAGE = 'en';

/** Characters fed to an incremental reader per step: parsing 16 KB of XLIFF takes a few ms on an idle core. */
const READ_STEP = 1 << 14;

export const messages = {
  formatForFile: (fileName: string) =>
    `Cannot tell the format of "${fileName}": upload .xlf/.xliff (XLIFF), .tsv or .csv (source and MT columns), .txt or .md, or say the format.`,
  sourceNeedsText: 'A source file goes with a plain-text MT file (the two-file import): upload the MT as .txt or .md.',
  pairNeedsSource: 'The two-file import (text-pair) needs the source file too (field sourceFile, CLI --source).',
  noXliffUnits: 'The XLIFF file has no unit with a source text, so there is nothing to review. Nothing was saved.',
  allUnitsUntranslatable: (units: number) =>
    `${units === 1 ? 'The only unit of the XLIFF file is' : `All ${units.toLocaleString('en-US')} units of the XLIFF file are`} ` +
    'marked translate="no", so there is nothing to review. Nothing was saved.',
};

export interface ImportInput {
  /** The MT side: an uploaded file's bytes, or text (pasted, or a JSON body's `text`). */
  content: Uint8Array | string;
  /** The source text of a two-file import. */
  source?: Uint8Array | string;
  format: ArticleFormat;
  /** Languages the request named (already checked, canonical); they win over what a file declares. */
  sourceLanguage?: string;
  targetLanguage?: string;
}

/** What is known once the input is read. */
export interface ImportEnd {
  /** Layout before the first segment. */
  leading: string;
  sourceLanguage: string | null;
  targetLanguage: string;
  /** The original file to keep for a faithful export (XLIFF); its `content` is null when it is the input as received. */
  document?: Omit<ArticleDocument, 'fileName' | 'content'> & { content: string | null };
}

export interface ImportReader {
  segments: Generator<ImportDraft, ImportEnd, undefined>;
  /** The input's size in characters (bytes for an undecoded file), for the progress shown while it is read. */
  totalCharacters: number;
  /** How much of it was read so far, when the reader reads in chunks (else the caller counts the segments' characters). */
  charactersRead: () => number | undefined;
  /**
   * Whether it is known that the document the import keeps is its input exactly as received (a file
   * in UTF-8, or text): then the import stores the input while it is read, and the end's document
   * comes without its text. False for inputs that keep no document or are decoded from another encoding.
   */
  keepsInput: () => boolean;
}

/** What the XLIFF export needs to know about the document beside its text (article_documents.meta). */
export interface XliffMeta {
  document: XliffDocument;
  /** The file's encoding ('utf-8', 'utf-16le', 'windows-1252' ...): the export is encoded back in it. */
  encoding: string;
}

/**
 * The format of an upload or a request: the one named, else the file's extension, else (for pasted
 * text) XLIFF when the text is an XLIFF document and plain text or Markdown otherwise.
 */
export function resolveFormat(named: ArticleFormat | undefined, fileName: string | undefined, hasSource: boolean): ArticleFormat {
  let format = named;
  if (!format && fileName) {
    const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
    format = (
      {
        xlf: 'xliff',
        xliff: 'xliff',
        sdlxliff: 'xliff',
        mqxliff: 'xliff',
        tsv: 'tsv',
        tab: 'tsv',
        csv: 'csv',
        txt: 'text',
        text: 'text',
      } as const
    )[extension];
    if (!format && /^(md|markdown)$/.test(extension)) format = 'markdown';
    if (!format) throw new AppError(415, 'unsupported_file_type', messages.formatForFile(fileName));
  }
  if (hasSource) {
    if (format === undefined || format === 'text' || format === 'markdown' || format === 'text-pair') return 'text-pair';
    throw new AppError(415, 'unsupported_file_type', messages.sourceNeedsText);
  }
  if (format === 'text-pair') throw unprocessable('source_required', messages.pairNeedsSource);
  return format ?? 'text';
}

/** The reader for the input's format. Decoding and checks that refuse the whole input happen here, before anything is stored. */
export function openImportReader(input: ImportInput): ImportReader {
  switch (input.format) {
    case 'xliff':
      return xliffReader(input);
    case 'tsv':
    case 'csv':
      return tableReader(input);
    case 'text-pair':
      return parallelTextReader(input);
    default:
      return plainTextReader(input);
  }
}

/** Runs a reader's step, turning its format errors into the 422 the user reads. */
function refusingBadInput<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof InterchangeError) throw unprocessable(error.code, error.message);
    throw error;
  }
}

// Each reader's generator is a function of this module, not one made anew inside the reader: V8 gives
// the generator objects of each new function a new shape, so a generator made per import sent the
// optimised reading code back to the interpreter at every import (measured with --trace-deopt).

function plainTextReader(input: ImportInput): ImportReader {
  const text = normalizeNewlines(checkArticleText(typeof input.content === 'string' ? input.content : decodeUpload(input.content)));
  const targetLanguage = input.targetLanguage ?? DEFAULT_TARGET_LANGUAGE;
  return {
    segments: plainTextSegments(text, targetLanguage),
    totalCharacters: text.length,
    charactersRead: () => undefined,
    keepsInput: () => false,
  };
}

function* plainTextSegments(text: string, targetLanguage: string): Generator<ImportDraft, ImportEnd, undefined> {
  const leading = yield* segmentArticle(text, targetLanguage);
  return { leading, sourceLanguage: null, targetLanguage };
}

/**
 * An XLIFF input as it is read. A file is decoded chunk by chunk, so that its first segments are
 * not held back by decoding all of it (~10 ms for a 2.7 MB XLIFF). The decoded text is what is
 * kept: the reader's anchors are offsets into it, and the export encodes it back into the file's
 * own encoding (a BOM stays as U+FEFF). Text, or a UTF-8 file, is that text as received: the
 * import stores the input itself (ImportReader.keepsInput), so only other encodings collect what
 * was decoded.
 */
class XliffInput {
  readonly decoder: StrictTextDecoder | null;
  readonly decoded: string[] = [];
  /** Characters, or bytes of a file, read so far. */
  read = 0;

  constructor(readonly content: Uint8Array | string) {
    this.decoder = typeof content === 'string' ? null : new StrictTextDecoder('xml');
  }

  keepsInput(): boolean {
    return this.decoder === null || this.decoder.encoding === 'utf-8';
  }
}

function xliffReader(input: ImportInput): ImportReader {
  const xliff = new XliffInput(input.content);
  return {
    segments: xliffSegments(input, xliff),
    totalCharacters: input.content.length,
    charactersRead: () => xliff.read,
    keepsInput: () => xliff.keepsInput(),
  };
}

function* xliffSegments(input: ImportInput, xliff: XliffInput): Generator<ImportDraft, ImportEnd, undefined> {
  const reader = new XliffReader();
  for (const text of xliffText(xliff)) {
    if (!xliff.keepsInput()) xliff.decoded.push(text);
    for (const segment of refusingBadInput(() => reader.write(text))) yield fromXliff(segment);
  }
  const { document, segments: rest } = refusingBadInput(() => reader.close());
  for (const segment of rest) yield fromXliff(segment);
  // Said here because the import's own "no sentences" cannot tell why a valid file gave none.
  const { units, untranslatableUnits, segments } = document.stats;
  if (segments === 0 && units > 0 && untranslatableUnits === units) {
    throw unprocessable('empty_text', messages.allUnitsUntranslatable(units));
  }
  if (segments === 0 && units === 0) throw unprocessable('empty_text', messages.noXliffUnits);
  const meta: XliffMeta = { document, encoding: xliff.decoder?.encoding ?? 'utf-8' };
  return {
    leading: '',
    sourceLanguage: input.sourceLanguage ?? fileLanguageTag(document.sourceLanguage) ?? UNDETERMINED,
    targetLanguage: input.targetLanguage ?? fileLanguageTag(document.targetLanguage) ?? DEFAULT_TARGET_LANGUAGE,
    document: {
      kind: document.version === '1.2' ? 'xliff-1.2' : 'xliff-2.0',
      content: xliff.keepsInput() ? null : xliff.decoded.join(''),
      meta: JSON.stringify(meta),
    },
  };
}

/** The input's text in steps of READ_STEP (characters, or bytes of a file, decoded as they are read). */
function* xliffText(xliff: XliffInput): Generator<string> {
  const { content, decoder } = xliff;
  if (decoder === null) {
    for (const chunk of chunksOf(content as string, READ_STEP)) {
      xliff.read += chunk.length;
      yield chunk;
    }
    return;
  }
  for (const bytes of chunksOf(content as Uint8Array, READ_STEP)) {
    xliff.read += bytes.length;
    yield refusingBadInput(() => decoder.write(bytes));
  }
  yield refusingBadInput(() => decoder.end());
}

function fromXliff(segment: XliffSegment): ImportDraft {
  return {
    paragraph: segment.paragraph,
    kind: 'sentence',
    // A unit without a target comes with an empty MT: the editor translates it (status new).
    text: segment.mt,
    separator: segment.separator,
    source: segment.source,
    sourceScope: 'segment',
    codes: segment.codes,
    anchor: anchorJson(segment.anchor),
  };
}

function tableReader(input: ImportInput): ImportReader {
  const progress = { read: 0 };
  return {
    segments: tableSegments(input, progress),
    totalCharacters: input.content.length,
    charactersRead: () => progress.read,
    keepsInput: () => false,
  };
}

function* tableSegments(input: ImportInput, progress: { read: number }): Generator<ImportDraft, ImportEnd, undefined> {
  const content = input.content;
  const reader = new TableReader();
  for (const chunk of typeof content === 'string' ? chunksOf(content, READ_STEP) : chunksOf(content, READ_STEP)) {
    progress.read += chunk.length;
    for (const row of refusingBadInput(() => reader.write(chunk))) yield fromRow(row);
  }
  const { columns, segments: rest } = refusingBadInput(() => reader.close());
  for (const row of rest) yield fromRow(row);
  return {
    leading: '',
    sourceLanguage: input.sourceLanguage ?? headerLanguage(columns.source) ?? UNDETERMINED,
    targetLanguage: input.targetLanguage ?? headerLanguage(columns.mt) ?? DEFAULT_TARGET_LANGUAGE,
  };
}

function fromRow(row: ImportedSegment): ImportDraft {
  // Spaces around a cell are the spreadsheet's, not the sentence's (a save trims them too).
  return { paragraph: row.paragraph, kind: 'sentence', text: row.mt.trim(), separator: row.separator, source: row.source?.trim() ?? null };
}

/** The language a header names: "Source (de)", "target_fr-CA", "MT [en]". */
function headerLanguage(header: string): string | null {
  const tag =
    /[([]\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)\s*[)\]]/.exec(header)?.[1] ??
    /[-_]([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)$/.exec(header.trim())?.[1];
  return fileLanguageTag(tag);
}

function parallelTextReader(input: ImportInput): ImportReader {
  const asText = (content: Uint8Array | string) =>
    normalizeNewlines(checkArticleText(typeof content === 'string' ? content : refusingBadInput(() => decodeBytes(content, 'text').text)));
  const mt = asText(input.content);
  const source = asText(input.source ?? '');
  const sourceLanguage = input.sourceLanguage ?? UNDETERMINED;
  const targetLanguage = input.targetLanguage ?? DEFAULT_TARGET_LANGUAGE;
  return {
    segments: parallelTextSegments(mt, source, sourceLanguage, targetLanguage),
    totalCharacters: mt.length,
    charactersRead: () => undefined,
    keepsInput: () => false,
  };
}

function* parallelTextSegments(
  mt: string,
  source: string,
  sourceLanguage: string,
  targetLanguage: string,
): Generator<ImportDraft, ImportEnd, undefined> {
  // Both texts are segmented at once (the pairing needs whole paragraphs of each); the segments are then stored in steps.
  const paired = refusingBadInput(() =>
    readParallelText(source, mt, { sourceLanguage: sourceLanguage === UNDETERMINED ? undefined : sourceLanguage, targetLanguage }),
  );
  for (const segment of paired.segments) {
    yield {
      paragraph: segment.paragraph,
      kind: segment.kind,
      text: segment.mt,
      separator: segment.separator,
      source: segment.source,
      sourceScope: segment.sourceScope,
    };
  }
  return { leading: paired.leading, sourceLanguage, targetLanguage };
}
