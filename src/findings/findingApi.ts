import { Router } from 'express';
import { signedIn, type Actor } from '../auth/roles';
import type { BatchService } from '../batches/batchService';
import type { ArticleService } from '../articles/articleService';
import type { GroupCommit } from '../db/groupCommit';
import { checkInfo, type CheckId } from '../qa/runChecks';
import { segmentJson } from '../segments/segmentJson';
import { parseId, parseInput } from '../web/validate';
import { dismissSchema, fixAllSchema, listFindingsQuery } from './findingSchemas';
import type { FindingService } from './findingService';
import type { StoredFinding } from './model';

export interface FindingRouteDependencies {
  findings: FindingService;
  articles: ArticleService;
  writes: GroupCommit;
  /** "Fix all of this kind" is one batch (src/batches): one revision per sentence, undoable as a whole. */
  batches: Pick<BatchService, 'apply'>;
}

/** Applies every certain fix of one check in an article as one batch. */
export function fixAll({ findings, articles, batches }: FindingRouteDependencies, articleId: number, check: CheckId, actor: Actor) {
  const article = articles.get(articleId);
  const note = `Fix all: ${checkInfo(check).title}`;
  return batches.apply({ kind: 'qa-fix', articleId: article.id, note, actor }, findings.planFixAll(article.id, check));
}

/** A finding as the API shows it, alone and in each segment's `findings`. */
export function findingJson(finding: StoredFinding) {
  return {
    id: finding.id,
    segmentId: finding.segmentId,
    check: finding.check,
    title: checkInfo(finding.check).title,
    severity: checkInfo(finding.check).severity,
    start: finding.start,
    end: finding.end,
    matched: finding.matched,
    message: finding.message,
    ...(finding.fix === null ? {} : { fix: finding.fix }),
    segmentVersion: finding.segmentVersion,
    dismissed: finding.dismissedAt !== null,
    ...(finding.dismissedAt === null
      ? {}
      : {
          dismissedAt: finding.dismissedAt,
          dismissedBy: finding.dismissedBy,
          dismissedByUserId: finding.dismissedByUserId,
          dismissReason: finding.dismissReason,
        }),
  };
}

/** The findings of these segments as JSON, for segments in the API (app.ts passes this to the segment and article APIs). */
export function findingsJsonOf(findings: FindingService) {
  return (segmentIds: readonly number[]) => {
    const bySegment = findings.forSegments(segmentIds);
    return new Map([...bySegment].map(([segmentId, list]) => [segmentId, list.map(findingJson)]));
  };
}

/** The JSON API of QA findings (documented in the README). */
export function findingApi(dependencies: FindingRouteDependencies): Router {
  const { findings, articles, writes } = dependencies;
  const router = Router();
  const findingsOf = findingsJsonOf(findings);

  router.get('/articles/:id/findings', (req, res) => {
    const article = articles.get(parseId(req.params.id, 'Article'));
    const query = parseInput(listFindingsQuery, req.query);
    const { total, findings: page } = findings.list(article.id, query);
    res.json({
      articleId: article.id,
      total,
      offset: query.offset,
      limit: query.limit,
      byCheck: findings.countsByCheck(article.id),
      findings: page.map((finding) => ({ ...findingJson(finding), position: finding.position })),
    });
  });

  router.get('/findings/:id', (req, res) => {
    res.json(findingJson(findings.get(parseId(req.params.id, 'Finding'))));
  });

  router.post('/articles/:id/findings/fix-all', async (req, res) => {
    const articleId = parseId(req.params.id, 'Article');
    const { check } = parseInput(fixAllSchema, req.body ?? {});
    res.json(await fixAll(dependencies, articleId, check, signedIn(res)));
  });

  router.post('/findings/:id/fix', async (req, res) => {
    const id = parseId(req.params.id, 'Finding');
    const actor = signedIn(res);
    const segment = await writes.run(() => findings.fix(id, actor));
    res.json(segmentJson(segment, findingsOf([segment.id]).get(segment.id) ?? []));
  });

  router.post('/findings/:id/dismiss', async (req, res) => {
    const id = parseId(req.params.id, 'Finding');
    const { reason } = parseInput(dismissSchema, req.body ?? {});
    const actor = signedIn(res);
    res.json(findingJson(await writes.run(() => findings.dismiss(id, reason, { name: actor.displayName, userId: actor.userId }))));
  });

  router.post('/findings/:id/restore', async (req, res) => {
    const id = parseId(req.params.id, 'Finding');
    res.json(findingJson(await writes.run(() => findings.restore(id))));
  });

  return router;
}
