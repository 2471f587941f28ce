import { z } from 'zod';
import { formNumber, limitedText, returnTo, versionField, wholeNumber } from '../web/fields';
import { MQM_CATEGORY_CODES, SEVERITIES } from './mqm';

export const COMMENT_MAX = 2_000;

export const messages = {
  category: `category must be one of: ${MQM_CATEGORY_CODES.join(', ')}.`,
  severity: `severity must be one of: ${SEVERITIES.join(', ')}.`,
  offset: (field: string) => `${field} must be a whole number of characters, 0 or more.`,
};

const offset = (field: string) => wholeNumber(messages.offset(field));
const category = z.enum(MQM_CATEGORY_CODES, { error: messages.category });
const severity = z.enum(SEVERITIES, { error: messages.severity });
const comment = limitedText('comment', COMMENT_MAX);
const version = versionField();

export const createAnnotationSchema = z
  .object({ start: offset('start'), end: offset('end'), category, severity, comment: comment.nullable().optional() })
  .strict();

export const patchAnnotationSchema = z
  .object({
    start: offset('start').optional(),
    end: offset('end').optional(),
    category: category.optional(),
    severity: severity.optional(),
    comment: comment.nullable().optional(),
    version,
  })
  .strict();

/** `?version=N` of DELETE /api/annotations/:id. */
export const deleteAnnotationQuery = z.object({ version: formNumber(version) });

/** `?includeDeleted=true` (or 1) of GET /api/segments/:id/annotations. */
export const listAnnotationsQuery = z.object({ includeDeleted: z.enum(['true', '1', 'false', '0']).optional().catch(undefined) });

/**
 * The browser's "new annotation" form. The span is picked from two lists of word
 * boundaries; an empty `end` means "no words: an omission at start".
 */
export const annotationFormSchema = z.object({
  start: formNumber(offset('start')),
  end: formNumber(offset('end').optional()),
  category,
  severity,
  comment: comment.default(''),
  returnTo,
});

/** `?start=&end=` of the form annotate.js opens. */
export const spanQuery = z.object({ start: formNumber(offset('start')), end: formNumber(offset('end')) });

export const annotationEditFormSchema = z.object({
  category,
  severity,
  comment: comment.default(''),
  version: formNumber(version),
  returnTo,
});

export const annotationDeleteFormSchema = z.object({
  version: formNumber(version),
  returnTo,
});
