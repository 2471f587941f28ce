import type { CheckId } from '../qa/runChecks';

/** A QA finding as stored: one problem in one segment's text (src/qa), with its dismissal. */
export interface StoredFinding {
  id: number;
  segmentId: number;
  articleId: number;
  check: CheckId;
  /** [start, end) in UTF-16 code units of the segment's text at segmentVersion; equal = something missing there. */
  start: number;
  end: number;
  message: string;
  /** The replacement for the span, only when the remedy is certain. */
  fix: string | null;
  /** The span's text when found: with `check` it recognises the same finding after an unrelated edit. */
  matched: string;
  segmentVersion: number;
  dismissedAt: string | null;
  dismissedBy: string | null;
  dismissedByUserId: number | null;
  dismissReason: string | null;
}

/** A finding in a list of the article's, with where its sentence stands. */
export interface ListedFinding extends StoredFinding {
  position: number;
}

/** What the API's `GET /api/articles/:id/findings` asks for. */
export interface FindingQuery {
  check?: CheckId;
  includeDismissed: boolean;
  offset: number;
  limit: number;
}

/** Findings of one check in an article, open and dismissed (the quality report's "findings by check"). */
export interface CheckCount {
  check: CheckId;
  open: number;
  dismissed: number;
}

/** An open finding with a certain fix, for a "fix all of this kind" batch (src/batches applies them). */
export interface FixableFinding {
  id: number;
  segmentId: number;
  segmentVersion: number;
  check: CheckId;
  start: number;
  end: number;
  message: string;
  fix: string;
  matched: string;
}

/** A glossary term seen in a row's MT or text, for the highlight with its preferred form. */
export interface TermMark {
  start: number;
  end: number;
  /** "term": a form the glossary replaces; "preferred": the preferred form itself, standing as it should. */
  kind: 'term' | 'preferred';
  term: string;
  preferred: string;
  note: string | null;
}

/** What a review row shows of QA: its findings, and the glossary terms in its MT and text. */
export interface RowQa {
  findings: StoredFinding[];
  open: number;
  terms: { mt: TermMark[]; text: TermMark[] };
}

/** Who dismisses or restores a finding. */
export interface FindingActor {
  name: string;
  userId: number | null;
}
