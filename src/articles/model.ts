import type { StatusCounts } from '../segments/model';

export type ArticleFormat = 'text' | 'markdown';

export interface Article {
  id: number;
  title: string;
  format: ArticleFormat;
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
