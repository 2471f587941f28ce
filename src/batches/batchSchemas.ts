import { z } from 'zod';
import { formNumber, wholeNumber } from '../web/fields';
import { PREVIEW_LIMIT_DEFAULT, PREVIEW_LIMIT_MAX, type ReplaceQuery, type ReplaceSelection } from './replaceService';

/** Long enough for any phrase or pattern a person types; a note quotes at most 120 characters of it. */
export const FIND_MAX = 1_000;
/** Match ids and segment ids one request may name: a preview's every match, with room to spare. */
const IDS_MAX = 200_000;

export const messages = {
  find: `find must be text of 1 to ${FIND_MAX} characters.`,
  replace: `replace must be text of at most ${FIND_MAX} characters.`,
  articles: 'articles must be a list of article ids (positive whole numbers), at least one; leave it out for every article.',
  selection: 'Send either matches (the ids of the chosen matches) or all: true with the preview’s snapshot.',
  offset: 'offset must be a whole number, 0 or more.',
  limit: `limit must be a whole number from 1 to ${PREVIEW_LIMIT_MAX}.`,
  id: (what: string) => `${what} must be a positive whole number.`,
};

const find = z.string({ error: messages.find }).min(1, messages.find).max(FIND_MAX, messages.find);
const replace = z.string({ error: messages.replace }).max(FIND_MAX, messages.replace).default('');
const positiveId = (what: string) => wholeNumber(messages.id(what), 1);
const option = z.boolean({ error: 'matchCase, wholeWord, regex and inMt must be true or false.' }).default(false);

const queryFields = {
  find,
  replace,
  articles: z.array(positiveId('An article id'), { error: messages.articles }).min(1, messages.articles).max(10_000).optional(),
  matchCase: option,
  wholeWord: option,
  regex: option,
  inMt: option,
};

/** `POST /api/replace/preview` */
export const previewSchema = z
  .object({
    ...queryFields,
    offset: wholeNumber(messages.offset).default(0),
    limit: wholeNumber(messages.limit, 1).max(PREVIEW_LIMIT_MAX, messages.limit).default(PREVIEW_LIMIT_DEFAULT),
  })
  .strict();

/** `POST /api/replace/apply`: the chosen match ids, or every match of a preview (its snapshot) but the excluded ones. */
export const applySchema = z
  .object({
    ...queryFields,
    matches: z.array(z.string().max(64), { error: messages.selection }).max(IDS_MAX).optional(),
    all: z.literal(true, { error: messages.selection }).optional(),
    snapshot: wholeNumber(messages.selection).optional(),
    exclude: z.array(z.string().max(64)).max(IDS_MAX).default([]),
  })
  .strict()
  .refine((input) => (input.matches !== undefined) !== (input.all === true && input.snapshot !== undefined), messages.selection);

export function queryOf(input: z.infer<typeof previewSchema> | z.infer<typeof applySchema>): ReplaceQuery {
  const { find, replace, articles, matchCase, wholeWord, regex, inMt } = input;
  return { find, replace, articles, matchCase, wholeWord, regex, inMt };
}

export function selectionOf(input: z.infer<typeof applySchema>): ReplaceSelection {
  return input.matches !== undefined ? { matches: input.matches } : { all: true, snapshot: input.snapshot!, exclude: input.exclude };
}

/** `POST /api/propagation/apply` */
export const propagationApplySchema = z
  .object({
    segmentId: positiveId('segmentId'),
    offerId: z.string({ error: 'offerId must be the id of an offer.' }).min(1).max(64),
    segments: z.array(positiveId('A segment id')).max(IDS_MAX).optional(),
  })
  .strict();

// Browser forms: every field arrives as a string; a ticked checkbox sends "on" (or "1" in a link).
const checkbox = z.preprocess((value) => value === 'on' || value === '1' || value === 'true', z.boolean());
/** A field a form may send once or many times (checkboxes with one name). */
const repeated = <Schema extends z.ZodType>(schema: Schema) =>
  z.preprocess((value: unknown) => (value === undefined ? [] : Array.isArray(value) ? (value as unknown[]) : [value]), z.array(schema));

/** The replace page's query string and its apply form. `scope=all` searches every article. */
export const replaceFormSchema = z.object({
  find: z.string().max(FIND_MAX, messages.find).default(''),
  replace: z.string().max(FIND_MAX, messages.replace).default(''),
  article: repeated(formNumber(positiveId('article'))),
  scope: z.enum(['articles', 'all']).default('articles'),
  matchCase: checkbox,
  wholeWord: checkbox,
  regex: checkbox,
  inMt: checkbox,
  select: z.enum(['all', 'none']).default('all'),
  page: formNumber(wholeNumber('page must be a whole number, 1 or more.', 1).optional()).catch(undefined),
});

export const replaceApplyFormSchema = replaceFormSchema.extend({
  /** The page's ticked matches, and every match the page showed (the unticked ones are left out of "apply to all"). */
  match: repeated(z.string().max(64)),
  shown: repeated(z.string().max(64)),
  apply: z.enum(['chosen', 'all']).default('chosen'),
  snapshot: formNumber(wholeNumber(messages.selection)),
});

export const propagationFormSchema = z.object({
  offerId: z.string().min(1).max(64),
  target: repeated(formNumber(positiveId('A segment id'))),
  /** Whether the form listed every target with a checkbox (then only the ticked ones are applied). */
  chosen: checkbox,
  returnTo: z.string().optional(),
});
