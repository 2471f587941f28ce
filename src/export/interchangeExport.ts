import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ArticleService } from '../articles/articleService';
import type { XliffMeta } from '../articles/importFormats';
import type { Article, ArticleDocument } from '../articles/model';
import type { AnnotationService } from '../annotations/annotationService';
import { stripCodeMarkers } from '../codes/inlineCodes';
import { unprocessable } from '../errors';
import {
  articleXliffChunks,
  readAnchor,
  tmxChunks,
  xliffExportChunks,
  XmlTextEncoder,
  type ArticleSegmentForXliff,
  type TmxSegment,
  type XliffSegmentUpdate,
} from '../interchange';
import { segmentMetrics, sentenceScores } from '../metrics/segmentMetrics';
import type { InterchangeRow } from '../segments/model';
import type { SegmentService } from '../segments/segmentService';

/**
 * The ways out for localisation pipelines and MT teams: XLIFF (the imported file with the
 * corrected targets and states spliced in, or a generated XLIFF 2.0), TMX 1.4b of approved
 * pairs, and post-editing data (JSONL/TSV). Each is made in steps: segments are read a
 * thousand at a time with a turn of the event loop between reads, and the writers of
 * src/interchange produce bounded pieces.
 */

export interface InterchangeDependencies {
  articles: ArticleService;
  segments: SegmentService;
  annotations: AnnotationService;
}

/** A file made in steps; XLIFF in a non-UTF-8 encoding comes as bytes. */
export type ExportChunks = AsyncGenerator<string | Uint8Array>;

export const messages = {
  noSource: (title: string) =>
    `"${title}" has no source text, so it has no translation pairs for a TMX file. Import it from XLIFF, a table or two text files.`,
};

/** Segments per read: a few milliseconds each. */
const READ_STEP = 1_000;
/** Segments per step of the post-editing data: an edited segment's TER alignment can take a millisecond. */
const PE_STEP = 200;
/** Pieces of a writer's output per turn of the event loop. */
const PIECES_PER_TURN = 4;

/** Every segment of the article, `step` at a time, in reading order. */
async function* rowSteps(segments: SegmentService, articleId: number, step = READ_STEP): AsyncGenerator<InterchangeRow[]> {
  for (let rows = segments.interchangeRows(articleId, undefined, step); rows.length > 0;) {
    yield rows;
    if (rows.length < step) return;
    await nextTurn();
    rows = segments.interchangeRows(articleId, rows[rows.length - 1], step);
  }
}

async function allRows(segments: SegmentService, articleId: number): Promise<InterchangeRow[]> {
  const rows: InterchangeRow[] = [];
  for await (const step of rowSteps(segments, articleId)) rows.push(...step);
  return rows;
}

/** Hands a synchronous writer's pieces on, letting other requests in between every few. */
async function* paced<Piece>(pieces: Iterable<Piece>): AsyncGenerator<Piece> {
  let count = 0;
  for (const piece of pieces) {
    yield piece;
    if (++count % PIECES_PER_TURN === 0) await nextTurn();
  }
}

/**
 * `xliff`: the article's own XLIFF when it came as one (its version, encoding and everything
 * Redline does not model kept byte for byte), else a generated XLIFF 2.0. `xliff2`: the own
 * file when it is XLIFF 2.0, else the generated one.
 */
export function xliffFile(dependencies: InterchangeDependencies, article: Article, version: 'own' | '2.0') {
  const document = dependencies.articles.document(article.id);
  if (document && (version === 'own' || document.kind === 'xliff-2.0')) {
    const meta = JSON.parse(document.meta) as XliffMeta;
    return {
      chunks: ownXliffChunks(dependencies, article, document, meta),
      contentType: `application/xliff+xml; charset=${meta.encoding}`,
      fileName: document.fileName ?? undefined,
    };
  }
  return { chunks: generatedXliffChunks(dependencies, article), contentType: 'application/xliff+xml; charset=utf-8', fileName: undefined };
}

