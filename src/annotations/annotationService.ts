import type { Db } from '../db/database';
import { now } from '../clock';
import { conflict, notFound, unprocessable } from '../errors';
import type { Segment } from '../segments/model';
import type { LayoutChange, SegmentService } from '../segments/segmentService';
import { cleanText } from '../segments/segmentText';
import type { ArticleStats } from '../stats/articleStats';
import type { MqmMark } from '../stats/contribution';
import { annotatedMt, type AnnotatedMt } from './annotatedMt';
import { AnnotationRepository } from './annotationRepository';
import {
  isEvaluated,
  type Annotation,
  type AnnotationAuthor,
  type AnnotationChange,
  type AnnotationRevision,
  type AnnotationUpdate,
  type ExportedAnnotation,
  type NewAnnotation,
} from './model';

export const messages = {
  notEvaluated: 'Metadata lines (dates, bylines, sources) are not evaluated; annotate sentences and headings.',
  spanOutside: (length: number) =>
    `The span must lie within the machine translation: 0 ≤ start ≤ end ≤ ${length} (its length in characters).`,
  startAfterEnd: 'start must not be after end; for an omission use the same position for both.',
  splitsCharacter: 'The span must not start or end inside a character (between the two halves of a surrogate pair).',
  staleVersion: (annotation: Annotation) =>
    `This annotation was changed by ${annotation.updatedBy} (now version ${annotation.version}) after you opened it. Look at it again and retry.`,
  deleted: (id: number) => `Annotation ${id} was removed; its history is still available.`,
};

/**
 * MQM annotations on a segment's MT. Every change is a new revision; removing one
 * marks it deleted and keeps its row and history. A change based on an old version
 * is refused (409), as for segments.
 */
export class AnnotationService {
  private readonly repository: AnnotationRepository;

  constructor(
    private readonly db: Db,
    private readonly segments: SegmentService,
    /** The stored per-article figures: MQM counts move with every annotation change, in its transaction. */
    private readonly figures: Pick<ArticleStats, 'annotationsChanged'>,
  ) {
    this.repository = new AnnotationRepository(db);
  }

  get(id: number): Annotation {
    const annotation = this.repository.find(id);
    if (!annotation) throw notFound(`Annotation ${id}`);
    return annotation;
  }

  forSegment(segmentId: number, includeDeleted = false): { segment: Segment; annotations: Annotation[] } {
    const segment = this.segment(segmentId);
    return { segment, annotations: this.repository.bySegment(segmentId, includeDeleted) };
  }

  /** The annotations that count, grouped by segment, for a page of segments. */
  bySegments(segmentIds: readonly number[]): Map<number, Annotation[]> {
    const grouped = new Map<number, Annotation[]>();
    for (const annotation of this.repository.bySegments(segmentIds)) {
      const list = grouped.get(annotation.segmentId);
      if (list) list.push(annotation);
      else grouped.set(annotation.segmentId, [annotation]);
    }
    return grouped;
  }

  forArticle(articleId: number): Annotation[] {
    return this.repository.byArticle(articleId);
  }

  history(id: number): { annotation: Annotation; revisions: AnnotationRevision[] } {
    return { annotation: this.get(id), revisions: this.revisions(id) };
  }

  /** Every revision of an annotation, oldest first. */
  revisions(id: number): AnnotationRevision[] {
    return this.repository.revisions(id);
  }

  /** When the article's annotations last changed (removals count too); undefined when it never had any. */
  lastChange(articleId: number): string | undefined {
    return this.repository.lastChange(articleId);
  }

  /** Category and severity of the annotations that count, per segment (the stored figures' MQM counts). */
  marksBySegment(segmentIds: readonly number[]): Map<number, MqmMark[]> {
    const grouped = new Map<number, MqmMark[]>();
    for (const { segmentId, category, severity } of this.repository.marksBySegments(segmentIds)) {
      const list = grouped.get(segmentId);
      if (list) list.push({ category, severity });
      else grouped.set(segmentId, [{ category, severity }]);
    }
    return grouped;
  }

  /** The MT of each segment with its annotations, ready for views/annotations/_annotated_mt.ejs. */
  annotatedMt(segments: readonly Pick<Segment, 'id' | 'mt' | 'kind'>[]): Map<number, AnnotatedMt> {
    const bySegment = this.bySegments(segments.map((segment) => segment.id));
    return new Map(segments.map((segment) => [segment.id, annotatedMt(segment, bySegment.get(segment.id) ?? [])]));
  }

  /** The current annotations of these segments (given in reading order) for the JSON export (src/export), in reading order. */
  forExport(segments: readonly Pick<Segment, 'id' | 'mt'>[]): ExportedAnnotation[] {
    const bySegment = this.bySegments(segments.map((segment) => segment.id));
    return segments.flatMap((segment) =>
      (bySegment.get(segment.id) ?? [])
        .sort((a, b) => a.start - b.start || a.id - b.id)
        .map((annotation) => ({
          id: annotation.id,
          segmentId: annotation.segmentId,
          start: annotation.start,
          end: annotation.end,
          spanText: segment.mt.slice(annotation.start, annotation.end),
          category: annotation.category,
          severity: annotation.severity,
          comment: annotation.comment,
          author: annotation.author,
          createdAt: annotation.createdAt,
          updatedAt: annotation.updatedAt,
        })),
    );
  }

