import { Router, type Response } from 'express';
import type { z } from 'zod';
import { localsOf } from '../auth/locals';
import { hasRole, signedIn } from '../auth/roles';
import { wordDiff } from '../diff/wordDiff';
import { AppError } from '../errors';
import { PAGE_SIZE } from '../pagination';
import { reviewPath } from '../segments/paths';
import type { SegmentService } from '../segments/segmentService';
import { wantsJson } from '../web/errorHandler';
import type { Flash } from '../web/flash';
import { safeReturnPath } from '../web/returnPath';
import { parseId, parseInput } from '../web/validate';
import type { BatchRouteDependencies } from './batchApi';
import { propagationFormSchema, replaceApplyFormSchema, replaceFormSchema } from './batchSchemas';
import type { Batch, BatchResult } from './model';
import { matchDiff } from './matchDiff';
import type { ReplacePreview, ReplaceQuery } from './replaceService';

/** Sentences named in a notice; more are counted. */
const NAMED_MAX = 20;

export interface BatchPageDependencies extends BatchRouteDependencies {
  segments: SegmentService;
  flash: Flash;
}

/**
 * Browser pages of find and replace (`/replace`), a batch (`/batches/:id`, with its undo) and a
 * segment's propagation offers. Every action is a plain form (POST → redirect → GET); the scripts
 * (replace.js, propagation.js) add keys and apply offers in place.
 */
