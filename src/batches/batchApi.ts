import { Router } from 'express';
import { signedIn } from '../auth/roles';
import { parseId, parseInput } from '../web/validate';
import type { BatchService } from './batchService';
import { applySchema, previewSchema, propagationApplySchema, queryOf, selectionOf } from './batchSchemas';
import type { Batch } from './model';
import type { PropagationService } from './propagationService';
import type { ReplaceService } from './replaceService';

export interface BatchRouteDependencies {
  batches: BatchService;
  replace: ReplaceService;
  propagation: PropagationService;
}

/** A batch as the API shows it. */
export function batchJson(batch: Batch) {
  return {
    id: batch.id,
    kind: batch.kind,
    articleId: batch.articleId,
    note: batch.note,
    author: batch.author,
    userId: batch.userId,
    createdAt: batch.createdAt,
    state: batch.state,
    changed: batch.changed,
    skipped: batch.skipped,
    undoes: batch.undoes,
    undoneBy: batch.undoneBy,
  };
}

/** The JSON API of find and replace, propagation and batches (the names are fixed by issue 11). */
export function batchApi({ batches, replace, propagation }: BatchRouteDependencies): Router {
  const router = Router();

  router.post('/replace/preview', async (req, res) => {
    const input = parseInput(previewSchema, req.body ?? {});
    const preview = await replace.preview(queryOf(input), signedIn(res), { offset: input.offset, limit: input.limit });
    res.json({
      total: preview.total,
      sentenceCount: preview.sentenceCount,
      offset: preview.offset,
      limit: preview.limit,
      snapshot: preview.snapshot,
      matches: preview.matches,
      sentences: preview.sentences.map(({ matches: _matches, ...sentence }) => sentence),
    });
  });

  router.post('/replace/apply', async (req, res) => {
    const input = parseInput(applySchema, req.body ?? {});
    res.json(await replace.apply(queryOf(input), signedIn(res), selectionOf(input)));
  });

  router.get('/batches/:id', (req, res) => {
    res.json(batchJson(batches.get(parseId(req.params.id, 'Batch'))));
  });

  router.post('/batches/:id/undo', async (req, res) => {
    res.json(await batches.undo(parseId(req.params.id, 'Batch'), signedIn(res)));
  });

  router.get('/segments/:id/propagation', async (req, res) => {
    const { segment, offers } = await propagation.offers(parseId(req.params.id, 'Segment'));
    res.json({ segmentId: segment.id, version: segment.version, offers });
  });

  router.post('/propagation/apply', async (req, res) => {
    const input = parseInput(propagationApplySchema, req.body ?? {});
    res.json(await propagation.apply(input.segmentId, input.offerId, input.segments, signedIn(res)));
  });

  return router;
}
