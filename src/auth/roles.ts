import type { RequestHandler, Response } from 'express';
import { AppError } from '../errors';
import { localsOf } from './locals';

/** Roles in increasing power: each can do everything the one before it can. */
export const ROLES = ['editor', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is making a request: a signed-in account (browser session or API token). */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
}

export function hasRole(actor: Actor | undefined, minimum: Role): boolean {
  return actor !== undefined && ROLES.indexOf(actor.role) >= ROLES.indexOf(minimum);
}

/** What a person may do, for the pages (`can.review` ...): the same rules requireRole enforces. */
export interface Permissions {
  review: boolean;
  annotate: boolean;
  admin: boolean;
}

export function permissionsOf(actor: Actor | undefined): Permissions {
  return { review: hasRole(actor, 'reviewer'), annotate: hasRole(actor, 'reviewer'), admin: hasRole(actor, 'admin') };
}

export const messages = {
  signInRequired: 'Sign in first: this needs an account.',
  forbidden: (minimum: Role) => `This needs the ${minimum} role or higher; ask an admin if you need it.`,
};

/** Refuses the request with 401 (nobody signed in) or 403 (role too low). */
export function requireRole(minimum: Role): RequestHandler {
  return (_req, res, next) => {
    const { actor } = localsOf(res);
    if (!actor) return next(new AppError(401, 'unauthenticated', messages.signInRequired));
    if (!hasRole(actor, minimum)) return next(new AppError(403, 'forbidden', messages.forbidden(minimum)));
    next();
  };
}

/** The signed-in account. Routes behind requireRole or the sign-in check always have one; elsewhere this is a 401. */
export function signedIn(res: Response): Actor {
  const { actor } = localsOf(res);
  if (!actor) throw new AppError(401, 'unauthenticated', messages.signInRequired);
  return actor;
}
