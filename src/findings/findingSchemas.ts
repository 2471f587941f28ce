import { z } from 'zod';
import { CHECK_IDS, type CheckId } from '../qa/runChecks';
import { formNumber, returnTo, versionField, wholeNumber } from '../web/fields';

/** Findings per page of GET /api/articles/:id/findings: by default, and at most. */
export const FINDINGS_PAGE = 100;
export const FINDINGS_PAGE_MAX = 1_000;

const flag = z
  .enum(['true', '1', 'false', '0'], { error: 'includeDismissed must be true or false.' })
  .optional()
  .transform((value) => value === 'true' || value === '1');

export const listFindingsQuery = z.object({
  check: z
    .string()
    .refine((value): value is CheckId => (CHECK_IDS as readonly string[]).includes(value), {
      error: `check must be one of: ${CHECK_IDS.join(', ')}.`,
    })
    .optional(),
  includeDismissed: flag,
  offset: formNumber(wholeNumber('offset must be a whole number, 0 or more.').default(0)),
  limit: formNumber(
    wholeNumber(`limit must be a whole number from 1 to ${FINDINGS_PAGE_MAX}.`, 1)
      .max(FINDINGS_PAGE_MAX, `limit must be a whole number from 1 to ${FINDINGS_PAGE_MAX}.`)
      .default(FINDINGS_PAGE),
  ),
});

export const dismissSchema = z.object({ reason: z.string({ error: 'reason is required: say why the finding does not apply.' }) }).strict();

/** The fix, dismiss and restore forms of a review row. */
export const findingFormSchema = z.object({ reason: z.string().default(''), returnTo });

/** GET /segments/:id/approve: the version the approve form was based on. */
export const confirmApproveQuery = z.object({ version: formNumber(versionField()), returnTo });

/** "Fix all of this kind": the check whose certain fixes are applied as one batch. */
export const fixAllSchema = z.object({
  check: z.string({ error: 'check is required.' }).refine((value): value is CheckId => (CHECK_IDS as readonly string[]).includes(value), {
    error: `check must be one of: ${CHECK_IDS.join(', ')}.`,
  }),
});
