/**
 * Errors the user is meant to see. Each carries an HTTP status and a stable code
 * (the API's `error.code`); anything else that reaches the error handler is a bug
 * and is reported as a generic 500 without details.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError(404, 'not_found', `${what} does not exist.`);
export const unprocessable = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError(422, code, message, details);
export const conflict = (code: string, message: string, details?: Record<string, unknown>) => new AppError(409, code, message, details);

/** Seconds a client is asked to wait after a 503 (Retry-After). */
export const RETRY_AFTER_SECONDS = 5;

export const databaseMessages = {
  busy: 'The database is busy (another Redline process is writing). Nothing was saved; try again in a few seconds.',
  full: "The server's disk is full; tell your administrator. Nothing was saved.",
};

/**
 * SQLite's refusals that are not bugs, as the user should read them: the database
 * stayed locked by another process (503, try again) or the disk is full (507).
 */
export function databaseRefusal(error: unknown): AppError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  if (/^SQLITE_(BUSY|LOCKED)/.test(code)) return new AppError(503, 'database_busy', databaseMessages.busy);
  if (code === 'SQLITE_FULL') return new AppError(507, 'disk_full', databaseMessages.full);
  return undefined;
}
