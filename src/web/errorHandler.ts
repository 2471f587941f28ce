import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { AppError, databaseRefusal, RETRY_AFTER_SECONDS } from '../errors';

/** API calls and the review page's background requests get JSON; browsers get a page. */
export function wantsJson(req: Request): boolean {
  return req.path.startsWith('/api/') || req.get('X-Requested-With') === 'fetch';
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError(404, 'not_found', `There is no page at ${req.path}.`));
};

/** Turns the errors that body parsers and multer raise into AppErrors with a clear message. */
function toAppError(error: unknown, maxUploadBytes: number): AppError | undefined {
  if (error instanceof AppError) return error;
  const candidate = error as { type?: string; code?: string; status?: number };
  const limitMb = Math.round((maxUploadBytes / 1024 / 1024) * 10) / 10;
  if (candidate.type === 'entity.too.large' || candidate.code === 'LIMIT_FILE_SIZE' || candidate.code === 'LIMIT_FIELD_VALUE') {
    return new AppError(413, 'too_large', `The upload is larger than the limit of ${limitMb} MB.`);
  }
  if (candidate.type === 'entity.parse.failed') return new AppError(400, 'invalid_json', 'The request body is not valid JSON.');
  if (candidate.type === 'encoding.unsupported' || candidate.type === 'charset.unsupported') {
    return new AppError(415, 'unsupported_encoding', 'Send the request body as UTF-8.');
  }
  if (typeof candidate.code === 'string' && candidate.code.startsWith('LIMIT_')) {
    return new AppError(400, 'invalid_upload', 'The upload was refused: send one .txt or .md file in the "file" field.');
  }
  if (candidate.status === 400) return new AppError(400, 'bad_request', 'The request could not be read.');
  return databaseRefusal(error);
}

export function errorHandler(maxUploadBytes: number): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const appError = toAppError(error, maxUploadBytes);
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
