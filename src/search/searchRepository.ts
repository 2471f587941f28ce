import type { Db } from '../db/database';
import { containsFolded, type SearchHit, type SearchQuery } from './model';

const HIT_COLUMNS = `s.id AS segmentId, s.article_id AS articleId, a.title AS articleTitle, b.start + s.slot AS position, s.paragraph,
  s.status, s.mt, s.text, s.updated_by AS updatedBy`;

/** Where a scan stopped: the last row it read, in reading order across articles. */
export interface ScanKey {
  articleId: number;
  block: number;
  slot: number;
}

export type ScannedHit = SearchHit & { block: number; slot: number };

type Filters = Pick<SearchQuery, 'articleId' | 'status' | 'author' | 'changed' | 'openComments' | 'openFindings'>;

/**
 * The conditions of a search other than the words, as SQL. Spelt out (not "? IS NULL OR ...") so
 * that SQLite picks the index that fits: (article_id, status, block, slot) for a status, the partial
 * index of open comments, the reading order otherwise.
 */
function conditions(filters: Filters): string[] {
  const where: string[] = [];
  if (filters.articleId !== undefined) where.push('s.article_id = @articleId');
  if (filters.status) where.push('s.status = @status');
  if (filters.author !== undefined) where.push('s.updated_by = @author');
  if (filters.changed !== undefined) where.push(filters.changed ? 's.text <> s.mt' : 's.text = s.mt');
  if (filters.openComments) where.push('s.open_comments > 0');
  if (filters.openFindings) where.push('s.open_findings > 0');
  return where;
}

/** SQL for search; private to src/search. Statements depend on the filters given, so they are prepared once per combination. */
export class SearchRepository {
  private readonly prepared = new Map<string, ReturnType<Db['prepare']>>();
  private readonly candidatesStatement;

  constructor(private readonly db: Db) {
    // The index's candidates, checked against the real strings inside the query.
    db.function('redline_contains', { deterministic: true }, (mt, text, needle) =>
      containsFolded(mt as string, text as string, needle as string) ? 1 : 0,
    );
    this.candidatesStatement = db.prepare(`SELECT rowid FROM segment_search WHERE segment_search MATCH ? LIMIT ?`).pluck();
  }

  /** Up to `limit` segment ids whose MT or text contains the phrase, as the index folds it (unchecked). */
  candidates(phrase: string, limit: number): number[] {
    // A phrase query: the trigrams of the text in a row, i.e. the substring.
    return this.candidatesStatement.all(`"${phrase.replaceAll('"', '""')}"`, limit) as number[];
  }

  /** The candidates that really contain the needle and pass the filters, in reading order (article by article). */
  verified(candidates: readonly number[], needle: string, filters: Filters): SearchHit[] {
    const where = ['redline_contains(s.mt, s.text, @needle)', ...conditions(filters)].join(' AND ');
    // CROSS JOIN keeps this order of the joins: from the few candidates to their rows, never the other way round.
    const sql = `SELECT ${HIT_COLUMNS} FROM json_each(@ids) j CROSS JOIN segments s ON s.id = j.value
      CROSS JOIN article_blocks b ON b.article_id = s.article_id AND b.block = s.block
      CROSS JOIN articles a ON a.id = s.article_id AND a.state = 'ready'
      WHERE ${where} ORDER BY s.article_id, s.block, s.slot`;
    return this.statement(sql).all({ ...parameters(filters), ids: JSON.stringify(candidates), needle }) as SearchHit[];
  }

  /**
   * The next `limit` segments after `after` in reading order (across articles, or in one) that pass
   * the filters, for a scan; the words are checked by the caller.
   */
  scanChunk(filters: Filters, after: ScanKey | undefined, limit: number): ScannedHit[] {
    const where = conditions(filters);
    if (after)
      where.push(
        filters.articleId === undefined
          ? '(s.article_id, s.block, s.slot) > (@keyArticle, @keyBlock, @keySlot)'
          : '(s.block, s.slot) > (@keyBlock, @keySlot)',
      );
    else where.push('s.block IS NOT NULL');
    const sql = `SELECT ${HIT_COLUMNS}, s.block, s.slot FROM segments s
      CROSS JOIN article_blocks b ON b.article_id = s.article_id AND b.block = s.block
      CROSS JOIN articles a ON a.id = s.article_id AND a.state = 'ready'
      WHERE ${where.join(' AND ')} ORDER BY s.article_id, s.block, s.slot LIMIT @limit`;
    const key = after ? { keyArticle: after.articleId, keyBlock: after.block, keySlot: after.slot } : {};
    return this.statement(sql).all({ ...parameters(filters), ...key, limit }) as ScannedHit[];
  }

  private statement(sql: string) {
    let statement = this.prepared.get(sql);
    if (!statement) this.prepared.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }
}

/** The named parameters the filters' conditions use (better-sqlite3 refuses a missing one, not an unused one). */
function parameters(filters: Filters): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  if (filters.articleId !== undefined) values.articleId = filters.articleId;
  if (filters.status) values.status = filters.status;
  if (filters.author !== undefined) values.author = filters.author;
  return values;
}
