import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { AppError } from '../errors';
import type { AccountService } from './accountService';
import { localsOf } from './locals';
import { permissionsOf } from './roles';

export const SESSION_COOKIE = 'redline_session';
/** Before sign-in (login and setup forms) the CSRF token lives in a cookie of its own. */
export const ANONYMOUS_CSRF_COOKIE = 'redline_csrf';

export const messages = {
  invalidToken: 'The API token is unknown or revoked, or its account is disabled.',
  malformedAuthorization: 'The Authorization header must read "Bearer <token>".',
  csrf: 'This form has expired or did not come from Redline. Reload the page and try again.',
};

/**
 * Works out who is calling: a bearer token (API clients) or a session cookie
 * (browsers). Sets res.locals.actor, and for browsers the CSRF token their forms
 * must send back. A stale or tampered cookie is dropped, never an error.
 */
export function authenticate(accounts: AccountService, secureCookies: (req: Request) => boolean): RequestHandler {
  return (req, res, next) => {
    const authorization = req.get('Authorization');
    if (authorization !== undefined) {
      const match = /^Bearer +([A-Za-z0-9_-]{10,200})$/.exec(authorization.trim());
      if (!match) return next(new AppError(401, 'invalid_authorization', messages.malformedAuthorization));
      const actor = accounts.resolveToken(match[1]!);
      if (!actor) return next(new AppError(401, 'invalid_token', messages.invalidToken));
      Object.assign(localsOf(res), { actor, authKind: 'token', can: permissionsOf(actor) });
      return next();
    }
    const cookie = (req.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
    if (typeof cookie === 'string' && cookie) {
      const resolved = cookie.length <= 200 ? accounts.resolveSession(cookie) : undefined;
      if (resolved) {
        Object.assign(localsOf(res), {
          actor: resolved.actor,
          session: resolved.session,
          authKind: 'session',
          csrfToken: resolved.session.csrfToken,
          can: permissionsOf(resolved.actor),
        });
        return next();
      }
      res.clearCookie(SESSION_COOKIE, { path: '/' });
    }
    Object.assign(localsOf(res), { csrfToken: anonymousCsrfToken(req, res, secureCookies(req)), can: permissionsOf(undefined) });
    next();
  };
}

function anonymousCsrfToken(req: Request, res: Response, secure: boolean): string {
  const existing = (req.cookies as Record<string, unknown> | undefined)?.[ANONYMOUS_CSRF_COOKIE];
  if (typeof existing === 'string' && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const token = randomBytes(32).toString('base64url');
  res.cookie(ANONYMOUS_CSRF_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/' });
  return token;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Synchronizer-token check: the form field `_csrf` or the header `X-CSRF-Token` must match. */
export function verifyCsrf(req: Request, res: Response): void {
  const { authKind, csrfToken: expected } = localsOf(res);
  if (SAFE_METHODS.has(req.method) || (authKind !== 'session' && !ANONYMOUS_FORMS.has(req.path))) return;
  const sent: unknown = req.get('X-CSRF-Token') ?? (req.body as { _csrf?: unknown } | undefined)?._csrf;
  if (!expected || typeof sent !== 'string' || !equal(sent, expected)) throw new AppError(403, 'csrf_failed', messages.csrf);
}

function equal(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The forms an anonymous visitor may post; they are protected too (against login CSRF). */
const ANONYMOUS_FORMS = new Set(['/login', '/setup']);

/**
 * Every state-changing request with a session must carry the token, and so must
 * the sign-in forms. Other anonymous requests are refused by the sign-in check,
 * with a 401 that says so. Multipart forms are parsed later by multer, so their
 * routes call verifyCsrf themselves.
 */
export const csrfProtection: RequestHandler = (req, res, next) => {
  if (req.is('multipart/form-data')) return next();
  if (localsOf(res).authKind === 'session' || ANONYMOUS_FORMS.has(req.path)) verifyCsrf(req, res);
  next();
};
