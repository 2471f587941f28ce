/**
 * The requests that once froze the server (issue 7 items 6, 7, 10), timed on generated data
 * with the event loop watched all along: an import of many sentences, the quality overview
 * over many stored segments, and the report of one huge article with its pages and
 * downloads. The app runs in this process and is asked over HTTP, so the event loop
 * measured is the server's own. `npm run bench` runs them at full size; the integration
 * tests run them smaller and hold them to the same limit.
 */
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createApp } from '../app';
import { toActor } from '../auth/model';
import { generatePassword } from '../auth/passwords';
import type { Actor } from '../auth/roles';
import type { Db } from '../db/database';
import type { Services } from '../services';
import { fillBigArticles } from './bigArticles';
import { measureEventLoop } from './eventLoop';

/** Of an answer, only the start is kept (the import's 201 body; enough to see an error). */
const KEEP_BODY_CHARS = 1_000_000;

/** One heavy request: how long it took and the longest time the event loop was held meanwhile. */
export interface HeavyRequest {
  label: string;
  status: number;
  totalMs: number;
  /** the longest event-loop block, wall clock (what users waited, neighbours on the machine included) */
  maxBlockMs: number;
  /** the most CPU time of one synchronous step (see EventLoopBlocks.maxCpuMs) */
  maxBlockCpuMs: number;
  bytes: number;
  /** when the longest step ended, in ms from the request's start (where to look for it) */
  longestStepAtMs: number;
}

/** The app served on 127.0.0.1 in this process, every request acting as `actor` (no session to set up). */
export async function serveInProcess(services: Services, actor: Actor) {
  const app = createApp({ services, maxUploadBytes: 10 * 1024 * 1024, actAsWithoutAuthentication: actor });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** Sends one request while the event loop is watched; reads the whole answer. */
  async function timed(label: string, path: string, init?: RequestInit): Promise<HeavyRequest & { body: string }> {
    const started = performance.now();
    const { result, maxMs, maxCpuMs, maxCpuAtMs } = await measureEventLoop(async () => {
      const response = await fetch(`${base}${path}`, init);
      // Counted as it arrives, not kept: a 400 MB download held as one string would make this
      // process's garbage collector, not the server, hold the event loop.
      const decoder = new TextDecoder();
      let [bytes, body] = [0, ''];
      const reader = response.body!.getReader() as ReadableStreamDefaultReader<Uint8Array>;
      for (;;) {
        const { done, value } = await reader.read();
        if (done || !value) break;
        bytes += value.length;
        if (body.length < KEEP_BODY_CHARS) body += decoder.decode(value, { stream: true });
      }
      return { status: response.status, body, bytes };
    });
    return {
      label,
      status: result.status,
      body: result.body,
      totalMs: performance.now() - started,
      maxBlockMs: maxMs,
      maxBlockCpuMs: maxCpuMs,
      bytes: result.bytes,
      longestStepAtMs: maxCpuAtMs,
    };
  }

  return { timed, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** An admin for the measured requests (nobody signs in: requests act as them). */
export async function benchActor(services: Services): Promise<Actor> {
  const user = await services.accounts.createUser(
    { username: 'bench', displayName: 'Benchmark', role: 'admin', password: generatePassword() },
    undefined,
  );
  return toActor(user);
}

/** `count` short sentences in paragraphs of five: the most segments per byte an import gets in practice. */
export function shortSentences(count: number): string {
  const paragraphs: string[] = [];
  for (let start = 0; start < count; start += 5) {
    const sentences: string[] = [];
    for (let i = start; i < Math.min(count, start + 5); i++) sentences.push(`Sentence number ${i + 1} is short.`);
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs.join('\n\n');
}

/** POST /api/articles with `sentences` short sentences, as a client sends it; waits for the 201. */
export async function measureImport(services: Services, sentences: number): Promise<HeavyRequest & { segments: number }> {
  const served = await serveInProcess(services, await benchActor(services));
  try {
    const body = JSON.stringify({ title: 'Many short sentences', text: shortSentences(sentences) });
    const answer = await served.timed(`import of ${sentences.toLocaleString('en-US')} sentences, POST /api/articles`, '/api/articles', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    const segments = answer.status === 201 ? (JSON.parse(answer.body) as { segmentCount: number }).segmentCount : 0;
    return { ...answer, segments };
  } finally {
    await served.close();
  }
}

/**
 * Fills the database with `articles` articles of `segmentsPerArticle` stored segments each (one
 * in ten reviewed), then asks, `times` times each, either for the quality overview (page and
 * API) or for the first article's report: its first and last page, a page of its API, and its
 * CSV and JSON downloads streamed whole.
 */
export async function measureQualityReads(
  services: Services,
  db: Db,
  {
    articles,
    segmentsPerArticle,
    what,
    times = 1,
  }: { articles: number; segmentsPerArticle: number; what: 'overview' | 'report'; times?: number },
): Promise<HeavyRequest[]> {
  const [id] = fillBigArticles(db, services, { articles, segmentsPerArticle, editEvery: 10 });
  const served = await serveInProcess(services, await benchActor(services));
  const stored = (articles * segmentsPerArticle).toLocaleString('en-US');
  const size = segmentsPerArticle.toLocaleString('en-US');
  const requests: [string, string][] =
    what === 'overview'
      ? [
          [`quality overview page, GET /quality, ${stored} stored segments`, '/quality'],
          [`quality overview API, GET /api/quality/articles, ${stored} stored segments`, '/api/quality/articles'],
        ]
      : [
          [`report page 1, GET /articles/:id/quality, ${size} segments`, `/articles/${id}/quality`],
          [`report last page, ${size} segments`, `/articles/${id}/quality?page=${Math.ceil(segmentsPerArticle / 100)}`],
          [`report API, last 500 rows, ${size} segments`, `/api/articles/${id}/quality?offset=${segmentsPerArticle - 500}&limit=500`],
          [`report CSV download (streamed), ${size} segments`, `/articles/${id}/quality?format=csv`],
          [`report JSON download (streamed), ${size} segments`, `/articles/${id}/quality?format=json`],
        ];
  try {
    const answers: HeavyRequest[] = [];
    for (const [label, path] of requests) {
      for (let time = 0; time < times; time++) {
        const { body: _body, ...answer } = await served.timed(label, path);
        answers.push(answer);
      }
    }
    return answers;
  } finally {
    await served.close();
  }
}
