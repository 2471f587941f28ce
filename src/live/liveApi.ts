import { Router } from 'express';
import type { ArticleService } from '../articles/articleService';
import { signedIn } from '../auth/roles';
import type { PresenceTracker } from '../presence/presence';
import { parseId } from '../web/validate';
import type { EventHub } from './eventHub';

/** A comment line this often keeps proxies from closing a quiet stream, and keeps its account present. */
export const HEARTBEAT_MS = 15_000;

/** Sends an article's presence list to its streams (after a stream opens or closes, or POST .../presence). */
export function presencePublisher(hub: EventHub, presence: PresenceTracker) {
  return (articleId: number) => hub.publish(articleId, 'presence', { present: presence.everyone(articleId) });
}

/**
 * GET /api/articles/:id/events: the Server-Sent Events stream of an article's review page.
 * Events: `hello` {userId, present} on connecting; `segment` (a row changed: see LiveEvents),
 * `comment` (a comment added, resolved or reopened), `presence` {present: [{userId, displayName,
 * segmentId}]} (each page leaves itself out). Holding the stream keeps its account present.
 */
export function liveApi({ articles, presence, hub }: { articles: ArticleService; presence: PresenceTracker; hub: EventHub }): Router {
  const router = Router();
  const publishPresence = presencePublisher(hub, presence);

  router.get('/articles/:id/events', (req, res) => {
    const article = articles.get(parseId(req.params.id, 'Article'));
    const actor = signedIn(res);
    const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    const unsubscribe = hub.subscribe(article.id, { userId: actor.userId, send }); // 429 past the cap, before any byte is sent
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      // nginx and the like buffer responses unless told not to: events would arrive late.
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    const wasPresent = presence.everyone(article.id).some((entry) => entry.userId === actor.userId);
    presence.touch(article.id, actor);
    send('hello', { userId: actor.userId, present: presence.everyone(article.id) });
    if (!wasPresent) publishPresence(article.id);
    const heartbeat = setInterval(() => {
      presence.touch(article.id, actor);
      res.write(': heartbeat\n\n');
    }, HEARTBEAT_MS);
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      if (hub.streams(article.id, actor.userId) === 0) {
        presence.leave(article.id, actor);
        publishPresence(article.id);
      }
    });
  });

  return router;
}
