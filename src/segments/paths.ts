import { PAGE_SIZE } from '../pagination';
import type { Segment } from './model';

/** Where a segment stands on its article's review page: the page that lists it, scrolled to its row. */
export function reviewPath(segment: Pick<Segment, 'id' | 'articleId' | 'position'>): string {
  return `/articles/${segment.articleId}?page=${Math.floor(segment.position / PAGE_SIZE) + 1}#segment-${segment.id}`;
}
