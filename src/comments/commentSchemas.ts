import { z } from 'zod';
import { formNumber, wholeNumber } from '../web/fields';

const replyTo = wholeNumber('replyTo must be the id of a comment on this sentence.', 1);
const body = z.string({ error: 'body is required: the text of the comment.' });

export const createCommentSchema = z.object({ body, replyTo: replyTo.optional() }).strict();

export const patchCommentSchema = z.object({ resolved: z.boolean({ error: 'resolved must be true or false.' }) }).strict();

export const commentFormSchema = z.object({ body: z.string().default(''), replyTo: formNumber(replyTo.optional()) });

export const resolveFormSchema = z.object({ resolved: z.enum(['true', 'false']).transform((value) => value === 'true') });
