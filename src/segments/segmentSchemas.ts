import { z } from 'zod';
import { REVIEW_STATUSES } from '../articles/model';
import { NOTE_MAX } from './segmentService';
import { editingSecondsField } from '../quality/effort';

const version = z.coerce.number({ error: 'version must be a number.' }).int().min(1, 'version must be 1 or more.');
const note = z.string().max(NOTE_MAX, `A note can be at most ${NOTE_MAX} characters.`).optional();

export const patchSegmentSchema = z
  .object({
    text: z.string({ error: 'text must be a string.' }).optional(),
    status: z.enum(REVIEW_STATUSES, { error: `status must be one of ${REVIEW_STATUSES.join(', ')}.` }).optional(),
    note,
    editingSeconds: editingSecondsField,
    version: z.number({ error: 'version is required: send the version you last read, so no edit overwrites another.' }).int().min(1),
  })
  .strict();

/** The edit form: "save" stores the text, "reset" puts the MT back. */
export const editFormSchema = z.object({
  text: z.string().default(''),
  version,
  note,
  editingSeconds: editingSecondsField,
  action: z.enum(['save', 'reset']).default('save'),
  returnTo: z.string().optional(),
});

export const statusFormSchema = z.object({
  status: z.enum(REVIEW_STATUSES),
  version,
  note,
  returnTo: z.string().optional(),
});

export const revertFormSchema = z.object({
  version,
  to: version,
});
