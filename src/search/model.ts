import type { ReviewStatus } from '../segments/model';

/** What to look for, and where. `q` is matched as a literal substring, case-insensitively. */
export interface SearchQuery {
  q: string;
  /** one article; absent: every article */
  articleId?: number;
  status?: ReviewStatus;
  /** who last changed the sentence (its updatedBy) */
  author?: string;
  /** true: the text differs from the MT; false: it is the MT */
  changed?: boolean;
  /** only sentences with open comment threads */
  openComments?: boolean;
  /** only sentences with open QA findings */
  openFindings?: boolean;
  limit: number;
  offset: number;
}

export interface SearchHit {
  segmentId: number;
  articleId: number;
  articleTitle: string;
  /** 0-based reading order; the sentence number is position + 1 */
  position: number;
  paragraph: number;
  status: ReviewStatus;
  mt: string;
  text: string;
  updatedBy: string;
}

export interface SearchResult {
  /** matches counted; when totalCapped, the count stopped there and there may be more */
  total: number;
  totalCapped: boolean;
  results: SearchHit[];
}

/** A search that reads every sentence (common words) stops counting here; the count then says "more than". */
export const TOTAL_CAP = 1_000;
export const SEARCH_LIMIT_DEFAULT = 50;
export const SEARCH_LIMIT_MAX = 100;
/** The trigram index finds substrings of at least this many characters. */
export const INDEXED_MIN_CHARACTERS = 3;

/**
 * Whether the MT or the text contains the needle (already lower-cased), ignoring case. The index
 * folds case and accents, so its candidates are always checked with this: "café" is not "cafe".
 */
export function containsFolded(mt: string, text: string, needle: string): boolean {
  return mt.toLowerCase().includes(needle) || (text !== mt && text.toLowerCase().includes(needle));
}

/** A text cut into the parts that match the needle (already lower-cased) and the rest, for highlighting. */
export function highlightParts(text: string, needle: string): { text: string; match: boolean }[] {
  const folded = text.toLowerCase();
  // Lower-casing a few characters changes their length ("İ"); then offsets would not line up, so nothing is marked.
  if (!needle || folded.length !== text.length) return [{ text, match: false }];
  const parts: { text: string; match: boolean }[] = [];
  let from = 0;
  for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + needle.length)) {
    if (at > from) parts.push({ text: text.slice(from, at), match: false });
    parts.push({ text: text.slice(at, at + needle.length), match: true });
    from = at + needle.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), match: false });
  return parts;
}
