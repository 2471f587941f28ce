import { Router } from 'express';
import { signedIn } from '../auth/roles';
import { parseId, parseInput } from '../web/validate';
import { segmentJson } from './segmentJson';
import type { SegmentRouteDependencies } from './segmentRoutes';
import { patchSegmentSchema, undoSchema } from './segmentSchemas';

export function segmentApi({ segments, writes }: Pick<SegmentRouteDependencies, 'segments' | 'writes'>): Router {
  const router = Router();

  router.get('/segments/:id', (req, res) => {
    res.json(segmentJson(segments.get(parseId(req.params.id, 'Segment'))));
  });

  router.patch('/segments/:id', async (req, res) => {
    const id = parseId(req.params.id, 'Segment');
    const input = parseInput(patchSegmentSchema, req.body ?? {});
    const actor = signedIn(res);
    const segment = await writes.run(() => segments.change(id, { ...input, actor }));
    res.json(segmentJson(segment));
  });

  router.post('/segments/:id/undo', async (req, res) => {
    const id = parseId(req.params.id, 'Segment');
    const { version } = parseInput(undoSchema, req.body ?? {});
    const actor = signedIn(res);
    res.json(segmentJson(await writes.run(() => segments.undo(id, version, actor))));
  });

  router.get('/segments/:id/history', (req, res) => {
    const { segment, revisions } = segments.history(parseId(req.params.id, 'Segment'));
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
