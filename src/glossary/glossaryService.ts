import type { Db } from '../db/database';
import { now } from '../clock';
import { AppError, conflict, notFound, unprocessable } from '../errors';
import { hasRole, type Actor } from '../auth/roles';
import type { ArticleService } from '../articles/articleService';
import {
  InterchangeError,
  readGlossaryCsv,
  TbxReader,
  writeGlossaryCsv,
  writeTbx,
  type GlossaryEntry as InterchangeEntry,
} from '../interchange';
import { GlossaryRepository, type StoredFields } from './glossaryRepository';
import {
  entryKey,
  GLOSSARY_LANGUAGE,
  type ArticleTerm,
  type EntryFields,
  type GlossaryAuthor,
  type GlossaryChange,
  type GlossaryEntry,
  type GlossaryImportResult,
} from './model';

export const TERM_MAX = 200;
export const NOTE_MAX = 1_000;
/** One import is one transaction (whole or nothing); this many entries write in well under 100 ms. */
export const IMPORT_MAX_ENTRIES = 20_000;
export const GLOSSARY_FORMATS = ['csv', 'tbx'] as const;
export type GlossaryFormat = (typeof GLOSSARY_FORMATS)[number];

export const messages = {
  empty: (field: string) => `${field} is required: write the form as it stands in the text.`,
  tooLong: (field: string) => `${field} can be at most ${TERM_MAX} characters.`,
  noWord: (field: string) => `${field} needs at least one letter or digit: a glossary matches words.`,
  noteTooLong: `A note can be at most ${NOTE_MAX} characters.`,
  duplicate: (entry: GlossaryEntry) =>
    `“${entry.term}” is already in this glossary (→ “${entry.preferred}”, entry ${entry.id}): edit that entry instead.`,
  staleVersion: (entry: GlossaryEntry) =>
    `This entry was changed by ${entry.updatedBy} (now version ${entry.version}) after you opened it. Look at it again and retry.`,
  sharedNeedsReviewer: 'The shared glossary applies to every article: changing it needs the reviewer role.',
  emptyFile: 'The file holds no glossary entries.',
  noEnglish: (count: number) => `None of the file's ${count} entries is in English (${GLOSSARY_LANGUAGE}), the language of the texts.`,
  tooMany: (count: number) => `The file holds ${count} entries; one import takes at most ${IMPORT_MAX_ENTRIES}. Split the file.`,
  inRow: (where: string, message: string) => `Nothing was imported: ${where}: ${message}`,
};

/** The shared glossary applies to every article, so reviewers and admins keep it; editors may keep an article's own. */
export function mayEditGlossary(actor: Actor | undefined, articleId: number | null): boolean {
  return hasRole(actor, articleId === null ? 'reviewer' : 'editor');
}

/** What else happens inside a glossary write's transaction (src/findings marks the affected articles for a re-check). */
export interface GlossaryHooks {
  changed(articleId: number | null): void;
}

/** A file read and checked, ready to be written by applyImport. */
export interface ParsedGlossary {
  entries: Required<EntryFields>[];
  otherLanguage: number;
}

/**
 * Glossaries: the shared one (articleId null) and one per article, their entries,
 * import and export as CSV or TBX, and the terms the QA checks read. Writes are
 * synchronous (the caller runs them in the write queue); each returns the
 * GlossaryChange the findings re-check needs.
 */
export class GlossaryService {
  private readonly repository: GlossaryRepository;
  private readonly dataVersion;
  /** Bumped by every write of this process; with PRAGMA data_version (other processes' commits) it says when the cache is stale. */
  private generation = 0;
  private cacheStamp = '';
  private sharedTerms: readonly ArticleTerm[] | null = null;
  private readonly termsByArticle = new Map<number, readonly ArticleTerm[]>();

  constructor(
    private readonly db: Db,
    private readonly collaborators: { articles: ArticleService; hooks: GlossaryHooks },
  ) {
    this.repository = new GlossaryRepository(db);
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
  }

