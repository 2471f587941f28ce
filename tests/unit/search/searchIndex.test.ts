import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/db/database';
import { GroupCommit } from '../../../src/db/groupCommit';
import { migrate } from '../../../src/db/migrate';
import { migrationsDir } from '../../../src/paths';
import { SearchIndex, UNMERGED_WRITES_MAX } from '../../../src/search/searchIndex';
import { databaseAtSchema } from '../../helpers/schema';

/** An article to put segments in, and a way to add them, on a migrated database. */
function withArticle(db: Db): (mt: string) => number {
  const at = '2026-12-01T06:00:00.000Z';
  db.prepare(
    `INSERT INTO articles (id, title, format, leading, created_by, created_at, updated_at) VALUES (1, 'A', 'text', '', 'Ada', ?, ?)`,
  ).run(at, at);
  let slot = 0;
  const insert = db.prepare(
    `INSERT INTO segments (article_id, block, slot, paragraph, kind, mt, separator, text, status, version, updated_by, updated_at)
     VALUES (1, 0, ?, 0, 'sentence', ?, ' ', ?, 'new', 1, 'Ada', ?)`,
  );
  return (mt) => Number(insert.run(slot++, mt, mt, at).lastInsertRowid);
}

function database(): { db: Db; index: SearchIndex; addSegment: (mt: string) => number } {
  const db = openDatabase(':memory:');
  migrate(db, migrationsDir);
  return { db, index: new SearchIndex(db), addSegment: withArticle(db) };
}

const found = (db: Db, phrase: string) =>
  db.prepare(`SELECT rowid FROM segment_search WHERE segment_search MATCH ? ORDER BY rowid`).pluck().all(`"${phrase}"`) as number[];
const pending = (db: Db) => db.prepare(`SELECT count(*) FROM search_pending`).pluck().get() as number;
const indexedThrough = (db: Db) => db.prepare(`SELECT indexed_through FROM search_index_state`).pluck().get() as number;

