import { Router, type Request, type Response } from 'express';
import type { AccountService } from '../auth/accountService';
import type { ArticleService } from '../articles/articleService';
import { AppError } from '../errors';
import { reviewPath } from '../segments/paths';
import { parseId, parseInput } from '../web/validate';
import { highlightParts, SEARCH_LIMIT_DEFAULT, type SearchResult } from './model';
import type { SearchService } from './searchService';
import { queryOf, searchPageQuery } from './searchSchemas';

export interface SearchRouteDependencies {
  search: SearchService;
  articles: ArticleService;
  /** The people to suggest for "changed last by". */
  accounts: AccountService;
}

/** The search pages: across every article (from the article list) and within one (the review page's "/"). */
export function searchRoutes({ search, articles, accounts }: SearchRouteDependencies): Router {
  const router = Router();

  async function page(req: Request, res: Response, articleId: number | undefined) {
    const input = parseInput(searchPageQuery, req.query);
    const article = articleId === undefined ? undefined : articles.get(articleId);
    const pageNumber = input.page ?? 1;
    let found: SearchResult | undefined;
    let error: string | undefined;
    if (input.q.trim()) {
      try {
        found = await search.search(
          queryOf({ ...input, article: articleId }, SEARCH_LIMIT_DEFAULT, (pageNumber - 1) * SEARCH_LIMIT_DEFAULT),
        );
      } catch (refusal) {
        if (!(refusal instanceof AppError) || refusal.status !== 422) throw refusal;
        error = refusal.message;
      }
    }
    const base = article ? `/articles/${article.id}/search` : '/search';
    const pageHref = (n: number) => {
      const params = new URLSearchParams(req.query as Record<string, string>);
      params.set('page', String(n));
      return `${base}?${params.toString()}`;
    };
    const needle = input.q.trim().toLowerCase();
    res.render('search/results', {
      title: article ? `Search: ${article.title}` : 'Search all articles',
      article,
      action: base,
      input,
      found,
      error,
      page: pageNumber,
      pageSize: SEARCH_LIMIT_DEFAULT,
      pageHref,
      authors: accounts.users().map((user) => user.displayName),
      highlight: (text: string) => highlightParts(text, needle),
      linkTo: (hit: { segmentId: number; articleId: number; position: number }) =>
        reviewPath({ id: hit.segmentId, articleId: hit.articleId, position: hit.position }),
    });
  }

  router.get('/search', (req, res) => page(req, res, undefined));
  router.get('/articles/:id/search', (req, res) => page(req, res, parseId(req.params.id, 'Article')));
  return router;
}
