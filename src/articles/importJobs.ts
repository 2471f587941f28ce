import { randomUUID } from 'node:crypto';
import { AppError, databaseRefusal } from '../errors';
import type { ImportProgress } from './articleService';
import type { Article } from './model';

/** How long a finished import's outcome stays readable by its page. */
const KEEP_FINISHED_MS = 15 * 60_000;

export interface ImportJob {
  id: string;
  userId: number;
  state: 'running' | 'done' | 'failed';
  progress: ImportProgress;
  articleId?: number;
  error?: { status: number; code: string; message: string };
}

/**
 * Imports the browser form started in the background: the page polls their progress
 * (GET /api/imports/:id) while the import runs in steps, and moves to the article when
 * it is done. Kept in memory: they belong to this server process.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();

  start(userId: number, run: (onProgress: (progress: ImportProgress) => void) => Promise<Article>): ImportJob {
    const job: ImportJob = { id: randomUUID(), userId, state: 'running', progress: { segments: 0, characters: 0, totalCharacters: 0 } };
    this.jobs.set(job.id, job);
    run((progress) => (job.progress = progress)).then(
      (article) => {
        job.state = 'done';
        job.articleId = article.id;
      },
      (error: unknown) => {
        job.state = 'failed';
        const refusal = error instanceof AppError ? error : databaseRefusal(error);
        job.error = refusal
          ? { status: refusal.status, code: refusal.code, message: refusal.message }
          : { status: 500, code: 'internal_error', message: 'The import failed on our side. Nothing was saved; please try again.' };
        if (!refusal) console.error(error);
      },
    );
    setTimeout(() => this.forget(job.id), KEEP_FINISHED_MS).unref();
    return job;
  }

  /** The job, if it exists and was started by this user. */
  get(id: string, userId: number): ImportJob | undefined {
    const job = this.jobs.get(id);
    return job && job.userId === userId ? job : undefined;
  }

  private forget(id: string): void {
    const job = this.jobs.get(id);
    if (!job) return;
    // A job still running is kept until it ends.
    if (job.state === 'running') setTimeout(() => this.forget(id), KEEP_FINISHED_MS).unref();
    else this.jobs.delete(id);
  }
}