export function batchRoutes({ batches, replace, propagation, segments, flash }: BatchPageDependencies): Router {
  const router = Router();
  const notice = (res: Response, text: string) => flash.set(localsOf(res).session?.id, text);

  /** "sentence 4 (Paris talks), sentence 9 (Paris talks) and 3 more" — the sentences a notice lists. */
  function sentencesNamed(segmentIds: readonly number[]): string {
    const named = segmentIds.slice(0, NAMED_MAX).map((id) => {
      try {
        return `sentence ${segments.get(id).position + 1}`;
      } catch {
        return `segment ${id}`;
      }
    });
    const more = segmentIds.length - named.length;
    return named.join(', ') + (more > 0 ? ` and ${more} more` : '');
  }

  function resultNotice(result: BatchResult, what: string): string {
    const skipped = result.skipped.length
      ? ` ${result.skipped.length} left alone (changed since the preview, or no longer matching): ${sentencesNamed(result.skipped)}.`
      : '';
    return `${what}: ${result.changed} ${result.changed === 1 ? 'sentence' : 'sentences'} changed.${skipped}`;
  }

  function renderReplace(
    res: Response,
    form: z.infer<typeof replaceFormSchema>,
    state: { preview?: ReplacePreview; error?: string },
    status = 200,
  ) {
    const actor = signedIn(res);
    const articles = replace.articleChoices();
    const page = state.preview ? Math.floor(state.preview.offset / PAGE_SIZE) + 1 : 1;
    const pageCount = state.preview ? Math.max(1, Math.ceil(state.preview.total / PAGE_SIZE)) : 1;
    res.status(status).render('batches/replace', {
      title: 'Find and replace',
      form,
      articles,
      acrossArticles: hasRole(actor, 'reviewer'),
      preview: state.preview && previewView(state.preview),
      error: state.error,
      page,
      pageCount,
      pageHref: (n: number) => `/replace?${formQuery(form, { page: String(n) })}`,
      selectHref: (select: 'all' | 'none') => `/replace?${formQuery(form, { select, page: String(page) })}`,
    });
  }

  router.get('/replace', async (req, res) => {
    const form = parseInput(replaceFormSchema, req.query);
    if (form.find === '') return renderReplace(res, form, {});
    try {
      const preview = await replace.preview(queryOfForm(form), signedIn(res), {
        offset: ((form.page ?? 1) - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
      });
      renderReplace(res, form, { preview });
    } catch (error) {
      if (!(error instanceof AppError) || ![403, 404, 422].includes(error.status)) throw error;
      renderReplace(res, form, { error: error.message }, error.status);
    }
  });

  router.post('/replace/apply', async (req, res) => {
    const form = parseInput(replaceApplyFormSchema, req.body ?? {});
    const ticked = new Set(form.match);
    try {
      const result = await replace.apply(
        queryOfForm(form),
        signedIn(res),
        form.apply === 'all'
          ? { all: true, snapshot: form.snapshot, exclude: form.shown.filter((id) => !ticked.has(id)) }
          : { matches: form.match },
      );
      notice(res, resultNotice(result, 'Replaced'));
      res.redirect(303, `/batches/${result.batchId}`);
    } catch (error) {
      if (!(error instanceof AppError) || ![403, 404, 422].includes(error.status)) throw error;
      renderReplace(res, form, { error: error.message }, error.status);
    }
  });

  router.get('/batches/:id', (req, res) => {
    const batch = batches.get(parseId(req.params.id, 'Batch'));
    const after = Number(req.query.after) || 0;
    const changes = batches.changes(batch.id, after, PAGE_SIZE);
    const actor = signedIn(res);
    res.render('batches/batch', {
      title: `Batch ${batch.id}`,
      batch,
      notice: flash.take(localsOf(res).session?.id),
      canUndo: mayUndo(batch, actor.userId, hasRole(actor, 'reviewer')),
      kept: batch.kind === 'undo' && batch.undoes ? batches.kept(batch.id, batch.undoes) : [],
      changes: changes.map((change) => ({ ...change, diff: wordDiff(change.previousText, change.text) })),
      next: changes.length === PAGE_SIZE ? `/batches/${batch.id}?after=${changes[changes.length - 1]!.revisionId}` : undefined,
      reviewPath,
    });
  });

  router.post('/batches/:id/undo', async (req, res) => {
    const batchId = parseId(req.params.id, 'Batch');
    try {
      const result = await batches.undo(batchId, signedIn(res));
      const kept = result.kept.length
        ? ` ${result.kept.length} kept, because someone changed them after the batch: ${sentencesNamed(result.kept)}.`
        : '';
      notice(res, `Undid batch ${batchId}: ${result.undone} ${result.undone === 1 ? 'sentence' : 'sentences'} restored.${kept}`);
      res.redirect(303, `/batches/${result.batchId}`);
    } catch (error) {
      if (!(error instanceof AppError) || ![403, 409].includes(error.status) || wantsJson(req)) throw error;
      notice(res, error.message);
      res.redirect(303, `/batches/${batchId}`);
    }
  });

  /** The offers after a save: the row's panel (a script's request) or a page of its own (without JavaScript). */
  router.get('/segments/:id/propagation', async (req, res) => {
    const { segment, offers } = await propagation.offers(parseId(req.params.id, 'Segment'));
    const view = {
      segment,
      offers: offers.map((offer) => ({
        ...offer,
        targets: offer.targets.map((target) => ({ ...target, diff: wordDiff(target.before, target.after) })),
      })),
    };
    const returnTo = safeReturnPath(req.query.returnTo, reviewPath(segment));
    if (wantsJson(req)) return res.render('batches/_propagation', { ...view, returnTo });
    res.render('batches/propagation', { title: `Propagate the fix of sentence ${segment.position + 1}`, ...view, returnTo, reviewPath });
  });

  router.post('/segments/:id/propagation', async (req, res) => {
    const segmentId = parseId(req.params.id, 'Segment');
    const form = parseInput(propagationFormSchema, req.body ?? {});
    const result = await propagation.apply(segmentId, form.offerId, form.chosen ? form.target : undefined, signedIn(res));
    notice(res, resultNotice(result, 'Propagated'));
    res.redirect(303, `/batches/${result.batchId}`);
  });

  return router;
}

function mayUndo(batch: Batch, userId: number, isReviewer: boolean): boolean {
  return batch.state !== 'applying' && batch.undoneBy === null && (batch.userId === userId || isReviewer);
}

function queryOfForm(form: z.infer<typeof replaceFormSchema>): ReplaceQuery {
  return {
    find: form.find,
    replace: form.replace,
    matchCase: form.matchCase,
    wholeWord: form.wholeWord,
    regex: form.regex,
    inMt: form.inMt,
    articles: form.scope === 'all' ? undefined : form.article,
  };
}

/** The form's fields as a query string, for the pager and the select links. */
function formQuery(form: z.infer<typeof replaceFormSchema>, extra: Record<string, string>): string {
  const query = new URLSearchParams({ find: form.find, replace: form.replace, scope: form.scope });
  for (const id of form.article) query.append('article', String(id));
  for (const option of ['matchCase', 'wholeWord', 'regex', 'inMt'] as const) if (form[option]) query.set(option, '1');
  for (const [name, value] of Object.entries(extra)) query.set(name, value);
  return query.toString();
}

/** The preview grouped by sentence, each match with the word diff of its neighbourhood. */
function previewView(preview: ReplacePreview) {
  const titles = new Map(preview.articles.map((article) => [article.id, article.title]));
  return {
    ...preview,
    multipleArticles: preview.articles.length > 1,
    sentences: preview.sentences.map((sentence) => ({
      ...sentence,
      articleTitle: titles.get(sentence.articleId) ?? '',
      href: reviewPath({ id: sentence.segmentId, articleId: sentence.articleId, position: sentence.position }),
      matches: sentence.matches.map((match) => ({ ...match, diff: matchDiff(sentence.text, match) })),
    })),
  };
}
