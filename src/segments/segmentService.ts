import type { Db } from '../db/database';
import { ArticleRepository } from '../articles/articleRepository';
import { now, type ReviewStatus, type Segment } from '../articles/model';
import { checkSegmentText } from '../articles/textInput';
import { AppError, conflict, notFound, unprocessable } from '../errors';
import { hasRole, type Actor } from '../auth/roles';
import { SegmentRepository, type ActivityEntry, type Revision, type RevisionAction } from './segmentRepository';

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

/**
 * Every change of text or status becomes a new revision; nothing is overwritten or
 * deleted. A change based on an old version is refused (409) so that no edit
 * silently replaces another.
 */
export class SegmentService {
  readonly repository: SegmentRepository;
  private readonly articles: ArticleRepository;

  constructor(private readonly db: Db) {
    this.repository = new SegmentRepository(db);
    this.articles = new ArticleRepository(db);
  }

  get(id: number): Segment {
    const segment = this.repository.find(id);
    if (!segment) throw notFound(`Segment ${id}`);
    return segment;
  }

  /** Saves new text and/or status. Returns the segment as stored (unchanged if nothing changed). */
  change(segmentId: number, change: SegmentChange): Segment {
    return this.apply(segmentId, change.version, change.actor, (current) => {
      const text = change.text === undefined ? current.text : checkSegmentText(change.text.replace(/\r\n?/g, '\n').trim());
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

  history(segmentId: number): { segment: Segment; revisions: Revision[] } {
    const segment = this.get(segmentId);
    return { segment, revisions: this.repository.revisions(segmentId) };
  }

  activity(articleId: number, limit = 200): ActivityEntry[] {
    return this.repository.activity(articleId, limit);
  }

  private apply(
    segmentId: number,
    version: number,
    actor: Actor,
    decide: (current: Segment) => { text: string; status: ReviewStatus; note: string | undefined; action: RevisionAction; force?: boolean; editingSeconds?: number },
  ): Segment {
    // IMMEDIATE takes the write lock before reading, so a CLI or second server
    // process cannot slip a change in between the version check and the write.
    return this.db.transaction(() => {
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
          segmentId, articleId: current.articleId, version: nextVersion, action: next.action,
          text: next.text, status: next.status, note, author: actor.displayName, userId: actor.userId, editingSeconds: next.editingSeconds ?? null, createdAt,
        },
        current.version,
      );
      this.articles.touch(current.articleId, createdAt);
      // Exactly what append() wrote to the row: no need to read it back on every save.
      return { ...current, text: next.text, status: next.status, version: nextVersion, note, updatedBy: actor.displayName, updatedAt: createdAt };
    }).immediate();
  }
}

/** A text edit leaves a sentence waiting for review, unless it is the MT again. */
function statusForText(text: string, mt: string): ReviewStatus {
  return text === mt ? 'new' : 'edited';
}
