import { isUtf8 } from 'node:buffer';
import { parse as parseContentType } from 'content-type';
import express, { type Request, type RequestHandler, type Response } from 'express';
import { AppError } from '../errors';

/**
 * Before sign-in only the sign-in and setup forms are posted, a few hundred bytes
 * each: nobody unknown gets to make the server hold megabytes.
 */
export const ANONYMOUS_BODY_LIMIT = 16 * 1024;

/** Form fields a request may hold: most forms have a handful; the replace preview posts two per match shown (100 a page). */
const FORM_FIELDS_MAX = 1_000;

export const messages = {
  tooLargeBeforeSignIn: `A request before sign-in can be at most ${ANONYMOUS_BODY_LIMIT / 1024} KB. Sign in first.`,
  tooLarge: (limitBytes: number) => `The request body is larger than the limit of ${megabytes(limitBytes)} MB.`,
  tooManyFields: `A form can have at most ${FORM_FIELDS_MAX} fields.`,
  notUtf8: 'Send the request body as UTF-8.',
  invalidUtf8: 'The request body is not valid UTF-8 (it has bytes that are not text). Nothing was saved.',
  invalidPercentEncoding:
    'The form is not validly encoded: a field has a percent escape that is not UTF-8 text (such as %FF). Nothing was saved.',
  invalidJson: 'The request body is not valid JSON.',
};

const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Only UTF-8 is read: another charset would be decoded by guesswork, and bad bytes silently become U+FFFD. */
function checkUtf8(body: Buffer, encoding: string): void {
  if (encoding !== 'utf-8' && encoding !== 'utf8') throw new AppError(415, 'unsupported_encoding', messages.notUtf8);
  if (!isUtf8(body)) throw new AppError(400, 'invalid_encoding', messages.invalidUtf8);
}

/**
 * A form's values are percent-encoded UTF-8. The form parser keeps an escape it
 * cannot decode (`%FF%FE`) as literal text, which would then be stored as if typed:
 * every field must decode cleanly instead.
 */
function checkFormEncoding(_req: Request, _res: Response, body: Buffer, encoding: string): void {
  checkUtf8(body, encoding);
  for (const field of body.toString('utf8').split('&')) {
    try {
      decodeURIComponent(field.replace(/\+/g, ' '));
    } catch {
      throw new AppError(400, 'invalid_form_encoding', messages.invalidPercentEncoding);
    }
  }
}

function checkJsonEncoding(_req: Request, _res: Response, body: Buffer, encoding: string): void {
  checkUtf8(body, encoding);
}

const tooLarge = (limitBytes: number, anonymous: boolean) =>
  new AppError(413, 'too_large', anonymous ? messages.tooLargeBeforeSignIn : messages.tooLarge(limitBytes));

/** body-parser's own errors, in words that name the limit that applied. */
function toBodyError(error: unknown, limitBytes: number, anonymous: boolean): unknown {
  const type = (error as { type?: unknown }).type;
  if (type === 'entity.too.large') return tooLarge(limitBytes, anonymous);
  if (type === 'parameters.too.many') return new AppError(413, 'too_many_fields', messages.tooManyFields);
  if (type === 'entity.parse.failed') return new AppError(400, 'invalid_json', messages.invalidJson);
  return error;
}

/**
 * An uncompressed UTF-8 JSON body: decoded chunk by chunk as it arrives, its bytes checked as they come
 * (checkUtf8As), so that the step that ends it only parses. A `verify` function makes the parser collect the
 * raw bytes instead and then copy and decode them all at once: for a 6.6 MB import, two copies of ~25 ms each
 * on this machine (a copy's cost is mostly the first touch of fresh memory), in the step that also parses.
 */
function isPlainUtf8Json(req: Request): boolean {
  const header = req.headers['content-type'];
  if (!header || !req.is('application/json')) return false;
  const charset = parseContentType(header).parameters.charset?.toLowerCase();
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  return (charset === undefined || charset === 'utf-8' || charset === 'utf8') && encoding === 'identity';
}

/** Checks a request's bytes as they arrive; the function returned tells, once the body was read, whether they were UTF-8. */
function checkUtf8As(req: Request): () => boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let valid = true;
  const check = (chunk?: Buffer) => {
    if (!valid) return;
    try {
      // The text is thrown away: decoding is how a chunk that ends inside a character is checked with the next.
      decoder.decode(chunk, { stream: chunk !== undefined });
    } catch {
      valid = false;
    }
  };
  req.on('data', check);
  return () => {
    req.off('data', check);
    check();
    return valid;
  };
}

/** The JSON parser, then the form parser (each reads only its own content type). */
function parsers(limitBytes: number): RequestHandler {
  const json = express.json({ limit: limitBytes, verify: checkJsonEncoding });
  const streamedJson = express.json({ limit: limitBytes });
  const form = express.urlencoded({ extended: false, limit: limitBytes, parameterLimit: FORM_FIELDS_MAX, verify: checkFormEncoding });
  const parseJson: RequestHandler = (req, res, next) => {
    if (!isPlainUtf8Json(req)) return json(req, res, next);
    const wasUtf8 = checkUtf8As(req);
    streamedJson(req, res, (error?: unknown) => {
      // Bad bytes come first: the parser would otherwise report the text they were decoded into.
      if (!wasUtf8()) return next(new AppError(400, 'invalid_encoding', messages.invalidUtf8));
      next(error);
    });
  };
  return (req, res, next) => parseJson(req, res, (error?: unknown) => (error ? next(error) : form(req, res, next)));
}

/**
 * Parses JSON and form bodies AFTER authentication: a caller who is known (a
 * session or a valid API token) may send up to `signedInLimit` bytes, anyone else
 * ANONYMOUS_BODY_LIMIT, refused (413) as soon as the size is known: from the
 * Content-Length header before reading, or when a chunked body passes the limit. Multipart bodies are not parsed here: only a route that expects an
 * upload parses one (web/upload.ts).
 */
export function bodyParsers(options: { signedInLimit: number; isKnownCaller: (res: Response) => boolean }): RequestHandler {
  const signedIn = parsers(options.signedInLimit);
  const anonymous = parsers(ANONYMOUS_BODY_LIMIT);
  return (req, res, next) => {
    const known = options.isKnownCaller(res);
    const limit = known ? options.signedInLimit : ANONYMOUS_BODY_LIMIT;
    // A declared size over the limit is refused before a byte is read (Node then discards the rest).
    // Anonymous callers post nothing larger of any type; an upload route has its own limit (web/upload.ts).
    if (Number(req.get('Content-Length')) > limit && (!known || req.is(['json', 'urlencoded']))) return next(tooLarge(limit, !known));
    (known ? signedIn : anonymous)(req, res, (error?: unknown) => next(error ? toBodyError(error, limit, !known) : undefined));
  };
}