async function* ownXliffChunks(
  { segments }: InterchangeDependencies,
  article: Article,
  document: ArticleDocument,
  meta: XliffMeta,
): ExportChunks {
  // The writer needs every segment of a unit together, so the updates are read first (in steps).
  const updates: XliffSegmentUpdate[] = [];
  for await (const step of rowSteps(segments, article.id)) {
    for (const row of step) {
      // A segment made by a split has no place in the file of its own; its text travels with its partner's.
      if (row.anchor === null) continue;
      updates.push({
        anchor: readAnchor(row.anchor),
        text: row.text,
        status: row.status,
        touched: row.version > 1,
        codes: row.codes ?? [],
        mt: row.mt,
      });
    }
  }
  const encoder = meta.encoding === 'utf-8' ? null : new XmlTextEncoder(meta.encoding);
  for await (const piece of paced(
    xliffExportChunks(document.content, meta.document, updates, { targetLanguage: article.targetLanguage }),
  )) {
    if (piece) yield encoder ? encoder.encode(piece) : piece;
  }
}

/**
 * XLIFF 2.0 written from the article (src/interchange/articleXliff.ts documents the shape):
 * bilingual when every segment has its own source sentence, else monolingual (the MT as
 * <source>, the correction as <target>, both in the article's language).
 */
async function* generatedXliffChunks({ segments }: InterchangeDependencies, article: Article): ExportChunks {
  const rows = await allRows(segments, article.id);
  const bilingual =
    article.sourceLanguage !== null && rows.length > 0 && rows.every((row) => row.source !== null && row.sourceScope === 'segment');
  const forXliff: ArticleSegmentForXliff[] = rows.map((row) => ({
    mt: row.mt,
    source: row.source,
    text: row.text,
    status: row.status,
    paragraph: row.paragraph,
    separator: row.separator,
    codes: row.codes ?? undefined,
  }));
  yield* paced(
    articleXliffChunks({
      language: article.targetLanguage,
      sourceLanguage: bilingual ? article.sourceLanguage! : undefined,
      title: article.title,
      leading: bilingual ? '' : article.leading,
      segments: forXliff,
    }),
  );
}

/** TMX 1.4b: one translation unit per approved segment with its own source sentence. */
export function tmxFile({ segments }: InterchangeDependencies, article: Article): ExportChunks {
  if (article.sourceLanguage === null) throw unprocessable('no_source', messages.noSource(article.title));
  const sourceLanguage = article.sourceLanguage;
  return (async function* () {
    const pairs: TmxSegment[] = [];
    for await (const step of rowSteps(segments, article.id)) {
      for (const row of step) {
        // A paragraph's whole source beside one of its sentences is no translation pair.
        if (row.status !== 'approved' || row.sourceScope !== 'segment') continue;
        pairs.push({
          source: row.source,
          text: row.text,
          status: row.status,
          codes: row.codes ?? [],
          id: `${article.id}-${row.id}`,
          changedAt: new Date(row.updatedAt),
        });
      }
    }
    yield* paced(tmxChunks(pairs, { sourceLanguage, targetLanguage: article.targetLanguage }));
  })();
}

// ---------------------------------------------------------------------------------------------
// Post-editing data: one record per segment, for automatic post-editing and MT fine-tuning.

export const PE_FORMATS = ['jsonl', 'tsv'] as const;
export type PeFormat = (typeof PE_FORMATS)[number];

/** The TSV columns, in order (README). */
export const PE_TSV_COLUMNS = [
  'articleId',
  'segmentId',
  'position',
  'sourceLanguage',
  'targetLanguage',
  'source',
  'mt',
  'pe',
  'status',
  'hter',
  'edits',
  'editingSeconds',
  'mqmErrors',
] as const;

