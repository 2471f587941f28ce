import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CheckpointThread, Checkpoints, COMMITS_BETWEEN_CHECKPOINTS, SAFETY_AUTOCHECKPOINT_PAGES } from '../../../src/db/checkpoints';
import { openDatabase, type Db } from '../../../src/db/database';
import { GroupCommit } from '../../../src/db/groupCommit';
import { QUIET_MS } from '../../../src/db/idleWork';

const thread = new CheckpointThread();
afterAll(() => thread.close());

function fileDatabase(): { db: Db; file: string; writes: GroupCommit } {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'redline-checkpoints-')), 'redline.sqlite');
  const db = openDatabase(file);
  db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)`);
  const checkpoints: { current?: Checkpoints } = {};
  const writes = new GroupCommit(db, undefined, () => checkpoints.current?.written());
  checkpoints.current = new Checkpoints(db, writes, thread);
  return { db, file, writes };
}

/** One commit of ~80 KB (20 pages). */
const writeSome = (db: Db, writes: GroupCommit) =>
  writes.run(() => {
    const insert = db.prepare(`INSERT INTO t (body) VALUES (?)`);
    for (let row = 0; row < 20; row++) insert.run('x'.repeat(4000));
  });

const pagesInFile = (file: string) => fs.statSync(file).size / 4096;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<boolean> {
  for (const giveUpAt = Date.now() + timeoutMs; Date.now() < giveUpAt; await sleep(10)) if (condition()) return true;
  return condition();
}

describe('Checkpoints', () => {
  it("when writes commit, then SQLite's own checkpoint is left as a last resort and the log is copied once the writes pause", async () => {
    const { db, file, writes } = fileDatabase();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(SAFETY_AUTOCHECKPOINT_PAGES);
    const before = pagesInFile(file);
    for (let commit = 0; commit < 20; commit++) await writeSome(db, writes); // 400 pages: past SQLite's usual 250
    expect(pagesInFile(file)).toBe(before); // all still in the log: nothing copied inside the commits
    expect(await until(() => pagesInFile(file) >= before + 400)).toBe(true);
    // The thread did it: a checkpoint now finds every frame of the log already in the file.
    const [state] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
    expect(state!.checkpointed).toBe(state!.log);
    db.close();
  });

  it('when writes never pause, then a checkpoint still runs after COMMITS_BETWEEN_CHECKPOINTS commits, beside them', async () => {
    const { db, file, writes } = fileDatabase();
    const before = pagesInFile(file);
    let copiedWhileWriting = false;
    // Back to back, well within the quiet time, for twice the commits that call for a checkpoint.
    for (let commit = 0; commit < 2 * COMMITS_BETWEEN_CHECKPOINTS; commit++) {
      await writeSome(db, writes);
      await sleep(QUIET_MS / 10);
      if (pagesInFile(file) > before) copiedWhileWriting = true;
    }
    expect(copiedWhileWriting).toBe(true);
    db.close();
  });

  it('when a database file is removed and made again at the same path, then the new one is checkpointed, not the old', async () => {
    const first = fileDatabase();
    await writeSome(first.db, first.writes);
    expect(await until(() => pagesInFile(first.file) >= 20)).toBe(true);
    first.db.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(first.file + suffix, { force: true });

    const db = openDatabase(first.file);
    db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)`);
    const checkpoints: { current?: Checkpoints } = {};
    const writes = new GroupCommit(db, undefined, () => checkpoints.current?.written());
    checkpoints.current = new Checkpoints(db, writes, thread);
    const before = pagesInFile(first.file);
    await writeSome(db, writes);
    expect(await until(() => pagesInFile(first.file) >= before + 20)).toBe(true);
    db.close();
  });

  it('when the database is closed before the writes pause, then no checkpoint is asked for and nothing fails', async () => {
    const { db, writes } = fileDatabase();
    await writeSome(db, writes);
    db.close();
    await sleep(2 * QUIET_MS);
    // The thread still answers for other databases.
    const other = fileDatabase();
    await writeSome(other.db, other.writes);
    expect(await until(() => pagesInFile(other.file) >= 20)).toBe(true);
    other.db.close();
  });
});
