import { Router, type Request, type Response } from 'express';
import { hasRole, requireRole, type Actor } from '../auth/roles';
import { wordDiff } from '../diff/wordDiff';
import { safeReturnPath } from '../web/returnPath';
import { AppError } from '../errors';
import { parseId, parseInput } from '../web/validate';
import { wantsJson } from '../web/errorHandler';
import { annotationLabel, spanChoices } from './annotatedMt';
import { format } from './format';
import { MQM_CATEGORIES, SEVERITIES, annotationPenalty } from './mqm';
import { authorOf, type QualityServices } from './qualityApi';
import {
  OVERVIEW_SORTS, annotationDeleteFormSchema, annotationEditFormSchema, annotationFormSchema, overviewQuerySchema,
  reportQuery, settingsFormSchema, spanQuery,
} from './qualitySchemas';
import { checkSpan } from './annotationService';
import { qualityJson, reportCsv } from './report';

const canAnnotate = (res: Response) => hasRole(res.locals.actor as Actor | undefined, 'reviewer');
const annotationsPath = (segmentId: number) => `/segments/${segmentId}/annotations`;

/** A form value the page shows again after a refused post. */
interface FormState {
  error?: string;
  values?: Record<string, unknown>;
}

/**
 * Browser pages: the report, the overview, the settings, and the annotation forms.
 * Every form works without JavaScript (POST → redirect); annotate.js sends the
 * annotation forms with `X-Requested-With: fetch` and gets the re-rendered MT back.
 */
