import type { Segment } from './model';

/** A segment as the API and the JSON export show it (layout fields stay internal). */
export function segmentJson(segment: Segment) {
  return {
    id: segment.id,
    articleId: segment.articleId,
    paragraph: segment.paragraph,
    position: segment.position,
    kind: segment.kind,
    source: segment.source,
    // Only bilingual articles have these: the source's scope and the inline codes behind the markers.
    ...(segment.source !== null && { sourceScope: segment.sourceScope }),
    ...(segment.codes && { codes: segment.codes }),
    mt: segment.mt,
    text: segment.text,
    status: segment.status,
    version: segment.version,
    updatedBy: segment.updatedBy,
    updatedAt: segment.updatedAt,
  };
}
