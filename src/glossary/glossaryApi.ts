import { Router, type Request, type RequestHandler, type Response } from 'express';
import { uploadForm } from '../auth/csrf';
import { signedIn } from '../auth/roles';
import type { GroupCommit } from '../db/groupCommit';
import { AppError } from '../errors';
import { parseId, parseInput } from '../web/validate';
import { createEntrySchema, deleteEntryQuery, glossaryQuery, patchEntrySchema } from './glossarySchemas';
import { assertMayEditGlossary, type GlossaryService } from './glossaryService';
import type { GlossaryAuthor, GlossaryChange, GlossaryEntry } from './model';

/** Re-checks the findings a glossary change may affect (src/findings); resolves when they are in step. */
export type GlossaryRecheck = (change: GlossaryChange) => Promise<{ segments: number }>;

export interface GlossaryRouteDependencies {
  glossary: GlossaryService;
  writes: GroupCommit;
  recheck: GlossaryRecheck;
}

export function entryJson(entry: GlossaryEntry) {
  return {
    id: entry.id,
    articleId: entry.articleId,
    term: entry.term,
    preferred: entry.preferred,
    note: entry.note,
    matchCase: entry.matchCase,
    wholeWord: entry.wholeWord,
    version: entry.version,
    createdBy: entry.createdBy,
    createdAt: entry.createdAt,
    updatedBy: entry.updatedBy,
    updatedAt: entry.updatedAt,
  };
}

export function authorOf(res: Response): GlossaryAuthor {
  const actor = signedIn(res);
  return { name: actor.displayName, userId: actor.userId };
}

/** The one file of an import form or request (field "file"), as bytes with its name. */
export function uploadedFile(req: Request): { bytes: Buffer; fileName: string } {
  if (!req.file || req.file.size === 0) throw new AppError(422, 'file_required', 'Choose a glossary file (.csv or .tbx) to import.');
  return { bytes: req.file.buffer, fileName: req.file.originalname };
}

/** Reads the import's multipart body (field "file") and checks the CSRF token inside it (a session's form). */
export function glossaryUpload(maxUploadBytes: number) {
  return uploadForm('file', maxUploadBytes);
}

/**
 * The JSON API of glossaries (documented in the README): `/api/glossary` is the shared
 * one, `/api/articles/:id/glossary` an article's. A write answers once the findings it
 * affects are re-checked (`rechecked`: how many sentences were).
 */
/** The glossary a route is about: an article's (`:id`), or the shared one (null). */
export const scopeOf = (req: Request) => (req.params.id === undefined ? null : parseId(req.params.id, 'Article'));

/** Before an upload is read: who may change a glossary does not depend on the file. */
export const mayEdit: RequestHandler = (req, res, next) => {
  assertMayEditGlossary(signedIn(res), scopeOf(req));
  next();
};

export function glossaryApi({ glossary, writes, recheck }: GlossaryRouteDependencies, maxUploadBytes: number): Router {
  const router = Router();
  const upload = glossaryUpload(maxUploadBytes);

  const list = (req: Request, res: Response) => {
    const articleId = scopeOf(req);
    const { format } = parseInput(glossaryQuery, req.query);
    if (format) {
      const file = glossary.exportFile(articleId, format);
      return void res.type(file.contentType).attachment(file.fileName).send(file.body);
    }
    res.json({ articleId, entries: glossary.entries(articleId).map(entryJson) });
  };

  const create = async (req: Request, res: Response) => {
    const articleId = scopeOf(req);
    const input = parseInput(createEntrySchema, req.body ?? {});
    const { entry, change } = await writes.run(() => glossary.create(articleId, input, authorOf(res)));
    const { segments } = await recheck(change);
    res
      .status(201)
      .location(`/api/glossary/${entry.id}`)
      .json({ ...entryJson(entry), rechecked: segments });
  };

  const importFile = async (req: Request, res: Response) => {
    const articleId = scopeOf(req);
    const { bytes, fileName } = uploadedFile(req);
    const parsed = await glossary.parseFile(bytes, fileName);
    const { result, change } = await writes.run(() => glossary.applyImport(articleId, parsed, authorOf(res)));
    const { segments } = await recheck(change);
    res.json({ ...result, rechecked: segments });
  };

  router.get('/glossary', list);
  router.post('/glossary', mayEdit, create);
  router.post('/glossary/import', mayEdit, upload, importFile);
  router.get('/articles/:id/glossary', list);
  router.post('/articles/:id/glossary', mayEdit, create);
  router.post('/articles/:id/glossary/import', mayEdit, upload, importFile);

  router.get('/glossary/:entryId', (req, res) => {
    res.json(entryJson(glossary.get(parseId(req.params.entryId, 'Glossary entry'))));
  });

  router.patch('/glossary/:entryId', async (req, res) => {
    const id = glossary.entryToEdit(parseId(req.params.entryId, 'Glossary entry'), signedIn(res)).id;
    const { version, ...fields } = parseInput(patchEntrySchema, req.body ?? {});
    const { entry, change } = await writes.run(() => glossary.update(id, version, fields, authorOf(res)));
    const rechecked = change ? (await recheck(change)).segments : 0;
    res.json({ ...entryJson(entry), rechecked });
  });

  router.delete('/glossary/:entryId', async (req, res) => {
    const id = glossary.entryToEdit(parseId(req.params.entryId, 'Glossary entry'), signedIn(res)).id;
    const { version } = parseInput(deleteEntryQuery, req.query);
    const { entry, change } = await writes.run(() => glossary.remove(id, version));
    const { segments } = await recheck(change);
    res.json({ ...entryJson(entry), deleted: true, rechecked: segments });
  });

  return router;
}
