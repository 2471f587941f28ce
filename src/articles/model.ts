import type { StatusCounts } from '../segments/model';

/** How an article came in: plain text or Markdown, an XLIFF file, a bilingual table, or two plain-text files (source, MT). */
export const ARTICLE_FORMATS = ['text', 'markdown', 'xliff', 'tsv', 'csv', 'text-pair'] as const;
export type ArticleFormat = (typeof ARTICLE_FORMATS)[number];

export interface Article {
  id: number;
  title: string;
  format: ArticleFormat;
  /** BCP 47 tag of the source text; null when the article has none. */
  sourceLanguage: string | null;
  /** BCP 47 tag of the MT and its corrections ('en' unless the import said otherwise). */
  targetLanguage: string;
  leading: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** An article in a list, with how many of its segments are in each status. */
export interface ArticleSummary extends Article {
  counts: StatusCounts;
  total: number;
}

/** An imported XLIFF file, kept verbatim (decoded) so that its export changes only what Redline changed. */
export interface ArticleDocument {
  kind: 'xliff-1.2' | 'xliff-2.0';
  fileName: string | null;
  /** The decoded file (a BOM kept as U+FEFF); the export encodes it back in `meta`'s encoding. */
  content: string;
  /** JSON the interchange writer needs at document level (src/interchange XliffDocument). */
  meta: string;
}
