import { OnDemandWorker } from '../workerThreads';
import type { Db } from './database';
import type { GroupCommit } from './groupCommit';
import type { CheckpointAnswer } from './checkpointWorker';
import { QUIET_MS } from './idleWork';

/**
 * Commits written back to back before a checkpoint runs anyway, without waiting for quiet: a big
 * import never pauses, and its log must not grow without end. A replace across 10,000 sentences is
 * ~40 commits, so it runs without one.
 */
export const COMMITS_BETWEEN_CHECKPOINTS = 64;
/**
 * SQLite's own checkpoint, inside a commit on the server's thread, only past this many pages in the
 * log (256 MB): a last resort should the checkpoint thread fail.
 */
export const SAFETY_AUTOCHECKPOINT_PAGES = 65_536;

/**
 * When the pages of the write-ahead log are copied into the database file. SQLite does it inside
 * the commit that fills the log past wal_autocheckpoint (250 pages before this), on the server's
 * thread: ~45 % of the commit time of a 10,000-sentence replace, and more pages than needed (a page
 * written by every step of a batch was copied again after each). Now the checkpoint thread
 * (src/db/checkpointWorker.ts) does it once nobody has written for QUIET_MS, or after
 * COMMITS_BETWEEN_CHECKPOINTS commits in a row, beside the writes: a PASSIVE checkpoint never
 * blocks them. For a database file only (one in memory has no log).
 */
export class Checkpoints {
  private commits = 0;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private again = false;

  constructor(
    private readonly db: Db,
    private readonly writes: GroupCommit,
    private readonly thread: CheckpointThread = checkpointThread,
  ) {
    db.pragma(`wal_autocheckpoint = ${SAFETY_AUTOCHECKPOINT_PAGES}`);
  }

  /** A write is being committed (GroupCommit's finishWork, inside its transaction): a checkpoint will be due. */
  written(): void {
    this.commits++;
    // After the commit: a timer runs once the transaction is over.
    if (this.commits >= COMMITS_BETWEEN_CHECKPOINTS) this.schedule(0);
    else if (!this.timer) this.schedule(QUIET_MS);
  }

  private schedule(wait: number): void {
    clearTimeout(this.timer);
    // unref: a checkpoint due never keeps a process (the CLI, a test) alive.
    this.timer = setTimeout(() => void this.checkpoint(), wait).unref();
  }

  private async checkpoint(): Promise<void> {
    this.timer = undefined;
    if (!this.db.open) return;
    const quietFor = this.writes.quietForMs();
    if (this.commits < COMMITS_BETWEEN_CHECKPOINTS && quietFor < QUIET_MS) return this.schedule(QUIET_MS - quietFor);
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    this.commits = 0;
    try {
      await this.thread.checkpoint(this.db.name);
    } catch {
      // The thread could not (the database was removed, or the thread failed): SQLite's own checkpoint is the fallback.
    } finally {
      this.running = false;
    }
    if (this.again) {
      this.again = false;
      this.schedule(0);
    }
  }
}

/** The process's checkpoint thread: one for every database, started by the first checkpoint. */
export class CheckpointThread {
  private readonly thread = new OnDemandWorker<CheckpointAnswer>(__dirname, 'checkpointWorker', {
    answer: (answer) => {
      const waiting = this.waiting.get(answer.id);
      this.waiting.delete(answer.id);
      // Nothing to wait for: the thread may not keep the process alive.
      if (this.waiting.size === 0) this.thread.current?.unref();
      if ('error' in answer) waiting?.reject(new Error(answer.error));
      else waiting?.resolve();
    },
    stopped: (error) => {
      for (const { reject } of this.waiting.values()) reject(error);
      this.waiting.clear();
    },
  });
  private lastId = 0;
  private readonly waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();

  checkpoint(file: string): Promise<void> {
    const worker = this.thread.running();
    const id = ++this.lastId;
    return new Promise<void>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, file });
    });
  }

  close(): Promise<void> {
    return this.thread.close('The checkpoint thread was stopped.');
  }
}

export const checkpointThread = new CheckpointThread();
