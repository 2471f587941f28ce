/**
 * The zod field builders every feature's schemas use, so that a form number, a
 * version or a note is read and worded the same way everywhere.
 */
import { z } from 'zod';

/** Form fields arrive as strings: an empty one is "not given" (never 0); JSON numbers pass through. */
export function formNumber<Schema extends z.ZodType>(schema: Schema) {
  return z.preprocess((value) => (typeof value === 'string' ? (value.trim() === '' ? undefined : Number(value)) : value), schema);
}

/** A whole number of at least `min`, with one message for every way it can be wrong. */
export function wholeNumber(message: string, min = 0) {
  return z.number({ error: message }).int(message).min(min, message);
}

/** The version a change is based on, so that no change overwrites another unseen. */
export function versionField(message = 'version is required: send the version you last read, so no change overwrites another.') {
  return wholeNumber(message, 1);
}

/** Free text up to `max` characters, e.g. a note or a comment. */
export function limitedText(what: string, max: number) {
  return z
    .string({ error: `${what} must be a string.` })
    .max(max, `${what.charAt(0).toUpperCase()}${what.slice(1)} can be at most ${max} characters.`);
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const noControlCharacters = (value: string) => !/[\u0000-\u001f\u007f]/.test(value);

/** A one-line name people read (display name, token label): trimmed, 1..max characters, no control characters. */
export function lineOfText(what: string, max: number, emptyMessage: string) {
  return z
    .string({ error: emptyMessage })
    .trim()
    .min(1, emptyMessage)
    .max(max, `${what} can be at most ${max} characters.`)
    .refine(noControlCharacters, `${what} cannot contain control characters.`);
}

/** Where a plain form goes back to afterwards (checked by safeReturnPath before it is followed). */
export const returnTo = z.string().optional();

/**
 * `?offset=&limit=` of an API list that is paged: offset from 0 (default 0), limit from 1
 * to `max` (default `defaultLimit`). Both are documented with each route in the README.
 */
export function listWindow(defaultLimit: number, max: number) {
  const offsetMessage = 'offset must be a whole number, 0 or more.';
  const limitMessage = `limit must be a whole number from 1 to ${max}.`;
  return z.object({
    offset: formNumber(wholeNumber(offsetMessage, 0).default(0)),
    limit: formNumber(wholeNumber(limitMessage, 1).max(max, limitMessage).default(defaultLimit)),
  });
}
