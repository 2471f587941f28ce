import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { AUTHOR_MAX } from '../segments/segmentService';
import { unprocessable } from '../errors';

export const EDITOR_COOKIE = 'redline_editor';
const ONE_YEAR_MS = 365 * 24 * 3600 * 1000;

const nameSchema = z.object({
  name: z.string().trim().min(1, 'Enter your name.').max(AUTHOR_MAX, `A name can be at most ${AUTHOR_MAX} characters.`)
    .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), 'A name cannot contain control characters.'),
  next: z.string().optional(),
});

/** The display name that revisions are attributed to (accounts come later). */
export const editorName: RequestHandler = (req, res, next) => {
  const fromCookie = typeof req.cookies?.[EDITOR_COOKIE] === 'string' ? (req.cookies[EDITOR_COOKIE] as string).trim().slice(0, AUTHOR_MAX) : '';
  res.locals.editorName = fromCookie || undefined;
  next();
};

/** Browser edits need a name; without one the editor is sent to give it first. */
export function requireEditorName(locals: Record<string, unknown>): string {
  const name = locals.editorName;
  if (typeof name !== 'string' || !name) {
    throw unprocessable('name_required', 'Tell Redline your name first (top right), so your changes are attributed to you.');
  }
  return name;
}

/** Only local paths are followed after a form, never another site. */
export function safeReturnPath(candidate: unknown, fallback: string): string {
  return typeof candidate === 'string' && /^\/(?!\/)[\w\-/?=&%#.]*$/.test(candidate) ? candidate : fallback;
}

export function editorRoutes(): Router {
  const router = Router();
  router.get('/name', (req, res) => {
    res.render('editors/name', { title: 'Your name', next: safeReturnPath(req.query.next, '/'), error: undefined });
  });
  router.post('/name', (req, res) => {
    const parsed = nameSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(422).render('editors/name', {
        title: 'Your name', next: safeReturnPath(req.body?.next, '/'), error: parsed.error.issues[0]!.message,
      });
      return;
    }
    const input = parsed.data;
    res.cookie(EDITOR_COOKIE, input.name, { maxAge: ONE_YEAR_MS, httpOnly: true, sameSite: 'lax', secure: req.secure });
    res.redirect(303, safeReturnPath(input.next, '/'));
  });
  return router;
}
