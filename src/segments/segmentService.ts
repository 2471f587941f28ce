import type { Db } from '../db/database';
import { now } from '../clock';
import { AppError, conflict, notFound, unprocessable } from '../errors';
import { hasRole, type Actor } from '../auth/roles';
import type { Pagination } from '../pagination';
import type { DraftSegment } from '../segmentation/document';
import { cleanText } from './segmentText';
import { SegmentRepository } from './segmentRepository';
import {
  progressFrom,
  type ActivityEntry,
  type Progress,
  type ReviewStatus,
  type OpenFindingCounts,
  type Revision,
  type RevisionAction,
  type Segment,
  type SegmentFilter,
  type SegmentLayout,
  type SegmentWriteHooks,
  type StatusCounts,
} from './model';

export const NOTE_MAX = 2_000;

export const messages = {
  staleVersion: (segment: Segment) =>
    `This sentence was changed by ${segment.updatedBy} (now version ${segment.version}) after you opened it. ` +
    'Compare their text with yours and save again.',
  reasonRequired: 'Rejecting a sentence needs a reason, so the editor knows what to rework.',
  newNeedsMt: 'Only a sentence whose text is the machine translation can be "new"; use "Reset to MT" to go back to it.',
  noteTooLong: `A note can be at most ${NOTE_MAX} characters.`,
  reviewersOnly: 'Approving, rejecting and reverting need the reviewer role.',
};

/** Editors correct text; deciding whether a sentence passes review is a reviewer's call. */
const REVIEW_DECISIONS: readonly ReviewStatus[] = ['approved', 'rejected'];

/** What a person asks to change on one segment. `version` is the version they saw. */
export interface SegmentChange {
  version: number;
  text?: string;
  status?: ReviewStatus;
  note?: string;
  /** active editing time the browser measured for this change (revisions.editing_seconds) */
  editingSeconds?: number;
  actor: Actor;
}

/** What apply() decides a change writes. */
interface Decision {
  text: string;
  status: ReviewStatus;
  note: string | undefined;
  action: RevisionAction;
  force?: boolean;
  editingSeconds?: number;
}

export interface SegmentCollaborators {
  /** Called inside the save's transaction: the article's last-change time follows its segments. */
  articleChanged: (articleId: number, at: string) => void;
  /** Called inside every write's and import's transaction (src/findings keeps the QA findings in step). */
  hooks: SegmentWriteHooks;
}

/**
 * Segments and their revisions. Every change of text or status becomes a new
 * revision; nothing is overwritten or deleted. A change based on an old version is
 * refused (409) so that no edit silently replaces another. Every write of a
 * person's change goes through apply(), inside one IMMEDIATE transaction: what must
 * happen with a save (the article's last-change time, the QA findings) belongs there.
 */
export class SegmentService {
  private readonly repository: SegmentRepository;

  constructor(
    private readonly db: Db,
    private readonly collaborators: SegmentCollaborators,
  ) {
    this.repository = new SegmentRepository(db);
  }

  get(id: number): Segment {
    const segment = this.repository.find(id);
    if (!segment) throw notFound(`Segment ${id}`);
    return segment;
  }

  /** Stores an imported article's segments with their first revisions; the caller holds the transaction. */
  insertImported(articleId: number, segments: readonly DraftSegment[], author: string, at: string): void {
    const stored = this.repository.insertImported(articleId, segments, author, at);
    this.collaborators.hooks.imported(articleId, stored);
  }

  /** Every segment of an article, in reading order. */
  ofArticle(articleId: number): Segment[] {
    return this.repository.segments(articleId);
  }

  /** Only what an export of the text needs, in reading order. */
  layout(articleId: number): SegmentLayout[] {
    return this.repository.segmentLayout(articleId);
  }

  /** One page of an article's segments, optionally only those in one status and/or with open QA findings. */
  page(articleId: number, filter: SegmentFilter, pagination: Pick<Pagination, 'limit' | 'offset'>): Segment[] {
    return this.repository.segmentPage(articleId, filter, pagination.limit, pagination.offset);
  }

  /** How many segments of the article (in one status, if given) have open QA findings, and how many findings. */
  countWithFindings(articleId: number, status?: ReviewStatus): OpenFindingCounts {
    return this.repository.countWithFindings(articleId, status);
  }

  progress(articleId: number): Progress {
    return progressFrom(this.repository.statusCounts(articleId));
  }

  /** Status counts of every article that has segments. */
  statusCountsByArticle(): Map<number, StatusCounts> {
    return this.repository.statusCountsByArticle();
  }

