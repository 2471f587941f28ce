import { Router, type Request, type Response } from 'express';
import { signedIn } from '../auth/roles';
import type { GroupCommit } from '../db/groupCommit';
import type { Segment } from '../segments/model';
import { reviewPath } from '../segments/paths';
import { wantsJson } from '../web/errorHandler';
import { submitForm } from '../web/forms';
import { parseId, parseInput } from '../web/validate';
import type { CommentService } from './commentService';
import { commentFormSchema, resolveFormSchema } from './commentSchemas';
import { threadsOf } from './model';

/**
 * The comments of a sentence in the browser: a page of its own without JavaScript; the review
 * page's script (comments.js) asks for the same panel as a fragment and posts the same forms.
 */
export function commentRoutes({ comments, writes }: { comments: CommentService; writes: GroupCommit }): Router {
  const router = Router();

  /** The panel (and, for the page's script, the row's marker); a plain browser gets the page around it. */
  function show(
    req: Request,
    res: Response,
    segmentId: number,
    form: { error?: string; body?: string; replyTo?: number } = {},
    status = 200,
  ) {
    const { segment, comments: list } = comments.forSegment(segmentId);
    const view = { segment, threads: threadsOf(list), form, reviewPath: reviewPath(segment) };
    if (wantsJson(req)) return res.status(status).render('segments/_comments_saved', view);
    res.status(status).render('segments/comments', { ...view, title: `Comments on sentence ${segment.position + 1}` });
  }

  /** After a change: the script gets the fresh panel; a plain form goes back to the page (POST → redirect → GET). */
  function after(req: Request, res: Response, segment: Pick<Segment, 'id'>, commentId: number) {
    if (wantsJson(req)) return show(req, res, segment.id);
    res.redirect(303, `/segments/${segment.id}/comments#comment-${commentId}`);
  }

  router.get('/segments/:id/comments', (req, res) => {
    show(req, res, parseId(req.params.id, 'Segment'));
  });

  router.post('/segments/:id/comments', async (req, res) => {
    const segmentId = parseId(req.params.id, 'Segment');
    const input = parseInput(commentFormSchema, req.body ?? {});
    const actor = signedIn(res);
    await submitForm(
      req,
      async () => {
        const comment = await writes.run(() => comments.add(segmentId, input, actor));
        after(req, res, { id: segmentId }, comment.id);
      },
      (error) => show(req, res, segmentId, { error: error.message, body: input.body, replyTo: input.replyTo }, error.status),
    );
  });

  router.post('/comments/:id/resolve', async (req, res) => {
    const id = parseId(req.params.id, 'Comment');
    const input = parseInput(resolveFormSchema, req.body ?? {});
    const actor = signedIn(res);
    const thread = await writes.run(() => comments.setResolved(id, input.resolved, actor));
    after(req, res, { id: thread.segmentId }, thread.id);
  });

  return router;
}
