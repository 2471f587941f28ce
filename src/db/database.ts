import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the SQLite file with the pragmas Redline relies on.
 * `synchronous = FULL` in WAL mode makes every committed save durable across a
 * power cut, at a small cost per commit; an editor's work matters more.
 */
export function openDatabase(filename: string): Db {
  if (filename !== ':memory:') fs.mkdirSync(path.dirname(filename), { recursive: true });
  const db = new Database(filename);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}
