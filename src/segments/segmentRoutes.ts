import { Router, type NextFunction, type Request, type Response } from 'express';
import { requireRole, signedIn } from '../auth/roles';
import type { GroupCommit } from '../db/groupCommit';
import { wordDiff } from '../diff/wordDiff';
import { AppError, unprocessable } from '../errors';
import { wantsJson } from '../web/errorHandler';
import { submitForm } from '../web/forms';
import { safeReturnPath } from '../web/returnPath';
import { parseId, parseInput } from '../web/validate';
import { REVIEW_STATUSES, type RowAnnotations, type RowFindings, type Segment } from './model';
import { reviewPath } from './paths';
import { segmentJson } from './segmentJson';
import {
  diffFormSchema,
  editFormSchema,
  mergeFormSchema,
  revertFormSchema,
  splitFormSchema,
  statusFormSchema,
  undoFormSchema,
} from './segmentSchemas';
import type { SegmentService } from './segmentService';

export interface SegmentRouteDependencies {
  segments: SegmentService;
  /** Runs saves from concurrent requests in shared, durable commits. */
  writes: GroupCommit;
  /** The annotated MT shown in each review row (from src/annotations). */
  annotatedMt: RowAnnotations;
  /** The QA findings shown in each review row (from src/findings). */
  rowFindings: RowFindings;
  /** The article a segment belongs to, for the history page's title and link. */
  articleOf: (articleId: number) => { id: number; title: string };
}

/**
 * Browser routes for one segment. The forms work without JavaScript
 * (POST → redirect); the review page's script sends the same forms with
 * `X-Requested-With: fetch` and gets the re-rendered row back instead.
 */
