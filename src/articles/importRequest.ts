import type { Request, RequestHandler } from 'express';
import { uploadForm } from '../auth/csrf';
import { z } from 'zod';
import { unprocessable } from '../errors';
import { optionalLineOfText } from '../web/fields';
import { parseInput } from '../web/validate';
import type { ImportRequest } from './articleService';
import { TITLE_MAX } from './articleService';
import { resolveFormat } from './importFormats';
import { languageTag } from './languageTags';
import { ARTICLE_FORMATS } from './model';

/** A form's "not given" is an empty string. */
const optionalField = <Schema extends z.ZodType>(schema: Schema) =>
  z
    .literal('')
    .transform(() => undefined)
    .or(schema.optional());

/** The fields of an import, the same for the JSON API, its multipart form and the browser form. */
export const importFieldsSchema = z.object({
  // The rule of every typed title: one line, no control characters (web/typedText.ts).
  title: z.preprocess((value) => (value === '' ? undefined : value), optionalLineOfText('A title', TITLE_MAX)),
  text: z.string({ error: 'text must be a string.' }).optional(),
  format: optionalField(z.enum(ARTICLE_FORMATS, { error: `format must be one of ${ARTICLE_FORMATS.join(', ')}.` })),
  sourceLanguage: optionalField(z.string({ error: 'sourceLanguage must be a string.' })),
  targetLanguage: optionalField(z.string({ error: 'targetLanguage must be a string.' })),
});

export type ImportFields = Pick<ImportRequest, 'text' | 'source' | 'title' | 'fileName' | 'format' | 'sourceLanguage' | 'targetLanguage'>;

export const messages = {
  nothingToImport: 'Send the article: a file in the field "file", or the text in "text".',
};

/**
 * Parses the two upload fields, `file` (the MT side, or the whole bilingual file) and `sourceFile` (the
 * two-file import's source), and checks the CSRF token inside a session's multipart form.
 */
export function importUploads(maxUploadBytes: number): RequestHandler[] {
  return uploadForm(['file', 'sourceFile'], maxUploadBytes);
}

function uploaded(req: Request, field: 'file' | 'sourceFile'): Express.Multer.File | undefined {
  const files = req.files as Record<string, Express.Multer.File[] | undefined> | undefined;
  const file = files?.[field]?.[0];
  return file && file.size > 0 ? file : undefined;
}

/**
 * What an import request asks for, checked before anything runs: the fields, the languages
 * (BCP 47, canonical), and an upload's format (415 for a file of no known type). A file wins
 * over pasted text; its bytes are decoded by the format's reader.
 */
export function importFieldsOf(req: Request): ImportFields {
  const input = parseInput(importFieldsSchema, req.body ?? {});
  const file = uploaded(req, 'file');
  const sourceFile = uploaded(req, 'sourceFile');
  const text: string | Uint8Array | undefined = file ? file.buffer : input.text;
  if (text === undefined) throw unprocessable('invalid_input', messages.nothingToImport);
  const fileName = file?.originalname;
  // Refuses an upload of no known type now, not halfway through the import.
  resolveFormat(input.format, fileName, sourceFile !== undefined);
  return {
    text,
    source: sourceFile?.buffer,
    title: input.title,
    fileName,
    format: input.format,
    sourceLanguage: input.sourceLanguage === undefined ? undefined : languageTag('sourceLanguage', input.sourceLanguage),
    targetLanguage: input.targetLanguage === undefined ? undefined : languageTag('targetLanguage', input.targetLanguage),
  };
}
