/**
 * The zod field builders every feature's schemas use, so that a form number, a
 * version or a note is read and worded the same way everywhere.
 */
import { z } from 'zod';
import { typedTextProblem, type TextShape } from './typedText';

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

/** Refines a string schema with the one rule for typed text (web/typedText.ts), worded for `what`, with the rule's error code. */
function typedText<Schema extends z.ZodType<string>>(schema: Schema, shape: TextShape, what: string) {
  return schema.superRefine((value, context) => {
    const problem = typedTextProblem(value, shape);
    if (problem) context.addIssue({ code: 'custom', message: `${what} ${problem.message}.`, params: { code: problem.code } });
  });
}

const capitalized = (what: string) => `${what.charAt(0).toUpperCase()}${what.slice(1)}`;

/** Free text up to `max` characters that may span lines, e.g. a note or a comment. */
export function limitedText(what: string, max: number) {
  return typedText(
    z.string({ error: `${what} must be a string.` }).max(max, `${capitalized(what)} can be at most ${max} characters.`),
    'multiline',
    capitalized(what),
  );
}

/** A one-line name people read (display name, token label): trimmed, 1..max characters, no control characters. */
export function lineOfText(what: string, max: number, emptyMessage: string) {
  return typedText(
    z.string({ error: emptyMessage }).trim().min(1, emptyMessage).max(max, `${what} can be at most ${max} characters.`),
    'line',
    what,
  );
}

/** A one-line name that may be left out (an article's title): as lineOfText, but empty means "not given". */
export function optionalLineOfText(what: string, max: number) {
  return typedText(
    z
      .string({ error: `${what} must be a string.` })
      .trim()
      .max(max, `${what} can be at most ${max} characters.`),
    'line',
    what,
  )
    .transform((value) => value || undefined)
    .optional();
}

const CHECKED = new Map<unknown, boolean>([
  [true, true],
  ['on', true], // what a browser sends for a ticked box
  ['true', true],
  ['1', true],
  [false, false],
  [undefined, false], // an unticked box is not sent at all
  ['', false],
  ['false', false],
  ['0', false],
]);

/** A yes/no: JSON true or false, or a form's checkbox (ticked = "on", unticked = absent). */
export function checkbox(name: string) {
  return z.preprocess((value) => (CHECKED.has(value) ? CHECKED.get(value) : value), z.boolean({ error: `${name} must be true or false.` }));
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
