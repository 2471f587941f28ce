import ejs from 'ejs';
import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Article } from '../articles/model';
import type { ArticleService } from '../articles/articleService';
import type { AnnotationService } from '../annotations/annotationService';
import { commentJson } from '../comments/commentApi';
import type { CommentService } from '../comments/commentService';
import { viewsDir } from '../paths';
import type { Segment, SegmentLayout } from '../segments/model';
import { segmentJson } from '../segments/segmentJson';
import type { SegmentService } from '../segments/segmentService';
import { peDataChunks, tmxFile, xliffFile, type ExportChunks } from './interchangeExport';

const htmlTemplatePath = path.join(viewsDir, 'export', 'article.ejs');
const renderHtmlExport = ejs.compile(fs.readFileSync(htmlTemplatePath, 'utf8'), { filename: htmlTemplatePath });
/** Where the HTML export's paragraphs go into its page; they are rendered in steps. */
const PARAGRAPHS_MARKER = '<!-- redline:paragraphs -->';
const paragraphTemplatePath = path.join(viewsDir, 'export', '_paragraph.ejs');
const renderParagraph = ejs.compile(fs.readFileSync(paragraphTemplatePath, 'utf8'), { filename: paragraphTemplatePath });

export const EXPORT_FORMATS = ['txt', 'md', 'html', 'json', 'xliff', 'xliff2', 'tmx', 'pe-jsonl', 'pe-tsv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Segments read per step of an export: a few ms each, so that exporting a huge article never holds the server. */
const LAYOUT_STEP = 5_000;
const SEGMENT_STEP = 1_000;

export interface ExportFile {
  /** the file, in pieces: written one after the other, they are the whole file (bytes only for an XLIFF in another encoding than UTF-8) */
  chunks: AsyncGenerator<string> | ExportChunks;
  contentType: string;
  fileName: string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xliff: 'application/xliff+xml; charset=utf-8',
  xliff2: 'application/xliff+xml; charset=utf-8',
  tmx: 'application/x-tmx+xml; charset=utf-8',
  'pe-jsonl': 'application/jsonl; charset=utf-8',
  'pe-tsv': 'text/tab-separated-values; charset=utf-8',
};

const EXTENSIONS: Record<ExportFormat, string> = {
  txt: 'txt',
  md: 'md',
  html: 'html',
  json: 'json',
  xliff: 'xlf',
  xliff2: 'xlf',
  tmx: 'tmx',
  'pe-jsonl': 'pe.jsonl',
  'pe-tsv': 'pe.tsv',
};

/**
 * The cleaned article: the current text of every segment in the original layout.
 * An article nobody edited exports as exactly the imported text.
 */
export function exportText(article: Pick<Article, 'leading'>, segments: readonly SegmentLayout[]): string {
  let text = article.leading;
  for (const segment of segments) text += segment.text + segment.separator;
  return text;
}

export interface ExportDependencies {
  articles: ArticleService;
  segments: SegmentService;
  annotations: AnnotationService;
  comments: CommentService;
}

/**
 * An article in one format, as a file made in steps: each step reads a few thousand
 * segments (only the columns the format needs) and the caller writes it out before
 * the next, so the server stays responsive and memory flat whatever the article's size.
 * An unknown article fails here, before anything is sent.
 */
export function exportArticle(dependencies: ExportDependencies, format: ExportFormat, articleId: number): ExportFile {
  const article = dependencies.articles.get(articleId);
  const fileName = `${slug(article.title)}-${article.id}.${EXTENSIONS[format]}`;
  if (format === 'xliff' || format === 'xliff2') {
    // An imported XLIFF goes back under its own name and in its own encoding.
    const file = xliffFile(dependencies, article, format === 'xliff' ? 'own' : '2.0');
    return { chunks: file.chunks, contentType: file.contentType, fileName: file.fileName ?? fileName };
  }
  const chunks = {
    txt: () => textChunks(dependencies, article, (segment) => segment.text),
    md: () => markdownChunks(dependencies, article),
    html: () => htmlChunks(dependencies, article),
    json: () => jsonChunks(dependencies, article),
    tmx: () => tmxFile(dependencies, article),
    'pe-jsonl': () => peDataChunks(dependencies, [article.id], 'jsonl'),
    'pe-tsv': () => peDataChunks(dependencies, [article.id], 'tsv'),
  }[format]();
  return { chunks, contentType: CONTENT_TYPES[format], fileName };
}

/** The whole file as one string (the CLI and tests; fine for any article a test makes). UTF-8 bytes are decoded. */
export async function collect(chunks: AsyncIterable<string | Uint8Array>): Promise<string> {
  let text = '';
  const decoder = new TextDecoder();
  for await (const chunk of chunks) text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

/** The whole file as bytes, in its own encoding (an XLIFF export keeps the imported file's). */
export async function collectBytes(chunks: AsyncIterable<string | Uint8Array>): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for await (const chunk of chunks) pieces.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  return Buffer.concat(pieces);
}

/** Every segment's layout in reading order, LAYOUT_STEP at a time. */
async function* layoutSteps({ segments }: ExportDependencies, articleId: number): AsyncGenerator<SegmentLayout[]> {
  for (let step = segments.layout(articleId, undefined, LAYOUT_STEP); step.length > 0;) {
    yield step;
    if (step.length < LAYOUT_STEP) return;
    await nextTurn();
    step = segments.layout(articleId, step[step.length - 1], LAYOUT_STEP);
  }
}

async function* textChunks(
  dependencies: ExportDependencies,
  article: Article,
  body: (segment: SegmentLayout) => string,
): AsyncGenerator<string> {
  yield article.leading;
  for await (const step of layoutSteps(dependencies, article.id)) {
    let text = '';
    for (const segment of step) text += body(segment) + segment.separator;
    yield text;
  }
}

/**
 * Markdown articles keep their own markers (they live in the separators); a plain
 * text article gets its headings marked so that they render as headings.
 */
function markdownChunks(dependencies: ExportDependencies, article: Article): AsyncGenerator<string> {
  if (article.format === 'markdown') return textChunks(dependencies, article, (segment) => segment.text);
  return textChunks(dependencies, article, (segment) => {
    const body = escapeMarkdownLineStart(segment.text);
    return segment.kind === 'heading' ? `## ${body}` : body;
  });
}

// A sentence that happens to start like Markdown syntax must not turn into it.
function escapeMarkdownLineStart(text: string): string {
  return text.replace(/^(#{1,6} |[-*+] |\d+[.)] |>)/, '\\$1');
}

/** A standalone HTML document: one element per paragraph, headings as h2, metadata lines marked. */
async function* htmlChunks(dependencies: ExportDependencies, article: Article): AsyncGenerator<string> {
  const [before, after] = renderHtmlExport({ article, paragraphsMarker: PARAGRAPHS_MARKER }).split(PARAGRAPHS_MARKER) as [string, string];
  yield before;
  // A paragraph may continue in the next step: it is written once its last segment was read.
  let open: { kind: Segment['kind']; text: string; paragraph: number } | undefined;
  for await (const step of layoutSteps(dependencies, article.id)) {
    let html = '';
    for (const segment of step) {
      // Separators inside a paragraph are spaces or single line breaks; HTML folds them to one space.
      if (open && open.paragraph === segment.paragraph) open.text += ' ' + segment.text;
      else {
        if (open) html += renderParagraph({ paragraph: open });
        open = { kind: segment.kind, text: segment.text, paragraph: segment.paragraph };
      }
    }
    yield html;
  }
  if (open) yield renderParagraph({ paragraph: open });
  yield after;
}

/**
 * The article with every segment (MT, text, status, version) and its MQM annotations,
 * as one JSON document written in steps: the segments, then the annotations in reading
 * order, then the exported text (a JSON string written piece by piece).
 */
async function* jsonChunks(dependencies: ExportDependencies, article: Article): AsyncGenerator<string> {
  const { segments, annotations } = dependencies;
  const head = { id: article.id, title: article.title, format: article.format, createdAt: article.createdAt, updatedAt: article.updatedAt };
  yield `{\n  "article": ${JSON.stringify(head)},\n  "segments": [`;
  let first = true;
  const separator = () => (first ? ((first = false), '\n    ') : ',\n    ');
  for await (const step of segmentSteps(segments, article.id))
    yield step.map((segment) => separator() + JSON.stringify(segmentJson(segment))).join('');
  // MQM error annotations on the MT: [start, end) are UTF-16 offsets into the segment's mt.
  yield '\n  ],\n  "annotations": [';
  first = true;
  for await (const step of segmentSteps(segments, article.id)) {
    const exported = annotations.forExport(step);
    if (exported.length > 0) yield exported.map((annotation) => separator() + JSON.stringify(annotation)).join('');
  }
  // Comment threads on the sentences, in reading order: a thread's first comment says whether it is resolved.
  yield '\n  ],\n  "comments": [';
  first = true;
  const comments = dependencies.comments.forArticle(article.id);
  for (let index = 0; index < comments.length; index += SEGMENT_STEP) {
    yield comments
      .slice(index, index + SEGMENT_STEP)
      .map((comment) => separator() + JSON.stringify(commentJson(comment)))
      .join('');
    await nextTurn();
  }
  yield '\n  ],\n  "text": "';
  for await (const piece of textChunks(dependencies, article, (segment) => segment.text)) yield JSON.stringify(piece).slice(1, -1);
  yield '"\n}\n';
}

/** Every segment of the article, SEGMENT_STEP at a time, in reading order. */
async function* segmentSteps(segments: SegmentService, articleId: number): AsyncGenerator<Segment[]> {
  for (let offset = 0; ; offset += SEGMENT_STEP) {
    const step = segments.page(articleId, {}, { offset, limit: SEGMENT_STEP });
    if (step.length > 0) yield step;
    if (step.length < SEGMENT_STEP) return;
    await nextTurn();
  }
}

function slug(title: string): string {
  return (
    title
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'article'
  );
}
