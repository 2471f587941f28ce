import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli';
import { measureEventLoop } from '../../src/bench/eventLoop';
import { createTestApp, importViaApi, TEST_PASSWORD_COST } from '../helpers/app';

const BUSY_MESSAGE = 'The database is busy (another Redline process is writing). Nothing was saved; try again in a few seconds.';
const FULL_MESSAGE = "The server's disk is full; tell your administrator. Nothing was saved.";
/** A short retry window, so that giving up is quick to test (the server's is 5 s). */
const BUSY_RETRY = { maxMs: 400, delaysMs: [5, 10, 20, 50] };

const sentences = (n: number) => Array.from({ length: n }, (_, index) => `Sentence number ${index + 1} is here.`).join(' ');

function fileApp() {
  const databasePath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'redline-lock-')), 'redline.sqlite');
  const testApp = createTestApp({ databasePath, busyRetry: BUSY_RETRY });
  // Another process's connection (a CLI import, a second server): a transaction that holds the write lock.
  const other = new Database(databasePath);
  const holdLock = () => other.prepare('BEGIN IMMEDIATE').run();
  const releaseLock = () => other.prepare('ROLLBACK').run();
  return { testApp, other, holdLock, releaseLock };
}

describe('A locked database', () => {
  it('when another process holds the write lock past the retry window, then a save answers 503 with Retry-After, nothing changes and the event loop never stalls', async () => {
    const { testApp, other, holdLock, releaseLock } = fileApp();
    const article = await importViaApi(testApp, 'One sentence here. Another one there.');
    const segment = article.segments[0]!;
    const client = await testApp.api('editor');

    holdLock();
    const { result: save, maxMs } = await measureEventLoop(() =>
      client.patch(`/api/segments/${segment.id}`).send({ text: 'Changed.', version: 1 }),
    );
    releaseLock();

    expect(save.status).toBe(503);
    expect(save.headers['retry-after']).toBe('5');
    expect(save.body.error).toMatchObject({ code: 'database_busy', message: BUSY_MESSAGE });
    // The retries wait on timers: other requests were served all along (a sleeping busy_timeout would show as ~5,000 ms).
    expect(maxMs).toBeLessThan(100);
    expect(testApp.services.segments.get(segment.id)).toMatchObject({ version: 1, text: 'One sentence here.' });
    other.close();
  });

  it('when the lock is released while saves and an import wait, then they land without an error', async () => {
    const { testApp, other, holdLock, releaseLock } = fileApp();
    const article = await importViaApi(testApp, 'One sentence here. Another one there.');
    const client = await testApp.api('editor');
    const admin = await testApp.api('admin');

    holdLock();
    setTimeout(releaseLock, 150);
    const [save, imported] = await Promise.all([
      client.patch(`/api/segments/${article.segments[1]!.id}`).send({ text: 'Another one here.', version: 1 }),
      admin.post('/api/articles').send({ text: sentences(1_200) }),
    ]);
    expect([save.status, imported.status]).toEqual([200, 201]);
    expect(testApp.services.segments.get(article.segments[1]!.id).text).toBe('Another one here.');
    expect(imported.body.segmentCount).toBe(1_200);
    other.close();
  });
});

describe('A full disk', () => {
  it('when the database cannot grow, then an import and a save answer 507 saying so, and nothing is left behind', async () => {
    const testApp = createTestApp();
    const article = await importViaApi(testApp, 'One sentence here.');
    const client = await testApp.api('admin');
    // SQLite answers SQLITE_FULL when the database would pass max_page_count, as when the disk is full.
    const pages = testApp.db.pragma('page_count', { simple: true }) as number;
    testApp.db.pragma(`max_page_count = ${pages}`);

    const imported = await client
      .post('/api/articles')
      .set('Idempotency-Key', 'full-disk')
      .send({ text: sentences(3_000) });
    expect(imported.status).toBe(507);
    expect(imported.body.error).toMatchObject({ code: 'disk_full', message: FULL_MESSAGE });
    const save = await client.patch(`/api/segments/${article.segments[0]!.id}`).send({ text: 'x'.repeat(20_000), version: 1 });
    expect(save.status).toBe(507);
    expect(save.body.error.message).toBe(FULL_MESSAGE);

    const count = (table: string) => (testApp.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect([count('articles'), count('segments'), count('idempotency_keys')]).toEqual([1, 1, 0]);
    expect(testApp.services.segments.get(article.segments[0]!.id).version).toBe(1);
  });

  describe('for the CLI', () => {
    const mountPoint = path.join(os.tmpdir(), `redline-full-${process.pid}`);
    afterEach(() => {
      try {
        execFileSync('umount', [mountPoint], { stdio: 'ignore' });
      } catch {
        // not mounted
      }
    });

    /** A small file system of its own (tmpfs), when this machine lets the test mount one (root on Linux); CI runs it. */
    function smallDisk(): boolean {
      try {
        fs.mkdirSync(mountPoint, { recursive: true });
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1200k', 'tmpfs', mountPoint], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    }

    it('when the disk fills during `redline import`, then it prints the same message and exits 1', async (context) => {
      if (!smallDisk()) return context.skip();
      const env = { ...process.env, REDLINE_DB: path.join(mountPoint, 'redline.sqlite') };
      const io = (out: string[]) => ({ stdout: () => undefined, stderr: (text: string) => out.push(text), stdin: () => undefined, env });
      expect(await runCli(['list'], io([]), { passwordCost: TEST_PASSWORD_COST })).toBe(0);
      const file = path.join(os.tmpdir(), `redline-big-${process.pid}.txt`);
      fs.writeFileSync(file, sentences(40_000));

      const stderr: string[] = [];
      expect(await runCli(['import', file], io(stderr), { passwordCost: TEST_PASSWORD_COST })).toBe(1);
      expect(stderr.at(-1)).toBe(`redline: ${FULL_MESSAGE}\n`);
      // What was written stays hidden ('importing') until it is removed: no list shows it.
      const listed: string[] = [];
      await runCli(['list'], { ...io([]), stdout: (text) => void listed.push(String(text)) }, { passwordCost: TEST_PASSWORD_COST });
      expect(listed).toEqual([]);
    });
  });
});
