import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { AppError, databaseRefusal, RETRY_AFTER_SECONDS } from '../errors';

/** API calls and the review page's background requests get JSON; browsers get a page. */
export function wantsJson(req: Request): boolean {
  return req.path.startsWith('/api/') || req.get('X-Requested-With') === 'fetch';
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError(404, 'not_found', `There is no page at ${req.path}.`));
};

/**
 * Turns what a body parser still raises into an AppError (web/bodies.ts and
 * web/upload.ts word their own limits and encoding errors).
 */
function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  const candidate = error as { type?: string; status?: number };
  if (candidate.type === 'encoding.unsupported' || candidate.type === 'charset.unsupported') {
    return new AppError(415, 'unsupported_encoding', 'Send the request body as UTF-8.');
  }
  if (candidate.status === 400) return new AppError(400, 'bad_request', 'The request could not be read.');
  return databaseRefusal(error);
}

export function errorHandler(): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const appError = toAppError(error);
    if (!appError) console.error(error);
    const status = appError?.status ?? 500;
    const body = {
      error: {
        code: appError?.code ?? 'internal_error',
        message: appError?.message ?? 'Something went wrong on our side. Nothing was saved by the failed request; please try again.',
        ...(appError?.details ?? {}),
      },
    };
    if (res.headersSent) return;
    if (status === 503) res.set('Retry-After', String(RETRY_AFTER_SECONDS));
    if (wantsJson(req)) return void res.status(status).json(body);
    res
      .status(status)
      .render('error', { title: status === 404 ? 'Not found' : 'Error', status, error: body.error }, (renderError, html) => {
        // If even the error page fails, say so plainly rather than let Express print a stack trace.
        if (renderError) {
          console.error(renderError);
          res.type('text/plain').send(`${body.error.message} (${body.error.code})`);
        } else res.send(html);
      });
  };
}
