import ejs from 'ejs';
import fs from 'node:fs';
import path from 'node:path';
import type { Article } from '../articles/model';
import type { ArticleService } from '../articles/articleService';
import type { ExportedAnnotation } from '../annotations/model';
import type { AnnotationService } from '../annotations/annotationService';
import { viewsDir } from '../paths';
import type { Segment, SegmentLayout } from '../segments/model';
import { segmentJson } from '../segments/segmentJson';
import type { SegmentService } from '../segments/segmentService';

const htmlTemplatePath = path.join(viewsDir, 'export', 'article.ejs');
const renderHtmlExport = ejs.compile(fs.readFileSync(htmlTemplatePath, 'utf8'), { filename: htmlTemplatePath });

export const EXPORT_FORMATS = ['txt', 'md', 'html', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFile {
  body: string;
  contentType: string;
  fileName: string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/**
 * The cleaned article: the current text of every segment in the original layout.
 * An article nobody edited exports as exactly the imported text.
 */
export function exportText(article: Article, segments: readonly SegmentLayout[]): string {
  let text = article.leading;
  for (const segment of segments) text += segment.text + segment.separator;
  return text;
}

export interface ExportDependencies {
  articles: ArticleService;
  segments: SegmentService;
  annotations: AnnotationService;
}

/** Renders an article in one format, reading only the columns that format needs. */
export function exportArticle(
  { articles, segments: segmentService, annotations }: ExportDependencies,
  format: ExportFormat,
  articleId: number,
): ExportFile {
  const article = articles.get(articleId);
  const layout = () => segmentService.layout(article.id);
  const fileName = `${slug(article.title)}-${article.id}.${format}`;
  const body = {
    txt: () => exportText(article, layout()),
    md: () => exportMarkdown(article, layout()),
    html: () => exportHtml(article, layout()),
    json: () => {
      const segments = articles.segments(article.id);
      return exportJson(article, segments, annotations.forExport(article.id, segments));
    },
  }[format]();
  return { body, contentType: CONTENT_TYPES[format], fileName };
}

/**
 * Markdown articles keep their own markers (they live in the separators); a plain
 * text article gets its headings marked so that they render as headings.
 */
function exportMarkdown(article: Article, segments: readonly SegmentLayout[]): string {
  if (article.format === 'markdown') return exportText(article, segments);
  let text = article.leading;
  for (const segment of segments) {
    const body = escapeMarkdownLineStart(segment.text);
    text += (segment.kind === 'heading' ? `## ${body}` : body) + segment.separator;
  }
  return text;
}

// A sentence that happens to start like Markdown syntax must not turn into it.
function escapeMarkdownLineStart(text: string): string {
  return text.replace(/^(#{1,6} |[-*+] |\d+[.)] |>)/, '\\$1');
}

/** A standalone HTML document: one element per paragraph, headings as h2, metadata lines marked. */
function exportHtml(article: Article, segments: readonly SegmentLayout[]): string {
  const paragraphs: { kind: Segment['kind']; text: string }[] = [];
  let previous: SegmentLayout | undefined;
  for (const segment of segments) {
    const last = paragraphs[paragraphs.length - 1];
    // Separators inside a paragraph are spaces or single line breaks; HTML folds them to one space.
    if (last && previous && previous.paragraph === segment.paragraph) last.text += ' ' + segment.text;
    else paragraphs.push({ kind: segment.kind, text: segment.text });
    previous = segment;
  }
  return renderHtmlExport({ article, paragraphs });
}

function exportJson(article: Article, segments: readonly Segment[], annotations: readonly ExportedAnnotation[]): string {
  const document = {
    article: { id: article.id, title: article.title, format: article.format, createdAt: article.createdAt, updatedAt: article.updatedAt },
    text: exportText(article, segments),
    segments: segments.map((segment) => segmentJson(segment)),
    // MQM error annotations on the MT: [start, end) are UTF-16 offsets into the segment's mt.
    annotations,
  };
  return JSON.stringify(document, null, 2) + '\n';
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
