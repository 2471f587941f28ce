import type { GroupCommit } from './groupCommit';

/** How long nobody may have written before background work takes a step. */
export const QUIET_MS = 100;

/**
 * Work that can wait for a quiet moment (merging the search index's pieces, src/search): once
 * nobody has queued a write for QUIET_MS, it runs a step at a time through the write queue, each
 * step a short transaction of its own, until a step answers that nothing is left. Any write in
 * between makes it wait again, so it never slows a batch or an import down.
 */
export class IdleWork {
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  /** `step` runs inside a transaction and answers whether there is more to do. */
  constructor(
    private readonly writes: GroupCommit,
    private readonly step: () => boolean,
    private readonly quietMs = QUIET_MS,
  ) {}

  /** There is work: a step will run once the writes are quiet. */
  wanted(): void {
    if (!this.timer && !this.running) this.waitForQuiet();
  }

  private waitForQuiet(): void {
    const wait = Math.max(0, this.quietMs - this.writes.quietForMs());
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
    if (more) this.waitForQuiet();
  }
}
