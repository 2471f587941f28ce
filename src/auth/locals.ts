import type { Response } from 'express';
import type { SessionRow } from './model';
import type { Actor, Permissions } from './roles';

/** What authentication leaves in res.locals for the routes and the templates. */
export interface RequestLocals {
  actor?: Actor;
  session?: SessionRow;
  authKind?: 'token' | 'session';
  csrfToken?: string;
  can?: Permissions;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express declares its Locals in this global namespace
  namespace Express {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging: Express's Locals gains our fields
    interface Locals extends RequestLocals {}
  }
}

/** res.locals as authentication filled it (Express types it as a record of anything). */
export function localsOf(res: Response): RequestLocals {
  return res.locals as RequestLocals;
}
