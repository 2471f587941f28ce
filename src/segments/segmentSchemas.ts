import { z } from 'zod';
import { formNumber, limitedText, returnTo, versionField, wholeNumber } from '../web/fields';
import { REVIEW_STATUSES } from './model';
import { NOTE_MAX } from './segmentService';

/** A day: longer than anyone edits one sentence, so anything above it is a broken client. */
export const EDITING_SECONDS_MAX = 24 * 3600;

export const messages = {
  editingSeconds: `editingSeconds must be a number of seconds from 0 to ${EDITING_SECONDS_MAX}.`,
  version: 'version is required: send the version you last read, so no edit overwrites another.',
  at: 'at must be a whole number: where to split, in UTF-16 code units of the current text.',
  splitWhere: 'Say where to split: type the words the second part starts with.',
};

const version = versionField(messages.version);
const note = limitedText('a note', NOTE_MAX).optional();

/**
 * The active editing time the browser measured for a save (src/public/js/effort.js),
 * stored on the revision the save creates: a number from the API, a string from a
 * form (empty means "not measured").
 */
export const editingSecondsField = formNumber(
  z.number({ error: messages.editingSeconds }).min(0, messages.editingSeconds).max(EDITING_SECONDS_MAX, messages.editingSeconds).optional(),
);

export const patchSegmentSchema = z
  .object({
    text: z.string({ error: 'text must be a string.' }).optional(),
    status: z.enum(REVIEW_STATUSES, { error: `status must be one of ${REVIEW_STATUSES.join(', ')}.` }).optional(),
    note,
    editingSeconds: editingSecondsField,
    version,
  })
  .strict();

/** The edit form: "save" stores the text, "reset" puts the MT back. */
export const editFormSchema = z.object({
  text: z.string().default(''),
  version: formNumber(version),
  note,
  editingSeconds: editingSecondsField,
  action: z.enum(['save', 'reset']).default('save'),
  returnTo,
});

export const statusFormSchema = z.object({
  status: z.enum(REVIEW_STATUSES),
  version: formNumber(version),
  note,
  returnTo,
  /** Set by the confirm step: approve although the sentence has open QA findings. */
  qaConfirmed: z.literal('1').optional().catch(undefined),
});

/** The editor's text, for the live diff under it. */
export const diffFormSchema = z.object({ text: z.string().default('') });

/** Undo names the version it takes back, so that a change made since is not taken back by mistake (409). */
export const undoSchema = z.object({ version }).strict();

export const undoFormSchema = z.object({
  version: formNumber(version),
  returnTo,
});

export const revertFormSchema = z.object({
  version: formNumber(version),
  to: formNumber(version),
});

export const splitSchema = z.object({ at: wholeNumber(messages.at), version }).strict();

export const mergeSchema = z.object({ version }).strict();

/**
 * The split form: the page's script sends the caret (`at`); without a script the person types the
 * words the second part starts with (their first occurrence after the start is the place).
 */
export const splitFormSchema = z
  .object({
    version: formNumber(version),
    at: formNumber(wholeNumber(messages.at).optional()),
    startsWith: z.string().trim().optional(),
    returnTo,
  })
  .refine((input) => input.at !== undefined || Boolean(input.startsWith), { message: messages.splitWhere, path: ['startsWith'] });

export const mergeFormSchema = z.object({ version: formNumber(version), returnTo });