  get(id: number): GlossaryEntry {
    const entry = this.repository.find(id);
    if (!entry) throw notFound(`Glossary entry ${id}`);
    return entry;
  }

  /** The entry, when `actor` may edit it: 404 for an unknown id, 403 for a glossary they may not edit. */
  entryToEdit(id: number, actor: Actor): GlossaryEntry {
    const entry = this.get(id);
    assertMayEditGlossary(actor, entry.articleId);
    return entry;
  }

  /** The shared glossary (null) or an existing article's own (404 for an unknown article), in term order. */
  entries(articleId: number | null): GlossaryEntry[] {
    this.checkScope(articleId);
    return this.repository.byScope(articleId);
  }

  create(articleId: number | null, fields: EntryFields, author: GlossaryAuthor): { entry: GlossaryEntry; change: GlossaryChange } {
    this.checkScope(articleId);
    const checked = checkFields(fields);
    return this.write(articleId, () => {
      this.refuseDuplicate(articleId, checked);
      const id = this.repository.insert(articleId, stored(checked, author));
      return { entry: this.get(id), change: { articleId, terms: [checked.term] } };
    });
  }

  /** Changes some fields; the same values again change nothing (no new version). */
  update(
    id: number,
    version: number,
    fields: Partial<EntryFields>,
    author: GlossaryAuthor,
  ): { entry: GlossaryEntry; change: GlossaryChange | null } {
    const current = this.get(id);
    return this.write(current.articleId, () => {
      const entry = this.get(id);
      if (entry.version !== version) throw conflict('stale_version', messages.staleVersion(entry), { current: entry });
      const checked = checkFields({
        term: fields.term ?? entry.term,
        preferred: fields.preferred ?? entry.preferred,
        note: fields.note === undefined ? entry.note : fields.note,
        matchCase: fields.matchCase ?? entry.matchCase,
        wholeWord: fields.wholeWord ?? entry.wholeWord,
      });
      if (sameFields(entry, checked)) return { entry, change: null };
      this.refuseDuplicate(entry.articleId, checked, entry.id);
      this.repository.update(id, version, stored(checked, author));
      return { entry: this.get(id), change: { articleId: entry.articleId, terms: [entry.term, checked.term] } };
    });
  }

  remove(id: number, version: number): { entry: GlossaryEntry; change: GlossaryChange } {
    const current = this.get(id);
    return this.write(current.articleId, () => {
      const entry = this.get(id);
      if (!this.repository.delete(id, version)) throw conflict('stale_version', messages.staleVersion(entry), { current: entry });
      return { entry, change: { articleId: entry.articleId, terms: [entry.term] } };
    });
  }

  /**
   * Reads an uploaded CSV or TBX file (by its name, else by its first character) and checks every
   * entry; throws 422 naming the first bad one. TBX is read in steps so a big file never holds the server.
   */
  async parseFile(bytes: Uint8Array, fileName = ''): Promise<ParsedGlossary> {
    let read: InterchangeEntry[];
    try {
      read = isTbx(bytes, fileName) ? await readTbxInSteps(bytes) : readGlossaryCsv(bytes, { language: GLOSSARY_LANGUAGE });
    } catch (error) {
      if (error instanceof InterchangeError) throw unprocessable(error.code, error.message);
      throw error;
    }
    const inLanguage = read.filter((entry) => primaryLanguage(entry.language) === GLOSSARY_LANGUAGE);
    if (read.length === 0) throw unprocessable('empty_glossary', messages.emptyFile);
    if (inLanguage.length === 0) throw unprocessable('no_english_entries', messages.noEnglish(read.length));
    if (inLanguage.length > IMPORT_MAX_ENTRIES) throw unprocessable('too_many_entries', messages.tooMany(inLanguage.length));
    const entries = inLanguage.map((entry, index) => {
      try {
        return checkFields(entry);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const where = `entry ${index + 1} (“${entry.term.slice(0, 60)}”)`;
        throw unprocessable(error.code, messages.inRow(where, error.message), { entry: index + 1 });
      }
    });
    return { entries, otherLanguage: read.length - inLanguage.length };
  }