export function qualityRoutes(services: QualityServices): Router {
  const router = Router();
  const read = requireRole('editor');
  const annotate = requireRole('reviewer');
  const { quality } = services;

  function renderAnnotationsPage(res: Response, segmentId: number, state: FormState = {}, status = 200) {
    const { segment, annotations } = quality.annotations.forSegment(segmentId, true);
    const article = services.articles.get(segment.articleId);
    const { weights } = quality.settings();
    const live = annotations.filter((annotation) => annotation.deletedAt === null);
    res.status(status).render('quality/annotations', {
      title: `Annotations of sentence ${segment.position + 1}`,
      article,
      segment,
      diff: wordDiff(segment.mt, segment.text),
      annotated: quality.annotatedMt([segment]).get(segment.id),
      annotations: annotations.map((annotation) => ({
        annotation,
        label: annotationLabel(annotation, segment.mt),
        spanText: segment.mt.slice(annotation.start, annotation.end),
        penalty: annotationPenalty(annotation, weights),
        revisions: quality.annotations.repository.revisions(annotation.id),
      })),
      liveCount: live.length,
      choices: spanChoices(segment.mt),
      categories: MQM_CATEGORIES,
      severities: SEVERITIES,
      canAnnotate: canAnnotate(res) && segment.kind !== 'meta',
      error: state.error,
      values: state.values ?? {},
      format,
    });
  }

  /** After a change: the fresh annotated MT for the page script, a redirect for plain forms. */
  function respond(req: Request, res: Response, segmentId: number, returnTo: unknown) {
    if (wantsJson(req)) {
      const segment = quality.annotations.segment(segmentId);
      res.render('quality/_annotated_mt', { segment, annotated: quality.annotatedMt([segment]).get(segment.id), canAnnotate: canAnnotate(res) });
      return;
    }
    res.redirect(303, safeReturnPath(returnTo, annotationsPath(segmentId)));
  }

  /** A refused plain form shows the annotations page again with the message; the page script gets JSON. */
  function refuse(req: Request, res: Response, error: unknown, segmentId: number, values: Record<string, unknown>) {
    if (!(error instanceof AppError) || wantsJson(req) || (error.status !== 409 && error.status !== 422)) throw error;
    renderAnnotationsPage(res, segmentId, { error: error.message, values }, error.status);
  }

  router.get('/quality', read, (req, res) => {
    const { sort, dir } = parseInput(overviewQuerySchema, req.query);
    res.render('quality/overview', {
      title: 'Quality', rows: quality.overview(sort, dir), sort, dir, sorts: OVERVIEW_SORTS, settingsThreshold: quality.settings().passThreshold, format,
    });
  });

  router.get('/quality/settings', read, (req, res) => {
    res.render('quality/settings', {
      title: 'Quality settings', settings: quality.settings(), canChange: hasRole(res.locals.actor as Actor, 'admin'),
      saved: req.query.saved === '1', error: undefined, values: undefined, format,
    });
  });

  router.post('/quality/settings', requireRole('admin'), (req, res) => {
    try {
      const input = parseInput(settingsFormSchema, req.body ?? {});
      const { passThreshold, ...weights } = input;
      quality.updateSettings({ weights, passThreshold }, (res.locals.actor as Actor).displayName);
      res.redirect(303, '/quality/settings?saved=1');
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 422 || wantsJson(req)) throw error;
      res.status(422).render('quality/settings', {
        title: 'Quality settings', settings: quality.settings(), canChange: true, saved: false, error: error.message, values: req.body, format,
      });
    }
  });

  router.get('/articles/:id/quality', read, (req, res) => {
    const articleId = parseId(req.params.id, 'Article');
    const { format: download, page, all } = parseInput(reportQuery, req.query);
    if (download) {
      const article = services.articles.get(articleId);
      const quality_ = quality.articleQuality(articleId);
      const fileName = `quality-${article.id}.${download}`;
      if (download === 'csv') res.type('text/csv; charset=utf-8').attachment(fileName).send(reportCsv(quality_));
      else res.type('application/json; charset=utf-8').attachment(fileName).send(JSON.stringify(qualityJson(quality_), null, 2) + '\n');
      return;
    }
    const report = quality.report(articleId, { page, all: all === '1' });
    res.render('quality/report', { title: `Quality: ${report.quality.article.title}`, report, severities: SEVERITIES, format });
  });

  router.get('/segments/:id/annotations', read, (req, res) => {
    renderAnnotationsPage(res, parseId(req.params.id, 'Segment'));
  });

  // annotate.js asks for the form to open next to a selection; without the script this is the annotations page with the span picked.
  router.get('/segments/:id/annotations/form', annotate, (req, res) => {
    const segmentId = parseId(req.params.id, 'Segment');
    const span = parseInput(spanQuery, req.query);
    const segment = quality.annotations.segment(segmentId);
    checkSpan(segment.mt, span.start, span.end);
    if (!wantsJson(req)) return renderAnnotationsPage(res, segmentId, { values: span });
    res.render('quality/_annotation_form', { segment, ...span, categories: MQM_CATEGORIES, severities: SEVERITIES });
  });

  router.post('/segments/:id/annotations', annotate, (req, res) => {
    const segmentId = parseId(req.params.id, 'Segment');
    try {
      const input = parseInput(annotationFormSchema, req.body ?? {});
      // An empty "end" in the form means no words were picked: an omission at start.
      quality.annotations.create(segmentId, { ...input, end: input.end ?? input.start }, authorOf(res));
      respond(req, res, segmentId, input.returnTo);
    } catch (error) {
      refuse(req, res, error, segmentId, req.body ?? {});
    }
  });

  router.post('/annotations/:id', annotate, (req, res) => {
    const id = parseId(req.params.id, 'Annotation');
    const { segmentId } = quality.annotations.get(id);
    try {
      const input = parseInput(annotationEditFormSchema, req.body ?? {});
      quality.annotations.update(id, input, authorOf(res));
      respond(req, res, segmentId, input.returnTo);
    } catch (error) {
      refuse(req, res, error, segmentId, {});
    }
  });

  router.post('/annotations/:id/delete', annotate, (req, res) => {
    const id = parseId(req.params.id, 'Annotation');
    const { segmentId } = quality.annotations.get(id);
    try {
      const input = parseInput(annotationDeleteFormSchema, req.body ?? {});
      quality.annotations.remove(id, input.version, authorOf(res));
      respond(req, res, segmentId, input.returnTo);
    } catch (error) {
      refuse(req, res, error, segmentId, {});
    }
  });

  return router;
}
