/**
 * `npm run bench`: times Redline on a generated 10,000-sentence article and prints
 * a Markdown table. The host is shared and noisy, so every throughput is measured
 * BENCH_RUNS times (median and range), every latency over BENCH_REQUESTS requests,
 * and the baselines (raw SQLite, a trivial Express app) in the same run, so that
 * the ratios mean something. Everything listens on 127.0.0.1 and lives in one temp
 * folder that is removed at exit, with the child servers.
 *
 * To add a measure, push a Row (report.ts) in the section it belongs to; a new
 * kind of measure (auth, quality) is one more function returning Row[] in main().
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { SESSION_COOKIE } from '../auth/authenticate';
import { toActor } from '../auth/model';
import { generatePassword } from '../auth/passwords';
import { PAGE_SIZE } from '../pagination';
import { projectRoot } from '../paths';
import { createServices } from '../services';
import { segmentDocument } from '../segmentation/document';
import type { Segment } from '../segments/model';
import type { Db } from '../db/database';
import { openMigratedDatabase } from '../startup';
import { benchFindings } from './findings';
import { benchInterchange } from './interchange';
import { benchQuality } from './quality';
import { measureImport as measureHeavyImport, measureQualityReads, type HeavyRequest } from './heavyRequests';
import { benchSearch } from './search';
import { benchReplace } from './replace';
import { bulkInsertRate, singleRowCommitRate } from './baselines';
import { generateArticle } from './generateArticle';
import { HttpClient, runLoad, startChildServer, type LoadResult } from './load';
import { median, percentile, renderTable, type Row } from './report';

const settings = z
  .object({
    BENCH_RUNS: z.coerce.number().int().min(1).max(50).default(5),
    BENCH_REQUESTS: z.coerce.number().int().min(1).max(1_000).default(20),
    BENCH_SENTENCES: z.coerce.number().int().min(100).max(200_000).default(10_000),
    /** the event-loop rows (issue 7 item 10): an import of this many short sentences ... */
    BENCH_IMPORT_SENTENCES: z.coerce.number().int().min(100).max(200_000).default(200_000),
    /** ... and the overview over, and the report of an article of, this many stored segments */
    BENCH_STORED_SEGMENTS: z.coerce.number().int().min(1_000).max(5_000_000).default(1_000_000),
    /** "event-loop" runs only those rows (they take minutes of their own) */
    BENCH_ONLY: z.enum(['all', 'event-loop']).default('all'),
    /** segments in the search database: five articles of a fifth each */
    BENCH_SEARCH_SEGMENTS: z.coerce.number().int().min(5_000).max(5_000_000).default(1_000_000),
    BENCH_REPLACE_SEGMENTS: z.coerce.number().int().min(1_000).max(200_000).default(100_000),
  })
  .parse(process.env);
const RUNS = settings.BENCH_RUNS;
const REQUESTS = settings.BENCH_REQUESTS;
const CLIENTS = 50;
const HTTP_LIMITS = { total: 20_000, maxMs: 3_000 };
const SAVE_LIMITS = { total: 5_000, maxMs: 10_000 };
const WARM_UP_LIMITS = { total: 1_000, maxMs: 3_000 };
const COMMIT_LIMITS = { total: 2_000, maxMs: 2_000 };

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'redline-bench-'));
let fileCount = 0;
const tempDatabase = (name: string) => path.join(workDir, `${++fileCount}-${name}.sqlite`);
process.on('exit', () => fs.rmSync(workDir, { recursive: true, force: true }));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

const article = generateArticle(settings.BENCH_SENTENCES);
/** Lines printed under the table: what was measured, and anything that looked wrong. */
const notes: string[] = [];
const count = (n: number) => n.toLocaleString('en-US');

/** Runs `measure` RUNS times, one after the other, and collects the results. */
async function repeat(measure: () => number | Promise<number>): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run++) samples.push(await measure());
  return samples;
}

interface Baselines {
  insert: Row;
  commits: Row;
  trivialLoad: Row;
  trivialGet: Row;
}