  /**
   * Writes a parsed file into a glossary as one transaction: an entry with the same term
   * (see entryKey) is updated, the others are added; nothing is deleted.
   */
  applyImport(
    articleId: number | null,
    parsed: ParsedGlossary,
    author: GlossaryAuthor,
  ): { result: GlossaryImportResult; change: GlossaryChange } {
    this.checkScope(articleId);
    return this.write(articleId, () => {
      const existing = new Map(this.repository.byScope(articleId).map((entry) => [entryKey(entry), entry]));
      // The last of several rows with the same term wins, as if they were imported one after the other.
      const incoming = new Map(parsed.entries.map((entry) => [entryKey(entry), entry]));
      const result: GlossaryImportResult = { added: 0, updated: 0, unchanged: 0, otherLanguage: parsed.otherLanguage };
      const terms = new Set<string>();
      for (const [key, fields] of incoming) {
        const entry = existing.get(key);
        terms.add(fields.term);
        if (!entry) {
          this.repository.insert(articleId, stored(fields, author));
          result.added++;
        } else if (sameFields(entry, fields)) {
          result.unchanged++;
        } else {
          this.repository.update(entry.id, entry.version, stored(fields, author));
          terms.add(entry.term);
          result.updated++;
        }
      }
      return { result, change: { articleId, terms: [...terms] } };
    });
  }

  /** The glossary as a file: CSV (term, preferred, note, match_case, whole_word) or TBX-Basic. */
  exportFile(articleId: number | null, format: GlossaryFormat): { body: string; contentType: string; fileName: string } {
    const entries: InterchangeEntry[] = this.entries(articleId).map((entry) => ({
      term: entry.term,
      preferred: entry.preferred,
      ...(entry.note ? { note: entry.note } : {}),
      matchCase: entry.matchCase,
      wholeWord: entry.wholeWord,
      language: GLOSSARY_LANGUAGE,
    }));
    const name = articleId === null ? 'glossary-shared' : `glossary-article-${articleId}`;
    if (format === 'csv') return { body: writeGlossaryCsv(entries), contentType: 'text/csv; charset=utf-8', fileName: `${name}.csv` };
    const title = articleId === null ? 'Redline shared glossary' : `Redline glossary of article ${articleId}`;
    return {
      body: writeTbx(entries, { language: GLOSSARY_LANGUAGE, title }),
      contentType: 'application/x-tbx+xml; charset=utf-8',
      fileName: `${name}.tbx`,
    };
  }

  /**
   * The terms that apply to an article: its own first (they win where both match the same
   * words), then the shared ones. The same array comes back while nothing changed, so the
   * QA checks index it once (src/qa keeps its index per array) and a save reads no rows.
   */
  termsFor(articleId: number): readonly ArticleTerm[] {
    this.dropStaleCache();
    let terms = this.termsByArticle.get(articleId);
    if (!terms) {
      terms = [...this.repository.byScope(articleId).map((entry) => articleTerm(entry)), ...this.sharedGlossaryTerms()];
      // Deleted articles leave entries behind; a bound keeps that harmless.
      if (this.termsByArticle.size >= 10_000) this.termsByArticle.clear();
      this.termsByArticle.set(articleId, terms);
    }
    return terms;
  }

  /** The shared glossary's terms: all a new article's checks have (an import's). */
  sharedGlossaryTerms(): readonly ArticleTerm[] {
    this.dropStaleCache();
    this.sharedTerms ??= this.repository.byScope(null).map((entry) => articleTerm(entry));
    return this.sharedTerms;
  }

  /** The cached terms are stale once any connection changed the database (PRAGMA data_version) or this service wrote. */
  private dropStaleCache(): void {
    const stamp = `${this.generation}:${String(this.dataVersion.get())}`;
    if (stamp !== this.cacheStamp) {
      this.cacheStamp = stamp;
      this.sharedTerms = null;
      this.termsByArticle.clear();
    }
  }

