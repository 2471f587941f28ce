import type { Db } from './database';

/**
 * A consistent copy of the live database in `target` (a new file), with SQLite's online
 * backup API, while the server keeps reading and writing. The pages are copied in one
 * step, inside one read transaction: in WAL mode that does not block the server's
 * writers, and the copy is the database as it was at one moment (a backup copied in
 * many small steps would restart whenever the server wrote in between). Restore: stop
 * the server, put the copy in place of REDLINE_DB (and remove its -wal and -shm files),
 * start the server.
 */
/** sqlite3_backup_step copies at most this many pages per step: all of them. */
const ALL_PAGES = 0x7fffffff;

export function backupDatabase(db: Db, target: string): Promise<{ totalPages: number }> {
  return db.backup(target, { progress: () => ALL_PAGES });
}
