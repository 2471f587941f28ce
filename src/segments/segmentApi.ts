import { Router } from 'express';
import { signedIn } from '../auth/roles';
import { parseId, parseInput } from '../web/validate';
import type { Segment, SegmentFindings } from './model';
import { segmentJson } from './segmentJson';
import type { SegmentRouteDependencies } from './segmentRoutes';
import { mergeSchema, patchSegmentSchema, splitSchema, undoSchema } from './segmentSchemas';

export function segmentApi(
  { segments, writes }: Pick<SegmentRouteDependencies, 'segments' | 'writes'>,
  findingsOf: SegmentFindings,
): Router {
  const router = Router();
  /** A segment with its QA findings, as GET and PATCH answer it. */
  const withFindings = (segment: Segment) => segmentJson(segment, findingsOf([segment.id]).get(segment.id) ?? []);

  router.get('/segments/:id', (req, res) => {
    res.json(withFindings(segments.get(parseId(req.params.id, 'Segment'))));
  });

  router.patch('/segments/:id', async (req, res) => {
    const id = parseId(req.params.id, 'Segment');
    const input = parseInput(patchSegmentSchema, req.body ?? {});
    const actor = signedIn(res);
    const segment = await writes.run(() => segments.change(id, { ...input, actor }));
    res.json(withFindings(segment));
  });

  router.post('/segments/:id/undo', async (req, res) => {
    const id = parseId(req.params.id, 'Segment');
    const { version } = parseInput(undoSchema, req.body ?? {});
    const actor = signedIn(res);
    res.json(segmentJson(await writes.run(() => segments.undo(id, version, actor))));
  });

  router.post('/segments/:id/split', async (req, res) => {
    const id = parseId(req.params.id, 'Segment');
    const input = parseInput(splitSchema, req.body ?? {});
    const actor = signedIn(res);
    const { first, second } = await writes.run(() => segments.split(id, input.at, input.version, actor));
    res
      .status(201)
      .location(`/api/segments/${second.id}`)
      .json({ segments: [segmentJson(first), segmentJson(second)] });
  });

  router.post('/segments/:id/merge', async (req, res) => {
    const id = parseId(req.params.id, 'Segment');
    const input = parseInput(mergeSchema, req.body ?? {});
    const actor = signedIn(res);
    res.json(segmentJson(await writes.run(() => segments.merge(id, input.version, actor))));
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
        ...(revision.detail ? { detail: JSON.parse(revision.detail) as unknown } : {}),
      })),
    });
  });

  return router;
}
