import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

export type Db = Database.Database;

export interface DatabaseOptions {
  /**
   * How long a statement may wait, sleeping, for another connection's lock. The CLI (its own
   * process) and start-up may wait; the serving server uses 0, because a synchronous sleep
   * would freeze every user: its write queue (GroupCommit) retries with timers instead.
   */
  busyTimeoutMs?: number;
}

/**
 * Opens (creating if needed) the SQLite file with the pragmas Redline relies on.
 * `synchronous = FULL` in WAL mode makes every committed save durable across a
 * power cut, at a small cost per commit; an editor's work matters more.
 */
export function openDatabase(filename: string, options: DatabaseOptions = {}): Db {
  if (filename !== ':memory:') fs.mkdirSync(path.dirname(filename), { recursive: true });
  const db = new Database(filename);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  // The commit that fills the WAL past this many pages copies them into the database file (and
  // syncs it) before it returns: SQLite's default of 1,000 pages made that one write step ~60 ms
  // longer than the others; a quarter of it keeps every step of a big import short.
  db.pragma('wal_autocheckpoint = 250');
  // A long import writes hundreds of MB of log before a quiet moment lets a checkpoint catch up
  // (src/db/checkpoints.ts); once it has, the log file is cut back to this size instead of keeping it all.
  db.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  // A statement that fires a trigger or checks a foreign key keeps a statement journal, which SQLite
  // spills to a temporary file past 64 KiB: in memory, a segment's write with its trigger costs ~25 µs
  // less (measured: 10,000 inserts 415 -> 275 ms; a 10,000-sentence replace spends half the system time).
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = ON');
  setBusyTimeout(db, options.busyTimeoutMs ?? 5000);
  return db;
}

export function setBusyTimeout(db: Db, milliseconds: number): void {
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(milliseconds))}`);
}
