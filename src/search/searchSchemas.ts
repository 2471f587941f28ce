import { z } from 'zod';
import { REVIEW_STATUSES } from '../segments/model';
import { formNumber, wholeNumber } from '../web/fields';
import { SEARCH_LIMIT_DEFAULT, SEARCH_LIMIT_MAX } from './model';

const flag = (what: string) =>
  z.enum(['true', 'false'], { error: `${what} must be true or false.` }).transform((value) => value === 'true');

/** The filters every search takes, from a query string (the API's and the pages' alike). */
const filters = {
  q: z.string({ error: 'q is required: the text to search for.' }),
  article: formNumber(wholeNumber('article must be an article id.', 1).optional()),
  status: z.enum(REVIEW_STATUSES, { error: `status must be one of ${REVIEW_STATUSES.join(', ')}.` }).optional(),
  author: z.string().trim().min(1).optional().catch(undefined),
  changed: flag('changed').optional(),
  comments: z.enum(['open'], { error: 'comments must be "open".' }).optional(),
  findings: z.enum(['open'], { error: 'findings must be "open".' }).optional(),
};

export const searchApiQuery = z.object({
  ...filters,
  limit: formNumber(
    wholeNumber(`limit must be a whole number from 1 to ${SEARCH_LIMIT_MAX}.`, 1)
      .max(SEARCH_LIMIT_MAX, `limit must be a whole number from 1 to ${SEARCH_LIMIT_MAX}.`)
      .default(SEARCH_LIMIT_DEFAULT),
  ),
  offset: formNumber(wholeNumber('offset must be a whole number, 0 or more.').default(0)),
});

/** The search pages: an empty or missing q shows the form only; a bad filter is dropped rather than refused. */
export const searchPageQuery = z.object({
  ...filters,
  q: z.string().default(''),
  status: filters.status.catch(undefined),
  changed: filters.changed.catch(undefined),
  comments: filters.comments.catch(undefined),
  findings: filters.findings.catch(undefined),
  page: formNumber(wholeNumber('page must be a whole number, 1 or more.', 1).optional()).catch(undefined),
});

export type SearchFilters = Pick<z.infer<typeof searchApiQuery>, 'article' | 'status' | 'author' | 'changed' | 'comments' | 'findings'>;

/** The service's query from the parsed filters. */
export function queryOf(input: SearchFilters & { q: string }, limit: number, offset: number) {
  return {
    q: input.q,
    articleId: input.article,
    status: input.status,
    author: input.author,
    changed: input.changed,
    openComments: input.comments === 'open',
    openFindings: input.findings === 'open',
    limit,
    offset,
  };
}
