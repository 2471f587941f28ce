import type { Db } from '../db/database';
import { now } from '../clock';
import { AppError, conflict, notFound, unprocessable } from '../errors';
import { hasRole, type Actor } from '../auth/roles';
import type { Pagination } from '../pagination';
import { codeMarkersIn } from '../codes/inlineCodes';
import { cleanText } from './segmentText';
import { editingMsOf, SegmentRepository, START_OF_ARTICLE, type OrderKey } from './segmentRepository';
import {
  progressFrom,
  type ActivityEntry,
  type ImportDraft,
  type InterchangeRow,
  type Progress,
  type ReviewStatus,
  type Revision,
  type RevisionAction,
  type Segment,
  type SegmentFigures,
  type SegmentFigureState,
  type SegmentLayout,
} from './model';

export const NOTE_MAX = 2_000;
/** REDLINE_MAX_SEGMENT_CHARS's default: far above any real sentence, far below what freezes a page. */
export const DEFAULT_MAX_SEGMENT_CHARS = 20_000;

export interface SegmentCollaborators {
  /** Called inside the save's transaction: the article's last-change time follows its segments. */
  articleChanged: (articleId: number, at: string) => void;
  /** The stored per-article figures (src/stats), told of every write in its transaction. */
  figures: SegmentFigures;
}

export const messages = {
  unknownCode:
    'The text contains an inline-code marker this sentence does not have (pasted from another sentence?). Insert codes from its source.',
  repeatedCode: (label: string) => `The inline code ${label} appears twice; each code can be used once. Remove the copy.`,
  staleVersion: (segment: Segment) =>
    `This sentence was changed by ${segment.updatedBy} (now version ${segment.version}) after you opened it. ` +
    'Compare their text with yours and save again.',
  reasonRequired: 'Rejecting a sentence needs a reason, so the editor knows what to rework.',
  newNeedsMt: 'Only a sentence whose text is the machine translation can be "new"; use "Reset to MT" to go back to it.',
  noteTooLong: `A note can be at most ${NOTE_MAX} characters.`,
  reviewersOnly: 'Approving, rejecting and reverting need the reviewer role.',
  tooLong: (length: number, max: number) =>
    `A sentence can be at most ${max.toLocaleString('en-US')} characters (REDLINE_MAX_SEGMENT_CHARS); this one has ${length.toLocaleString('en-US')}. ` +
    'Split it into shorter sentences.',
};

/**
 * Inline codes are protected tokens (src/codes): a save may drop or move the segment's codes
 * (the QA check flags a missing one) but never bring in a marker the segment does not have,
 * nor use one twice, or the export could not write the markup back.
 */
function checkCodeMarkers(text: string, segment: Pick<Segment, 'mt' | 'source' | 'codes'>): void {
  const markers = codeMarkersIn(text);
  if (markers.length === 0) return;
  const known = new Map((segment.codes ?? []).map((code) => [code.marker, code.label]));
  // A plain-text MT may hold Private Use Area characters of its own (icon fonts); they stay allowed.
  const ownCharacters = new Set(codeMarkersIn(segment.mt + (segment.source ?? '')));
  const seen = new Set<string>();
  for (const marker of markers) {
    if (!known.has(marker) && !ownCharacters.has(marker)) throw unprocessable('unknown_inline_code', messages.unknownCode);
    if (known.has(marker) && seen.has(marker)) throw unprocessable('repeated_inline_code', messages.repeatedCode(known.get(marker)!));
    seen.add(marker);
  }
}

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

/**
 * Segments and their revisions. Every change of text or status becomes a new
 * revision; nothing is overwritten or deleted. A change based on an old version is
 * refused (409) so that no edit silently replaces another. Every write of a
 * person's change goes through apply(), inside one IMMEDIATE transaction: what must
 * happen with a save (today: the article's last-change time) belongs there.
 */
export class SegmentService {
  private readonly repository: SegmentRepository;

  constructor(
    private readonly db: Db,
    private readonly collaborators: SegmentCollaborators,
    readonly maxSegmentChars = DEFAULT_MAX_SEGMENT_CHARS,
  ) {
    this.repository = new SegmentRepository(db);
  }

  get(id: number): Segment {
    const segment = this.repository.find(id);
    if (!segment) throw notFound(`Segment ${id}`);
    return segment;
  }

  /** Stores a chunk of an imported article (segments from `firstPosition` on, with their first revisions); the caller holds the transaction. */
  insertImportChunk(articleId: number, segments: readonly ImportDraft[], firstPosition: number, author: string, at: string): void {
    this.repository.insertImportChunk(articleId, segments, firstPosition, author, at);
  }

