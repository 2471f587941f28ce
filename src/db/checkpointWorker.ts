/**
 * The worker thread that checkpoints databases (src/db/checkpoints.ts starts it): it copies the pages
 * the write-ahead log holds into the database file with a connection of its own, so that neither the
 * copying nor its disk syncs happen inside somebody's write on the server's thread.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';

/** A connection not asked for this long is closed (its database may be gone: a test's, a benchmark's). */
const IDLE_CONNECTION_MS = 10_000;

export interface CheckpointRequest {
  id: number;
  /** The database file. */
  file: string;
}

/** SQLite's answer to PRAGMA wal_checkpoint: frames in the log, and how many of them are now in the file. */
export type CheckpointAnswer = { id: number; log: number; checkpointed: number } | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error('checkpointWorker.ts runs as a worker thread (src/db/checkpoints.ts).');

interface Connection {
  db: Database.Database;
  /** The file's inode: a file removed and made again at the same path is another database. */
  inode: number;
  lastUsed: number;
}

const connections = new Map<string, Connection>();

function connection(file: string): Database.Database {
  const inode = fs.statSync(file).ino;
  const known = connections.get(file);
  if (known && known.inode === inode) {
    known.lastUsed = Date.now();
    return known.db;
  }
  known?.db.close();
  const db = new Database(file, { fileMustExist: true });
  connections.set(file, { db, inode, lastUsed: Date.now() });
  return db;
}

function closeIdle(): void {
  for (const [file, { db, lastUsed }] of connections) {
    if (Date.now() - lastUsed > IDLE_CONNECTION_MS) {
      db.close();
      connections.delete(file);
    }
  }
}

setInterval(closeIdle, IDLE_CONNECTION_MS).unref();

port.on('message', ({ id, file }: CheckpointRequest) => {
  let answer: CheckpointAnswer;
  try {
    // PASSIVE: copies what it can without waiting for the server's readers or writers.
    const [row] = connection(file).pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    answer = { id, log: row?.log ?? 0, checkpointed: row?.checkpointed ?? 0 };
  } catch (error) {
    answer = { id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(answer);
});
