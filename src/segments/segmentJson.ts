import type { Segment, SegmentFindings } from './model';

/** A segment as the API and the JSON export show it (layout fields stay internal); the API adds its QA findings. */
export function segmentJson(segment: Segment, findings?: readonly unknown[]) {
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
    openComments: segment.openComments,
    ...(findings ? { findings } : {}),
  };
}

/** Segments as the API shows them, each with its QA findings (one query for all of them). */
export function segmentsJson(segments: readonly Segment[], findingsOf: SegmentFindings) {
  const findings = findingsOf(segments.map((segment) => segment.id));
  return segments.map((segment) => segmentJson(segment, findings.get(segment.id) ?? []));
}
