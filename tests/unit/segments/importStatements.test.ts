import { describe, expect, it } from 'vitest';
import { SegmentRepository } from '../../../src/segments/segmentRepository';
import { openMigratedDatabase } from '../../../src/startup';

describe("An import chunk's statements", () => {
  it("when a chunk's first revisions are written, then its segments are found by their id range, not by reading the whole article", () => {
    const { db } = openMigratedDatabase(':memory:');
    try {
      const repository = new SegmentRepository(db);
      // The statement as the repository prepared it (private: what is checked here is SQLite's plan for it).
      const { source } = (repository as unknown as { statements: { insertImportRevisions: { source: string } } }).statements
        .insertImportRevisions;
      const plan = (
        db.prepare(`EXPLAIN QUERY PLAN ${source}`).all({ first: 1, last: 500, articleId: 1, positionOffset: -1 }) as { detail: string }[]
      ).map((step) => step.detail);
      expect(plan.join('\n')).toContain('SEARCH segments USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)');
      expect(plan.join('\n')).not.toMatch(/idx_segments/);
    } finally {
      db.close();
    }
  });

  it("when a chunk's ids do not follow its reading order, then its revision statement takes only the rows in place, which fails the step", () => {
    const { db } = openMigratedDatabase(':memory:');
    try {
      const repository = new SegmentRepository(db);
      const { insertImportRevisions } = (repository as unknown as { statements: { insertImportRevisions: ReturnType<typeof db.prepare> } })
        .statements;
      db.prepare(
        `INSERT INTO articles (id, title, format, leading, created_by, created_at, updated_at) VALUES (1, 'A', 'xliff', '', 'b', 'now', 'now')`,
      ).run();
      const insert = db.prepare(
        `INSERT INTO segments (id, article_id, block, slot, paragraph, kind, mt, separator, text, status, version, updated_by, updated_at)
         VALUES (?, 1, 0, ?, 0, 'sentence', 'MT', ' ', 'MT', 'new', 1, 'b', 'now')`,
      );
      // Ids 1, 2, 3 at reading positions 0, 2, 1: the second and third were swapped.
      insert.run(1, 0);
      insert.run(2, 2);
      insert.run(3, 1);
      expect(insertImportRevisions.run({ first: 1, last: 3, articleId: 1, positionOffset: -1 }).changes).toBe(1);
    } finally {
      db.close();
    }
  });
});
