import type { Db } from './db/database';
import { ArticleService } from './articles/articleService';
import { SegmentService } from './segments/segmentService';

export interface Services {
  articles: ArticleService;
  segments: SegmentService;
}

/** One instance of each service per database handle; routes, CLI and benchmark share them. */
export function createServices(db: Db): Services {
  return { articles: new ArticleService(db), segments: new SegmentService(db) };
}
