import { z } from 'zod';
import { MQM_CATEGORY_CODES, SEVERITIES, WEIGHT_MAX } from './mqm';

export const COMMENT_MAX = 2_000;

export const messages = {
  category: `category must be one of: ${MQM_CATEGORY_CODES.join(', ')}.`,
  severity: `severity must be one of: ${SEVERITIES.join(', ')}.`,
  offset: (field: string) => `${field} must be a whole number of characters, 0 or more.`,
  comment: `A comment can be at most ${COMMENT_MAX} characters.`,
  version: 'version is required: send the version you last read, so no change overwrites another.',
  weight: (name: string) => `The ${name} weight must be a number from 0 to ${WEIGHT_MAX}.`,
  threshold: 'The pass threshold must be a number from 0 to 100.',
};

const offset = (field: string) => z.number({ error: messages.offset(field) }).int(messages.offset(field)).min(0, messages.offset(field));
const category = z.enum(MQM_CATEGORY_CODES, { error: messages.category });
const severity = z.enum(SEVERITIES, { error: messages.severity });
const comment = z.string({ error: 'comment must be a string.' }).max(COMMENT_MAX, messages.comment);
const version = z.number({ error: messages.version }).int(messages.version).min(1, messages.version);

/** Form fields arrive as strings; an empty one is "not given". */
const formNumber = <Schema extends z.ZodType>(schema: Schema) =>
  z.preprocess((value) => (typeof value === 'string' ? (value.trim() === '' ? undefined : Number(value)) : value), schema);

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
  returnTo: z.string().optional(),
});

/** `?start=&end=` of the form annotate.js opens. */
export const spanQuery = z.object({ start: formNumber(offset('start')), end: formNumber(offset('end')) });

export const annotationEditFormSchema = z.object({
  category,
  severity,
  comment: comment.default(''),
  version: formNumber(version),
  returnTo: z.string().optional(),
});

export const annotationDeleteFormSchema = z.object({
  version: formNumber(version),
  returnTo: z.string().optional(),
});

const weight = (name: string) => z.number({ error: messages.weight(name) }).min(0, messages.weight(name)).max(WEIGHT_MAX, messages.weight(name));
const threshold = z.number({ error: messages.threshold }).min(0, messages.threshold).max(100, messages.threshold);

/** PUT /api/quality/settings: every value is required, so nothing is changed by omission. */
export const settingsSchema = z
  .object({
    weights: z
      .object(
        {
          neutral: weight('neutral'),
          minor: weight('minor'),
          major: weight('major'),
          critical: weight('critical'),
          minorPunctuation: weight('minor punctuation'),
        },
        // Only a missing or non-object value gets this message; unknown keys keep zod's, which names them.
        { error: (issue) => (issue.code === 'invalid_type' ? 'an object with neutral, minor, major, critical and minorPunctuation is required.' : undefined) },
      )
      .strict(),
    passThreshold: threshold,
  })
  .strict();

/** The settings page: the same values as flat form fields. */
export const settingsFormSchema = z.object({
  neutral: formNumber(weight('neutral')),
  minor: formNumber(weight('minor')),
  major: formNumber(weight('major')),
  critical: formNumber(weight('critical')),
  minorPunctuation: formNumber(weight('minor punctuation')),
  passThreshold: formNumber(threshold),
});

export const OVERVIEW_SORTS = ['title', 'progress', 'hter', 'chrf', 'mqm', 'pass', 'updated'] as const;
export type OverviewSort = (typeof OVERVIEW_SORTS)[number];

export const overviewQuerySchema = z.object({
  sort: z.enum(OVERVIEW_SORTS, { error: `sort must be one of: ${OVERVIEW_SORTS.join(', ')}.` }).default('updated'),
  dir: z.enum(['asc', 'desc'], { error: 'dir must be asc or desc.' }).default('desc'),
});

export const REPORT_FORMATS = ['csv', 'json'] as const;
export const reportQuery = z.object({
  format: z.enum(REPORT_FORMATS, { error: `format must be one of: ${REPORT_FORMATS.join(', ')}.` }).optional(),
  page: formNumber(z.number({ error: 'page must be a whole number, 1 or more.' }).int('page must be a whole number, 1 or more.').min(1, 'page must be a whole number, 1 or more.').optional()),
  /** `all=1`: every segment on one page, the printable tracked-changes report */
  all: z.enum(['1'], { error: 'all must be 1 when given.' }).optional(),
});