  create(segmentId: number, input: NewAnnotation, author: AnnotationAuthor): Annotation {
    return this.db
      .transaction(() => {
        const segment = this.segment(segmentId);
        if (!isEvaluated(segment)) throw unprocessable('not_evaluated', messages.notEvaluated);
        checkSpan(segment.mt, input.start, input.end);
        const before = this.marksOf(segment.id);
        const at = now();
        const id = this.repository.insert(segment.id, segment.articleId, {
          start: input.start,
          end: input.end,
          category: input.category,
          severity: input.severity,
          comment: normalizeComment(input.comment),
          author: author.name,
          userId: author.userId,
          at,
        });
        this.figures.annotationsChanged(segment, before, this.marksOf(segment.id), at);
        return this.get(id);
      })
      .immediate();
  }

  /** Changes span, category, severity or comment. Returns it unchanged (no revision) when nothing differs. */
  update(id: number, input: AnnotationUpdate, author: AnnotationAuthor): Annotation {
    return this.change(id, input.version, author, (current, segment) => {
      const next = {
        start: input.start ?? current.start,
        end: input.end ?? current.end,
        category: input.category ?? current.category,
        severity: input.severity ?? current.severity,
        comment: input.comment === undefined ? current.comment : normalizeComment(input.comment),
      };
      checkSpan(segment.mt, next.start, next.end);
      const same = (Object.keys(next) as (keyof typeof next)[]).every((key) => next[key] === current[key]);
      return same ? null : { action: 'update', ...next };
    });
  }

  /** Takes the annotation out of every score; its row and history stay. */
  remove(id: number, version: number, author: AnnotationAuthor): Annotation {
    return this.change(id, version, author, (current) => ({
      action: 'delete',
      start: current.start,
      end: current.end,
      category: current.category,
      severity: current.severity,
      comment: current.comment,
    }));
  }

  private change(
    id: number,
    version: number,
    author: AnnotationAuthor,
    decide: (current: Annotation, segment: Segment) => Omit<AnnotationChange, 'author' | 'userId' | 'at'> | null,
  ): Annotation {
    // IMMEDIATE takes the write lock before the version check, as in SegmentService.
    return this.db
      .transaction(() => {
        const current = this.get(id);
        if (current.deletedAt !== null) throw conflict('annotation_deleted', messages.deleted(id));
        if (current.version !== version) {
          throw conflict('stale_version', messages.staleVersion(current), { current: current as unknown as Record<string, unknown> });
        }
        const segment = this.segment(current.segmentId);
        const next = decide(current, segment);
        if (next === null) return current;
        const before = this.marksOf(segment.id);
        const at = now();
        this.repository.append(id, current.version, { ...next, author: author.name, userId: author.userId, at });
        this.figures.annotationsChanged(segment, before, this.marksOf(segment.id), at);
        return this.get(id);
      })
      .immediate();
  }

  private marksOf(segmentId: number): MqmMark[] {
    return this.marksBySegment([segmentId]).get(segmentId) ?? [];
  }

  /**
   * A split or merge moved part of an MT to another segment: its annotations go with it, each as a
   * new revision. After a split, an annotation belongs to the part where it starts (an omission at
   * the very end of the first part stays there), clipped to that part; after a merge, the second
   * part's annotations shift to where its MT now begins. Runs inside the segment write's transaction.
   */
  followLayout({ effect, first, second, mtCut, firstLength, actor }: LayoutChange): void {
    const author = { name: actor.displayName, userId: actor.userId };
    const at = now();
    if (effect === 'merge') {
      for (const annotation of this.repository.bySegment(second.id))
        this.repository.move(annotation, first.id, annotation.start + mtCut, annotation.end + mtCut, author, at);
      return;
    }
    for (const annotation of this.repository.bySegment(first.id)) {
      const omissionAtEnd = annotation.start === firstLength && annotation.end === firstLength;
      if (annotation.start >= firstLength && !omissionAtEnd) {
        const start = Math.max(0, annotation.start - mtCut);
        this.repository.move(annotation, second.id, start, Math.max(start, annotation.end - mtCut), author, at);
      } else if (annotation.end > firstLength) {
        this.repository.move(annotation, first.id, annotation.start, firstLength, author, at);
      }
    }
  }

  /** The segment an annotation belongs to (404 when it does not exist). */
  segment(segmentId: number): Segment {
    return this.segments.get(segmentId);
  }
}

/** Refuses spans outside the MT or through the middle of a character; offsets are UTF-16 code units. */
export function checkSpan(mt: string, start: number, end: number): void {
  if (start > end) throw unprocessable('invalid_span', messages.startAfterEnd, { field: 'start' });
  if (end > mt.length) throw unprocessable('span_outside_mt', messages.spanOutside(mt.length), { field: 'end' });
  const insidePair = (offset: number) =>
    offset > 0 && offset < mt.length && /[\uD800-\uDBFF]/.test(mt[offset - 1]!) && /[\uDC00-\uDFFF]/.test(mt[offset]!);
  if (insidePair(start) || insidePair(end)) throw unprocessable('invalid_span', messages.splitsCharacter);
}

function normalizeComment(comment: string | null | undefined): string | null {
  return comment ? cleanText(comment) || null : null;
}
