import type { Db } from '../db/database';
import { now } from '../clock';
import { AppError, conflict, notFound, unprocessable } from '../errors';
import { hasRole, type Actor } from '../auth/roles';
import { paginate, type Pagination } from '../pagination';
import { codeMarkersIn } from '../codes/inlineCodes';
import { cleanSegmentText } from './segmentText';
import { joinParts, splitParts } from './segmentLayout';
import { editingMsOf, SegmentRepository, START_OF_ARTICLE, type OrderKey, type SegmentPlace } from './segmentRepository';
import {
  progressFrom,
  type ActivityEntry,
  type ActivityFilters,
  type LayoutDetail,
  type LayoutState,
  type BatchAction,
  type OpenFindingCounts,
  type SegmentFilter,
  type ImportRows,
  type InterchangeRow,
  type Progress,
  type ReviewStatus,
  type Revision,
  type RevisionAction,
  type Segment,
  type SegmentFigureChange,
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
  /** Other features told of every write inside its transaction (QA findings, comments, live events, ...). */
  listeners?: readonly SegmentListener[];
  /** Brought up to date at the end of a transaction this service opens itself (inside the write queue, the queue does it). */
  searchIndex?: { sync(): void };
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
  emptyTranslation: 'This sentence has a source but no translation yet: translate it before approving it.',
  reviewersOnly: 'Approving, rejecting and reverting need the reviewer role.',
  nothingToUndo: 'There is nothing to undo: this is the sentence as it was imported.',
  othersChange: (author: string) =>
    `The last change of this sentence is ${author}'s, not yours: undo takes back only your own changes. ` +
    'A reviewer can revert to any earlier version from the history.',
  tooLong: (length: number, max: number) =>
    `A sentence can be at most ${max.toLocaleString('en-US')} characters (REDLINE_MAX_SEGMENT_CHARS); this one has ${length.toLocaleString('en-US')}. ` +
    'Split it into shorter sentences.',
  merged: (id: number, into: number) => `Segment ${id} was merged into segment ${into}; open that one.`,
  keepsFileSegmentation: 'This sentence came from a file with inline codes or its own segmentation (XLIFF); it keeps that segmentation.',
  noNextInParagraph: 'This is the last sentence of its paragraph: only sentences of the same paragraph can be merged.',
  differentKinds: 'A heading, a sentence and a metadata line cannot be merged with one another.',
  noLayoutChangeToUndo: 'The last change of this sentence is not a split or a merge.',
  undoSecondPart: (first: number) => `This sentence is the second part of a split; undo it from segment ${first}, the first part.`,
  partnerChanged: (partner: number) =>
    `Segment ${partner} was changed after the split or merge, so undoing it would lose that change. Merge or split by hand instead.`,
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

/** One segment's change within a batch (src/batches): `current` is the segment as the batch read it in the same transaction. */
export interface BatchChange {
  current: Segment;
  text: string;
  /** Omitted: the rule of any text change (`edited`; `new` when the text is the MT again). An undo gives the status it restores. */
  status?: ReviewStatus;
  note?: string | null;
  action: BatchAction;
  batchId: number;
  detail?: Record<string, unknown>;
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
  /** An undo puts back a state that existed, review decisions included (see undo()). */
  restoresPrevious?: boolean;
  /** The batch (src/batches) the change belongs to. */
  batchId?: number;
  /** JSON stored with the revision (revisions.detail): what else it did, e.g. which version an undo took back. */
  detail?: Record<string, unknown>;
}

/** One revision as the write path stores it. */
interface RevisionChange {
  text: string;
  status: ReviewStatus;
  note: string | null;
  action: RevisionAction;
  editingSeconds?: number;
  /** JSON stored with the revision (revisions.detail): a LayoutDetail, or which version an undo took back */
  detail?: LayoutDetail | Record<string, unknown>;
  batchId?: number;
}

/** One segment's revision as record() takes it. */
interface RecordItem {
  current: Segment;
  change: RevisionChange;
  actor: Actor;
  /** the segment was merged into another: listeners see no after */
  leftOrder?: boolean;
  /** the segment's new MT, separator and source (a split or merge), already stored by setLayout */
  layout?: LayoutState;
}

/**
 * A stored revision and the segment's state on either side of it, as listeners see it inside the
 * write's transaction. `before` is null for the segment a split creates; `after` is null for a
 * segment merged into another (it left the reading order and no longer counts anywhere).
 */
export interface SegmentWrite {
  before: Segment | null;
  after: Segment | null;
  revisionId: number;
  action: RevisionAction;
  note: string | null;
  actor: Actor;
}

/**
 * A change of the reading order: `effect` 'split' put `second` into the order right after `first`,
 * 'merge' took `second` out of it into `first`. `mtCut` is where the second's MT begins in the
 * joined MT (the first's MT before a split, after a merge); `firstLength` is the length of the
 * first's MT when they are apart. Annotations on the MT and comments follow these.
 */
export interface LayoutChange {
  effect: 'split' | 'merge';
  first: Segment;
  second: Segment;
  mtCut: number;
  firstLength: number;
  actor: Actor;
}

/**
 * What other features do with a segment write, inside its transaction (createServices wires them):
 * a rejection's reason opens a comment thread, annotations and comments follow a split or merge,
 * the live stream learns that a row changed.
 */
export interface SegmentListener {
  /** Revisions were written, as one list (a batch's chunk, or one save), inside their transaction. */
  revisionsWritten?(writes: readonly SegmentWrite[]): void;
  layoutChanged?(change: LayoutChange): void;
}

/** What changeLayout hands to layoutRevisions: the two segments, the first's new layout and text, and the revision's action. */
interface LayoutStep {
  effect: 'split' | 'merge';
  first: Segment;
  place: SegmentPlace;
  second: Segment;
  layout: LayoutState;
  change: Pick<RevisionChange, 'text' | 'status' | 'note'>;
  mtCut: number;
  action: RevisionAction;
  actor: Actor;
  extra: Pick<LayoutDetail, 'at' | 'mtAt' | 'undoes'>;
}

/**
 * Segments and their revisions. Every change of text or status becomes a new
 * revision; nothing is overwritten or deleted. A change based on an old version is
 * refused (409) so that no edit silently replaces another. Every revision of a
 * person's change, splits and merges included, is written by record(), inside one
 * IMMEDIATE transaction: what must happen with a save (the article's last-change
 * time, the listeners) belongs there.
 */
export class SegmentService {
  private readonly repository: SegmentRepository;
  private readonly listeners: readonly SegmentListener[];
  /** True while a split or merge runs: its figures are counted as a whole (see changeLayout). */
  private reshaping = false;

  constructor(
    private readonly db: Db,
    private readonly collaborators: SegmentCollaborators,
    readonly maxSegmentChars = DEFAULT_MAX_SEGMENT_CHARS,
  ) {
    this.repository = new SegmentRepository(db);
    this.listeners = collaborators.listeners ?? [];
  }

  /** A segment in the reading order; one merged into another is gone (404, naming where it went). */
  get(id: number): Segment {
    const segment = this.repository.find(id);
    if (segment) return segment;
    const mergedInto = this.repository.place(id)?.mergedInto;
    if (mergedInto) throw new AppError(404, 'merged', messages.merged(id, mergedInto), { mergedInto });
    throw notFound(`Segment ${id}`);
  }

  /** The segments of these ids that are in the reading order, by id, in one read (a batch's chunk); merged or missing ones are absent. */
  inOrder(ids: readonly number[]): Map<number, Segment> {
    return this.repository.findMany(ids);
  }

  /**
   * Stores a chunk of an imported article (segments from `firstPosition` on, with their first revisions);
   * the caller holds the transaction. Answers the new segments' ids, in order.
   */
  insertImportChunk(articleId: number, rows: ImportRows, firstPosition: number, author: string, at: string): number[] {
    return this.repository.insertImportChunk(articleId, rows, firstPosition, author, at);
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

  /** One page of an article's segments, optionally only those in one status and/or with open QA findings. */
  page(articleId: number, filter: SegmentFilter, pagination: Pick<Pagination, 'limit' | 'offset'>): Segment[] {
    return this.repository.segmentPage(articleId, filter, pagination.limit, pagination.offset);
  }

  /** How many segments of the article (in one status, if given) have open QA findings, and how many findings. */
  countWithFindings(articleId: number, status?: ReviewStatus): OpenFindingCounts {
    return this.repository.countWithFindings(articleId, status);
  }

  /** A segment's stored version, also once merged away (undefined: no such segment). */
  storedVersion(segmentId: number): number | undefined {
    return this.repository.place(segmentId)?.version;
  }

  /** The segment at sentence number `n` (1-based reading order), or undefined past the end. */
  atSentence(articleId: number, n: number): Segment | undefined {
    return this.repository.segmentPage(articleId, {}, 1, n - 1)[0];
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
      const text = change.text === undefined ? current.text : cleanSegmentText(change.text, current.mt);
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

  /**
   * Takes back the segment's latest change (version `version`, which must still be the
   * current one: 409 otherwise) as a new revision that restores the revision before it,
   * text, status and note alike. Only the author of that change may undo it; an approval
   * can be taken back, and undoing an edit of an approved sentence restores the approval
   * (a reviewer's decision about exactly that text), even for an editor.
   */
  undo(segmentId: number, version: number, actor: Actor): Segment {
    // A split or a merge is taken back with its layout, by the partner's side too.
    const latest = this.repository.revision(segmentId, version);
    if (latest?.detail && 'effect' in (JSON.parse(latest.detail) as object)) return this.undoLayoutChange(segmentId, version, actor);
    return this.apply(segmentId, version, actor, () => {
      const undone = this.repository.revision(segmentId, version)!;
      const previous = this.repository.revision(segmentId, version - 1);
      if (!previous) throw unprocessable('nothing_to_undo', messages.nothingToUndo);
      if (undone.userId !== actor.userId) throw new AppError(403, 'forbidden', messages.othersChange(undone.author));
      return {
        text: previous.text,
        status: previous.status,
        note: previous.note ?? undefined,
        action: 'undo',
        force: true,
        restoresPrevious: true,
        detail: { undoes: version },
      };
    });
  }

  /**
   * A chunk of a batch's changes (find and replace, propagation, "fix all", an undo of one): the
   * same checks and write path as a person's save, with the batch's id and action on each revision.
   * The batch read each segment in this transaction, so there is nothing to read again, and the
   * chunk is recorded as one list (see record()). Answers per change the segment as written (the
   * same version: no change was needed; not read back, the batch needs only its version) or
   * undefined when the change was refused (e.g. a text too long), which skips that segment only.
   */
  writeInBatch(changes: readonly BatchChange[]): (Segment | undefined)[] {
    return this.transaction(() => {
      const outcomes: (Segment | undefined)[] = changes.map(({ current }) => current);
      const writes: (RecordItem & { index: number })[] = [];
      const seen = new Set<number>();
      changes.forEach((change, index) => {
        const { current } = change;
        try {
          const text = cleanSegmentText(change.text, current.mt);
          // The same segment twice in one list: the second change was based on the version the first replaces.
          if (seen.has(current.id)) throw conflict('stale_version', messages.staleVersion(current));
          seen.add(current.id);
          const next = this.checked(current, change.actor, {
            text,
            status: change.status ?? statusForText(text, current.mt),
            note: change.note ?? undefined,
            action: change.action,
            batchId: change.batchId,
            detail: change.detail,
            restoresPrevious: change.action === 'undo',
          });
          if (next) writes.push({ current, change: next, actor: change.actor, index });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          outcomes[index] = undefined;
        }
      });
      const written = this.record(writes);
      writes.forEach(({ index }, at) => (outcomes[index] = written[at]));
      return outcomes;
    });
  }

  /**
   * Rewrites the text by a rule other than a person's typing (a QA fix): `rewrite` gets the
   * current segment inside the transaction, after the version check. The status follows the
   * text as for an edit (an approved sentence falls back to edited).
   */
  rewriteText(segmentId: number, version: number, actor: Actor, action: 'fix', rewrite: (current: Segment) => string): Segment {
    return this.apply(segmentId, version, actor, (current) => {
      const text = cleanSegmentText(rewrite(current), current.mt);
      return { text, status: statusForText(text, current.mt), note: undefined, action };
    });
  }

  history(segmentId: number): { segment: Segment; revisions: Revision[] } {
    const segment = this.get(segmentId);
    return { segment, revisions: this.repository.revisions(segmentId) };
  }

  /** A page of people's changes to an article, newest first, with who changed it at all (for the filter). */
  activity(
    articleId: number,
    filters: ActivityFilters,
    requestedPage: number,
  ): { entries: ActivityEntry[]; pagination: Pagination; authors: string[] } {
    const pagination = paginate(this.repository.activityCount(articleId, filters), requestedPage);
    const entries = this.repository.activity(articleId, filters, pagination.limit, pagination.offset);
    return { entries, pagination, authors: this.repository.activityAuthors(articleId) };
  }

  /** People's changes (imports left out) per UTC hour, oldest first. */
  changesPerHour(articleId: number): { hour: string; count: number }[] {
    return this.repository.changesPerHour(articleId);
  }

  /** Splits a segment at `at` (a UTF-16 offset in its current text) into two; see splitParts for the rule. */
  split(segmentId: number, at: number, version: number, actor: Actor): { first: Segment; second: Segment } {
    return this.transaction(() => {
      const current = this.current(segmentId, version);
      const place = this.layoutPlace(current);
      const parts = splitParts({ ...place, text: current.text }, at);
      // A status stays what it was: the words did not change, only where one sentence ends.
      const secondId = this.repository.insertAfter(
        {
          ...parts.second,
          articleId: current.articleId,
          paragraph: current.paragraph,
          kind: current.kind,
          status: current.status,
          note: null,
          updatedBy: actor.displayName,
          updatedAt: now(),
        },
        place.block,
        place.slot,
      );
      const second = this.repository.find(secondId)!;
      const change = { text: parts.first.text, status: current.status, note: null };
      const { first } = this.changeLayout('split', current, place, second, parts.first, change, parts.mtCut, 'split', actor, {
        at,
        mtAt: parts.mtAt,
      });
      return { first, second: this.get(secondId) };
    });
  }

  /** Merges a segment with the next one of its paragraph (see joinParts); returns the merged segment. */
  merge(segmentId: number, version: number, actor: Actor): Segment {
    return this.transaction(() => {
      const current = this.current(segmentId, version);
      const place = this.layoutPlace(current);
      const next = this.repository.next(current.articleId, place.block, place.slot);
      if (!next || next.paragraph !== current.paragraph) throw unprocessable('no_next_sentence', messages.noNextInParagraph);
      if (next.kind !== current.kind) throw unprocessable('different_kinds', messages.differentKinds);
      const nextPlace = this.layoutPlace(next);
      const { joined, mtCut } = joinParts({ ...place, text: current.text }, { ...nextPlace, text: next.text });
      const status = mergedStatus(current.status, next.status, joined.text === joined.mt);
      return this.changeLayout('merge', current, place, next, joined, { text: joined.text, status, note: null }, mtCut, 'merge', actor)
        .first;
    });
  }

  /**
   * Undoes the latest change of a segment when it is a split or a merge (or the undo of one): the
   * two segments get their texts, statuses, MT and layout back, each with a new revision 'undo'.
   * Refused (409) when either was changed since.
   */
  undoLayoutChange(segmentId: number, version: number, actor: Actor): Segment {
    return this.transaction(() => {
      const current = this.current(segmentId, version);
      const latest = this.repository.revision(segmentId, current.version);
      const detail = latest?.detail ? (JSON.parse(latest.detail) as LayoutDetail) : undefined;
      if (!detail) throw conflict('nothing_to_undo', messages.noLayoutChangeToUndo);
      if (!detail.before || !detail.after) throw conflict('nothing_to_undo', messages.undoSecondPart(detail.partner));
      const partner = this.repository.place(detail.partner)!;
      if (partner.version !== detail.partnerVersion) throw conflict('stale_version', messages.partnerChanged(detail.partner));
      const place = this.layoutPlace(current);
      const previous = this.repository.revision(segmentId, current.version - 1)!;
      const restored = { text: previous.text, status: previous.status, note: previous.note };
      const undo = { undoes: current.version };
      if (detail.effect === 'split') {
        return this.changeLayout(
          'merge',
          current,
          place,
          this.get(detail.partner),
          detail.before,
          restored,
          detail.mtCut!,
          'undo',
          actor,
          undo,
        ).first;
      }
      // The partner comes back right after this segment as it was: a merge changed nothing on its row but its place.
      this.repository.returnToOrder(current.articleId, detail.partner, place.block, place.slot);
      const returned = this.repository.find(detail.partner)!;
      return this.changeLayout('split', current, place, returned, detail.before, restored, detail.mtCut!, 'undo', actor, undo).first;
    });
  }

  /** Keeps the count of a segment's open comment threads in step (src/comments); the caller holds the transaction. */
  setOpenComments(segmentId: number, count: number): void {
    const before = this.reshaping ? undefined : this.repository.figureState(segmentId);
    this.repository.setOpenComments(segmentId, count);
    // Not a revision: the figures' open-comment count moves, the changes per hour do not.
    if (before) this.collaborators.figures.segmentsChanged([{ before, after: this.repository.figureState(segmentId) ?? null }], now(), 0);
  }

  /** IMMEDIATE takes the write lock before reading, so no other process slips a change in between the version check and the write. */
  private transaction<T>(work: () => T): T {
    if (this.db.inTransaction) return this.db.transaction(work)();
    return this.db
      .transaction(() => {
        const result = work();
        this.collaborators.searchIndex?.sync();
        return result;
      })
      .immediate();
  }

  /** The segment as stored, refused (409) when the change was based on another version. */
  private current(segmentId: number, version: number): Segment {
    const current = this.get(segmentId);
    if (current.version !== version) {
      throw conflict('stale_version', messages.staleVersion(current), { current: current as unknown as Record<string, unknown> });
    }
    return current;
  }

  /** Where a segment stands, refused (422) when it keeps the segmentation of its original file. */
  private layoutPlace(segment: Segment): SegmentPlace & { block: number; slot: number } {
    const place = this.repository.place(segment.id)!;
    if (place.hasCodes || place.hasAnchor) throw unprocessable('keeps_file_segmentation', messages.keepsFileSegmentation);
    return place as SegmentPlace & { block: number; slot: number };
  }

  /**
   * The revisions of a split, merge or undo, once the reading order is changed: the first segment
   * takes its new layout and text; with a 'split' effect the second (already in the order) gets a
   * revision of its own, with 'merge' it leaves the order into the first. Then the listeners move
   * what hangs on the MT and the rows.
   */
  private changeLayout(
    effect: 'split' | 'merge',
    first: Segment,
    place: SegmentPlace,
    second: Segment,
    layout: LayoutState,
    change: Pick<RevisionChange, 'text' | 'status' | 'note'>,
    mtCut: number,
    action: RevisionAction,
    actor: Actor,
    extra: Pick<LayoutDetail, 'at' | 'mtAt' | 'undoes'> = {},
  ): { first: Segment; second: Segment } {
    // Annotations and comments move between the two segments: their figures are taken before and after the whole change.
    // Open QA findings count as they stood before it: a segment that leaves or enters the order takes its count out or
    // back in, and what the findings' refresh then changes, src/findings adds to the figures itself.
    const openFindingsAtStart = new Map([first.id, second.id].map((id) => [id, this.repository.figureState(id)?.openFindings ?? 0]));
    const counted = (ids: number[]) =>
      ids
        .map((id) => this.repository.figureState(id))
        .filter((state) => state !== undefined)
        .map((state) => ({ ...state, openFindings: openFindingsAtStart.get(state.id) ?? 0 }));
    const beforeFigures = counted(effect === 'merge' ? [first.id, second.id] : [first.id]);
    this.reshaping = true;
    try {
      return this.collaborators.figures.reshaped(
        beforeFigures,
        () => {
          const result = this.layoutRevisions({ effect, first, place, second, layout, change, mtCut, action, actor, extra });
          // The time of the last revision written (the first segment's): the article's last change, as a recount finds it.
          return { result, after: counted(effect === 'split' ? [first.id, second.id] : [first.id]), at: result.first.updatedAt };
        },
        2,
      );
    } finally {
      this.reshaping = false;
    }
  }

  private layoutRevisions(step: LayoutStep): { first: Segment; second: Segment } {
    const { effect, first, place, second, layout, change, mtCut, action, actor, extra } = step;
    // Both revisions of one split or merge carry one time: the article's last change is the same whichever is read as last.
    const at = now();
    const before: LayoutState = { mt: place.mt, separator: place.separator, source: place.source, sourceScope: place.sourceScope };
    const after: LayoutState = { mt: layout.mt, separator: layout.separator, source: layout.source, sourceScope: layout.sourceScope };
    if (effect === 'merge') {
      const secondPlace = this.repository.place(second.id)!;
      this.repository.removeFromOrder(second.articleId, second.id, secondPlace.block!, secondPlace.slot!, first.id);
    }
    const secondDetail: LayoutDetail = { effect, partner: first.id, ...(action === 'undo' ? { undoes: second.version } : {}) };
    const secondWritten = this.record(
      [
        {
          current: second,
          change: { text: second.text, status: second.status, note: null, action, detail: secondDetail },
          actor,
          leftOrder: effect === 'merge',
        },
      ],
      at,
    )[0]!;
    const secondAfter = effect === 'merge' ? secondWritten : this.storedAfter(secondWritten);
    this.repository.setLayout(first.id, after);
    const firstDetail: LayoutDetail = { effect, partner: second.id, before, after, mtCut, partnerVersion: secondAfter.version, ...extra };
    const firstAfter = this.storedAfter(
      this.record([{ current: first, change: { ...change, action, detail: firstDetail }, actor, layout: after }], at)[0]!,
    );
    const firstLength = effect === 'split' ? after.mt.length : before.mt.length;
    for (const listener of this.listeners)
      listener.layoutChanged?.({ effect, first: firstAfter, second: secondAfter, mtCut, firstLength, actor });
    return { first: this.get(first.id), second: secondAfter };
  }

  private apply(segmentId: number, version: number, actor: Actor, decide: (current: Segment) => Decision): Segment {
    return this.transaction(() => {
      const current = this.current(segmentId, version);
      const next = this.checked(current, actor, decide(current));
      return next ? this.storedAfter(this.record([{ current, change: next, actor }])[0]!) : current;
    });
  }

  /** A segment record() wrote, as now stored: listeners may have changed its row. One that left the order: as written. */
  private storedAfter(written: Segment): Segment {
    return this.repository.find(written.id) ?? written;
  }

  /** The change `next` as it is to be recorded, refused (403, 422) when it may not be made; undefined when it changes nothing. */
  private checked(current: Segment, actor: Actor, next: Decision): RevisionChange | undefined {
    const decides = next.status !== current.status && REVIEW_DECISIONS.includes(next.status) && !next.restoresPrevious;
    if (decides && !hasRole(actor, 'reviewer')) throw new AppError(403, 'forbidden', messages.reviewersOnly);
    this.checkLength(next.text);
    const note = next.note?.trim() || null;
    if (note && note.length > NOTE_MAX) throw unprocessable('note_too_long', messages.noteTooLong);
    if (next.status === 'rejected' && !note) throw unprocessable('reason_required', messages.reasonRequired);
    if (next.status === 'new' && next.text !== current.mt) throw unprocessable('invalid_status', messages.newNeedsMt);
    // Without a source an empty text is a sentence dropped from the article, which may be approved; with
    // one (an XLIFF unit without target) it is a translation missing, which a file's reader would take as done.
    if (decides && next.status === 'approved' && next.text === '' && current.source)
      throw unprocessable('empty_translation', messages.emptyTranslation);
    const unchanged = next.text === current.text && next.status === current.status;
    // Saving the same text and status again is not a change; a note alone is kept as one.
    if (unchanged && !next.force && !note) return undefined;
    const { text, status, action, editingSeconds, detail, batchId } = next;
    return { text, status, note, action, editingSeconds, detail, batchId };
  }

  /**
   * The one write path of every change to a segment: appends the revisions, makes each the segment's
   * current state, moves the articles' last-change time, counts the stored figures and tells the
   * listeners, all in the caller's transaction. A list is one action (a batch's chunk): its
   * revisions share one time, and the figures and last-change time are written once per article
   * rather than once per segment (measured: those two UPDATEs per segment were a third of a
   * batch's write). `leftOrder`: the segment was merged into another (listeners see no after).
   * Returns each segment as written, without what the listeners changed on its row (a rejection's
   * reason opens a comment thread): storedAfter() reads it back where that is shown.
   */
  private record(items: readonly RecordItem[], createdAt = now()): Segment[] {
    const revisionIds = this.repository.appendAll(
      items.map(({ current, change, actor }) => ({
        segmentId: current.id,
        articleId: current.articleId,
        previousVersion: current.version,
        version: current.version + 1,
        action: change.action,
        text: change.text,
        status: change.status,
        note: change.note,
        author: actor.displayName,
        // 0 is the command line's operator, who has no account (src/cli.ts).
        userId: actor.userId || null,
        editingSeconds: change.editingSeconds ?? null,
        createdAt,
        batchId: change.batchId ?? null,
        detail: change.detail ? JSON.stringify(change.detail) : null,
      })),
    );
    const written = items.map(({ current, change, actor, layout }): Segment => ({
      ...current,
      ...layout,
      text: change.text,
      status: change.status,
      version: current.version + 1,
      note: change.note,
      updatedBy: actor.displayName,
      updatedAt: createdAt,
      editingMs: current.editingMs + editingMsOf(change.editingSeconds),
    }));
    const writes = items.map(({ current, change, actor, leftOrder }, index): SegmentWrite => ({
      // A segment a split just created has version 0 until this, its first revision.
      before: current.version === 0 ? null : current,
      after: leftOrder ? null : written[index]!,
      revisionId: revisionIds[index]!,
      action: change.action,
      note: change.note,
      actor,
    }));
    // Every caller read `current` in this transaction, just before, and `written` is what the revision stored:
    // the figures' states before and after, as they stand before the listeners run (what those change, e.g.
    // open comments, they count themselves). A split or merge counts as a whole (changeLayout).
    const figureChanges: SegmentFigureChange[] = this.reshaping
      ? []
      : writes.map(({ before, after }) => ({ before: before && figureStateOf(before), after: after && figureStateOf(after) }));
    for (const listener of this.listeners) listener.revisionsWritten?.(writes);
    for (const articleId of new Set(items.map(({ current }) => current.articleId))) this.collaborators.articleChanged(articleId, createdAt);
    if (figureChanges.length > 0) this.collaborators.figures.segmentsChanged(figureChanges, createdAt);
    return written;
  }
}

/**
 * A merged sentence keeps what both parts were decided to be: rejected if either was (the reason
 * stays in its comment thread), approved only if both were; otherwise it awaits review, or is new
 * when its text is the MT.
 */
function mergedStatus(first: ReviewStatus, second: ReviewStatus, isMt: boolean): ReviewStatus {
  if (first === 'rejected' || second === 'rejected') return 'rejected';
  if (first === 'approved' && second === 'approved') return 'approved';
  return isMt ? 'new' : 'edited';
}

/** A text edit leaves a sentence waiting for review, unless it is the MT again. */
function statusForText(text: string, mt: string): ReviewStatus {
  return text === mt ? 'new' : 'edited';
}

/** What the stored figures read of a segment. */
function figureStateOf(segment: Segment): SegmentFigureState {
  const { id, articleId, kind, status, mt, text, editingMs, openFindings, openComments } = segment;
  return { id, articleId, kind, status, mt, text, editingMs, openFindings, openComments };
}
