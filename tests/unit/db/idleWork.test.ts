import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/database';
import { GroupCommit } from '../../../src/db/groupCommit';
import { IdleWork } from '../../../src/db/idleWork';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const QUIET_MS = 30;
const PAUSE_MS = 10;

function setUp(stepsToDo: number, quietMs = QUIET_MS, file = ':memory:') {
  const db = openDatabase(file);
  db.exec(`CREATE TABLE t (x INTEGER)`);
  const writes = new GroupCommit(db);
  const steps: { at: number; inTransaction: boolean }[] = [];
  const work = new IdleWork(
    writes,
    () => {
      steps.push({ at: performance.now(), inTransaction: db.inTransaction });
      return steps.length < stepsToDo;
    },
    quietMs,
    PAUSE_MS,
  );
  return { db, writes, steps, work };
}

describe('IdleWork', () => {
  it('when work is wanted, then its steps run one by one in transactions once the writes are quiet, until a step says it is done', async () => {
    const { db, writes, steps, work } = setUp(3);
    // The quiet time counts from when the write was queued.
    const wroteAt = performance.now();
    await writes.run(() => db.prepare(`INSERT INTO t (x) VALUES (1)`).run());
    work.wanted();
    work.wanted(); // asking twice changes nothing
    await sleep(QUIET_MS * 20);
    expect(steps).toHaveLength(3);
    expect(steps.every((step) => step.inTransaction)).toBe(true);
    // A pause after each step: reading requests get the event loop in between.
    expect(steps[2]!.at - steps[1]!.at).toBeGreaterThanOrEqual(PAUSE_MS - 1);
    expect(steps[0]!.at - wroteAt).toBeGreaterThanOrEqual(QUIET_MS - 1);
    expect(writes.quietForMs()).toBeGreaterThan(QUIET_MS); // its own steps do not count as activity
  });

  // A quiet time far above the pauses between the writes, which a loaded machine may stretch.
  const LONG_QUIET_MS = 200;

  /** Writes (or sends requests) 15 times, 20 ms apart, while work is wanted; then checks that its one step waited for the quiet time after the last. */
  async function expectStepAfterActivity(setUpWrites: (file: string) => { steps: { at: number }[]; write: (n: number) => unknown }) {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'redline-')), 'idle.sqlite');
    const { steps, write } = setUpWrites(file);
    let lastWriteAt = 0;
    for (let n = 0; n < 15; n++) {
      // The quiet time counts from when a write was queued (or, another connection's, noticed).
      lastWriteAt = performance.now();
      await write(n);
      await sleep(20);
    }
    expect(steps).toHaveLength(0);
    await sleep(LONG_QUIET_MS * 4);
    expect(steps).toHaveLength(1);
    expect(steps[0]!.at - lastWriteAt).toBeGreaterThanOrEqual(LONG_QUIET_MS - 1);
  }

  it('when writes keep coming, then no step runs until they stop for the quiet time', async () => {
    await expectStepAfterActivity(() => {
      const { db, writes, steps, work } = setUp(1, LONG_QUIET_MS);
      work.wanted();
      const insert = db.prepare(`INSERT INTO t (x) VALUES (?)`);
      return { steps, write: (n) => writes.run(() => insert.run(n)) };
    });
  });

  it('when another connection (the CLI, a second server) keeps committing, then no step runs until it stops', async () => {
    await expectStepAfterActivity((file) => {
      const { steps, work } = setUp(1, LONG_QUIET_MS, file);
      const insert = openDatabase(file).prepare(`INSERT INTO t (x) VALUES (?)`);
      work.wanted();
      return { steps, write: (n) => insert.run(n) };
    });
  });

  it('when requests keep arriving (postpone), then no step runs until they stop for the quiet time', async () => {
    await expectStepAfterActivity(() => {
      const { steps, work } = setUp(1, LONG_QUIET_MS);
      work.wanted();
      return { steps, write: () => work.postpone() };
    });
  });

  it('when the database is closed before a step, then the step fails quietly and nothing is thrown', async () => {
    const { db, steps, work } = setUp(5);
    work.wanted();
    db.close();
    await sleep(QUIET_MS * 4);
    expect(steps).toHaveLength(0);
  });
});
