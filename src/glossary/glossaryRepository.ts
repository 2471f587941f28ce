import type { Db } from '../db/database';
import type { GlossaryEntry } from './model';

const ENTRY_COLUMNS = `id, article_id AS articleId, term, preferred, note, match_case AS matchCase, whole_word AS wholeWord, version,
  created_by AS createdBy, user_id AS userId, created_at AS createdAt, updated_by AS updatedBy, updated_at AS updatedAt`;

type EntryRow = Omit<GlossaryEntry, 'matchCase' | 'wholeWord'> & { matchCase: number; wholeWord: number };

/** What an insert or update writes. */
export interface StoredFields {
  term: string;
  preferred: string;
  note: string | null;
  matchCase: boolean;
  wholeWord: boolean;
  author: string;
  userId: number | null;
  at: string;
}

const toEntry = (row: EntryRow): GlossaryEntry => ({ ...row, matchCase: row.matchCase === 1, wholeWord: row.wholeWord === 1 });

/** SQL for glossary entries; private to src/glossary. Statements are prepared once per handle. */
export class GlossaryRepository {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      find: db.prepare(`SELECT ${ENTRY_COLUMNS} FROM glossary_entries WHERE id = ?`),
      // `article_id IS ?` matches NULL (the shared glossary) as well as an article's id.
      byScope: db.prepare(`SELECT ${ENTRY_COLUMNS} FROM glossary_entries WHERE article_id IS ? ORDER BY lower(term), id`),
      insert: db.prepare(
        `INSERT INTO glossary_entries (article_id, term, preferred, note, match_case, whole_word, version, created_by, user_id, created_at,
                                       updated_by, updated_at)
         VALUES (@articleId, @term, @preferred, @note, @matchCase, @wholeWord, 1, @author, @userId, @at, @author, @at)`,
      ),
      update: db.prepare(
        `UPDATE glossary_entries
            SET term = @term, preferred = @preferred, note = @note, match_case = @matchCase, whole_word = @wholeWord,
                version = version + 1, updated_by = @author, updated_at = @at
          WHERE id = @id AND version = @previousVersion`,
      ),
      delete: db.prepare(`DELETE FROM glossary_entries WHERE id = ? AND version = ?`),
    };
  }

  find(id: number): GlossaryEntry | undefined {
    const row = this.statements.find.get(id) as EntryRow | undefined;
    return row && toEntry(row);
  }

  /** The shared glossary (null) or an article's, in term order. */
  byScope(articleId: number | null): GlossaryEntry[] {
    return (this.statements.byScope.all(articleId) as EntryRow[]).map(toEntry);
  }

  insert(articleId: number | null, fields: StoredFields): number {
    const { lastInsertRowid } = this.statements.insert.run({ articleId, ...flags(fields) });
    return Number(lastInsertRowid);
  }

  /** Writes the fields as the next version; false when the entry is not at `previousVersion` (any more). */
  update(id: number, previousVersion: number, fields: StoredFields): boolean {
    return this.statements.update.run({ id, previousVersion, ...flags(fields) }).changes === 1;
  }

  delete(id: number, version: number): boolean {
    return this.statements.delete.run(id, version).changes === 1;
  }
}

function flags(fields: StoredFields) {
  return { ...fields, matchCase: fields.matchCase ? 1 : 0, wholeWord: fields.wholeWord ? 1 : 0 };
}