async function measureBaselines(): Promise<Baselines> {
  const texts = segmentDocument(article.text).segments.map((segment) => segment.text);
  const insert: Row = {
    measure: `raw SQLite insert, ${count(texts.length)} rows in 1 transaction (rows/s)`,
    samples: await repeat(() => bulkInsertRate(tempDatabase('insert'), texts)),
    baseline: true,
  };
  const commits: Row = {
    measure: 'raw SQLite 1-row commits, WAL + synchronous=FULL (commits/s)',
    samples: await repeat(() => singleRowCommitRate(tempDatabase('commits'), COMMIT_LIMITS)),
    baseline: true,
  };
  const trivial = await startChildServer(path.join(__dirname, 'trivialServer.js'), process.env);
  const client = new HttpClient(trivial.port);
  try {
    const load = await repeat(async () => (await runLoad(CLIENTS, HTTP_LIMITS, () => client.request('GET', '/'))).perSecond);
    return {
      insert,
      commits,
      trivialLoad: { measure: `trivial Express GET, ${CLIENTS} keep-alive clients (requests/s)`, samples: load, baseline: true },
      trivialGet: { measure: 'trivial Express GET, 1 client (ms)', samples: await client.timeGets('/', REQUESTS), baseline: true },
    };
  } finally {
    client.close();
    await trivial.stop();
  }
}

/** Imports the article RUNS times, each into a new database; the server then serves the last one. */
async function measureImport(baselines: Baselines): Promise<{ rows: Row[]; databasePath: string; articleId: number }> {
  let databasePath = '';
  let articleId = 0;
  let segmentCount = 0;
  const imports = await repeat(async () => {
    databasePath = tempDatabase('redline');
    const { db } = openMigratedDatabase(databasePath);
    try {
      const { articles } = createServices(db);
      const started = performance.now();
      articleId = (await articles.importArticle({ text: article.text, author: 'bench' })).id;
      const seconds = (performance.now() - started) / 1000;
      segmentCount = articles.progress(articleId).total;
      return segmentCount / seconds;
    } finally {
      db.close();
    }
  });
  // Segmentation alone tells the splitter's share of an import from the database's.
  const segmentation = await repeat(() => {
    const started = performance.now();
    const segments = segmentDocument(article.text).segments.length;
    return segments / ((performance.now() - started) / 1000);
  });
  notes.push(
    `Article: ${count(article.sentences)} sentences and ${article.headings} headings, ` +
      `${Math.round(article.text.length / 1024)} KB; imported as ${count(segmentCount)} segments.`,
  );
  const rawInsert = { row: baselines.insert, label: 'raw insert' };
  return {
    rows: [
      { measure: 'import, ArticleService.importArticle (segments/s)', samples: imports, target: { atLeast: 50_000 }, compareTo: rawInsert },
      { measure: 'import, segmentation only (segments/s)', samples: segmentation, compareTo: rawInsert },
    ],
    databasePath,
    articleId,
  };
}

/**
 * An editor account, signed in twice: a session cookie for the browser pages and
 * an API token for the JSON API, as a person and a script would use them.
 */
async function signIn(
  databasePath: string,
): Promise<{ username: string; browser: Record<string, string>; api: Record<string, string>; sessionApi: Record<string, string> }> {
  const { db } = openMigratedDatabase(databasePath);
  try {
    const { accounts } = createServices(db);
    const user = await accounts.createUser(
      { username: 'bench', displayName: 'Benchmark', role: 'editor', password: generatePassword() },
      undefined,
    );
    const { token } = accounts.createToken(toActor(user), 'benchmark');
    const { cookieValue, csrfToken } = accounts.openSession(user.id);
    const browser = { Cookie: `${SESSION_COOKIE}=${cookieValue}` };
    // A page script's save: the session cookie plus the session's CSRF token.
    return {
      username: user.username,
      browser,
      api: { Authorization: `Bearer ${token}` },
      sessionApi: { ...browser, 'X-CSRF-Token': csrfToken },
    };
  } finally {
    db.close();
  }
}

