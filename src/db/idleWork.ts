import type { GroupCommit } from './groupCommit';

/** How long nobody may have written (this process or another) before background work takes a step. */
export const QUIET_MS = 100;
/** The pause after each step (a merge step is ~12 ms): reading requests keep most of the event loop meanwhile. */
export const STEP_PAUSE_MS = 25;

/**
 * Work that can wait for a quiet moment (merging the search index's pieces, src/search): once
 * nobody has written for QUIET_MS (GroupCommit.quietForMs: this process's queue, or another
 * process's commits), it runs a step through the write queue, a short transaction of its own,
 * then pauses STEP_PAUSE_MS, until a step answers that nothing is left. Any write in between
 * makes it wait for quiet again, so it never slows a batch, an import or another process's saves
 * down; the pauses leave most of the event loop to reading requests (a long search) meanwhile.
 */
export class IdleWork {
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  /** `step` runs inside a transaction and answers whether there is more to do. */
  constructor(
    private readonly writes: GroupCommit,
    private readonly step: () => boolean,
    private readonly quietMs = QUIET_MS,
    private readonly pauseMs = STEP_PAUSE_MS,
  ) {}

  /** There is work: a step will run once the writes are quiet. */
  wanted(): void {
    if (!this.timer && !this.running) this.waitForQuiet();
  }

  private waitForQuiet(afterStep = false): void {
    const wait = afterStep ? this.pauseMs : Math.max(0, this.quietMs - this.writes.quietForMs());
    // unref: pending upkeep never keeps a process (the CLI, a test) alive.
    this.timer = setTimeout(() => void this.runStep(), wait).unref();
  }

  private async runStep(): Promise<void> {
    this.timer = undefined;
    if (this.writes.quietForMs() < this.quietMs) return this.waitForQuiet();
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
