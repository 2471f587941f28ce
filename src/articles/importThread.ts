import { AppError } from '../errors';
import { OnDemandWorker } from '../workerThreads';
import type { PreparationRequest, PreparedChunk, PreparedEnd } from './importPreparation';
import type { WorkerAnswer, WorkerRequest } from './importWorker';

/** Chunks asked for ahead of the one the import is writing: the worker reads while the main thread writes. */
const PREPARED_AHEAD = 2;
/**
 * An idle worker is stopped after this long. V8 optimises the reading code as it runs, so a worker
 * kept between imports reads the next file about twice as fast as a new one (a 10,000-unit XLIFF:
 * ~9,000 units/s in a new worker, 17,000-21,000 in one that read a few before); a desk imports
 * several files in a session. An idle worker holds ~60 MB until it stops.
 */
const IDLE_MS = 5 * 60_000;

export type PreparedPiece = { type: 'chunk'; chunk: PreparedChunk } | { type: 'end'; end: PreparedEnd };

/** One import's prepared chunks, in order, then its end. */
export interface PreparedImport {
  /** The next chunk or the end; rejects with the AppError the user reads when the input is refused. */
  next(): Promise<PreparedPiece>;
  /** Stops the preparation (the import failed on the writing side). */
  cancel(): void;
}

/**
 * The main thread's side of the import worker (src/articles/importWorker.ts): one worker thread
 * for the whole process, started on the first import and stopped when idle. Each import is a job
 * whose chunks are asked for one by one, a few ahead, so reading never runs far ahead of writing.
 */
export class ImportThread {
  private readonly thread = new OnDemandWorker<WorkerAnswer>(__dirname, 'importWorker', {
    answer: (answer) => this.jobs.get(answer.job)?.arrived(answer),
    // The imports it was reading fail; the next one starts a new thread.
    stopped: (error) => {
      for (const job of this.jobs.values()) job.arrived(error);
      this.jobs.clear();
    },
  });
  private readonly jobs = new Map<number, Job>();
  private lastJob = 0;
  private idleTimer: NodeJS.Timeout | undefined;

  prepare(request: PreparationRequest): PreparedImport {
    clearTimeout(this.idleTimer);
    const worker = this.thread.running();
    const id = ++this.lastJob;
    const send = (message: WorkerRequest) => worker.postMessage(message);
    const job = new Job((check) => send({ type: 'next', job: id, check }));
    this.jobs.set(id, job);
    worker.ref();
    send({ type: 'start', job: id, request });
    for (let ahead = 0; ahead < PREPARED_AHEAD; ahead++) job.ask(true);
    const finished = () => {
      if (this.jobs.delete(id) && this.jobs.size === 0) this.idle();
    };
    return {
      next: async () => {
        try {
          const piece = await job.next();
          if (piece.type === 'end') finished();
          return piece;
        } catch (error) {
          finished();
          throw error;
        }
      },
      cancel: () => {
        if (this.thread.current === worker) send({ type: 'cancel', job: id });
        finished();
      },
    };
  }

  /** Stops the worker now (tests, shutdown); imports still running fail. */
  close(): Promise<void> {
    return this.thread.close('The import worker was stopped.');
  }

  /** No import is running: the worker may not keep the process alive, and stops after a while. */
  private idle(): void {
    const worker = this.thread.current;
    if (!worker) return;
    worker.unref();
    this.idleTimer = setTimeout(() => {
      if (this.thread.current === worker && this.jobs.size === 0) void this.close();
    }, IDLE_MS).unref();
  }
}

/** The answers of one job, in order, and whoever waits for the next. */
class Job {
  private readonly answers: (WorkerAnswer | Error)[] = [];
  private waiting: { resolve: (piece: PreparedPiece) => void; reject: (error: Error) => void } | undefined;

  /** `ask(check)` asks the worker for the next chunk, read with its QA checks or without. */
  constructor(readonly ask: (check: boolean) => void) {}

  arrived(answer: WorkerAnswer | Error): void {
    if (this.waiting) {
      const { resolve, reject } = this.waiting;
      this.waiting = undefined;
      this.settle(answer, resolve, reject, true);
    } else {
      this.answers.push(answer);
    }
  }

  next(): Promise<PreparedPiece> {
    return new Promise((resolve, reject) => {
      const answer = this.answers.shift();
      if (answer) this.settle(answer, resolve, reject, false);
      else this.waiting = { resolve, reject };
    });
  }

  /** `waited`: the importing side asked before the answer was there. */
  private settle(
    answer: WorkerAnswer | Error,
    resolve: (piece: PreparedPiece) => void,
    reject: (error: Error) => void,
    waited: boolean,
  ): void {
    if (answer instanceof Error) return reject(answer);
    switch (answer.type) {
      case 'chunk':
        // Taken: ask for one more, so that PREPARED_AHEAD stay on their way. If the main thread had to wait
        // for this one, the worker is the slower side: the chunk it reads next comes without its checks, and
        // the main thread runs them (importPreparation checkRows) while the worker reads on. A chunk that was
        // ready before it was asked for leaves the checks in the worker.
        this.ask(!waited);
        return resolve({ type: 'chunk', chunk: answer.chunk });
      case 'end':
        return resolve({ type: 'end', end: answer.end });
      case 'error': {
        const { status, code, message, details } = answer.error;
        return reject(
          status !== undefined && code !== undefined
            ? new AppError(status, code, message, details)
            : new Error(`The import worker failed: ${message}`),
        );
      }
    }
  }
}

/** The process's import worker, shared by every service graph in it (server, CLI, tests). */
export const importThread = new ImportThread();