async function measureServer(databasePath: string, articleId: number, baselines: Baselines): Promise<Row[]> {
  const { db } = openMigratedDatabase(databasePath);
  const segments = createServices(db).articles.segments(articleId, { offset: 0, limit: Number.MAX_SAFE_INTEGER });
  db.close();
  const credentials = await signIn(databasePath);
  const saves = new SaveState(segments);

  const server = await startChildServer(path.join(projectRoot, 'dist', 'server.js'), {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    REDLINE_SAMPLE: '0',
    REDLINE_DB: databasePath,
  });
  const browser = new HttpClient(server.port, credentials.browser);
  const api = new HttpClient(server.port, credentials.api, CLIENTS);
  const sessionApi = new HttpClient(server.port, credentials.sessionApi, CLIENTS);
  const versusTrivialGet = { row: baselines.trivialGet, label: 'trivial GET' };
  try {
    const reviewPath = `/articles/${articleId}`;
    const exportPath = `/api/articles/${articleId}/export?format=txt`;
    // Check once that the timed answers are the real thing, not an error page.
    const page = await browser.request('GET', reviewPath);
    const rowsShown = page.body.match(/<li class="segment /g)?.length ?? 0;
    if (rowsShown !== PAGE_SIZE)
      notes.push(`Warning: the review page (status ${page.status}) showed ${rowsShown} segments, not ${PAGE_SIZE}.`);
    if ((await api.request('GET', exportPath)).body !== article.text)
      notes.push('Warning: the export of the unedited article differs from the imported text.');

    const rows: Row[] = [
      {
        measure: 'review page 1, GET /articles/:id, unedited (ms)',
        samples: await browser.timeGets(reviewPath, REQUESTS),
        target: { atMost: 50 },
        compareTo: versusTrivialGet,
      },
      {
        measure: 'export txt, GET /api/articles/:id/export (ms)',
        samples: await api.timeGets(exportPath, REQUESTS),
        target: { atMost: 200 },
        compareTo: versusTrivialGet,
      },
    ];
    rows.push(
      ...(await measureSavesByAuthentication(databasePath, credentials.username, saves, baselines, [
        { label: 'API token', client: api },
        { label: 'session + CSRF', client: sessionApi },
      ])),
      {
        measure: 'review page 1 after the saves, every row a diff (ms)',
        samples: await browser.timeGets(reviewPath, REQUESTS),
        target: { atMost: 50 },
        compareTo: versusTrivialGet,
      },
      {
        measure: 'quality report, GET /articles/:id/quality, after the saves (ms)',
        samples: await browser.timeGets(`/articles/${articleId}/quality`, REQUESTS),
        target: { atMost: 1_000 },
        compareTo: versusTrivialGet,
      },
    );
    const peak = server.peakRssMb();
    if (peak !== undefined) rows.push({ measure: 'server peak RSS, VmHWM (MB)', samples: [peak], target: { atMost: 300 } });
    return rows;
  } finally {
    browser.close();
    api.close();
    sessionApi.close();
    await server.stop();
  }
}

/**
 * What authentication costs a save. The baseline is the same app acting as the
 * same account with no session, token or CSRF check, in a child process of its
 * own. The doors take turns run by run, so that a slower stretch of the shared
 * host, or the growing database, weighs on all of them alike.
 */
async function measureSavesByAuthentication(
  databasePath: string,
  username: string,
  saves: SaveState,
  baselines: Baselines,
  doors: { label: string; client: HttpClient }[],
): Promise<Row[]> {
  const unauthenticated = await startChildServer(path.join(__dirname, 'unauthenticatedServer.js'), {
    ...process.env,
    REDLINE_DB: databasePath,
    BENCH_ACT_AS: username,
  });
  const open = new HttpClient(unauthenticated.port, {}, CLIENTS);
  try {
    const all = [{ label: 'no authentication', client: open }, ...doors];
    // A short unmeasured run through each door first, so each is compared warm (JIT, caches).
    for (const door of all) await runLoad(CLIENTS, WARM_UP_LIMITS, saver(door.client, saves));
    const results = new Map(all.map((door) => [door.label, [] as LoadResult[]]));
    for (let run = 0; run < RUNS; run++) {
      for (const door of all) results.get(door.label)!.push(await runLoad(CLIENTS, SAVE_LIMITS, saver(door.client, saves)));
    }
    const baselineRows = saveRows(
      'no authentication',
      results.get('no authentication')!,
      { atLeast: 1_500 },
      { row: baselines.commits, label: 'raw commits' },
    );
    const versus = { row: baselineRows[0]!, label: 'no auth' };
    // Authentication may cost at most a quarter of the throughput without it.
    const atLeast = Math.round(0.75 * median(versus.row.samples));
    return [...baselineRows, ...doors.flatMap((door) => saveRows(door.label, results.get(door.label)!, { atLeast }, versus))];
  } finally {
    open.close();
    await unauthenticated.stop();
  }
}

/**
 * Every sentence is saved by one client only (client w owns every 50th), and each
 * client sends the version it last got back, so a correct server answers no 409.
 * The state carries over between measurements, which edit the same article.
 */
class SaveState {
  readonly owned: { segments: Segment[]; next: number }[];
  readonly versions: Map<number, number>;

  constructor(segments: readonly Segment[]) {
    this.owned = Array.from({ length: CLIENTS }, (_, worker) => ({
      segments: segments.filter((_, index) => index % CLIENTS === worker),
      next: 0, // runs carry on where the previous one stopped, so they edit other sentences first
    }));
    this.versions = new Map(segments.map((segment) => [segment.id, segment.version]));
  }
}

/** One save by client `worker` of a load run: the next sentence it owns, at the version it last saw. */
function saver(client: HttpClient, state: SaveState) {
  return async (worker: number) => {
    const mine = state.owned[worker]!;
    const segment = mine.segments[mine.next++ % mine.segments.length]!;
    const version = state.versions.get(segment.id)!;
    const response = await client.request('PATCH', `/api/segments/${segment.id}`, { text: editedText(segment.mt, version), version });
    // After a failed save, ask for the stored version so that one error does not turn into a run of 409s.
    const stored = response.status === 200 ? response : await client.request('GET', `/api/segments/${segment.id}`);
    state.versions.set(segment.id, (JSON.parse(stored.body) as { version: number }).version);
    return response;
  };
}

function saveRows(authentication: string, results: LoadResult[], target: Row['target'], compareTo: Row['compareTo']): Row[] {
  const errors = results.reduce((sum, result) => sum + result.errors, 0);
  notes.push(
    `Saves with ${authentication}: ${count(results.reduce((sum, result) => sum + result.latencies.length, 0))} PATCH requests, ${errors} non-2xx or failed.`,
  );
  return [
    {
      measure: `save, PATCH /api/segments/:id, ${authentication}, ${CLIENTS} clients (saves/s)`,
      samples: results.map((result) => result.perSecond),
      target,
      compareTo,
    },
    { measure: `save latency p50, ${authentication} (ms)`, samples: results.map((result) => percentile(result.latencies, 50)) },
    {
      measure: `save latency p99, ${authentication} (ms)`,
      samples: results.map((result) => percentile(result.latencies, 99)),
      target: { atMost: 50 },
    },
    { measure: `save errors, ${authentication} (all runs)`, samples: [errors], target: { atMost: 0 } },
  ];
}

/** A one-word correction that differs for every version, so each save is a real edit. */
function editedText(mt: string, version: number): string {
  const words = mt.split(' ');
  words[(version * 7) % words.length] = `revised${version}`;
  return words.join(' ');
}

/** The load average tells how busy the shared host was while we measured. */
const loadAverage = () => os.loadavg()[0]!.toFixed(1);
const loadAtStart = loadAverage();

function machine(): string {
  const cpus = os.cpus();
  return (
    `Node ${process.version}, ${os.platform()}/${os.arch()}, ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown'}), ` +
    `1-min load average ${loadAtStart} at the start and ${loadAverage()} at the end, NODE_ENV=${process.env.NODE_ENV ?? '(unset)'}.`
  );
}

/** HTER and chrF of the whole article, in-process, after the saves edited its sentences. */
function measureQuality(databasePath: string, articleId: number): Row[] {
  const { db } = openMigratedDatabase(databasePath);
  try {
    const result = benchQuality(createServices(db), articleId, RUNS);
    notes.push(
      `Quality: ${count(result.changedSegments)} of ${count(result.segments)} segments differ from the MT when the metrics are timed.`,
    );
    return [
      { measure: 'HTER + chrF of the whole article, computed from scratch (ms)', samples: result.metricsColdMs },
      { measure: 'recount of the stored figures, metrics cache filled (ms)', samples: result.recountMs },
      {
        measure: 'quality report view model from stored figures, in-process (ms)',
        samples: result.reportViewModelMs,
        target: { atMost: 50 },
      },
      { measure: 'quality report page rendered, in-process (ms)', samples: result.reportHtmlMs, target: { atMost: 50 } },
    ];
  } finally {
    db.close();
  }
}

/**
 * The requests that once froze the server, at full size, with the event loop watched (issue 7
 * item 10): the longest block is what every other user waited. The wall-clock block counts the
 * neighbours on a shared machine too; the CPU time of the longest step is the app's own part.
 */
async function measureEventLoopRows(): Promise<Row[]> {
  const rows: Row[] = [];
  const addRows = (answers: HeavyRequest[], totalTarget?: Row['target']) => {
    for (const label of new Set(answers.map((answer) => answer.label))) {
      const mine = answers.filter((answer) => answer.label === label);
      const failed = mine.filter((answer) => answer.status >= 400);
      if (failed.length > 0) notes.push(`Warning: ${label} answered ${failed[0]!.status}.`);
      rows.push(
        { measure: `${label}: total (ms)`, samples: mine.map((answer) => answer.totalMs), target: totalTarget },
        { measure: `${label}: longest event-loop block (ms)`, samples: mine.map((answer) => answer.maxBlockMs) },
        { measure: `${label}: CPU of the longest step (ms)`, samples: mine.map((answer) => answer.maxBlockCpuMs), target: { atMost: 100 } },
      );
    }
  };
  const inFreshDatabase = async <T>(name: string, measure: (services: ReturnType<typeof createServices>, db: Db) => Promise<T>) => {
    const { db } = openMigratedDatabase(tempDatabase(name));
    try {
      return await measure(createServices(db), db);
    } finally {
      db.close();
    }
  };
  const imported = await inFreshDatabase('import-events', (services) => measureHeavyImport(services, settings.BENCH_IMPORT_SENTENCES));
  notes.push(
    `Event-loop import: ${count(imported.segments)} segments stored; its longest step ended ${Math.round(imported.longestStepAtMs)} ms ` +
      `after the request started (of ${Math.round(imported.totalMs)} ms).`,
  );
  addRows([imported]);
  const stored = settings.BENCH_STORED_SEGMENTS;
  addRows(
    await inFreshDatabase('overview-events', (services, db) =>
      measureQualityReads(services, db, { articles: 100, segmentsPerArticle: stored / 100, what: 'overview', times: RUNS }),
    ),
    { atMost: 50 },
  );
  addRows(
    await inFreshDatabase('report-events', (services, db) =>
      measureQualityReads(services, db, { articles: 1, segmentsPerArticle: stored, what: 'report' }),
    ),
  );
  notes.push(
    `Event-loop rows: the overview over 100 articles of ${count(stored / 100)} generated segments, the report of one article of ${count(stored)} (one in ten reviewed), ` +
      'built with direct SQL and counted by ArticleStats.recount; the app in the bench process, asked over HTTP.',
  );
  return rows;
}

/** Search over BENCH_SEARCH_SEGMENTS stored segments, in-process (the target: 50 ms at 1,000,000). */
async function measureSearch(): Promise<Row[]> {
  const articles = 5;
  const { db } = openMigratedDatabase(tempDatabase('search'));
  try {
    const result = await benchSearch(db, {
      articles,
      segmentsPerArticle: Math.floor(settings.BENCH_SEARCH_SEGMENTS / articles),
      runs: REQUESTS,
    });
    notes.push(
      `Search: ${count(result.segments)} segments in ${articles} articles, built with SQL inserts (indexed by SearchIndex.sync) ` +
        `in ${result.buildSeconds.toFixed(0)} s. Totals: ` +
        result.timings.map((timing) => `${timing.label} ${timing.totalCapped ? 'more than ' : ''}${count(timing.total)}`).join('; ') +
        '.',
    );
    return result.timings.map((timing) => ({
      measure: `search ${count(result.segments)} segments, ${timing.label}, first 50 (ms)`,
      samples: timing.samples,
      target: { atMost: 50 },
    }));
  } finally {
    db.close();
  }
}

/** What QA findings add to a save (in-process, after the other measures: it edits the article again). */
async function measureFindings(databasePath: string, articleId: number): Promise<Row[]> {
  const { db } = openMigratedDatabase(databasePath);
  try {
    const services = createServices(db);
    const { username } = db.prepare('SELECT username FROM users ORDER BY id LIMIT 1').get() as { username: string };
    const result = await benchFindings({ ...services, db }, articleId, services.accounts.activeActor(username), RUNS);
    notes.push(
      `QA findings: ${count(result.segments)} sentences saved and refreshed per run, with ${result.glossaryEntries} glossary entries; ` +
        'a save includes its findings refresh.',
    );
    const save: Row = { measure: 'save in-process, SegmentService write path with findings refresh (µs/save)', samples: result.saveUs };
    return [
      save,
      {
        measure: 'QA findings refresh of one sentence, runChecks + matching + counts (µs)',
        samples: result.refreshUs,
        target: { atMost: 1_000 },
        compareTo: { row: save, label: 'of a save' },
      },
    ];
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  if (settings.BENCH_ONLY === 'event-loop') return printTable(await measureEventLoopRows(), started);
  const baselines = await measureBaselines();
  const imported = await measureImport(baselines);
  const server = await measureServer(imported.databasePath, imported.articleId, baselines);
  const quality = measureQuality(imported.databasePath, imported.articleId);
  const eventLoop = await measureEventLoopRows();
  const search = await measureSearch();
  const replace = await benchReplace({
    databasePath: tempDatabase('replace'),
    segments: settings.BENCH_REPLACE_SEGMENTS,
    matches: settings.BENCH_REPLACE_SEGMENTS / 10,
    runs: RUNS,
  });
  notes.push(...replace.notes);
  const qa = await measureFindings(imported.databasePath, imported.articleId);
  const interchange = await benchInterchange(RUNS, () => tempDatabase('xliff'));
  // The load generator's own memory (it holds the article and every latency): for context, not the app's target.
  const benchPeak: Row = {
    measure: 'bench process (load generator) peak RSS, maxRSS (MB)',
    samples: [process.resourceUsage().maxRSS / 1024],
  };
  const rows = [
    baselines.insert,
    baselines.commits,
    baselines.trivialLoad,
    baselines.trivialGet,
    ...imported.rows,
    ...server,
    ...quality,
    ...eventLoop,
    ...search,
    ...replace.rows,
    ...qa,
    ...interchange,
    benchPeak,
  ];
  printTable(rows, started);
}

function printTable(rows: Row[], started: number): void {
  console.log('# Redline benchmark\n');
  console.log(renderTable(rows));
  console.log();
  for (const line of notes) console.log(`- ${line}`);
  console.log(`- ${machine()}`);
  console.log(
    `- ${RUNS} runs per throughput (BENCH_RUNS), ${REQUESTS} requests per latency after 3 warm-ups (BENCH_REQUESTS): ` +
      `median and min–max. Whole bench ${Math.round((performance.now() - started) / 1000)} s.`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
