/**
 * The search row of `npm run bench`: a database of 1,000,000 stored segments (five articles of
 * 200,000), built with direct SQL inserts and indexed by SearchIndex.sync() as saves are, then
 * searches timed in-process through SearchService: rare and common words, across every article and
 * within one, with a filter, and a two-letter search within one article (which cannot use the index).
 */
import { performance } from 'node:perf_hooks';
import type { Db } from '../db/database';
import { createServices } from '../services';
import { segmentDocument } from '../segmentation/document';
import { SEARCH_LIMIT_DEFAULT, type SearchQuery } from '../search/model';
import { IMPORT_CHUNK } from '../articles/articleService';
import { SearchIndex } from '../search/searchIndex';
import type { SearchService } from '../search/searchService';
import { BLOCK_SIZE } from '../segments/model';
import { generateArticle } from './generateArticle';

export interface SearchBenchOptions {
  articles: number;
  segmentsPerArticle: number;
  /** searches per query (after one warm-up) */
  runs: number;
}

/** A word that occurs in one sentence in 1,000, to time a rare term. */
export const RARE_WORD = 'zebracorn';

/** Fills `db` (migrated, empty) with articles of generated sentences; a tenth of them corrected. Returns the number of segments. */
export function fillSearchDatabase(db: Db, options: Pick<SearchBenchOptions, 'articles' | 'segmentsPerArticle'>): number {
  const sentences = segmentDocument(generateArticle(20_000).text).segments.map((segment) => segment.text);
  const insertArticle = db.prepare(
    `INSERT INTO articles (title, format, leading, created_by, created_at, updated_at) VALUES (?, 'text', '', 'bench', ?, ?)`,
  );
  const insertSegments = db.prepare(
    `INSERT INTO segments (article_id, block, slot, paragraph, kind, mt, separator, text, status, version, updated_by, updated_at)
     SELECT @articleId, p.position / ${BLOCK_SIZE}, p.position % ${BLOCK_SIZE}, p.position / 4, 'sentence',
            json_extract(p.value, '$[0]'), ' ', json_extract(p.value, '$[1]'), json_extract(p.value, '$[2]'), 1, 'bench', @at
       -- JavaScript numbers arrive as floating point: the cast keeps block and slot whole numbers.
       FROM (SELECT CAST(@first AS INTEGER) + j.key AS position, j.value FROM json_each(@rows) j) p`,
  );
  const insertBlock = db.prepare(`INSERT INTO article_blocks (article_id, block, start, size) VALUES (?, ?, ?, ?)`);
  const index = new SearchIndex(db);
  const at = new Date().toISOString();
  // Indexed in steps of an import's size, as the server does: the index's layout (how many segments
  // FTS5 has to merge at query time) is then the one searches meet in use.
  const chunk = IMPORT_CHUNK;
  // One transaction per chunk, as the server commits each import step.
  const insertChunk = db.transaction((articleId: number, article: number, first: number) => {
    const rows = [];
    for (let position = first; position < Math.min(first + chunk, options.segmentsPerArticle); position++) {
      const mt = sentences[(position * 7 + article * 13) % sentences.length]! + (position % 1_000 === 500 ? ` ${RARE_WORD}` : '');
      const text = position % 10 === 0 ? mt.replace(/\bthe\b/, 'this') : mt;
      rows.push([mt, text, text === mt ? 'new' : 'edited']);
    }
    insertSegments.run({ articleId, first, rows: JSON.stringify(rows), at });
    index.sync();
  });
  for (let article = 0; article < options.articles; article++) {
    const articleId = Number(insertArticle.run(`Bench article ${article + 1}`, at, at).lastInsertRowid);
    for (let first = 0; first < options.segmentsPerArticle; first += chunk) insertChunk(articleId, article, first);
    db.transaction(() => {
      for (let start = 0; start < options.segmentsPerArticle; start += BLOCK_SIZE)
        insertBlock.run(articleId, start / BLOCK_SIZE, start, Math.min(BLOCK_SIZE, options.segmentsPerArticle - start));
    })();
  }
  return options.articles * options.segmentsPerArticle;
}

export interface SearchTiming {
  label: string;
  /** milliseconds per search */
  samples: number[];
  total: number;
  totalCapped: boolean;
}

/** Times each query `runs` times (after a warm-up); the article searched within is the middle one. */
export async function timeSearches(search: SearchService, articleId: number, runs: number): Promise<SearchTiming[]> {
  const page = { limit: SEARCH_LIMIT_DEFAULT, offset: 0 };
  const queries: [string, Omit<SearchQuery, 'limit' | 'offset'>][] = [
    [`rare word ("${RARE_WORD}"), every article`, { q: RARE_WORD }],
    ['common word ("the"), every article', { q: 'the' }],
    ['phrase ("the European"), every article', { q: 'the European' }],
    [`rare word, one article`, { q: RARE_WORD, articleId }],
    ['common word ("said"), one article, status edited', { q: 'said', articleId, status: 'edited' }],
    ['two letters ("of"), one article', { q: 'of', articleId }],
  ];
  const timings: SearchTiming[] = [];
  for (const [label, query] of queries) {
    const found = await search.search({ ...query, ...page });
    const samples: number[] = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      await search.search({ ...query, ...page });
      samples.push(performance.now() - started);
    }
    timings.push({ label, samples, total: found.total, totalCapped: found.totalCapped });
  }
  return timings;
}

/** Builds the database in `db` and times the searches. */
export async function benchSearch(
  db: Db,
  options: SearchBenchOptions,
): Promise<{ segments: number; buildSeconds: number; timings: SearchTiming[] }> {
  const started = performance.now();
  const segments = fillSearchDatabase(db, options);
  const buildSeconds = (performance.now() - started) / 1000;
  const middle = Math.ceil(options.articles / 2);
  return { segments, buildSeconds, timings: await timeSearches(createServices(db).search, middle, options.runs) };
}
