import { Router } from 'express';
import { z } from 'zod';
import type { ArticleService } from '../articles/articleService';
import { requireRole, signedIn } from '../auth/roles';
import { parseId, parseInput } from '../web/validate';
import type { PresenceTracker } from './presence';

const heartbeatSchema = z.object({
  segmentId: z.number().int().positive().nullable().default(null),
  leaving: z.boolean().default(false),
});

/**
 * The review page reports where its editor is and learns where the others are. `changed` is told
 * when someone opens another sentence or leaves (the live stream pushes it to the others).
 */
export function presenceApi(articles: ArticleService, presence: PresenceTracker, changed: (articleId: number) => void = () => {}): Router {
  const router = Router();
  router.post('/articles/:id/presence', requireRole('editor'), (req, res) => {
    const article = articles.get(parseId(req.params.id, 'Article'));
    const input = parseInput(heartbeatSchema, req.body ?? {});
    const actor = signedIn(res);
    const before = presence.everyone(article.id).find((entry) => entry.userId === actor.userId);
    if (input.leaving) presence.leave(article.id, actor);
    else presence.heartbeat(article.id, actor, input.segmentId);
    if (input.leaving ? before !== undefined : before?.segmentId !== input.segmentId) changed(article.id);
    res.json({ others: presence.others(article.id, actor) });
  });
  return router;
}
