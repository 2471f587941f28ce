import { segmentDocumentStream, type DraftSegment } from '../segmentation/document';

/**
 * An article's segments one at a time, with bounded work per step, so that an import
 * can pull them in short time slices (src/articles/articleService.ts). The one place
 * that decides which segmenter imports use; its return value is the layout before the
 * first segment.
 */
export function segmentArticle(text: string, language?: string): Generator<DraftSegment, string, undefined> {
  return segmentDocumentStream(text, { language });
}
