import { Router } from 'express';
import type { Services } from '../services';
import { segmentJson } from './segmentJson';
import { parseId, parseInput } from '../web/validate';
import { patchSegmentSchema } from './segmentSchemas';
import type { Actor } from '../auth/roles';

export function segmentApi(services: Services): Router {
  const router = Router();

  router.get('/segments/:id', (req, res) => {
    res.json(segmentJson(services.segments.get(parseId(req.params.id, 'Segment'))));
  });

  router.patch('/segments/:id', async (req, res) => {
    const id = parseId(req.params.id, 'Segment');
    const input = parseInput(patchSegmentSchema, req.body ?? {});
    const actor = res.locals.actor as Actor;
    const segment = await services.writes.run(() => services.segments.change(id, { ...input, actor }));
    res.json(segmentJson(segment));
  });

  router.get('/segments/:id/history', (req, res) => {
    const { segment, revisions } = services.segments.history(parseId(req.params.id, 'Segment'));
    res.json({
      segment: segmentJson(segment),
      revisions: revisions.map((revision) => ({
        version: revision.version,
        action: revision.action,
        text: revision.text,
        status: revision.status,
        note: revision.note,
        author: revision.author,
        userId: revision.userId,
        createdAt: revision.createdAt,
      })),
    });
  });

  return router;
}
