import type { GlossaryTerm } from '../qa/runChecks';

/** One glossary rule: where the MT writes `term`, the text should say `preferred`. */
export interface GlossaryEntry {
  id: number;
  /** null: the shared glossary, which applies to every article. */
  articleId: number | null;
  /** The form the MT writes, or a forbidden variant ("comfort force"). */
  term: string;
  /** The form to write instead ("reassurance force"); equal to `term` for a known term with nothing to replace. */
  preferred: string;
  note: string | null;
  /** Match only with exactly this capitalisation. */
  matchCase: boolean;
  /** Match whole words only ("force" not inside "workforce"). */
  wholeWord: boolean;
  version: number;
  createdBy: string;
  userId: number | null;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

/** What a person (or a file) says about an entry. */
export interface EntryFields {
  term: string;
  preferred: string;
  note?: string | null;
  matchCase?: boolean;
  wholeWord?: boolean;
}

/** Who changes the glossary. `userId` is null for the command line. */
export interface GlossaryAuthor {
  name: string;
  userId: number | null;
}

/** A glossary term as the QA checks and the review rows read it, with its note and where it comes from. */
export interface ArticleTerm extends GlossaryTerm {
  entryId: number;
  note: string | null;
  shared: boolean;
}

/**
 * What a glossary write changed, for the re-check of the findings it may affect: the
 * articles in scope (one, or every article for the shared glossary) and the term forms
 * before and after (a segment can only have a finding of an entry where one of them stands).
 */
export interface GlossaryChange {
  articleId: number | null;
  terms: string[];
}

/** What an import did. */
export interface GlossaryImportResult {
  added: number;
  updated: number;
  unchanged: number;
  /** Rows of the file in another language than the glossary's, left out. */
  otherLanguage: number;
}

/** The languages of Redline's glossaries: the text is English (the target of every article today). */
export const GLOSSARY_LANGUAGE = 'en';

/**
 * Entries that say the same thing: the same term (white space collapsed), compared without case
 * unless the entry matches case. One of each per glossary; an import updates it.
 */
export function entryKey(entry: Pick<EntryFields, 'term' | 'matchCase'>): string {
  const term = entry.term.trim().replace(/\s+/gu, ' ');
  return entry.matchCase ? `case\u0000${term}` : `any\u0000${term.toLowerCase()}`;
}
