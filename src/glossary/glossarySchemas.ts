import { z } from 'zod';
import { formNumber, returnTo, versionField } from '../web/fields';
import { GLOSSARY_FORMATS, NOTE_MAX, TERM_MAX } from './glossaryService';

const form = (field: string) =>
  z.string({ error: `${field} must be a string.` }).max(TERM_MAX * 4, `${field} can be at most ${TERM_MAX} characters.`);
const note = z.string({ error: 'note must be a string.' }).max(NOTE_MAX * 4, `A note can be at most ${NOTE_MAX} characters.`);
const flag = (field: string) => z.boolean({ error: `${field} must be true or false.` });
const version = versionField();

/** POST /api/glossary and /api/articles/:id/glossary. Lengths are checked exactly after trimming (glossaryService). */
export const createEntrySchema = z
  .object({
    term: form('term'),
    preferred: form('preferred'),
    note: note.nullable().optional(),
    matchCase: flag('matchCase').optional(),
    wholeWord: flag('wholeWord').optional(),
  })
  .strict();

export const patchEntrySchema = z
  .object({
    term: form('term').optional(),
    preferred: form('preferred').optional(),
    note: note.nullable().optional(),
    matchCase: flag('matchCase').optional(),
    wholeWord: flag('wholeWord').optional(),
    version,
  })
  .strict();

/** `?version=N` of DELETE /api/glossary/:entryId. */
export const deleteEntryQuery = z.object({ version: formNumber(version) });

/** `?format=csv|tbx`: the glossary as a file instead of JSON. */
export const glossaryQuery = z.object({
  format: z.enum(GLOSSARY_FORMATS, { error: `format must be one of ${GLOSSARY_FORMATS.join(', ')}.` }).optional(),
});

/** A checkbox sends "on" when ticked and nothing when not. */
const checkbox = z.preprocess((value) => value === 'on' || value === 'true' || value === '1', z.boolean());

/** The add and edit forms of the glossary page (an edit carries the version it was based on). */
export const entryFormSchema = z.object({
  term: z.string().default(''),
  preferred: z.string().default(''),
  note: z.string().default(''),
  matchCase: checkbox,
  wholeWord: checkbox,
  version: formNumber(version.optional()),
  returnTo,
});

export const deleteFormSchema = z.object({ version: formNumber(version), returnTo });
