/**
 * What SQLite itself costs on this machine, measured in the same run as Redline
 * so that ratios survive a noisy, shared host. Both open the file through the
 * app's own openDatabase, so the pragmas (WAL, synchronous = FULL) are the app's.
 */
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../db/database';

// The columns of `segments`, without its indexes and foreign keys: the floor under an import.
const SEGMENTS_SHAPED_TABLE = `CREATE TABLE rows (
  id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL, position INTEGER NOT NULL, paragraph INTEGER NOT NULL,
  kind TEXT NOT NULL, mt TEXT NOT NULL, separator TEXT NOT NULL, text TEXT NOT NULL, status TEXT NOT NULL,
  version INTEGER NOT NULL, note TEXT, updated_by TEXT NOT NULL, updated_at TEXT NOT NULL)`;
const INSERT_ROW = `INSERT INTO rows (article_id, position, paragraph, kind, mt, separator, text, status, version, updated_by, updated_at)
  VALUES (1, ?, 0, 'sentence', ?, ' ', ?, 'new', 1, 'bench', ?)`;

/** Rows per second for `texts.length` rows inserted in one transaction into a new file. */
export function bulkInsertRate(file: string, texts: readonly string[]): number {
  const db = openDatabase(file);
  try {
    db.exec(SEGMENTS_SHAPED_TABLE);
    const insert = db.prepare(INSERT_ROW);
    const at = new Date().toISOString();
    const started = performance.now();
    db.transaction(() => texts.forEach((text, position) => insert.run(position, text, text, at)))();
    return texts.length / ((performance.now() - started) / 1000);
  } finally {
    db.close();
  }
}

/**
 * Commits per second of one-row IMMEDIATE transactions, as a save makes them. With
 * synchronous = FULL each commit waits for an fsync, so this is the ceiling for saves/s.
 */
export function singleRowCommitRate(file: string, limits: { total: number; maxMs: number }): number {
  const db = openDatabase(file);
  try {
    db.exec(SEGMENTS_SHAPED_TABLE);
    const insert = db.prepare(INSERT_ROW);
    const commit = db.transaction((position: number) => insert.run(position, 'text', 'text', new Date().toISOString()));
    const started = performance.now();
    let commits = 0;
    while (commits < limits.total && performance.now() - started < limits.maxMs) commit.immediate(commits++);
    return commits / ((performance.now() - started) / 1000);
  } finally {
    db.close();
  }
}
