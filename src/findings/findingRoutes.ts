import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import { wantsJson } from '../web/errorHandler';
import { signedIn, type Actor } from '../auth/roles';
import { REVIEW_STATUSES } from '../segments/model';
import { reviewPath } from '../segments/paths';
import type { SegmentService } from '../segments/segmentService';
import { submitForm } from '../web/forms';
import { safeReturnPath } from '../web/returnPath';
import { parseId, parseInput } from '../web/validate';
import { fixAll, type FindingRouteDependencies } from './findingApi';
import { confirmApproveQuery, findingFormSchema, fixAllSchema } from './findingSchemas';

type FindingForm = z.infer<typeof findingFormSchema>;

/**
 * The review rows' QA forms without JavaScript (fix, dismiss, restore: POST → redirect
 * back to the row), the confirm step before approving over open findings, and the
 * header's findings summary that findings.js swaps in after a change.
 */
export function findingRoutes(dependencies: FindingRouteDependencies & { segments: SegmentService }): Router {
  const { findings, articles, writes, segments } = dependencies;
  const router = Router();

  /** Back to the row on the page the form came from (the segment's own page if that is not a local path); the page's script fetches the row itself. */
  function backToRow(req: Request, res: Response, segmentId: number, returnTo: unknown) {
    if (wantsJson(req)) return void res.json({ segmentId });
    const segment = segments.get(segmentId);
    res.redirect(303, `${safeReturnPath(returnTo, reviewPath(segment)).replace(/#.*$/, '')}#segment-${segment.id}`);
  }

  /** A refused change (stale, no fix, no reason): the message and the way back, instead of the generic error page. */
  function refused(res: Response, segmentId: number, returnTo: unknown) {
    return (error: { status: number; message: string }) =>
      res.status(error.status).render('findings/refused', {
        title: 'QA finding',
        message: error.message,
        back: `${safeReturnPath(returnTo, reviewPath(segments.get(segmentId))).replace(/#.*$/, '')}#segment-${segmentId}`,
      });
  }

  // "Fix all of this kind" from the quality report: one batch, shown on its page (with its undo).
  router.post('/articles/:id/findings/fix-all', async (req, res) => {
    const articleId = parseId(req.params.id, 'Article');
    const { check } = parseInput(fixAllSchema, req.body ?? {});
    const { batchId } = await fixAll(dependencies, articleId, check, signedIn(res));
    res.redirect(303, `/batches/${batchId}`);
  });

  /** A finding's form (fix, dismiss, restore): the change through the write queue, then back to its row, or the refusal. */
  function findingForm(change: (id: number, input: FindingForm, actor: Actor) => unknown) {
    return async (req: Request, res: Response) => {
      const id = parseId(req.params.id, 'Finding');
      const input = parseInput(findingFormSchema, req.body ?? {});
      const { segmentId } = findings.get(id);
      const actor = signedIn(res);
      await submitForm(
        req,
        async () => {
          await writes.run(() => change(id, input, actor));
          backToRow(req, res, segmentId, input.returnTo);
        },
        refused(res, segmentId, input.returnTo),
      );
    };
  }

  router.post(
    '/findings/:id/fix',
    findingForm((id, _input, actor) => findings.fix(id, actor)),
  );
  router.post(
    '/findings/:id/dismiss',
    findingForm((id, input, actor) => findings.dismiss(id, input.reason, { name: actor.displayName, userId: actor.userId })),
  );
  router.post(
    '/findings/:id/restore',
    findingForm((id) => findings.restore(id)),
  );

  // Where a plain approve form goes when the sentence has open findings: "2 QA warnings — approve anyway?"
  router.get('/segments/:id/approve', (req, res) => {
    const segment = segments.get(parseId(req.params.id, 'Segment'));
    const query = parseInput(confirmApproveQuery, req.query);
    const open = (findings.forSegments([segment.id]).get(segment.id) ?? []).filter((finding) => finding.dismissedAt === null);
    res.render('findings/confirm_approve', {
      title: `Approve sentence ${segment.position + 1}?`,
      segment,
      open,
      version: query.version,
      returnTo: safeReturnPath(query.returnTo, reviewPath(segment)),
    });
  });

  router.get('/articles/:id/qa-summary', (req, res) => {
    const article = articles.get(parseId(req.params.id, 'Article'));
    // The header's pieces a QA change moves: the findings count and (a fix edits the text) the progress.
    res.render('findings/_header', {
      article,
      progress: segments.progress(article.id),
      openFindings: segments.countWithFindings(article.id),
      withFindings: req.query.findings === 'open',
      status: REVIEW_STATUSES.find((status) => status === req.query.status),
    });
  });

  return router;
}
