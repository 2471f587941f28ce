/**
 * Post-editing effort as the server sees it: the browser measures the active time
 * spent on a sentence (src/public/js/effort.js) and sends it with the save as
 * `editingSeconds`; it is stored on the revision the save creates.
 */
import { z } from 'zod';
import { parseInput } from '../web/validate';

/** A day: longer than anyone edits one sentence, so anything above it is a broken client. */
export const EDITING_SECONDS_MAX = 24 * 3600;

export const messages = {
  editingSeconds: `editingSeconds must be a number of seconds from 0 to ${EDITING_SECONDS_MAX}.`,
};

/**
 * The optional `editingSeconds` field of a save, for the JSON API (a number) and for
 * forms (a string; empty means "not measured"). Add it to a zod object schema.
 */
export const editingSecondsField = z.preprocess(
  (value) => (typeof value === 'string' ? (value.trim() === '' ? undefined : Number(value)) : value),
  z
    .number({ error: messages.editingSeconds })
    .min(0, messages.editingSeconds)
    .max(EDITING_SECONDS_MAX, messages.editingSeconds)
    .optional(),
);

/**
 * The same check as a function, for callers outside a schema: undefined/null/'' is
 * "not measured" (null); anything else must be 0..86400 seconds or it is a 422.
 */
export function parseEditingSeconds(value: unknown): number | null {
  if (value === null) return null;
  return parseInput(z.object({ editingSeconds: editingSecondsField }), { editingSeconds: value }).editingSeconds ?? null;
}
