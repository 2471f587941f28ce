import vm from 'node:vm';

/**
 * Runs synchronous work with a hard time limit. A regular expression such as
 * /(a+)+$/ backtracks exponentially on "aaaa…b" and would hold the event loop
 * (and so the whole server) for minutes; nothing inside JavaScript can interrupt
 * it, but V8 can: node:vm's `timeout` terminates whatever runs under the script,
 * including functions of this realm that it calls.
 *
 * The work is not run in a sandbox; the vm context only carries the time limit.
 * A terminated run skips `finally` blocks, so the work must keep no state that a
 * half-finished run would leave broken (the matcher resets `lastIndex` before use).
 *
 * Each call costs about 0.1 ms (V8 starts a watchdog), so run chunks, not single
 * short texts, through it.
 */

export const TIMED_OUT = Symbol('timed out');

const context = vm.createContext({ work: undefined as (() => unknown) | undefined });
const runWork = new vm.Script('work()', { filename: 'matching-time-limit.vm' });

export function runWithTimeLimit<T>(work: () => T, timeoutMs: number): T | typeof TIMED_OUT {
  if (!(timeoutMs > 0)) throw new RangeError(`The time limit must be positive, not ${timeoutMs}`);
  context.work = work;
  try {
    return runWork.runInContext(context, { timeout: Math.ceil(timeoutMs) }) as T;
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return TIMED_OUT;
    throw error;
  } finally {
    context.work = undefined;
  }
}
