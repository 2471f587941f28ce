import path from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread on a module of this code base (`name` without extension, beside `directory`).
 * Built, the modules are .js in dist/. Run from the TypeScript sources (the tests, `npm run dev`),
 * they are .ts, and the thread loads them the way the caller was loaded, through tsx (a development
 * dependency).
 */
export function startWorker(directory: string, name: string, options: WorkerOptions = {}): Worker {
  if (path.extname(__filename) === '.ts') {
    return new Worker(path.join(directory, `${name}.ts`), { ...options, execArgv: ['--require', require.resolve('tsx/cjs')] });
  }
  return new Worker(path.join(directory, `${name}.js`), options);
}
