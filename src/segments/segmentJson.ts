import type { Segment } from './model';

/** A segment as the API and the JSON export show it (layout fields stay internal). */
export function segmentJson(segment: Segment) {
  return {
    id: segment.id,
    articleId: segment.articleId,
    paragraph: segment.paragraph,
    position: segment.position,
    kind: segment.kind,
    mt: segment.mt,
    text: segment.text,
    status: segment.status,
    version: segment.version,
    updatedBy: segment.updatedBy,
    updatedAt: segment.updatedAt,
    openComments: segment.openComments,
  };
}
