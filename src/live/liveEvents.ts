import type { CommentChange } from '../comments/model';
import type { SegmentWrite } from '../segments/segmentService';
import type { EventHub } from './eventHub';

/** A row changed: the page fetches the row again (GET /segments/:id/row) unless it shows this version already. */
export interface SegmentChangedEvent {
  segmentId: number;
  articleId: number;
  version: number;
  status: string | null;
  action: string;
  by: string;
  byUserId: number | null;
  /** the segment was merged into another and left the reading order */
  gone: boolean;
}

export interface CommentChangedEvent {
  segmentId: number;
  articleId: number;
  commentId: number;
  threadId: number;
  action: CommentChange['action'];
  openComments: number;
  by: string;
}

interface Pending {
  articleId: number;
  event: 'segment' | 'comment';
  data: SegmentChangedEvent | CommentChangedEvent;
  /** whether what the event tells is still stored (a write rolled back after its listener ran is not) */
  stillTrue: () => boolean;
}

/**
 * Turns writes into live events, published AFTER their transaction. Segment and comment writes
 * report here from inside the transaction (as SegmentService / CommentService listeners); the
 * events wait until the current synchronous work is over (setImmediate: a GroupCommit batch or a
 * single transaction commits within that same turn), and an event whose write was rolled back
 * (the segment's stored version is older than the event's) is dropped.
 */
export class LiveEvents {
  private pending: Pending[] = [];
  private scheduled = false;

  constructor(
    private readonly hub: EventHub,
    /** the stored version of a segment (undefined when it no longer exists) */
    private readonly storedVersion: (segmentId: number) => number | undefined,
  ) {}

  segmentWritten(write: SegmentWrite): void {
    const segment = write.after ?? write.before;
    if (!segment) return;
    const version = write.after ? write.after.version : (write.before?.version ?? 0) + 1;
    this.queue({
      articleId: segment.articleId,
      event: 'segment',
      data: {
        segmentId: segment.id,
        articleId: segment.articleId,
        version,
        status: write.after?.status ?? null,
        action: write.action,
        by: write.actor.displayName,
        byUserId: write.actor.userId,
        gone: write.after === null,
      },
      stillTrue: () => (this.storedVersion(segment.id) ?? -1) >= version,
    });
  }

  commentChanged(change: CommentChange): void {
    this.queue({
      articleId: change.articleId,
      event: 'comment',
      data: {
        segmentId: change.segmentId,
        articleId: change.articleId,
        commentId: change.commentId,
        threadId: change.threadId,
        action: change.action,
        openComments: change.openComments,
        by: change.by,
      },
      stillTrue: () => true,
    });
  }

  private queue(item: Pending): void {
    this.pending.push(item);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    const items = this.pending;
    this.pending = [];
    // Nobody watching the article: nothing to check (a batch writes thousands of rows nobody watches).
    for (const item of items)
      if (this.hub.streams(item.articleId) > 0 && item.stillTrue()) this.hub.publish(item.articleId, item.event, item.data);
  }
}