  /** The reading order of a freshly imported article of `count` segments; the caller holds the transaction. */
  insertBlocks(articleId: number, count: number): void {
    this.repository.insertBlocks(articleId, count);
  }

  /** Deletes up to `limit` segments of an article with everything attached to them; returns how many. */
  deleteSome(articleId: number, limit: number): number {
    return this.repository.deleteSegments(articleId, limit);
  }

  /** The refusal of a text longer than a segment may be (REDLINE_MAX_SEGMENT_CHARS), or undefined when it fits. */
  checkLength(text: string): void {
    if (text.length > this.maxSegmentChars) {
      throw unprocessable('segment_too_long', messages.tooLong(text.length, this.maxSegmentChars), {
        length: text.length,
        limit: this.maxSegmentChars,
      });
    }
  }

  /** Every segment of an article, in reading order. */
  ofArticle(articleId: number): Segment[] {
    return this.repository.segments(articleId);
  }

  /** Only what an export of the text needs, in reading order: up to `limit` segments after `after`. */
  layout(articleId: number, after: OrderKey = START_OF_ARTICLE, limit = 5_000): (SegmentLayout & OrderKey)[] {
    return this.repository.segmentLayout(articleId, after, limit);
  }

  /** What the interchange exports need of up to `limit` segments after `after`, in reading order. */
  interchangeRows(articleId: number, after: OrderKey = START_OF_ARTICLE, limit = 1_000): (InterchangeRow & OrderKey)[] {
    return this.repository.interchangeRows(articleId, after, limit);
  }

  /** One page of an article's segments, optionally only those in one status. */
  page(articleId: number, status: ReviewStatus | undefined, pagination: Pick<Pagination, 'limit' | 'offset'>): Segment[] {
    return this.repository.segmentPage(articleId, status, pagination.limit, pagination.offset);
  }

  /** The article's status counts, from its stored figures (one row, whatever its size). */
  progress(articleId: number): Progress {
    return progressFrom(this.collaborators.figures.statusCounts(articleId));
  }

  /** What the stored figures need of up to `limit` segments after `after` in reading order (a recount reads an article this way). */
  figureStates(articleId: number, after: OrderKey = START_OF_ARTICLE, limit = 1000): (SegmentFigureState & OrderKey)[] {
    return this.repository.figureStates(articleId, after, limit);
  }

  /** Σ measured editing time of each segment's revisions, in ms. */
  editingMs(segmentIds: readonly number[]): Map<number, number> {
    return this.repository.editingMs(segmentIds);
  }

  /** When the article's segments last changed (its import, when nobody changed it since). */
  lastRevisionAt(articleId: number): string | undefined {
    return this.repository.lastRevisionAt(articleId);
  }

  /** Saves new text and/or status. Returns the segment as stored (unchanged if nothing changed). */
  change(segmentId: number, change: SegmentChange): Segment {
    return this.apply(segmentId, change.version, change.actor, (current) => {
      const text = change.text === undefined ? current.text : cleanText(change.text);
      if (text !== current.text) checkCodeMarkers(text, current);
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
        this.checkLength(next.text);
        const note = next.note?.trim() || null;
        if (note && note.length > NOTE_MAX) throw unprocessable('note_too_long', messages.noteTooLong);
        if (next.status === 'rejected' && !note) throw unprocessable('reason_required', messages.reasonRequired);
        if (next.status === 'new' && next.text !== current.mt) throw unprocessable('invalid_status', messages.newNeedsMt);
        const unchanged = next.text === current.text && next.status === current.status;
        // Saving the same text and status again is not a change; a note alone is kept as one.
        if (unchanged && !next.force && !note) return current;
        const createdAt = now();
        const nextVersion = current.version + 1;
        const before = this.repository.figureState(segmentId);
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
        if (before) {
          const editingMs = before.editingMs + editingMsOf(next.editingSeconds);
          this.collaborators.figures.segmentChanged(before, { ...before, text: next.text, status: next.status, editingMs }, createdAt);
        }
        // Exactly what append() wrote to the row: no need to read it back on every save.
        return {
          ...current,
          text: next.text,
          status: next.status,
          version: nextVersion,
          note,
          updatedBy: actor.displayName,
          updatedAt: createdAt,
        };
      })
      .immediate();
  }
}

/** A text edit leaves a sentence waiting for review, unless it is the MT again. */
function statusForText(text: string, mt: string): ReviewStatus {
  return text === mt ? 'new' : 'edited';
}
