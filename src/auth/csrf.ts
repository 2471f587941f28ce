import type { Request, RequestHandler } from 'express';
import { csrfSync } from 'csrf-sync';
import { AppError } from '../errors';
import { uploadParser } from '../web/upload';
import { localsOf } from './locals';

/** Before sign-in (the sign-in and setup forms) the CSRF token lives in a cookie of its own. */
export const ANONYMOUS_CSRF_COOKIE = 'redline_csrf';

export const messages = {
  csrf: 'This form has expired or did not come from Redline. Reload the page and try again.',
};

/** The forms an anonymous visitor may post; they are protected too (against login CSRF). */
const ANONYMOUS_FORMS = new Set(['/login', '/setup']);
const ANONYMOUS_TOKEN = /^[0-9a-f]{64}$/;

const refused = () => new AppError(403, 'csrf_failed', messages.csrf);

/** Whether the request must carry the token: every state-changing request with a session, and the anonymous forms. */
function needsToken(req: Request): boolean {
  return localsOf(req.res!).authKind === 'session' || ANONYMOUS_FORMS.has(req.path);
}

const isMultipart = (req: Request) => Boolean(req.is('multipart/form-data'));

/**
 * The synchronizer-token pattern, by csrf-sync: a signed-in browser's token is
 * made with its session and stored in the session's row (sessions.csrf_token); a
 * visitor's is kept in an HttpOnly cookie until they sign in. Pages print it in
 * `<meta name="csrf-token">` and in each form's `_csrf` field; scripts send it as
 * the `X-CSRF-Token` header.
 */
const tokens = csrfSync({
  size: 32,
  getTokenFromState: (req) => {
    const { session } = localsOf(req.res!);
    if (session) return session.csrfToken;
    const cookie = (req.cookies as Record<string, unknown> | undefined)?.[ANONYMOUS_CSRF_COOKIE];
    return typeof cookie === 'string' && ANONYMOUS_TOKEN.test(cookie) ? cookie : undefined;
  },
  // Only a visitor's token is ever stored here: a session's is made with the session (AccountService.openSession).
  storeTokenInState: (req, token) => {
    if (localsOf(req.res!).session || !token) return;
    req.res!.cookie(ANONYMOUS_CSRF_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' });
  },
  // Scripts send the header; plain forms the `_csrf` field, read from a body only a known parser read.
  getTokenFromRequest: (req) => {
    const header = req.get('X-CSRF-Token');
    if (header !== undefined) return header;
    const field = (req.body as { _csrf?: unknown } | undefined)?._csrf;
    return typeof field === 'string' ? field : undefined;
  },
});

/**
 * Checks every state-changing request that needs a token (after the JSON and form
 * parsers, before any route), whatever its content type: a body that no parser
 * read, such as multipart, has only the header to show. The one exception is a
 * multipart form posted to a route that expects an upload (`uploadForms`): its
 * token is inside the body, so that route checks it after parsing (uploadForm).
 * Sets `csrfToken` for the pages.
 */
export function csrfProtection(options: { uploadForms: readonly RegExp[] }): RequestHandler {
  const expectsUpload = (path: string) => options.uploadForms.some((pattern) => pattern.test(path));
  return (req, res, next) => {
    const locals = localsOf(res);
    // An API token's caller has no forms; a visitor gets (or keeps) the cookie token of the sign-in forms.
    locals.csrfToken = locals.session ? locals.session.csrfToken : locals.actor ? undefined : tokens.generateToken(req);
    const checkedByTheRoute = req.method === 'POST' && expectsUpload(req.path) && isMultipart(req);
    if (!needsToken(req) || checkedByTheRoute) return next();
    tokens.csrfSynchronisedProtection(req, res, (error?: unknown) => next(error ? refused() : undefined));
  };
}

/**
 * The route side of an upload form: parses its multipart body (web/upload.ts),
 * then checks the token that came inside it, before the route does anything.
 */
export function uploadForm(fileFields: string | readonly string[], limitBytes: number): RequestHandler[] {
  return [
    uploadParser(fileFields, limitBytes),
    (req, _res, next) => {
      if (isMultipart(req) && needsToken(req) && !tokens.isRequestValid(req)) return next(refused());
      next();
    },
  ];
}
