import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Db } from '../db/database';
import { unprocessable } from '../errors';
import type { ArticleService } from '../articles/articleService';
import { containsFolded, INDEXED_MIN_CHARACTERS, TOTAL_CAP, type SearchHit, type SearchQuery, type SearchResult } from './model';
import { SearchRepository, type ScanKey, type ScannedHit } from './searchRepository';

/** Up to this many index candidates are checked and sorted at once; more means the words are common. */
export const CANDIDATE_LIMIT = 1_000;
/**
 * Rows read per step of a scan, with the event loop free between steps: the first step is small (a
 * common word fills the first page from a few hundred rows), each next one twice as big, up to the
 * most (a step of 2,000 rows takes a few ms).
 */
export const SCAN_CHUNK_FIRST = 250;
export const SCAN_CHUNK = 2_000;
/** Once the page is full, a scan goes on counting for at most this long (or up to TOTAL_CAP matches). */
export const COUNT_BUDGET_MS = 10;

export const messages = {
  empty: 'Type something to search for.',
  tooShort: `Type at least ${INDEXED_MIN_CHARACTERS} characters to search every article, or search within one article.`,
};

/**
 * Search over the MT and the current text of sentences. Two ways, chosen per query:
 * - the trigram index (segment_search) finds the segments containing the phrase; when there are
 *   at most CANDIDATE_LIMIT of them, all are checked against the real strings (the index folds
 *   case and accents, the check folds only case), filtered and sorted: the total is exact;
 * - otherwise (common words, or fewer than 3 characters, which the index cannot look up: allowed
 *   within one article only) the sentences are read in reading order, in steps of 250 rows growing
 *   to SCAN_CHUNK, with the event loop free in between. Once the page is full, counting goes on up to TOTAL_CAP matches
 *   or for COUNT_BUDGET_MS, whichever comes first: the total is exact when the reading reached the
 *   end, else it is the count so far and says so (totalCapped: "more than").
 * Results are in reading order, article by article (by id).
 */
export class SearchService {
  private readonly repository: SearchRepository;

  constructor(
    db: Db,
    private readonly articles: ArticleService,
  ) {
    this.repository = new SearchRepository(db);
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const phrase = query.q.trim();
    if (!phrase) throw unprocessable('invalid_input', messages.empty, { field: 'q' });
    const indexed = [...phrase].length >= INDEXED_MIN_CHARACTERS;
    if (!indexed && query.articleId === undefined) throw unprocessable('query_too_short', messages.tooShort, { field: 'q' });
    if (query.articleId !== undefined) this.articles.get(query.articleId); // 404 for an unknown (or still importing) article
    const needle = phrase.toLowerCase();
    if (indexed) {
      const candidates = this.repository.candidates(phrase, CANDIDATE_LIMIT + 1);
      if (candidates.length <= CANDIDATE_LIMIT) {
        const hits = this.repository.verified(candidates, needle, query);
        return { total: hits.length, totalCapped: false, results: hits.slice(query.offset, query.offset + query.limit) };
      }
    }
    return this.scan(query, needle);
  }

  private async scan(query: SearchQuery, needle: string): Promise<SearchResult> {
    const started = performance.now();
    const results: SearchHit[] = [];
    const wanted = query.offset + query.limit;
    let matched = 0;
    let after: ScanKey | undefined;
    for (let chunk = SCAN_CHUNK_FIRST; ; chunk = Math.min(chunk * 2, SCAN_CHUNK)) {
      const rows = this.repository.scanChunk(query, after, chunk);
      for (const row of rows) {
        if (!containsFolded(row.mt, row.text, needle)) continue;
        if (matched >= query.offset && matched < wanted) results.push(hitOf(row));
        matched++;
      }
      if (rows.length < chunk) return { total: matched, totalCapped: false, results };
      const countedEnough = matched >= TOTAL_CAP || performance.now() - started > COUNT_BUDGET_MS;
      if (matched >= wanted && countedEnough) return { total: matched, totalCapped: true, results };
      const last = rows[rows.length - 1]!;
      after = { articleId: last.articleId, block: last.block, slot: last.slot };
      await nextTurn();
    }
  }
}

function hitOf({ block: _block, slot: _slot, ...hit }: ScannedHit): SearchHit {
  return hit;
}