  private write<T>(articleId: number | null, work: () => T): T {
    return this.db
      .transaction(() => {
        this.generation++;
        const outcome = work();
        this.collaborators.hooks.changed(articleId);
        return outcome;
      })
      .immediate();
  }

  private checkScope(articleId: number | null): void {
    if (articleId !== null) this.collaborators.articles.get(articleId);
  }

  private refuseDuplicate(articleId: number | null, fields: EntryFields, exceptId?: number): void {
    const key = entryKey(fields);
    const duplicate = this.repository.byScope(articleId).find((entry) => entry.id !== exceptId && entryKey(entry) === key);
    if (duplicate) throw conflict('duplicate_term', messages.duplicate(duplicate), { entryId: duplicate.id });
  }
}

/** Refuses a write to the shared glossary by someone below reviewer (403). */
export function assertMayEditGlossary(actor: Actor, articleId: number | null): void {
  if (!mayEditGlossary(actor, articleId)) throw new AppError(403, 'forbidden', messages.sharedNeedsReviewer);
}

/** The entry's fields trimmed and checked (422 naming the field). */
export function checkFields(fields: EntryFields): Required<EntryFields> {
  const term = checkForm('term', fields.term);
  const preferred = checkForm('preferred', fields.preferred);
  const note = fields.note?.trim() || null;
  if (note && note.length > NOTE_MAX) throw unprocessable('note_too_long', messages.noteTooLong, { field: 'note' });
  return { term, preferred, note, matchCase: fields.matchCase ?? false, wholeWord: fields.wholeWord ?? true };
}

function checkForm(field: 'term' | 'preferred', value: string): string {
  const form = value.trim().replace(/\s+/gu, ' ');
  if (form === '') throw unprocessable('invalid_input', messages.empty(field), { field });
  if (form.length > TERM_MAX) throw unprocessable('invalid_input', messages.tooLong(field), { field });
  if (!/[\p{L}\p{N}]/u.test(form)) throw unprocessable('invalid_input', messages.noWord(field), { field });
  return form;
}

function sameFields(entry: GlossaryEntry, fields: Required<EntryFields>): boolean {
  return (
    entry.term === fields.term &&
    entry.preferred === fields.preferred &&
    entry.note === fields.note &&
    entry.matchCase === fields.matchCase &&
    entry.wholeWord === fields.wholeWord
  );
}

function stored(fields: Required<EntryFields>, author: GlossaryAuthor): StoredFields {
  return { ...fields, note: fields.note, author: author.name, userId: author.userId, at: now() };
}

function articleTerm(entry: GlossaryEntry): ArticleTerm {
  return {
    id: String(entry.id),
    entryId: entry.id,
    term: entry.term,
    preferred: entry.preferred,
    matchCase: entry.matchCase,
    wholeWord: entry.wholeWord,
    note: entry.note,
    shared: entry.articleId === null,
  };
}

function primaryLanguage(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? '';
}

function isTbx(bytes: Uint8Array, fileName: string): boolean {
  if (/\.(tbx|xml)$/i.test(fileName)) return true;
  if (/\.(csv|tsv|txt)$/i.test(fileName)) return false;
  // No telling name: XML starts with "<" (after a byte-order mark and white space).
  const start = Buffer.from(bytes.subarray(0, 64))
    .toString('latin1')
    .replace(/^(\xef\xbb\xbf|\xfe\xff|\xff\xfe)/, '')
    .replace(/^[\s\0]+/, '');
  return start.startsWith('<');
}

const TBX_STEP_BYTES = 64 * 1024;

/** The TBX reader fed in steps, yielding to the event loop between them. */
async function readTbxInSteps(bytes: Uint8Array): Promise<InterchangeEntry[]> {
  const reader = new TbxReader();
  const entries: InterchangeEntry[] = [];
  for (let offset = 0; offset < bytes.length; offset += TBX_STEP_BYTES) {
    entries.push(...reader.write(bytes.subarray(offset, offset + TBX_STEP_BYTES)));
    await new Promise((resolve) => setImmediate(resolve));
  }
  entries.push(...reader.close().entries);
  return entries;
}