export interface PeRecord {
  articleId: number;
  articleTitle: string;
  segmentId: number;
  /** 0-based reading order in the article. */
  position: number;
  paragraph: number;
  kind: string;
  sourceLanguage: string | null;
  targetLanguage: string;
  /** Inline codes are left out of source, mt and pe (they are markup, not words). */
  source: string | null;
  /** 'paragraph': the source is the segment's whole paragraph (its sentences could not be paired). */
  sourceScope: string | null;
  mt: string;
  /** The post-edit: the current text. */
  pe: string;
  status: string;
  /** HTER (TER with the MT as hypothesis and the post-edit as reference, 0..100+), rounded to 2 decimals. */
  hter: number;
  ter: { insertions: number; deletions: number; substitutions: number; shifts: number; referenceWords: number };
  /** Revisions that changed the text. */
  edits: number;
  editingSeconds: number;
  mqm: { category: string; severity: string; start: number; end: number; spanText: string; comment: string | null }[];
  updatedBy: string;
  updatedAt: string;
}

function peRecords(article: Article, rows: readonly InterchangeRow[], annotations: AnnotationService): PeRecord[] {
  const mqm = new Map<number, PeRecord['mqm']>();
  for (const annotation of annotations.forExport(rows)) {
    const list = mqm.get(annotation.segmentId) ?? [];
    list.push({
      category: annotation.category,
      severity: annotation.severity,
      start: annotation.start,
      end: annotation.end,
      spanText: annotation.spanText,
      comment: annotation.comment,
    });
    mqm.set(annotation.segmentId, list);
  }
  return rows.map((row) => {
    const mt = stripCodeMarkers(row.mt);
    const pe = stripCodeMarkers(row.text);
    const metrics = segmentMetrics(mt, pe);
    const { ter } = sentenceScores(metrics);
    return {
      articleId: article.id,
      articleTitle: article.title,
      segmentId: row.id,
      position: row.position,
      paragraph: row.paragraph,
      kind: row.kind,
      sourceLanguage: article.sourceLanguage,
      targetLanguage: article.targetLanguage,
      source: row.source === null ? null : stripCodeMarkers(row.source),
      sourceScope: row.sourceScope,
      mt,
      pe,
      status: row.status,
      hter: Math.round(ter * 100) / 100,
      ter: {
        insertions: metrics.ter.insertions,
        deletions: metrics.ter.deletions,
        substitutions: metrics.ter.substitutions,
        shifts: metrics.ter.shifts,
        referenceWords: metrics.ter.referenceWords,
      },
      edits: row.editCount,
      editingSeconds: row.editingMs / 1000,
      mqm: mqm.get(row.id) ?? [],
      updatedBy: row.updatedBy,
      updatedAt: row.updatedAt,
    };
  });
}

/** A TSV cell: tabs, line breaks and backslashes escaped (\t, \n, \r, \\), so that one line is one record. */
function tsvCell(value: string | number | null): string {
  if (value === null) return '';
  return String(value).replace(/[\\\t\n\r]/g, (char) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[char]!);
}

function peLine(record: PeRecord, format: PeFormat): string {
  if (format === 'jsonl') return JSON.stringify(record) + '\n';
  const cells = { ...record, mqmErrors: record.mqm.length };
  return PE_TSV_COLUMNS.map((column) => tsvCell(cells[column])).join('\t') + '\n';
}

/** Post-editing data of the articles, in order, one line per segment (JSONL, or TSV with a header row). */
export async function* peDataChunks(dependencies: InterchangeDependencies, articleIds: readonly number[], format: PeFormat): ExportChunks {
  // Every article is checked before the first line, so that an unknown one is a clean 404.
  const articles = articleIds.map((id) => dependencies.articles.get(id));
  if (format === 'tsv') yield PE_TSV_COLUMNS.join('\t') + '\n';
  for (const article of articles) {
    for await (const step of rowSteps(dependencies.segments, article.id, PE_STEP)) {
      yield peRecords(article, step, dependencies.annotations)
        .map((record) => peLine(record, format))
        .join('');
    }
  }
}
