import { Router, type Request, type Response } from 'express';
import { localsOf } from '../auth/locals';
import { signedIn } from '../auth/roles';
import type { ArticleService } from '../articles/articleService';
import { AppError } from '../errors';
import type { Flash } from '../web/flash';
import { submitForm } from '../web/forms';
import { safeReturnPath } from '../web/returnPath';
import { parseId, parseInput } from '../web/validate';
import { authorOf, glossaryUpload, mayEdit, scopeOf, uploadedFile, type GlossaryRouteDependencies } from './glossaryApi';
import { deleteFormSchema, entryFormSchema } from './glossarySchemas';
import { GLOSSARY_FORMATS, mayEditGlossary, NOTE_MAX, TERM_MAX } from './glossaryService';
import type { GlossaryEntry } from './model';

export const glossaryPath = (articleId: number | null) => (articleId === null ? '/glossary' : `/articles/${articleId}/glossary`);

const rechecked = (segments: number) =>
  segments === 0 ? 'no sentence needed a re-check' : `${segments} ${segments === 1 ? 'sentence' : 'sentences'} re-checked`;
const arrow = (entry: Pick<GlossaryEntry, 'term' | 'preferred'>) => `“${entry.term}” → “${entry.preferred}”`;

/**
 * The glossary pages: the shared glossary (/glossary) and an article's
 * (/articles/:id/glossary), with forms to add, edit, delete, import and export
 * entries. Every form works without JavaScript (POST → redirect with a notice).
 */
export function glossaryRoutes(
  { glossary, writes, recheck, articles, flash }: GlossaryRouteDependencies & { articles: ArticleService; flash: Flash },
  maxUploadBytes: number,
): Router {
  const router = Router();
  const upload = glossaryUpload(maxUploadBytes);
  const notify = (res: Response, notice: string) => flash.set(localsOf(res).session?.id, notice);

  function renderPage(
    req: Request,
    res: Response,
    articleId: number | null,
    state: { error?: string; values?: Record<string, unknown>; editing?: number } = {},
    status = 200,
  ) {
    const article = articleId === null ? null : articles.get(articleId);
    res.status(status).render('glossary/page', {
      title: article ? `Glossary: ${article.title}` : 'Shared glossary',
      article,
      entries: glossary.entries(articleId),
      shared: article ? glossary.entries(null) : [],
      editable: mayEditGlossary(localsOf(res).actor, articleId),
      formats: GLOSSARY_FORMATS,
      entryLimits: { term: TERM_MAX, note: NOTE_MAX },
      basePath: glossaryPath(articleId),
      apiPath: `/api${glossaryPath(articleId)}`,
      notice: flash.take(localsOf(res).session?.id),
      error: state.error,
      values: state.values ?? {},
      editing: state.editing,
      returnTo: typeof req.query.returnTo === 'string' ? req.query.returnTo : undefined,
    });
  }

  const page = (req: Request, res: Response) => renderPage(req, res, scopeOf(req));

  const add = async (req: Request, res: Response) => {
    const articleId = scopeOf(req);
    const input = parseInput(entryFormSchema, req.body ?? {});
    await submitForm(
      req,
      async () => {
        const fields = {
          term: input.term,
          preferred: input.preferred,
          note: input.note,
          matchCase: input.matchCase,
          wholeWord: input.wholeWord,
        };
        const { entry, change } = await writes.run(() => glossary.create(articleId, fields, authorOf(res)));
        const { segments } = await recheck(change);
        notify(res, `Added ${arrow(entry)}; ${rechecked(segments)}.`);
        res.redirect(303, safeReturnPath(input.returnTo, glossaryPath(articleId)));
      },
      (error) => renderPage(req, res, articleId, { error: error.message, values: req.body as Record<string, unknown> }, error.status),
    );
  };

  const importFile = async (req: Request, res: Response) => {
    const articleId = scopeOf(req);
    await submitForm(
      req,
      async () => {
        const { bytes, fileName } = uploadedFile(req);
        const parsed = await glossary.parseFile(bytes, fileName);
        const { result, change } = await writes.run(() => glossary.applyImport(articleId, parsed, authorOf(res)));
        const { segments } = await recheck(change);
        const skipped = result.otherLanguage ? `, ${result.otherLanguage} in another language left out` : '';
        notify(
          res,
          `Imported ${fileName}: ${result.added} added, ${result.updated} updated, ${result.unchanged} unchanged${skipped}; ${rechecked(segments)}.`,
        );
        res.redirect(303, glossaryPath(articleId));
      },
      (error) => renderPage(req, res, articleId, { error: error.message }, error.status),
    );
  };

  router.get('/glossary', page);
  router.post('/glossary', mayEdit, add);
  router.post('/glossary/import', mayEdit, upload, importFile);
  router.get('/articles/:id/glossary', page);
  router.post('/articles/:id/glossary', mayEdit, add);
  router.post('/articles/:id/glossary/import', mayEdit, upload, importFile);

  router.post('/glossary/:entryId', async (req, res) => {
    const { id, articleId } = glossary.entryToEdit(parseId(req.params.entryId, 'Glossary entry'), signedIn(res));
    const input = parseInput(entryFormSchema, req.body ?? {});
    await submitForm(
      req,
      async () => {
        if (input.version === undefined) throw new AppError(422, 'invalid_input', 'version is required: reload the page and edit again.');
        const fields = {
          term: input.term,
          preferred: input.preferred,
          note: input.note,
          matchCase: input.matchCase,
          wholeWord: input.wholeWord,
        };
        const { entry, change } = await writes.run(() => glossary.update(id, input.version!, fields, authorOf(res)));
        const segments = change ? (await recheck(change)).segments : 0;
        notify(res, change ? `Saved ${arrow(entry)}; ${rechecked(segments)}.` : `Nothing changed in ${arrow(entry)}.`);
        res.redirect(303, safeReturnPath(input.returnTo, glossaryPath(articleId)));
      },
      (error) =>
        renderPage(req, res, articleId, { error: error.message, values: req.body as Record<string, unknown>, editing: id }, error.status),
    );
  });

  router.post('/glossary/:entryId/delete', async (req, res) => {
    const { id, articleId } = glossary.entryToEdit(parseId(req.params.entryId, 'Glossary entry'), signedIn(res));
    const input = parseInput(deleteFormSchema, req.body ?? {});
    await submitForm(
      req,
      async () => {
        const { entry, change } = await writes.run(() => glossary.remove(id, input.version));
        const { segments } = await recheck(change);
        notify(res, `Deleted ${arrow(entry)}; ${rechecked(segments)}.`);
        res.redirect(303, safeReturnPath(input.returnTo, glossaryPath(articleId)));
      },
      (error) => renderPage(req, res, articleId, { error: error.message }, error.status),
    );
  });

  return router;
}
