import { Router } from 'express';
import { signedIn } from '../auth/roles';
import type { GroupCommit } from '../db/groupCommit';
import { parseId, parseInput } from '../web/validate';
import type { CommentService } from './commentService';
import { createCommentSchema, patchCommentSchema } from './commentSchemas';
import type { Comment } from './model';

/** A comment as the API and the JSON export show it; `resolved` is said on a thread's first comment. */
export function commentJson(comment: Comment) {
  const first = comment.threadId === comment.id;
  return {
    id: comment.id,
    segmentId: comment.segmentId,
    articleId: comment.articleId,
    threadId: comment.threadId,
    body: comment.body,
    author: comment.author,
    userId: comment.userId,
    createdAt: comment.createdAt,
    ...(first ? { resolved: comment.resolvedAt !== null, resolvedAt: comment.resolvedAt, resolvedBy: comment.resolvedBy } : {}),
    revisionId: comment.revisionId,
  };
}

/** The JSON API for comments (documented in the README). Any account may read and write; see CommentService for resolving. */
export function commentApi({ comments, writes }: { comments: CommentService; writes: GroupCommit }): Router {
  const router = Router();

  router.get('/segments/:id/comments', (req, res) => {
    res.json({ comments: comments.forSegment(parseId(req.params.id, 'Segment')).comments.map(commentJson) });
  });

  router.post('/segments/:id/comments', async (req, res) => {
    const segmentId = parseId(req.params.id, 'Segment');
    const input = parseInput(createCommentSchema, req.body ?? {});
    const actor = signedIn(res);
    const comment = await writes.run(() => comments.add(segmentId, input, actor));
    res.status(201).location(`/api/comments/${comment.id}`).json(commentJson(comment));
  });

  router.get('/comments/:id', (req, res) => {
    res.json(commentJson(comments.get(parseId(req.params.id, 'Comment'))));
  });

  router.patch('/comments/:id', async (req, res) => {
    const id = parseId(req.params.id, 'Comment');
    const input = parseInput(patchCommentSchema, req.body ?? {});
    const actor = signedIn(res);
    res.json(commentJson(await writes.run(() => comments.setResolved(id, input.resolved, actor))));
  });

  return router;
}
