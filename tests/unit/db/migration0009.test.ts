import { describe, expect, it } from 'vitest';
import { ArticleRepository } from '../../../src/articles/articleRepository';
import { migrate } from '../../../src/db/migrate';
import { migrationsDir } from '../../../src/paths';
import { databaseAtSchema } from '../../helpers/schema';

describe('Migration 0009', () => {
  it('when a database with a kept XLIFF document is migrated, then the document reads back whole, its text in a table of its own', () => {
    const db = databaseAtSchema(8);
    const at = '2026-12-01T10:15:00.000Z';
    db.prepare(
      `INSERT INTO articles (id, title, format, leading, created_by, created_at, updated_at, state) VALUES (1, 'Kept', 'xliff', '', 'Ada', ?, ?, 'ready')`,
    ).run(at, at);
    const content = '\uFEFF<?xml version="1.0"?>\n<xliff version="2.0">… é 😀</xliff>\n';
    db.prepare(`INSERT INTO article_documents (article_id, kind, file_name, content, meta) VALUES (1, 'xliff-2.0', 'kept.xlf', ?, '{"encoding":"utf-8"}')`).run(
      content,
    );

    expect(migrate(db, migrationsDir).from).toBe(8);

    expect(new ArticleRepository(db).document(1)).toEqual({ kind: 'xliff-2.0', fileName: 'kept.xlf', content, meta: '{"encoding":"utf-8"}' });
    const columns = (db.pragma('table_info(article_documents)') as { name: string }[]).map((column) => column.name);
    expect(columns).not.toContain('content');
    db.prepare(`DELETE FROM articles WHERE id = 1`).run();
    expect(db.prepare(`SELECT count(*) FROM article_document_texts`).pluck().get()).toBe(0);
  });
});
