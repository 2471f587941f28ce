import path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * A worker thread on a module of this code base (`name` without extension, beside `directory`),
 * started when first needed and again after it stopped. Built, the modules are .js in dist/. Run
 * from the TypeScript sources (the tests, `npm run dev`), they are .ts, and the thread loads them
 * the way the caller was loaded, through tsx (a development dependency).
 */
export class OnDemandWorker<Answer> {
  private worker: Worker | undefined;

  constructor(
    private readonly directory: string,
    private readonly name: string,
    private readonly handlers: {
      answer: (answer: Answer) => void;
      /** The thread is gone (failed, exited or closed): whatever waited for it must not wait on. */
      stopped: (error: Error) => void;
    },
  ) {}

  /** The running thread, started if there is none. */
  running(): Worker {
    if (this.worker) return this.worker;
    const worker =
      path.extname(__filename) === '.ts'
        ? new Worker(path.join(this.directory, `${this.name}.ts`), { execArgv: ['--require', require.resolve('tsx/cjs')] })
        : new Worker(path.join(this.directory, `${this.name}.js`));
    worker.on('message', (answer: Answer) => this.handlers.answer(answer));
    worker.on('error', (error) => this.stop(worker, error));
    worker.on('exit', (code) => this.stop(worker, new Error(`The ${this.name} thread stopped (exit code ${code}).`)));
    this.worker = worker;
    return worker;
  }

  /** The running thread, if any. */
  get current(): Worker | undefined {
    return this.worker;
  }

  /** Stops the thread now (tests, shutdown); `reason` is what the waiting callers get. */
  async close(reason: string): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.stop(worker, new Error(reason));
    await worker.terminate();
  }

  private stop(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.handlers.stopped(error);
  }
}
