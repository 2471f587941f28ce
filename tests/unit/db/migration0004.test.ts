import { describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/database';
import { migrate } from '../../../src/db/migrate';
import { migrationsDir } from '../../../src/paths';
import { SearchIndex } from '../../../src/search/searchIndex';
import { databaseAtSchema } from '../../helpers/schema';

/** A database at schema 3 (before blocks, AUTOINCREMENT and the review tools), filled the way Redline 3 wrote it. */
function databaseAtVersion3(sentences: number): Db {
  const db = databaseAtSchema(3);
  const at = '2026-11-30T10:15:00.000Z';
  db.prepare(`INSERT INTO articles (id, title, format, leading, created_by, created_at, updated_at) VALUES (1, 'Long', 'text', '', 'Ada', ?, ?)`).run(at, at);
  db.prepare(`INSERT INTO articles (id, title, format, leading, created_by, created_at, updated_at) VALUES (2, 'Short', 'text', '', 'Ada', ?, ?)`).run(at, at);
  const insertSegment = db.prepare(
    `INSERT INTO segments (article_id, position, paragraph, kind, mt, separator, text, status, version, updated_by, updated_at)
     VALUES (?, ?, ?, 'sentence', ?, ' ', ?, 'new', 1, 'Ada', ?)`,
  );
  for (let position = 0; position < sentences; position++) insertSegment.run(1, position, Math.floor(position / 10), `Sentence ${position}.`, `Sentence ${position}.`, at);
  insertSegment.run(2, 0, 0, 'The comfort force.', 'The reassurance force.', at);
  db.exec(`INSERT INTO revisions (segment_id, article_id, version, action, text, status, author, created_at)
           SELECT id, article_id, 1, 'import', mt, 'new', 'Ada', updated_at FROM segments`);
  const edited = db.prepare(`SELECT id FROM segments WHERE article_id = 2`).get() as { id: number };
  db.prepare(`UPDATE segments SET status = 'edited', version = 2 WHERE id = ?`).run(edited.id);
  db.prepare(
    `INSERT INTO revisions (segment_id, article_id, version, action, text, status, author, editing_seconds, created_at)
     VALUES (?, 2, 2, 'edit', 'The reassurance force.', 'edited', 'Ada', 12.25, ?)`,
  ).run(edited.id, at);
  db.prepare(
    `INSERT INTO mqm_annotations (segment_id, article_id, span_start, span_end, category, severity, version, author, created_at, updated_by, updated_at)
     VALUES (?, 2, 4, 17, 'terminology', 'major', 1, 'Ada', ?, 'Ada', ?)`,
  ).run(edited.id, at, at);
  return db;
}

describe('Migration 0004', () => {
  it('when a filled schema-3 database is migrated, then every segment keeps its reading position, text and history', () => {
    const db = databaseAtVersion3(2_500);
    const before = db.prepare(`SELECT id, article_id AS articleId, position, text, status, version FROM segments ORDER BY id`).all();
    const revisionsBefore = db.prepare(`SELECT id, segment_id, version, action, text FROM revisions ORDER BY id`).all();

    expect(migrate(db, migrationsDir).from).toBe(3);

    const after = db
      .prepare(
        `SELECT s.id, s.article_id AS articleId, b.start + s.slot AS position, s.text, s.status, s.version
           FROM segments s JOIN article_blocks b ON b.article_id = s.article_id AND b.block = s.block ORDER BY s.id`,
      )
      .all();
    expect(after).toEqual(before);
    expect(db.prepare(`SELECT id, segment_id, version, action, text FROM revisions ORDER BY id`).all()).toEqual(revisionsBefore);
    // 2,500 sentences: blocks of 1,024, 1,024 and 452.
    expect(db.prepare(`SELECT block, start, size FROM article_blocks WHERE article_id = 1 ORDER BY block`).all()).toEqual([
      { block: 0, start: 0, size: 1024 },
      { block: 1, start: 1024, size: 1024 },
      { block: 2, start: 2048, size: 452 },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('when migrated, then measured editing time, people changes per hour and the search index are filled', () => {
    const db = databaseAtVersion3(3);
    migrate(db, migrationsDir);
    expect(db.prepare(`SELECT editing_ms AS ms FROM segments WHERE article_id = 2`).get()).toEqual({ ms: 12_250 });
    expect(db.prepare(`SELECT article_id AS articleId, hour, count FROM article_change_hours`).all()).toEqual([
      { articleId: 2, hour: '2026-11-30T10', count: 1 },
    ]);
    const found = db.prepare(`SELECT rowid FROM segment_search WHERE segment_search MATCH ?`);
    const edited = db.prepare(`SELECT id FROM segments WHERE article_id = 2`).get() as { id: number };
    expect(found.all('"comfort force"')).toEqual([{ rowid: edited.id }]);
    expect(found.all('"REASSURANCE"')).toEqual([{ rowid: edited.id }]);
  });

  it('when the newest article is deleted after the migration, then a new article never gets its id again', () => {
    const db = databaseAtVersion3(3);
    migrate(db, migrationsDir);
    const newestSegment = (db.prepare(`SELECT max(id) AS id FROM segments`).get() as { id: number }).id;
    db.prepare(`DELETE FROM articles WHERE id = 2`).run();
    const at = new Date().toISOString();
    const { lastInsertRowid } = db
      .prepare(`INSERT INTO articles (title, format, leading, created_by, created_at, updated_at) VALUES ('New', 'text', '', 'Ada', ?, ?)`)
      .run(at, at);
    expect(Number(lastInsertRowid)).toBe(3);
    const segment = db
      .prepare(
        `INSERT INTO segments (article_id, block, slot, paragraph, kind, mt, separator, text, status, version, updated_by, updated_at)
         VALUES (3, 0, 0, 0, 'sentence', 'New.', '', 'New.', 'new', 1, 'Ada', ?)`,
      )
      .run(at);
    expect(Number(segment.lastInsertRowid)).toBe(newestSegment + 1);
  });

  it('when the search index is kept in step (migration 0006), then a changed text is found and the old one is not', () => {
    const db = databaseAtVersion3(3);
    migrate(db, migrationsDir);
    const index = new SearchIndex(db);
    const segment = db.prepare(`SELECT id FROM segments WHERE article_id = 1 AND slot = 1`).get() as { id: number };
    const found = (phrase: string) => db.prepare(`SELECT rowid FROM segment_search WHERE segment_search MATCH ?`).all(`"${phrase}"`);
    expect(found('Sentence 1.')).toEqual([{ rowid: segment.id }]); // indexed by the migration
    db.prepare(`UPDATE segments SET text = 'Tariffs rose.' WHERE id = ?`).run(segment.id);
    index.sync();
    expect(found('tariffs')).toEqual([{ rowid: segment.id }]);
    expect(found('Sentence 1.')).toEqual([{ rowid: segment.id }]); // the MT still stands
    db.prepare(`DELETE FROM articles WHERE id = 1`).run();
    index.sync();
    expect(found('tariffs')).toEqual([]);
  });
});