describe('SearchIndex', () => {
  it('when segments are added, changed and deleted, then sync() indexes exactly their current MT and text and clears the notes', () => {
    const { db, index, addSegment } = database();
    const first = addSegment('The comfort force stays.');
    const second = addSegment('Trump’s prices rose.');
    expect(found(db, 'comfort force')).toEqual([]); // not yet indexed
    expect(pending(db)).toBe(0); // new rows are found by their ids, without a note each
    index.sync();
    expect(found(db, 'comfort force')).toEqual([first]);
    expect(indexedThrough(db)).toBe(second);

    db.prepare(`UPDATE segments SET text = 'Trump’s tariffs rose.' WHERE id = ?`).run(second);
    db.prepare(`UPDATE segments SET status = 'approved' WHERE id = ?`).run(first); // not the words: not noted
    expect(pending(db)).toBe(1);
    index.sync();
    expect(found(db, 'tariffs')).toEqual([second]);
    expect(found(db, 'prices')).toEqual([second]); // its MT still holds them

    db.prepare(`UPDATE segments SET text = mt WHERE id = ?`).run(second);
    db.prepare(`DELETE FROM segments WHERE id = ?`).run(first);
    index.sync();
    expect(found(db, 'tariffs')).toEqual([]);
    expect(found(db, 'comfort')).toEqual([]);
    expect(found(db, 'prices')).toEqual([second]);
  });

  it('when a segment is added and changed before a sync, or its id is used again after a delete, then the index holds only the current words', () => {
    const { db, index, addSegment } = database();
    const id = addSegment('A three -year war.');
    db.prepare(`UPDATE segments SET text = 'A three-year war.' WHERE id = ?`).run(id);
    index.sync();
    expect(found(db, 'three-year')).toEqual([id]);
    db.prepare(`DELETE FROM segments WHERE id = ?`).run(id);
    // INTEGER PRIMARY KEY without AUTOINCREMENT: SQLite may hand out the id of the deleted last row again.
    db.prepare(
      `INSERT INTO segments (id, article_id, block, slot, paragraph, kind, mt, separator, text, status, version, updated_by, updated_at)
       VALUES (?, 1, 0, 0, 0, 'sentence', 'A large -scale plan.', ' ', 'A large -scale plan.', 'new', 1, 'Ada', 'x')`,
    ).run(id);
    index.sync();
    expect(found(db, 'three')).toEqual([]);
    expect(found(db, 'large -scale')).toEqual([id]);
  });

  it('when rows above the mark are changed or deleted before the sync, then only the current words of the rows that remain are indexed', () => {
    const { db, index, addSegment } = database();
    index.sync(); // nothing yet: the mark stays at 0
    expect(indexedThrough(db)).toBe(0);
    const kept = addSegment('Ten percent prices.');
    const removed = addSegment('A doomed sentence.');
    db.prepare(`UPDATE segments SET text = 'Ten percent tariffs.' WHERE id = ?`).run(kept);
    db.prepare(`DELETE FROM segments WHERE id = ?`).run(removed);
    expect(pending(db)).toBe(2); // the triggers note both; sync() needs neither note
    index.sync();
    expect(found(db, 'percent tariffs')).toEqual([kept]);
    expect(found(db, 'percent prices')).toEqual([kept]); // the MT
    expect(found(db, 'doomed')).toEqual([]);
    expect(pending(db)).toBe(0);
    expect(indexedThrough(db)).toBe(removed); // the highest id handed out, even though that row is gone
    const next = addSegment('The doomed plan returned.');
    index.sync();
    expect(found(db, 'doomed')).toEqual([next]);
  });

  it('when up to UNMERGED_WRITES_MAX writes are synced, then none merges; past that each merges a bounded step (FTS5 automerge off)', () => {
    const { db, index, addSegment } = database();
    const config = Object.fromEntries(
      (db.prepare(`SELECT k, v FROM segment_search_config`).all() as { k: string; v: number }[]).map((row) => [row.k, row.v]),
    );
    expect(config).toMatchObject({ automerge: 0, crisismerge: 2 * UNMERGED_WRITES_MAX });
    const totalChanges = db.prepare(`SELECT total_changes()`).pluck();
    const ids: number[] = [];
    const write = (n: number) => {
      for (let row = 0; row < 5; row++) ids.push(addSegment(`Sentence ${n}-${row} of the comfort force.`));
      const before = totalChanges.get() as number;
      index.sync();
      return (totalChanges.get() as number) - before;
    };
    expect(index.unmergedWrites()).toBe(0); // a new database's index is empty
    const quiet = Array.from({ length: UNMERGED_WRITES_MAX }, (_, n) => write(n));
    expect(index.unmergedWrites()).toBe(UNMERGED_WRITES_MAX);
    const busy = Array.from({ length: 8 }, (_, n) => write(UNMERGED_WRITES_MAX + n));
    // Each write's own rows (delete notes, index rows, the count); a merge step rewrites many pages more.
    expect(Math.max(...quiet)).toBeLessThan(Math.min(...busy));
    expect(found(db, 'comfort force')).toEqual(ids);
    expect(found(db, `Sentence ${UNMERGED_WRITES_MAX + 7}-4 `)).toEqual([ids.at(-1)]);
  });

  it('when merge steps run until none is left, then the count of unmerged writes is reset and every row is still found', () => {
    const { db, index, addSegment } = database();
    const ids: number[] = [];
    for (let write = 0; write < 40; write++) {
      for (let row = 0; row < 25; row++) ids.push(addSegment(`Sentence ${write}-${row} of the comfort force.`));
      index.sync();
    }
    expect(index.unmergedWrites()).toBe(40);
    let steps = 0;
    while (index.mergeStep()) steps++;
    expect(steps).toBeGreaterThan(0);
    expect(index.unmergedWrites()).toBe(0);
    expect(index.mergeStep()).toBe(false); // nothing left
    expect(found(db, 'comfort force')).toEqual(ids);
  });

  it('when a write queue is given the sync, then each piece of work ends indexed, and a failed one leaves no note behind', async () => {
    const { db, index, addSegment } = database();
    const writes = new GroupCommit(db, undefined, () => index.sync());
    const saved = writes.run(() => addSegment('Ten percent tariffs.'));
    const refused = writes.run(() => {
      addSegment('A sentence that is never stored.');
      throw new Error('refused');
    });
    const id = await saved;
    await expect(refused).rejects.toThrow('refused');
    expect(found(db, 'percent tariffs')).toEqual([id]);
    expect(found(db, 'never stored')).toEqual([]);
    expect(pending(db)).toBe(0);
  });

  it('when a database of schema 7 (a note per inserted row) is migrated, then its indexed rows stay indexed once and new rows are indexed by id', () => {
    const db = databaseAtSchema(7);
    const addSegment = withArticle(db);
    const old = addSegment('The comfort force.');
    // Schema 7's sync, as that version ran it at the end of the write.
    db.exec(`INSERT INTO segment_search (rowid, mt, text) SELECT s.id, s.mt, '' FROM search_pending p JOIN segments s ON s.id = p.segment_id;
             DELETE FROM search_pending;`);
    migrate(db, migrationsDir);
    expect(indexedThrough(db)).toBe(old);
    const index = new SearchIndex(db);
    const added = addSegment('A comfort force again.');
    expect(pending(db)).toBe(0); // no trigger notes inserted rows any more
    index.sync();
    expect(found(db, 'comfort force')).toEqual([old, added]);
  });
});
