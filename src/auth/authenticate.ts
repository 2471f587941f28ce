import type { RequestHandler } from 'express';
import { AppError } from '../errors';
import type { AccountService } from './accountService';
import { localsOf } from './locals';
import { permissionsOf } from './roles';

export const SESSION_COOKIE = 'redline_session';

export const messages = {
  invalidToken: 'The API token is unknown or revoked, or its account is disabled.',
  malformedAuthorization: 'The Authorization header must read "Bearer <token>".',
};

/**
 * Works out who is calling, before any body is read: a bearer token (API clients)
 * or a session cookie (browsers). Sets res.locals.actor; a bad token is refused
 * here (401), so its body is never parsed. A stale or tampered cookie is dropped,
 * never an error. The CSRF token comes next (csrf.ts), once the body is parsed.
 */
export function authenticate(accounts: AccountService): RequestHandler {
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
          can: permissionsOf(resolved.actor),
        });
        return next();
      }
      res.clearCookie(SESSION_COOKIE, { path: '/' });
    }
    localsOf(res).can = permissionsOf(undefined);
    next();
  };
}
