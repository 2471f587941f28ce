import { Router, type Response } from 'express';
import type { ArticleService } from '../articles/articleService';
import { requireRole, type Actor } from '../auth/roles';
import { parseId, parseInput } from '../web/validate';
import type { Annotation, AnnotationRevision } from './annotationRepository';
import type { AnnotationAuthor } from './annotationService';
import { annotationPenalty, categoryLabel, type SeverityWeights } from './mqm';
import type { QualityService } from './qualityService';
import {
  createAnnotationSchema, deleteAnnotationQuery, overviewQuerySchema, patchAnnotationSchema, settingsSchema,
} from './qualitySchemas';
import { qualityJson } from './report';

/** What the quality routes need from the service container. */
export interface QualityServices {
  articles: ArticleService;
  quality: QualityService;
}

/** The signed-in actor as an annotation's author (requireRole has made sure there is one). */
export function authorOf(res: Response): AnnotationAuthor {
  const actor = res.locals.actor as Actor;
  return { name: actor.displayName, userId: actor.userId };
}

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

function settingsJson(services: QualityServices) {
  const { weights, passThreshold, updatedBy, updatedAt } = services.quality.settings();
  return { weights, passThreshold, updatedBy, updatedAt };
}

/** The JSON API for quality figures, MQM annotations and scoring settings (documented in the README). */
export function qualityApi(services: QualityServices): Router {
  const router = Router();
  const read = requireRole('editor');
  const annotate = requireRole('reviewer');
  const { quality } = services;

  /** One annotation as JSON, with its span text and current penalty. */
  const annotationBody = (annotation: Annotation) =>
    annotationJson(annotation, quality.annotations.segment(annotation.segmentId).mt, quality.settings().weights);

  router.get('/articles/:id/quality', read, (req, res) => {
    res.json(qualityJson(quality.articleQuality(parseId(req.params.id, 'Article'))));
  });

  router.get('/quality/articles', read, (req, res) => {
    const { sort, dir } = parseInput(overviewQuerySchema, req.query);
    res.json({ sort, dir, articles: quality.overview(sort, dir) });
  });

  router.get('/segments/:id/annotations', read, (req, res) => {
    const includeDeleted = req.query.includeDeleted === 'true' || req.query.includeDeleted === '1';
    const { segment, annotations } = quality.annotations.forSegment(parseId(req.params.id, 'Segment'), includeDeleted);
    const { weights } = quality.settings();
    res.json({ segmentId: segment.id, mt: segment.mt, annotations: annotations.map((annotation) => annotationJson(annotation, segment.mt, weights)) });
  });

  router.post('/segments/:id/annotations', annotate, (req, res) => {
    const segmentId = parseId(req.params.id, 'Segment');
    const input = parseInput(createAnnotationSchema, req.body ?? {});
    const annotation = quality.annotations.create(segmentId, input, authorOf(res));
    res.status(201).location(`/api/annotations/${annotation.id}`).json(annotationBody(annotation));
  });

  router.get('/annotations/:id', read, (req, res) => {
    res.json(annotationBody(quality.annotations.get(parseId(req.params.id, 'Annotation'))));
  });

  router.patch('/annotations/:id', annotate, (req, res) => {
    const id = parseId(req.params.id, 'Annotation');
    const input = parseInput(patchAnnotationSchema, req.body ?? {});
    res.json(annotationBody(quality.annotations.update(id, input, authorOf(res))));
  });

  router.delete('/annotations/:id', annotate, (req, res) => {
    const id = parseId(req.params.id, 'Annotation');
    const { version } = parseInput(deleteAnnotationQuery, req.query);
    res.json(annotationBody(quality.annotations.remove(id, version, authorOf(res))));
  });

  router.get('/annotations/:id/history', read, (req, res) => {
    const { annotation, revisions } = quality.annotations.history(parseId(req.params.id, 'Annotation'));
    res.json({ annotation: annotationBody(annotation), revisions: revisions.map(revisionJson) });
  });

  router.get('/quality/settings', read, (_req, res) => {
    res.json(settingsJson(services));
  });

  // The weights decide every article's pass or fail, so only an admin changes them.
  router.put('/quality/settings', requireRole('admin'), (req, res) => {
    const input = parseInput(settingsSchema, req.body ?? {});
    quality.updateSettings(input, (res.locals.actor as Actor).displayName);
    res.json(settingsJson(services));
  });

  return router;
}
