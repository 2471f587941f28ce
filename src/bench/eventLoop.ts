import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

/** How long the event loop was held at most while some work ran: what every other user waited. */
export interface EventLoopBlocks {
  /** the longest delay of a timer due every few ms, in ms (wall clock): about the longest synchronous step */
  maxMs: number;
  p99Ms: number;
  /**
   * the most CPU time the event loop's thread used between two of its turns, in ms: the longest
   * synchronous step's own cost. On a shared machine the wall-clock delay also counts the time
   * other processes had the core; this does not, so it is what a test can hold to a limit.
   */
  maxCpuMs: number;
  /** when that step ended, in ms from the start of the work */
  maxCpuAtMs: number;
}

/** Linux: the calling thread's nanoseconds on a core, first of its three numbers. */
const THREAD_CLOCK = '/proc/thread-self/schedstat';
const hasThreadClock = (() => {
  try {
    readFileSync(THREAD_CLOCK, 'utf8');
    return true;
  } catch {
    return false;
  }
})();

/**
 * CPU time of the calling thread, in ms. A step of the event loop is the server's thread's own work,
 * while the import worker and V8's helper threads run beside it: the process's CPU time counted
 * theirs too (a 60 ms step during an import read as up to 125 ms). Linux gives the thread's time in
 * /proc/thread-self/schedstat (nanoseconds on a core); elsewhere this falls back to the process's.
 */
export function threadCpuMs(): number {
  if (hasThreadClock) return Number(readFileSync(THREAD_CLOCK, 'utf8').split(' ', 1)[0]) / 1e6;
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Runs `work` while sampling the event loop's delay (perf_hooks.monitorEventLoopDelay,
 * a timer every `resolutionMs`): a request that computes for a second in one go shows
 * as a one-second delay, one that works in short steps shows as its longest step.
 * Beside it, a timer due every millisecond notes the time and the thread's CPU time between its turns.
 */
export async function measureEventLoop<T>(work: () => Promise<T>, resolutionMs = 5): Promise<EventLoopBlocks & { result: T }> {
  const histogram = monitorEventLoopDelay({ resolution: resolutionMs });
  let [maxCpuMs, maxWallMs, maxCpuAtMs] = [0, 0, 0];
  let [lastCpu, lastWall] = [threadCpuMs(), performance.now()];
  const started = lastWall;
  const tick = () => {
    const [cpu, wall] = [threadCpuMs(), performance.now()];
    if (cpu - lastCpu > maxCpuMs) [maxCpuMs, maxCpuAtMs] = [cpu - lastCpu, wall - started];
    maxWallMs = Math.max(maxWallMs, wall - lastWall);
    [lastCpu, lastWall] = [cpu, wall];
  };
  const ticker = setInterval(tick, 1);
  histogram.enable();
  try {
    const result = await work();
    tick();
    // The histogram misses a block that ends the work (its timer has not fired yet); the ticker sees it.
    return { result, maxMs: Math.max(histogram.max / 1e6, maxWallMs), p99Ms: histogram.percentile(99) / 1e6, maxCpuMs, maxCpuAtMs };
  } finally {
    histogram.disable();
    clearInterval(ticker);
  }
}
