import type { GroupCommit } from './groupCommit';

/** How long nobody may have written (this process or another) before background work takes a step. */
export const QUIET_MS = 100;
/** The pause after each step (a merge step is ~12 ms): reading requests keep most of the event loop meanwhile. */
export const STEP_PAUSE_MS = 25;

/**
 * Work that can wait for a quiet moment (merging the search index's pieces, src/search): once
 * nobody has written for QUIET_MS (GroupCommit.quietForMs: this process's queue, or another
 * process's commits) and no request has arrived for as long (postpone(), which the app calls on
 * every request), it runs a step through the write queue, a short transaction of its own, then
 * pauses STEP_PAUSE_MS, until a step answers that nothing is left. Any write or request in between
 * makes it wait for quiet again, so it never slows a batch, an import, another process's saves or
 * a page down (measured: page loads right after a burst of saves took 62-78 ms instead of ~44 ms
 * while it stepped between them); a long reading request in progress still gets most of the loop.
 */
export class IdleWork {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  /** when a request last arrived (performance.now()) */
  private lastRequestAt = -Infinity;

  /** `step` runs inside a transaction and answers whether there is more to do. */
  constructor(
    private readonly writes: GroupCommit,
    private readonly step: () => boolean,
    private readonly quietMs = QUIET_MS,
    private readonly pauseMs = STEP_PAUSE_MS,
  ) {}

  /** There is work: a step will run once it is quiet. */
  wanted(): void {
    if (!this.timer && !this.running) this.waitForQuiet();
  }

  /** A request arrived: no step for QUIET_MS from now. */
  postpone(): void {
    this.lastRequestAt = performance.now();
  }

  private quietForMs(): number {
    return Math.min(this.writes.quietForMs(), performance.now() - this.lastRequestAt);
  }

  private waitForQuiet(afterStep = false): void {
    const wait = afterStep ? this.pauseMs : Math.max(0, this.quietMs - this.quietForMs());
    // unref: pending upkeep never keeps a process (the CLI, a test) alive.
    this.timer = setTimeout(() => void this.runStep(), wait).unref();
  }

  private async runStep(): Promise<void> {
    this.timer = undefined;
    if (this.quietForMs() < this.quietMs) return this.waitForQuiet();
    this.running = true;
    let more = false;
    try {
      more = await this.writes.run(this.step, { background: true });
    } catch {
      // The database was closed, or another process holds it: the next write asks again.
    } finally {
      this.running = false;
    }
    if (more) this.waitForQuiet(true);
  }
}
