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
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${source}`).all(1, 500, 1) as { detail: string }[]).map((step) => step.detail);
      expect(plan.join('\n')).toContain('SEARCH segments USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)');
      expect(plan.join('\n')).not.toMatch(/idx_segments/);
    } finally {
      db.close();
    }
  });
});
