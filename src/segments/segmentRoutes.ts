import { Router, type NextFunction, type Request, type Response } from 'express';
import type { Services } from '../services';
import { AppError } from '../errors';
import { wordDiff } from '../diff/wordDiff';
import { safeReturnPath } from '../web/returnPath';
import { requireRole, type Actor } from '../auth/roles';
import { parseId, parseInput } from '../web/validate';
import { wantsJson } from '../web/errorHandler';
import { REVIEW_PAGE_SIZE } from '../articles/articleService';
import type { Segment } from '../articles/model';
import { segmentJson } from './segmentJson';
import { editFormSchema, revertFormSchema, statusFormSchema } from './segmentSchemas';

/**
 * Browser routes for one segment. The forms work without JavaScript
 * (POST → redirect); the review page's script sends the same forms with
 * `X-Requested-With: fetch` and gets the re-rendered row back instead.
 */
export function segmentRoutes(services: Services): Router {
  const router = Router();

  const reviewPath = (segment: Segment) =>
    `/articles/${segment.articleId}?page=${Math.floor(segment.position / REVIEW_PAGE_SIZE) + 1}#segment-${segment.id}`;

  /** One review-page row, as the page itself renders it. */
  function renderRow(res: Response, segment: Segment, returnTo: unknown) {
    res.render('articles/_segment', {
      segment,
      diff: wordDiff(segment.mt, segment.text),
      annotated: services.quality.annotatedMt([segment]).get(segment.id),
      returnTo: safeReturnPath(returnTo, reviewPath(segment)),
    });
  }

  function respond(req: Request, res: Response, segment: Segment, returnTo: unknown) {
    if (wantsJson(req)) {
      // The review page updates its progress bar from this header.
      res.set('X-Redline-Progress', JSON.stringify(services.articles.progress(segment.articleId)));
      renderRow(res, segment, returnTo);
    } else {
      const back = safeReturnPath(returnTo, reviewPath(segment)).replace(/#.*$/, '');
      res.redirect(303, `${back}#segment-${segment.id}`);
    }
  }

  /** A stale save in the browser: show their text, a diff to ours, and keep ours in the form. */
  function renderConflict(req: Request, res: Response, error: AppError, yourText: string, returnTo: unknown) {
    const current = services.segments.get(parseId(req.params.id, 'Segment'));
    res.status(409).render('segments/edit', {
      title: 'Edit conflict',
      segment: current,
      text: yourText,
      conflict: { message: error.message, theirText: current.text, diff: wordDiff(current.text, yourText) },
      error: undefined,
      returnTo: safeReturnPath(returnTo, reviewPath(current)),
    });
  }

  /** The review page's script shows the same choice inline: the JSON error carries the rendered panel. */
  function sendConflict(req: Request, res: Response, next: NextFunction, error: AppError, yourText: string) {
    const current = services.segments.get(parseId(req.params.id, 'Segment'));
    res.render('segments/_conflict', { message: error.message, current, diff: wordDiff(current.text, yourText) }, (renderError, html) => {
      if (renderError) return next(renderError);
      res.status(409).json({ error: { code: error.code, message: error.message, current: segmentJson(current), html } });
    });
  }

  router.get('/segments/:id/row', (req, res) => {
    renderRow(res, services.segments.get(parseId(req.params.id, 'Segment')), req.query.returnTo);
  });

  router.get('/segments/:id/edit', (req, res) => {
    const segment = services.segments.get(parseId(req.params.id, 'Segment'));
    res.render('segments/edit', {
      title: `Edit sentence ${segment.position + 1}`, segment, text: segment.text, conflict: undefined, error: undefined,
      returnTo: safeReturnPath(req.query.returnTo, reviewPath(segment)),
    });
  });

  router.post('/segments/:id', async (req, res, next) => {
    const id = parseId(req.params.id, 'Segment');
    const input = parseInput(editFormSchema, req.body ?? {});
    const actor = res.locals.actor as Actor;
    try {
      const segment = await services.writes.run(() =>
        input.action === 'reset'
          ? services.segments.resetToMt(id, input.version, actor, input.note)
          : services.segments.change(id, { version: input.version, text: input.text, note: input.note, editingSeconds: input.editingSeconds, actor }),
      );
      respond(req, res, segment, input.returnTo);
    } catch (error) {
      if (error instanceof AppError && error.status === 409 && wantsJson(req)) return sendConflict(req, res, next, error, input.text);
      if (error instanceof AppError && error.status === 409) return renderConflict(req, res, error, input.text, input.returnTo);
      if (error instanceof AppError && error.status === 422 && !wantsJson(req)) {
        const segment = services.segments.get(id);
        res.status(422).render('segments/edit', {
          title: `Edit sentence ${segment.position + 1}`, segment, text: input.text, conflict: undefined, error: error.message,
          returnTo: safeReturnPath(input.returnTo, reviewPath(segment)),
        });
        return;
      }
      throw error;
    }
  });

  router.post('/segments/:id/status', async (req, res) => {
    const id = parseId(req.params.id, 'Segment');
    const input = parseInput(statusFormSchema, req.body ?? {});
    const actor = res.locals.actor as Actor;
    const segment = await services.writes.run(() =>
      services.segments.change(id, { version: input.version, status: input.status, note: input.note, actor }),
    );
    respond(req, res, segment, input.returnTo);
  });

  router.get('/segments/:id/history', (req, res) => {
    const { segment, revisions } = services.segments.history(parseId(req.params.id, 'Segment'));
    const article = services.articles.get(segment.articleId);
    const entries = revisions.map((revision, index) => ({
      revision,
      diff: wordDiff(index === 0 ? revision.text : revisions[index - 1]!.text, revision.text),
    }));
    res.render('segments/history', { title: `History of sentence ${segment.position + 1}`, article, segment, entries: entries.reverse(), reviewPath: reviewPath(segment) });
  });

  router.post('/segments/:id/revert', requireRole('reviewer'), async (req, res) => {
    const id = parseId(req.params.id, 'Segment');
    const input = parseInput(revertFormSchema, req.body ?? {});
    const actor = res.locals.actor as Actor;
    await services.writes.run(() => services.segments.revert(id, input.version, input.to, actor));
    res.redirect(303, `/segments/${id}/history`);
  });

  return router;
}
