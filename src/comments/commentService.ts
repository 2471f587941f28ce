import type { Db } from '../db/database';
import { now } from '../clock';
import { AppError, notFound, unprocessable } from '../errors';
import { hasRole, type Actor } from '../auth/roles';
import type { Segment } from '../segments/model';
import type { LayoutChange, SegmentService, SegmentWrite } from '../segments/segmentService';
import { cleanText } from '../segments/segmentText';
import { CommentRepository } from './commentRepository';
import { COMMENT_BODY_MAX, type Comment, type CommentChange } from './model';

export const messages = {
  empty: 'A comment needs some text.',
  tooLong: `A comment can be at most ${COMMENT_BODY_MAX.toLocaleString('en-US')} characters.`,
  replyElsewhere: 'replyTo must be a comment on the same sentence.',
  mayNotResolve: 'Only whoever started the thread, or a reviewer, can resolve or reopen it.',
};

export interface NewCommentInput {
  body: string;
  /** any comment of the thread to reply to; absent: start a thread */
  replyTo?: number;
}

/**
 * Comments on sentences, in threads. Anyone signed in may write and reply; a thread is resolved
 * or reopened by whoever started it or by a reviewer (or admin). Each sentence's count of open
 * threads is kept in step (segments.open_comments) for the row marker and the "open comments"
 * filter. A rejection's reason opens a thread linked to its revision, in the same transaction.
 */
export class CommentService {
  private readonly repository: CommentRepository;

  constructor(
    private readonly db: Db,
    private readonly collaborators: {
      segments: SegmentService;
      /** Called inside the change's transaction (the live stream publishes it after commit). */
      changed?: (change: CommentChange) => void;
    },
  ) {
    this.repository = new CommentRepository(db);
  }

  get(id: number): Comment {
    const comment = this.repository.find(id);
    if (!comment) throw notFound(`Comment ${id}`);
    return comment;
  }

  /** A sentence's threads, each first comment followed by its replies. */
  forSegment(segmentId: number): { segment: Segment; comments: Comment[] } {
    const segment = this.collaborators.segments.get(segmentId);
    return { segment, comments: this.repository.bySegment(segmentId) };
  }

  /** Every comment of an article in reading order, for its JSON export. */
  forArticle(articleId: number): Comment[] {
    return this.repository.byArticle(articleId);
  }

  add(segmentId: number, input: NewCommentInput, actor: Actor): Comment {
    const body = cleanBody(input.body);
    return this.transaction(() => {
      const segment = this.collaborators.segments.get(segmentId);
      let threadId: number | null = null;
      if (input.replyTo !== undefined) {
        const repliedTo = this.repository.find(input.replyTo);
        if (!repliedTo || repliedTo.segmentId !== segmentId)
          throw unprocessable('invalid_input', messages.replyElsewhere, { field: 'replyTo' });
        threadId = repliedTo.threadId;
      }
      const id = this.insert(segment, { body, threadId, revisionId: null }, actor);
      return this.get(id);
    });
  }

  /** Resolves or reopens the thread a comment belongs to; returns the thread's first comment. */
  setResolved(commentId: number, resolved: boolean, actor: Actor): Comment {
    return this.transaction(() => {
      const thread = this.get(this.get(commentId).threadId);
      if (thread.userId !== actor.userId && !hasRole(actor, 'reviewer')) throw new AppError(403, 'forbidden', messages.mayNotResolve);
      if ((thread.resolvedAt !== null) === resolved) return thread;
      this.repository.setResolved(thread.id, resolved ? now() : null, resolved ? actor.displayName : null);
      this.changed(thread, resolved ? 'resolved' : 'reopened', actor);
      return this.get(thread.id);
    });
  }

  /**
   * A segment write (SegmentService calls it inside the write's transaction): a status change to
   * 'rejected' carries its reason, which starts a thread linked to the revision.
   */
  revisionWritten({ before, after, revisionId, note, actor }: SegmentWrite): void {
    if (!after || after.status !== 'rejected' || before?.status === 'rejected' || !note) return;
    this.insert(after, { body: note, threadId: null, revisionId }, actor);
  }

  /**
   * A merge brings the second sentence's threads to the merged one. After a split they stay on the
   * first part (a thread is about the sentence as it was), and undoing a merge leaves them there too.
   */
  followLayout({ effect, first, second }: LayoutChange): void {
    if (effect !== 'merge') return;
    this.repository.moveToSegment(second.id, first.id);
    this.collaborators.segments.setOpenComments(second.id, 0);
    this.collaborators.segments.setOpenComments(first.id, this.repository.openThreads(first.id));
  }

  private insert(segment: Segment, comment: { body: string; threadId: number | null; revisionId: number | null }, actor: Actor): number {
    const id = this.repository.insert({
      ...comment,
      segmentId: segment.id,
      articleId: segment.articleId,
      author: actor.displayName,
      userId: actor.userId,
      createdAt: now(),
    });
    this.changed(this.get(id), 'added', actor);
    return id;
  }

  /** Keeps the sentence's open-thread count in step and tells the live stream. */
  private changed(comment: Comment, action: CommentChange['action'], actor: Actor): void {
    const openComments = this.repository.openThreads(comment.segmentId);
    this.collaborators.segments.setOpenComments(comment.segmentId, openComments);
    this.collaborators.changed?.({
      articleId: comment.articleId,
      segmentId: comment.segmentId,
      commentId: comment.id,
      threadId: comment.threadId,
      action,
      openComments,
      by: actor.displayName,
    });
  }

  private transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }
}

/** The text of a comment: as a sentence's text is cleaned (no NUL, valid Unicode, trimmed), 1 to 5,000 characters. */
function cleanBody(body: string): string {
  const cleaned = cleanText(body);
  if (!cleaned) throw unprocessable('invalid_input', messages.empty, { field: 'body' });
  if (cleaned.length > COMMENT_BODY_MAX) throw unprocessable('invalid_input', messages.tooLong, { field: 'body' });
  return cleaned;
}
