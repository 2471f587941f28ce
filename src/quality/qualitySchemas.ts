import { z } from 'zod';
import { WEIGHT_MAX } from '../annotations/mqm';
import { formNumber, wholeNumber } from '../web/fields';
import { OVERVIEW_SORTS } from './model';

export const messages = {
  weight: (name: string) => `The ${name} weight must be a number from 0 to ${WEIGHT_MAX}.`,
  threshold: 'The pass threshold must be a number from 0 to 100.',
  coverage: 'The coverage for a final verdict must be a percentage from 0 to 100.',
};

const weight = (name: string) =>
  z
    .number({ error: messages.weight(name) })
    .min(0, messages.weight(name))
    .max(WEIGHT_MAX, messages.weight(name));
const threshold = z.number({ error: messages.threshold }).min(0, messages.threshold).max(100, messages.threshold);
const coverage = z.number({ error: messages.coverage }).min(0, messages.coverage).max(100, messages.coverage);

/** PUT /api/quality/settings: every weight and the threshold are required, so nothing is changed by omission; the coverage is optional (added later). */
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
        {
          error: (issue) =>
            issue.code === 'invalid_type' ? 'an object with neutral, minor, major, critical and minorPunctuation is required.' : undefined,
        },
      )
      .strict(),
    passThreshold: threshold,
    verdictCoverage: coverage.optional(),
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
  verdictCoverage: formNumber(coverage.optional()),
});

export const overviewQuerySchema = z.object({
  sort: z.enum(OVERVIEW_SORTS, { error: `sort must be one of: ${OVERVIEW_SORTS.join(', ')}.` }).default('updated'),
  dir: z.enum(['asc', 'desc'], { error: 'dir must be asc or desc.' }).default('desc'),
});

export const REPORT_FORMATS = ['csv', 'json'] as const;
export const reportQuery = z.object({
  format: z.enum(REPORT_FORMATS, { error: `format must be one of: ${REPORT_FORMATS.join(', ')}.` }).optional(),
  page: formNumber(wholeNumber('page must be a whole number, 1 or more.', 1).optional()),
  /** `all=1`: every segment on one page, the printable tracked-changes report (sent in steps) */
  all: z.enum(['1'], { error: 'all must be 1 when given.' }).optional(),
});
