import { Router, type Request, type Response } from 'express';
import type { ArticleService } from '../articles/articleService';
import type { GroupCommit } from '../db/groupCommit';
import { localsOf } from '../auth/locals';
import { requireRole, signedIn } from '../auth/roles';
import { wordDiff } from '../diff/wordDiff';
import { reviewPath } from '../segments/paths';
import { wantsJson } from '../web/errorHandler';
import { submitForm } from '../web/forms';
import { safeReturnPath } from '../web/returnPath';
import { parseId, parseInput } from '../web/validate';
import { annotationLabel, spanChoices } from './annotatedMt';
import { annotationDeleteFormSchema, annotationEditFormSchema, annotationFormSchema, spanQuery } from './annotationSchemas';
import { checkSpan, type AnnotationService } from './annotationService';
import type { AnnotationAuthor } from './model';
import { MQM_CATEGORIES, SEVERITIES, annotationPenalty, type SeverityWeights } from './mqm';

export interface AnnotationRouteDependencies {
  annotations: AnnotationService;
  articles: ArticleService;
  /** the current severity weights (the quality settings), for the penalties shown */
  weights: () => SeverityWeights;
  /** the write queue every change goes through */
  writes: GroupCommit;
}

/** The signed-in actor as an annotation's author (requireRole has made sure there is one). */
export function authorOf(res: Response): AnnotationAuthor {
  const actor = signedIn(res);
  return { name: actor.displayName, userId: actor.userId };
}

const annotationsPath = (segmentId: number) => `/segments/${segmentId}/annotations`;

/**
 * Browser pages of MQM annotations: a segment's annotations page and its forms.
 * Every form works without JavaScript (POST → redirect); annotate.js sends the
 * forms with `X-Requested-With: fetch` and gets the re-rendered MT back.
 */
export function annotationRoutes({ annotations, articles, weights, writes }: AnnotationRouteDependencies): Router {
  const router = Router();
  const read = requireRole('editor');
  const annotate = requireRole('reviewer');

  function renderPage(res: Response, segmentId: number, state: { error?: string; values?: Record<string, unknown> } = {}, status = 200) {
    const { segment, annotations: all } = annotations.forSegment(segmentId, true);
    const article = articles.get(segment.articleId);
    const currentWeights = weights();
    const annotated = annotations.annotatedMt([segment]).get(segment.id)!;
    res.status(status).render('annotations/page', {
      title: `Annotations of sentence ${segment.position + 1}`,
      article,
      segment,
      reviewPath: reviewPath(segment),
      diff: wordDiff(segment.mt, segment.text),
      annotated,
      annotations: all.map((annotation) => ({
        annotation,
        label: annotationLabel(annotation, segment.mt),
        spanText: segment.mt.slice(annotation.start, annotation.end),
        penalty: annotationPenalty(annotation, currentWeights),
        revisions: annotations.revisions(annotation.id),
      })),
      liveCount: all.filter((annotation) => annotation.deletedAt === null).length,
      choices: spanChoices(segment.mt),
      categories: MQM_CATEGORIES,
      severities: SEVERITIES,
      annotatable: Boolean(localsOf(res).can?.annotate) && annotated.evaluated,
      error: state.error,
      values: state.values ?? {},
    });
  }

  /** After a change: the fresh annotated MT for the page script, a redirect for plain forms. */
  function respond(req: Request, res: Response, segmentId: number, returnTo: unknown) {
    if (!wantsJson(req)) return res.redirect(303, safeReturnPath(returnTo, annotationsPath(segmentId)));
    const segment = annotations.segment(segmentId);
    res.render('annotations/_annotated_mt', { segment, annotated: annotations.annotatedMt([segment]).get(segment.id) });
  }

  /** Runs a form's change through the write queue; a refused plain form shows the annotations page again with the message. */
  const change = (req: Request, res: Response, segmentId: number, values: Record<string, unknown>, action: () => { returnTo?: string }) =>
    submitForm(
      req,
      async () => respond(req, res, segmentId, (await writes.run(action)).returnTo),
      (error) => renderPage(res, segmentId, { error: error.message, values }, error.status),
    );

  router.get('/segments/:id/annotations', read, (req, res) => {
    renderPage(res, parseId(req.params.id, 'Segment'));
  });

  // annotate.js asks for the form to open next to a selection; without the script this is the annotations page with the span picked.
  router.get('/segments/:id/annotations/form', annotate, (req, res) => {
    const segmentId = parseId(req.params.id, 'Segment');
    const span = parseInput(spanQuery, req.query);
    const segment = annotations.segment(segmentId);
    checkSpan(segment.mt, span.start, span.end);
    if (!wantsJson(req)) return renderPage(res, segmentId, { values: span });
    res.render('annotations/_annotation_form', { segment, ...span, categories: MQM_CATEGORIES, severities: SEVERITIES });
  });

  router.post('/segments/:id/annotations', annotate, async (req, res) => {
    const segmentId = parseId(req.params.id, 'Segment');
    await change(req, res, segmentId, (req.body as Record<string, unknown> | undefined) ?? {}, () => {
      const input = parseInput(annotationFormSchema, req.body ?? {});
      // An empty "end" in the form means no words were picked: an omission at start.
      annotations.create(segmentId, { ...input, end: input.end ?? input.start }, authorOf(res));
      return input;
    });
  });

  router.post('/annotations/:id', annotate, async (req, res) => {
    const id = parseId(req.params.id, 'Annotation');
    const { segmentId } = annotations.get(id);
    await change(req, res, segmentId, {}, () => {
      const input = parseInput(annotationEditFormSchema, req.body ?? {});
      annotations.update(id, input, authorOf(res));
      return input;
    });
  });

  router.post('/annotations/:id/delete', annotate, async (req, res) => {
    const id = parseId(req.params.id, 'Annotation');
    const { segmentId } = annotations.get(id);
    await change(req, res, segmentId, {}, () => {
      const input = parseInput(annotationDeleteFormSchema, req.body ?? {});
      annotations.remove(id, input.version, authorOf(res));
      return input;
    });
  });

  return router;
}
