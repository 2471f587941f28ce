/**
 * The worker thread that reads imports (src/articles/importThread.ts starts it): it runs each
 * import's preparation (src/articles/importPreparation.ts) one chunk per request, so the main
 * thread is never blocked by parsing, segmentation or QA checks, and several imports take turns.
 */
import { parentPort } from 'node:worker_threads';
import { AppError } from '../errors';
import { prepareImport, type PreparationRequest, type PreparedChunk, type PreparedEnd } from './importPreparation';

/** From the main thread: start a job, prepare its next chunk (with its QA checks or without), or drop it. */
export type WorkerRequest =
  | { type: 'start'; job: number; request: PreparationRequest }
  | { type: 'next'; job: number; check: boolean }
  | { type: 'cancel'; job: number };

/** A refusal the user reads (an AppError), or a failure of ours (`status` absent). */
export interface WorkerError {
  status?: number;
  code?: string;
  message: string;
  details?: Record<string, unknown>;
}

/** To the main thread: one answer per 'next'. */
export type WorkerAnswer =
  | { type: 'chunk'; job: number; chunk: PreparedChunk }
  | { type: 'end'; job: number; end: PreparedEnd }
  | { type: 'error'; job: number; error: WorkerError };

const port = parentPort;
if (!port) throw new Error('importWorker.ts runs as a worker thread (src/articles/importThread.ts).');

const jobs = new Map<number, Generator<PreparedChunk, PreparedEnd, boolean | undefined>>();

port.on('message', (message: WorkerRequest) => {
  switch (message.type) {
    case 'start':
      jobs.set(message.job, prepareImport(message.request));
      return;
    case 'cancel':
      jobs.get(message.job)?.return(undefined as never);
      jobs.delete(message.job);
      return;
    case 'next': {
      const job = jobs.get(message.job);
      // A job that ended, failed or was dropped answers nothing more.
      if (!job) return;
      port.postMessage(answer(message.job, job, message.check));
    }
  }
});

function answer(id: number, job: Generator<PreparedChunk, PreparedEnd, boolean | undefined>, check: boolean): WorkerAnswer {
  try {
    const step = job.next(check);
    if (!step.done) return { type: 'chunk', job: id, chunk: step.value };
    jobs.delete(id);
    return { type: 'end', job: id, end: step.value };
  } catch (error) {
    jobs.delete(id);
    if (error instanceof AppError) {
      return { type: 'error', job: id, error: { status: error.status, code: error.code, message: error.message, details: error.details } };
    }
    return { type: 'error', job: id, error: { message: error instanceof Error ? (error.stack ?? error.message) : String(error) } };
  }
}
