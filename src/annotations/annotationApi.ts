import { Router } from 'express';
import { requireRole } from '../auth/roles';
import { parseId, parseInput } from '../web/validate';
import { authorOf, type AnnotationRouteDependencies } from './annotationRoutes';
import { createAnnotationSchema, deleteAnnotationQuery, listAnnotationsQuery, patchAnnotationSchema } from './annotationSchemas';
import type { Annotation, AnnotationRevision } from './model';
import { annotationPenalty, categoryLabel, type SeverityWeights } from './mqm';

export function annotationJson(annotation: Annotation, mt: string, weights: SeverityWeights) {
  return {
    id: annotation.id,
    segmentId: annotation.segmentId,
    articleId: annotation.articleId,
    start: annotation.start,
    end: annotation.end,
    spanText: mt.slice(annotation.start, annotation.end),
    category: annotation.category,
    categoryLabel: categoryLabel(annotation.category),
    severity: annotation.severity,
    comment: annotation.comment,
    penalty: annotation.deletedAt === null ? annotationPenalty(annotation, weights) : 0,
    version: annotation.version,
    deleted: annotation.deletedAt !== null,
    deletedAt: annotation.deletedAt,
    author: annotation.author,
    userId: annotation.userId,
    createdAt: annotation.createdAt,
    updatedBy: annotation.updatedBy,
    updatedAt: annotation.updatedAt,
  };
}

function revisionJson(revision: AnnotationRevision) {
  return {
    version: revision.version,
    action: revision.action,
    start: revision.start,
    end: revision.end,
    category: revision.category,
    severity: revision.severity,
    comment: revision.comment,
    author: revision.author,
    userId: revision.userId,
    createdAt: revision.createdAt,
  };
}

/** The JSON API for MQM annotations (documented in the README). */
export function annotationApi({ annotations, weights, writes }: Omit<AnnotationRouteDependencies, 'articles'>): Router {
  const router = Router();
  const read = requireRole('editor');
  const annotate = requireRole('reviewer');

  /** One annotation as JSON, with its span text and current penalty. */
  const annotationBody = (annotation: Annotation) => annotationJson(annotation, annotations.segment(annotation.segmentId).mt, weights());

  router.get('/segments/:id/annotations', read, (req, res) => {
    const { includeDeleted } = parseInput(listAnnotationsQuery, req.query);
    const { segment, annotations: list } = annotations.forSegment(
      parseId(req.params.id, 'Segment'),
      includeDeleted === 'true' || includeDeleted === '1',
    );
    const currentWeights = weights();
    res.json({
      segmentId: segment.id,
      mt: segment.mt,
      annotations: list.map((annotation) => annotationJson(annotation, segment.mt, currentWeights)),
    });
  });

  router.post('/segments/:id/annotations', annotate, async (req, res) => {
    const segmentId = parseId(req.params.id, 'Segment');
    const input = parseInput(createAnnotationSchema, req.body ?? {});
    const author = authorOf(res);
    const annotation = await writes.run(() => annotations.create(segmentId, input, author));
    res.status(201).location(`/api/annotations/${annotation.id}`).json(annotationBody(annotation));
  });

  router.get('/annotations/:id', read, (req, res) => {
    res.json(annotationBody(annotations.get(parseId(req.params.id, 'Annotation'))));
  });

  router.patch('/annotations/:id', annotate, async (req, res) => {
    const id = parseId(req.params.id, 'Annotation');
    const input = parseInput(patchAnnotationSchema, req.body ?? {});
    const author = authorOf(res);
    res.json(annotationBody(await writes.run(() => annotations.update(id, input, author))));
  });

  router.delete('/annotations/:id', annotate, async (req, res) => {
    const id = parseId(req.params.id, 'Annotation');
    const { version } = parseInput(deleteAnnotationQuery, req.query);
    const author = authorOf(res);
    res.json(annotationBody(await writes.run(() => annotations.remove(id, version, author))));
  });

  router.get('/annotations/:id/history', read, (req, res) => {
    const { annotation, revisions } = annotations.history(parseId(req.params.id, 'Annotation'));
    res.json({ annotation: annotationBody(annotation), revisions: revisions.map(revisionJson) });
  });

  return router;
}
