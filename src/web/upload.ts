import type { RequestHandler } from 'express';
import multer from 'multer';
import { AppError } from '../errors';

/** A form with one file beside a few text fields (title, CSRF token, ...). */
const UPLOAD_FIELDS_MAX = 20;

export const messages = {
  tooLarge: (limitBytes: number) => `The upload is larger than the limit of ${Math.round((limitBytes / 1024 / 1024) * 10) / 10} MB.`,
  refused: (field: string) =>
    `The upload was refused: send one file in the "${field}" field and at most ${UPLOAD_FIELDS_MAX} other fields.`,
  malformed:
    'The upload could not be read: the multipart body is malformed or has no boundary. Send it as multipart/form-data, as a browser form or `curl -F` does.',
  invalidUtf8: 'A form field is not valid UTF-8 text. Nothing was saved.',
};

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Text fields are read as latin1 (one character per byte, so nothing is lost) and
 * then decoded as UTF-8 here, strictly: busboy's own UTF-8 decoding would turn bad
 * bytes into U+FFFD without a word. A part that names its own charset was decoded
 * by busboy already (characters above U+00FF); it is kept unless that decoding
 * had to replace something.
 */
function decodeField(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeField);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, decodeField(inner)]));
  }
  if (typeof value !== 'string') return value;
  // eslint-disable-next-line no-control-regex -- any character above latin1 means busboy decoded this part itself
  if (/[^\u0000-\u00ff]/.test(value)) {
    if (value.includes('\ufffd')) throw new AppError(400, 'invalid_encoding', messages.invalidUtf8);
    return value;
  }
  try {
    return strictUtf8.decode(Buffer.from(value, 'latin1'));
  } catch {
    throw new AppError(400, 'invalid_encoding', messages.invalidUtf8);
  }
}

/** A file name as the browser sent it (UTF-8 bytes); an old client's latin1 name is kept as it reads. */
function decodeFileName(name: string): string {
  try {
    return strictUtf8.decode(Buffer.from(name, 'latin1'));
  } catch {
    return name;
  }
}

/** multer's and busboy's errors, in words: too large (413), refused (400), unreadable (400). */
function toUploadError(error: unknown, field: string, limitBytes: number): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof multer.MulterError) {
    if (error.code === 'LIMIT_FILE_SIZE' || error.code === 'LIMIT_FIELD_VALUE')
      return new AppError(413, 'too_large', messages.tooLarge(limitBytes));
    return new AppError(400, 'invalid_upload', messages.refused(field));
  }
  // Everything else multer passes on comes from reading the body: no boundary, a broken one, a cut-off form.
  return new AppError(400, 'invalid_multipart', messages.malformed);
}

/**
 * Parses a multipart/form-data body with one file in `field` (kept in memory, at
 * most `limitBytes`), for the routes that take an upload. Every other route never
 * parses multipart. Fields are strict UTF-8 like every other body (web/bodies.ts).
 */
export function uploadParser(fileFields: string | readonly string[], limitBytes: number): RequestHandler {
  const names = typeof fileFields === 'string' ? [fileFields] : fileFields;
  const field = names.join('", "');
  // multer 2 passes both charsets on to busboy; @types/multer does not know them yet.
  const options: multer.Options & { defCharset: string; defParamCharset: string } = {
    storage: multer.memoryStorage(),
    limits: { fileSize: limitBytes, fieldSize: limitBytes, files: names.length, fields: UPLOAD_FIELDS_MAX },
    defCharset: 'latin1',
    defParamCharset: 'latin1',
  };
  // One file field: req.file; several (a two-file import): req.files by field name.
  const parse =
    typeof fileFields === 'string'
      ? multer(options).single(fileFields)
      : multer(options).fields(names.map((name) => ({ name, maxCount: 1 })));
  return (req, res, next) => {
    if (!req.is('multipart/form-data')) return next();
    parse(req, res, (error?: unknown) => {
      if (error) return next(toUploadError(error, field, limitBytes));
      try {
        req.body = decodeField(req.body);
        if (req.file) req.file.originalname = decodeFileName(req.file.originalname);
        const files = req.files && !Array.isArray(req.files) ? Object.values(req.files).flat() : [];
        for (const file of files) file.originalname = decodeFileName(file.originalname);
      } catch (decodingError) {
        return next(decodingError);
      }
      next();
    });
  };
}
