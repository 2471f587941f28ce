/**
 * Databases with a million stored segments, made in seconds with direct SQL (not through
 * the import, which is what some of the measures compare against): for the benchmark's
 * event-loop rows and the tests that hold the server to them. The stored figures are then
 * counted by the real code (ArticleStats.recount).
 */
import type { Db } from '../db/database';
import type { Services } from '../services';

export interface BigArticles {
  articles: number;
  segmentsPerArticle: number;
  /** every n-th segment is edited (and so reviewed); the rest stay new */
  editEvery: number;
}

const AT = '2026-11-30T10:15:00.000Z';

/** Inserts the articles and their segments, revisions, reading order and stored figures; returns the article ids. */
export function fillBigArticles(db: Db, { stats }: Pick<Services, 'stats'>, options: BigArticles): number[] {
  const ids: number[] = [];
  const insertArticle = db.prepare(
    `INSERT INTO articles (title, format, leading, created_by, created_at, updated_at) VALUES (?, 'text', '', 'bench', ?, ?)`,
  );
  // i = position; a heading every 40 segments, a paragraph every 5; every n-th segment edited.
  const insertSegments = db.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < @count)
       INSERT INTO segments (article_id, block, slot, paragraph, kind, mt, separator, text, status, version, updated_by, updated_at, editing_ms)
       SELECT @articleId, i / 1024, i % 1024, i / 5,
              CASE WHEN i % 40 = 0 THEN 'heading' ELSE 'sentence' END,
              'The delegation number ' || i || ' provides for a comfort force of international troops.',
              CASE WHEN i % 5 = 4 THEN char(10) || char(10) ELSE ' ' END,
              CASE WHEN i % @editEvery = 0 THEN 'The delegation number ' || i || ' proposes a reassurance force of international troops.'
                   ELSE 'The delegation number ' || i || ' provides for a comfort force of international troops.' END,
              CASE WHEN i % @editEvery = 0 THEN 'edited' ELSE 'new' END,
              CASE WHEN i % @editEvery = 0 THEN 2 ELSE 1 END, 'bench', @at,
              CASE WHEN i % @editEvery = 0 THEN 15000 ELSE 0 END
         FROM n`,
  );
  const insertRevisions = db.prepare(
    `INSERT INTO revisions (segment_id, article_id, version, action, text, status, author, created_at)
       SELECT id, article_id, 1, 'import', mt, 'new', 'bench', @at FROM segments WHERE article_id = @articleId`,
  );
  const insertEdits = db.prepare(
    `INSERT INTO revisions (segment_id, article_id, version, action, text, status, author, editing_seconds, created_at)
       SELECT id, article_id, 2, 'edit', text, status, 'bench', 15, @at FROM segments WHERE article_id = @articleId AND version = 2`,
  );
  const leaveOutOfSearch = db.prepare(
    `UPDATE search_index_state SET indexed_through = (SELECT seq FROM sqlite_sequence WHERE name = 'segments') WHERE id = 1`,
  );
  const insertBlocks = db.prepare(
    `INSERT INTO article_blocks (article_id, block, start, size)
       SELECT article_id, block, min(block * 1024 + slot), count(*) FROM segments WHERE article_id = @articleId GROUP BY block`,
  );
  for (let index = 0; index < options.articles; index++) {
    db.transaction(() => {
      const articleId = Number(insertArticle.run(`Generated article ${index + 1}`, AT, AT).lastInsertRowid);
      const parameters = { articleId, count: options.segmentsPerArticle, editEvery: options.editEvery, at: AT };
      insertSegments.run(parameters);
      insertRevisions.run({ articleId, at: AT });
      insertEdits.run({ articleId, at: AT });
      insertBlocks.run({ articleId });
      // Left out of the search index (src/search/searchIndex.ts), which would cost 20-40 µs a row: no measure here searches.
      leaveOutOfSearch.run();
      ids.push(articleId);
    })();
  }
  for (const id of ids) stats.recount(id);
  return ids;
}