export function segmentRoutes({ segments, writes, annotatedMt, rowFindings, articleOf }: SegmentRouteDependencies): Router {
  const router = Router();

  /** What one review-page row shows of a segment, as the page itself renders it. */
  function rowView(segment: Segment, returnTo: unknown) {
    return {
      segment,
      diff: wordDiff(segment.mt, segment.text),
      annotated: annotatedMt([segment]).get(segment.id),
      qa: rowFindings([segment]).get(segment.id),
      returnTo: safeReturnPath(returnTo, reviewPath(segment)),
    };
  }

  /** After a change: the page script gets the row with the article's fresh progress; a plain form goes back to the page. */
  function respond(req: Request, res: Response, segment: Segment, returnTo: unknown) {
    const row = rowView(segment, returnTo);
    if (!wantsJson(req)) return res.redirect(303, `${row.returnTo.replace(/#.*$/, '')}#segment-${segment.id}`);
    // The page's status filter, so that the filter links come back as the page showed them.
    const status = REVIEW_STATUSES.find((candidate) => new URL(row.returnTo, 'http://redline').searchParams.get('status') === candidate);
    res.render('segments/_saved', { ...row, article: { id: segment.articleId }, progress: segments.progress(segment.articleId), status });
  }

  /** The edit page: the segment's text in a form, with a refusal's message or a conflict's two texts. */
  function renderEdit(
    res: Response,
    segment: Segment,
    state: {
      text: string;
      returnTo: unknown;
      error?: string;
      conflict?: { message: string; theirText: string; diff: ReturnType<typeof wordDiff> };
    },
    status = 200,
  ) {
    res.status(status).render('segments/edit', {
      title: state.conflict ? 'Edit conflict' : `Edit sentence ${segment.position + 1}`,
      segment,
      text: state.text,
      conflict: state.conflict,
      error: state.error,
      returnTo: safeReturnPath(state.returnTo, reviewPath(segment)),
    });
  }

  /** The review page's script shows a stale save's choice inline: the JSON error carries the rendered panel. */
  function sendConflict(res: Response, next: NextFunction, error: AppError, current: Segment, yourText: string) {
    res.render('segments/_conflict', { message: error.message, current, diff: wordDiff(current.text, yourText) }, (renderError, html) => {
      if (renderError) return next(renderError);
      res.status(409).json({ error: { code: error.code, message: error.message, current: segmentJson(current), html } });
    });
  }

  router.get('/segments/:id/row', (req, res) => {
    res.render('articles/_segment', rowView(segments.get(parseId(req.params.id, 'Segment')), req.query.returnTo));
  });

  /** The live diff under the review page's editor: the MT against the text being typed, rendered as the row renders it. */
  router.post('/segments/:id/diff', (req, res) => {
    const segment = segments.get(parseId(req.params.id, 'Segment'));
    const { text } = parseInput(diffFormSchema, req.body ?? {});
    res.render('partials/diff', { diff: wordDiff(segment.mt, text) });
  });

  router.get('/segments/:id/edit', (req, res) => {
    const segment = segments.get(parseId(req.params.id, 'Segment'));
    renderEdit(res, segment, { text: segment.text, returnTo: req.query.returnTo });
  });

  router.post('/segments/:id', async (req, res, next) => {
    const id = parseId(req.params.id, 'Segment');
    const input = parseInput(editFormSchema, req.body ?? {});
    const actor = signedIn(res);
    try {
      await submitForm(
        req,
        async () => {
          const segment = await writes.run(() =>
            input.action === 'reset'
              ? segments.resetToMt(id, input.version, actor, input.note)
              : segments.change(id, {
                  version: input.version,
                  text: input.text,
                  note: input.note,
                  editingSeconds: input.editingSeconds,
                  actor,
                }),
          );
          respond(req, res, segment, input.returnTo);
        },
        (error) => {
          // A stale save: show their text, a diff to ours, and keep ours in the form.
          const current = segments.get(id);
          const conflict =
            error.status === 409
              ? { message: error.message, theirText: current.text, diff: wordDiff(current.text, input.text) }
              : undefined;
          renderEdit(
            res,
            current,
            { text: input.text, returnTo: input.returnTo, error: conflict ? undefined : error.message, conflict },
            error.status,
          );
        },
      );
    } catch (error) {
      if (error instanceof AppError && error.status === 409 && wantsJson(req))
        return sendConflict(res, next, error, segments.get(id), input.text);
      throw error;
    }
  });

  /**
   * Split and merge from the row's menu. They renumber the sentences after them, so the page is
   * shown again (a plain form is redirected to it; the page's script, splitMerge.js, reloads it).
   */
  function afterLayoutChange(req: Request, res: Response, segment: Segment, returnTo: unknown) {
    if (wantsJson(req)) return res.json({ segmentId: segment.id, version: segment.version });
    res.redirect(303, `${safeReturnPath(returnTo, reviewPath(segment)).replace(/#.*$/, '')}#segment-${segment.id}`);
  }

  router.post('/segments/:id/split', async (req, res) => {
    const id = parseId(req.params.id, 'Segment');
    const input = parseInput(splitFormSchema, req.body ?? {});
    const actor = signedIn(res);
    let at = input.at;
    if (at === undefined) {
      // Without a caret: the first place after the start where the typed words begin.
      at = segments.get(id).text.indexOf(input.startsWith!, 1);
      if (at === -1) throw unprocessable('invalid_split', `“${input.startsWith}” is not in this sentence after its first character.`);
    }
    const where = at;
    const { first } = await writes.run(() => segments.split(id, where, input.version, actor));
    afterLayoutChange(req, res, first, input.returnTo);
  });

  router.post('/segments/:id/merge', async (req, res) => {
    const id = parseId(req.params.id, 'Segment');
    const input = parseInput(mergeFormSchema, req.body ?? {});
    const actor = signedIn(res);
    afterLayoutChange(req, res, await writes.run(() => segments.merge(id, input.version, actor)), input.returnTo);
  });

  router.post('/segments/:id/status', async (req, res) => {
    const id = parseId(req.params.id, 'Segment');
    const input = parseInput(statusFormSchema, req.body ?? {});
    const actor = signedIn(res);
    // Approving over open QA findings asks once. The page's script asks in the browser; a plain form gets a confirm page.
    if (input.status === 'approved' && !input.qaConfirmed && !wantsJson(req) && segments.get(id).openFindings > 0) {
      const query = new URLSearchParams({ version: String(input.version), returnTo: input.returnTo ?? '' });
      return res.redirect(303, `/segments/${id}/approve?${query.toString()}`);
    }
    const segment = await writes.run(() => segments.change(id, { version: input.version, status: input.status, note: input.note, actor }));
    respond(req, res, segment, input.returnTo);
  });

  router.post('/segments/:id/undo', async (req, res) => {
    const id = parseId(req.params.id, 'Segment');
    const input = parseInput(undoFormSchema, req.body ?? {});
    const actor = signedIn(res);
    const segment = await writes.run(() => segments.undo(id, input.version, actor));
    respond(req, res, segment, input.returnTo);
  });

  router.get('/segments/:id/history', (req, res) => {
    const { segment, revisions } = segments.history(parseId(req.params.id, 'Segment'));
    const article = articleOf(segment.articleId);
    const entries = revisions.map((revision, index) => ({
      revision,
      diff: wordDiff(index === 0 ? revision.text : revisions[index - 1]!.text, revision.text),
    }));
    res.render('segments/history', {
      title: `History of sentence ${segment.position + 1}`,
      article,
      segment,
      entries: entries.reverse(),
      reviewPath: reviewPath(segment),
    });
  });

  router.post('/segments/:id/revert', requireRole('reviewer'), async (req, res) => {
    const id = parseId(req.params.id, 'Segment');
    const input = parseInput(revertFormSchema, req.body ?? {});
    const actor = signedIn(res);
    await writes.run(() => segments.revert(id, input.version, input.to, actor));
    res.redirect(303, `/segments/${id}/history`);
  });

  return router;
}
