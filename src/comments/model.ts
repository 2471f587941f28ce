/** A comment on a sentence. A thread is its first comment and the replies to it. */
export interface Comment {
  id: number;
  segmentId: number;
  articleId: number;
  /** the thread's first comment; its own id for the first comment itself */
  threadId: number;
  body: string;
  author: string;
  userId: number | null;
  createdAt: string;
  /** on a thread's first comment: when and by whom the thread was resolved (null while open) */
  resolvedAt: string | null;
  resolvedBy: string | null;
  /** the revision a rejection's reason came with, when the thread started as one */
  revisionId: number | null;
}

/** A thread: its first comment (which holds whether it is resolved) and the replies, oldest first. */
export interface Thread {
  first: Comment;
  replies: Comment[];
}

/** Groups a sentence's comments (first comments each followed by their replies) into threads. */
export function threadsOf(comments: readonly Comment[]): Thread[] {
  const threads = new Map<number, Thread>();
  for (const comment of comments) {
    const thread = threads.get(comment.threadId);
    if (thread) thread.replies.push(comment);
    else threads.set(comment.threadId, { first: comment, replies: [] });
  }
  return [...threads.values()];
}

/** What changed in a sentence's comments, for the live stream (after commit). */
export interface CommentChange {
  articleId: number;
  segmentId: number;
  commentId: number;
  threadId: number;
  action: 'added' | 'resolved' | 'reopened';
  openComments: number;
  by: string;
}

export const COMMENT_BODY_MAX = 5_000;
