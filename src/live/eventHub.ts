import { AppError } from '../errors';

/** One open event stream: who holds it and how to send it an event. */
export interface LiveClient {
  userId: number;
  send(event: string, data: unknown): void;
}

/** Streams one account may hold open at once (tabs, windows); one more is refused with 429. */
export const MAX_STREAMS_PER_USER = 8;

export const messages = {
  tooManyStreams: `You have ${MAX_STREAMS_PER_USER} live pages open already; close one (or reload) and try again.`,
};

/**
 * The open event streams of this process, per article. In memory: a change made by another
 * process (the CLI) is not seen here. Publishing sends to every stream of the article at once.
 */
export class EventHub {
  private readonly byArticle = new Map<number, Set<LiveClient>>();
  private readonly perUser = new Map<number, number>();

  /** Adds a stream; the returned function removes it (call it once, when the connection closes). */
  subscribe(articleId: number, client: LiveClient): () => void {
    const held = this.perUser.get(client.userId) ?? 0;
    if (held >= MAX_STREAMS_PER_USER) throw new AppError(429, 'too_many_streams', messages.tooManyStreams);
    this.perUser.set(client.userId, held + 1);
    let clients = this.byArticle.get(articleId);
    if (!clients) this.byArticle.set(articleId, (clients = new Set()));
    clients.add(client);
    let removed = false;
    return () => {
      if (removed) return;
      removed = true;
      clients.delete(client);
      if (clients.size === 0) this.byArticle.delete(articleId);
      const left = (this.perUser.get(client.userId) ?? 1) - 1;
      if (left > 0) this.perUser.set(client.userId, left);
      else this.perUser.delete(client.userId);
    };
  }

  publish(articleId: number, event: string, data: unknown): void {
    for (const client of this.byArticle.get(articleId) ?? []) client.send(event, data);
  }

  /** How many streams are open on an article: all, or one account's. */
  streams(articleId: number, userId?: number): number {
    let count = 0;
    for (const client of this.byArticle.get(articleId) ?? []) if (userId === undefined || client.userId === userId) count++;
    return count;
  }
}
