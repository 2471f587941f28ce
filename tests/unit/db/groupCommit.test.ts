import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/database';
import { GroupCommit } from '../../../src/db/groupCommit';

function setup() {
  const db = openDatabase(':memory:');
  db.exec('CREATE TABLE saves (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO saves (text) VALUES (?)');
  // Like SegmentService: each save is its own (nested) transaction, so it becomes a savepoint.
  const save = (text: string, fail = false) =>
    db.transaction(() => {
      insert.run(text);
      if (fail) throw new Error(`refused ${text}`);
      return text;
    })();
  const texts = () => (db.prepare('SELECT text FROM saves ORDER BY id').all() as { text: string }[]).map((row) => row.text);
  return { db, save, texts, writes: new GroupCommit(db) };
}

describe('GroupCommit', () => {
  it('when saves arrive together, then they share one commit and each caller gets its own result', async () => {
    const { db, save, texts, writes } = setup();
    // Count the outermost transactions opened (each one is a commit).
    let commits = 0;
    const originalTransaction = db.transaction.bind(db);
    db.transaction = ((fn: (...args: unknown[]) => unknown) => {
      const wrapped = originalTransaction(fn);
      if (!db.inTransaction) commits++;
      return wrapped;
    }) as typeof db.transaction;
    const results = await Promise.all(['a', 'b', 'c'].map((text) => writes.run(() => save(text))));
    expect(results).toEqual(['a', 'b', 'c']);
    expect(texts()).toEqual(['a', 'b', 'c']);
    expect(commits).toBe(1);
  });

  it('when one save in a batch is refused, then only its writes are rolled back and only its caller sees the error', async () => {
    const { save, texts, writes } = setup();
    const outcomes = await Promise.allSettled([
      writes.run(() => save('kept 1')),
      writes.run(() => save('refused', true)),
      writes.run(() => save('kept 2')),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason.message).toBe('refused refused');
    expect(texts()).toEqual(['kept 1', 'kept 2']);
  });

  it('when the commit itself fails, then every save in the batch fails and nothing is stored', async () => {
    const { db, save, texts, writes } = setup();
    // A deferred foreign key is checked at COMMIT: the whole batch's commit fails.
    db.exec(`CREATE TABLE parents (id INTEGER PRIMARY KEY);
             CREATE TABLE children (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED)`);
    const orphan = db.prepare('INSERT INTO children (parent_id) VALUES (42)');
    const outcomes = await Promise.allSettled([writes.run(() => save('x')), writes.run(() => orphan.run())]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect(texts()).toEqual([]);
  });

  it('when the disk fills mid-batch (SQLite then rolls back the whole transaction), then every save of the batch fails with SQLITE_FULL', async () => {
    const { db, save, texts, writes } = setup();
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const outcomes = await Promise.allSettled([writes.run(() => save('small')), writes.run(() => save('x'.repeat(100_000))), writes.run(() => save('after'))]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(outcomes.map((outcome) => ((outcome as PromiseRejectedResult).reason as { code: string }).code)).toEqual(['SQLITE_FULL', 'SQLITE_FULL', 'SQLITE_FULL']);
    db.pragma('max_page_count = 1000000');
    expect(texts()).toEqual([]);
    await writes.run(() => save('next batch'));
    expect(texts()).toEqual(['next batch']);
  });
});