  /** Saves new text and/or status. Returns the segment as stored (unchanged if nothing changed). */
  change(segmentId: number, change: SegmentChange): Segment {
    return this.apply(segmentId, change.version, change.actor, (current) => {
      const text = change.text === undefined ? current.text : cleanText(change.text);
      const textChanged = text !== current.text;
      const status = change.status ?? (textChanged ? statusForText(text, current.mt) : current.status);
      return { text, status, note: change.note, action: textChanged ? 'edit' : 'status', editingSeconds: change.editingSeconds };
    });
  }

  /** Puts the machine translation back, as a new revision with status `new`. */
  resetToMt(segmentId: number, version: number, actor: Actor, note?: string): Segment {
    return this.apply(segmentId, version, actor, (current) => ({ text: current.mt, status: 'new', note, action: 'reset' }));
  }

  /** Brings back the text of an earlier revision, as a new revision awaiting review. */
  revert(segmentId: number, version: number, toVersion: number, actor: Actor): Segment {
    if (!hasRole(actor, 'reviewer')) throw new AppError(403, 'forbidden', messages.reviewersOnly);
    return this.apply(segmentId, version, actor, (current) => {
      const target = this.repository.revision(segmentId, toVersion);
      if (!target) throw notFound(`Version ${toVersion} of segment ${segmentId}`);
      return {
        text: target.text,
        status: statusForText(target.text, current.mt),
        note: `Reverted to version ${toVersion}`,
        action: 'revert',
        force: true,
      };
    });
  }

  /**
   * Rewrites the text by a rule other than a person's typing (a QA fix): `rewrite` gets the
   * current segment inside the transaction, after the version check. The status follows the
   * text as for an edit (an approved sentence falls back to edited).
   */
  rewriteText(segmentId: number, version: number, actor: Actor, action: 'fix', rewrite: (current: Segment) => string): Segment {
    return this.apply(segmentId, version, actor, (current) => {
      const text = cleanText(rewrite(current));
      return { text, status: statusForText(text, current.mt), note: undefined, action };
    });
  }

  history(segmentId: number): { segment: Segment; revisions: Revision[] } {
    const segment = this.get(segmentId);
    return { segment, revisions: this.repository.revisions(segmentId) };
  }

  activity(articleId: number, limit = 200): ActivityEntry[] {
    return this.repository.activity(articleId, limit);
  }

  /** Measured editing time per segment of an article, summed over its revisions (unmeasured segments are absent). */
  editingSeconds(articleId: number): Map<number, number> {
    return this.repository.editingSeconds(articleId);
  }

  /** People's changes (imports left out) per UTC hour, oldest first. */
  changesPerHour(articleId: number): { hour: string; count: number }[] {
    return this.repository.changesPerHour(articleId);
  }

  private apply(segmentId: number, version: number, actor: Actor, decide: (current: Segment) => Decision): Segment {
    // IMMEDIATE takes the write lock before reading, so a CLI or second server
    // process cannot slip a change in between the version check and the write.
    return this.db
      .transaction(() => {
        const current = this.get(segmentId);
        if (current.version !== version) {
          throw conflict('stale_version', messages.staleVersion(current), { current: current as unknown as Record<string, unknown> });
        }
        const next = decide(current);
        if (next.status !== current.status && REVIEW_DECISIONS.includes(next.status) && !hasRole(actor, 'reviewer')) {
          throw new AppError(403, 'forbidden', messages.reviewersOnly);
        }
        const note = next.note?.trim() || null;
        if (note && note.length > NOTE_MAX) throw unprocessable('note_too_long', messages.noteTooLong);
        if (next.status === 'rejected' && !note) throw unprocessable('reason_required', messages.reasonRequired);
        if (next.status === 'new' && next.text !== current.mt) throw unprocessable('invalid_status', messages.newNeedsMt);
        const unchanged = next.text === current.text && next.status === current.status;
        // Saving the same text and status again is not a change; a note alone is kept as one.
        if (unchanged && !next.force && !note) return current;
        const createdAt = now();
        const nextVersion = current.version + 1;
        this.repository.append(
          {
            segmentId,
            articleId: current.articleId,
            version: nextVersion,
            action: next.action,
            text: next.text,
            status: next.status,
            note,
            author: actor.displayName,
            userId: actor.userId,
            editingSeconds: next.editingSeconds ?? null,
            createdAt,
          },
          current.version,
        );
        this.collaborators.articleChanged(current.articleId, createdAt);
        // Exactly what append() wrote to the row: no need to read it back on every save.
        const written: Segment = {
          ...current,
          text: next.text,
          status: next.status,
          version: nextVersion,
          note,
          updatedBy: actor.displayName,
          updatedAt: createdAt,
        };
        return { ...written, ...this.collaborators.hooks.written(written) };
      })
      .immediate();
  }
}

/** A text edit leaves a sentence waiting for review, unless it is the MT again. */
function statusForText(text: string, mt: string): ReviewStatus {
  return text === mt ? 'new' : 'edited';
}
