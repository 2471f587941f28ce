import type { RequestHandler } from 'express';
import { AppError } from '../errors';

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

export const messages = {
  signInRequired: 'Sign in first: this needs an account.',
  forbidden: (minimum: Role) => `This needs the ${minimum} role or higher; ask an admin if you need it.`,
};

/** Refuses the request with 401 (nobody signed in) or 403 (role too low). */
export function requireRole(minimum: Role): RequestHandler {
  return (_req, res, next) => {
    const actor = res.locals.actor as Actor | undefined;
    if (!actor) return next(new AppError(401, 'unauthenticated', messages.signInRequired));
    if (!hasRole(actor, minimum)) return next(new AppError(403, 'forbidden', messages.forbidden(minimum)));
    next();
  };
}
