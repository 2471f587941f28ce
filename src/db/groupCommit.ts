import type { Db } from './database';

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** How long the queue keeps retrying a locked database before it gives up, and the pauses between tries. */
export interface BusyRetry {
  /** give up (and fail the waiting work with SQLITE_BUSY) after this long */
  maxMs: number;
  /** pauses between tries, in ms; the last one repeats */
  delaysMs: readonly number[];
}

export const DEFAULT_BUSY_RETRY: BusyRetry = { maxMs: 5_000, delaysMs: [5, 10, 20, 50, 100] };

/** SQLITE_BUSY and SQLITE_LOCKED (and their extended codes): another connection holds the lock. */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

/**
 * The one write queue of a database handle: every write of the server goes through
 * run(). Work that arrives while the event loop is busy runs together in one
 * transaction, so 50 concurrent editors cost one durable commit (one fsync with
 * `synchronous = FULL`) instead of fifty. Each piece of work runs in its own
 * savepoint, so a refused save (409, 422) or a failed import step rolls back only
 * itself. Nobody is answered before COMMIT, so an
 * acknowledged save is on disk; if the commit itself fails, every piece of work in
 * the batch fails and is reported as such.
 *
 * Lock contention never blocks the event loop: the server's connection has
 * `busy_timeout = 0`, so when another process (the CLI, a second server) holds the
 * write lock, BEGIN IMMEDIATE fails at once, and the whole batch is tried again
 * after a short pause (timers, not sleeps), for up to `retry.maxMs`; then each
 * waiting caller gets the SQLITE_BUSY error (the error handler answers 503).
 * Because a batch may run more than once, work must only touch the database.
 */
export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;
  /** when the current run of failed tries began, while the database is locked by someone else */
  private busySince: number | undefined;
  private busyTries = 0;
  /** when work other than background work was last queued (performance.now()) */
  private lastQueuedAt = -Infinity;
  /** PRAGMA data_version as last read: it moves when another connection (the CLI, a second server) commits */
  private seenDataVersion: number | undefined;
  private readonly dataVersion;

  /**
   * `finishWork` runs once at the end of each batch, inside its transaction, after the pieces of work:
   * what their writes leave to be done once rather than per row or per save (the search index,
   * src/search/searchIndex.ts: 50 saves that commit together add one piece to the index, not 50).
   */
  constructor(
    private readonly db: Db,
    private readonly retry: BusyRetry = DEFAULT_BUSY_RETRY,
    private readonly finishWork: () => void = () => {},
  ) {
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
  }

  /** `background` work (src/db/idleWork.ts) does not count as activity for quietForMs(). */
  run<T>(work: () => T, options: { background?: boolean } = {}): Promise<T> {
    if (!options.background) this.lastQueuedAt = performance.now();
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /**
   * How long nobody has written, in ms: since work other than background work was last queued here,
   * or since another connection was last seen to have committed (checked at each call, so a commit
   * of another process counts from the call that notices it).
   */
  quietForMs(): number {
    if (this.db.open) {
      const version = this.dataVersion.get() as number;
      if (this.seenDataVersion !== undefined && version !== this.seenDataVersion) this.lastQueuedAt = performance.now();
      this.seenDataVersion = version;
    }
    return performance.now() - this.lastQueuedAt;
  }

  private flush(): void {
    const batch = this.queue;
    this.queue = [];
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      this.db.transaction(() => {
        for (const pending of batch) {
          try {
            // A savepoint of its own: a piece of work that fails leaves nothing behind, whatever it wrote first.
            const value = this.db.transaction(pending.work)();
            outcomes.push({ ok: true, value });
          } catch (error) {
            // After some errors (SQLITE_FULL, SQLITE_IOERR, ...) SQLite rolls back the whole transaction itself:
            // the work before this one is undone too, so the whole batch fails with that error.
            if (!this.db.inTransaction) throw error;
            outcomes.push({ ok: false, error });
          }
        }
        // Once for the whole batch: what the failed pieces left behind was rolled back with their savepoints.
        this.finishWork();
      }).immediate();
    } catch (error) {
      if (isBusy(error) && this.retryLater(batch)) return;
      this.settled();
      for (const pending of batch) pending.reject(error);
      return;
    }
    this.settled();
    batch.forEach((pending, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
  }

  /** Puts the batch back in front of the queue and tries again after a pause; false once the time is up. */
  private retryLater(batch: Pending[]): boolean {
    const now = Date.now();
    this.busySince ??= now;
    if (now - this.busySince >= this.retry.maxMs) return false;
    const delays = this.retry.delaysMs;
    const delay = delays[Math.min(this.busyTries, delays.length - 1)] ?? 10;
    this.busyTries++;
    this.queue = batch.concat(this.queue);
    setTimeout(() => this.flush(), delay);
    return true;
  }

  /** A batch is done (committed or failed for good): the next one starts afresh. */
  private settled(): void {
    this.busySince = undefined;
    this.busyTries = 0;
    if (this.queue.length > 0) setImmediate(() => this.flush());
    else this.scheduled = false;
  }
}
