import type { Actor } from '../auth/roles';

export interface PresenceEntry {
  userId: number;
  displayName: string;
  segmentId: number | null;
}

type SeenEntry = PresenceEntry & { seenAt: number };

/** An entry counts as "here now" for this long after the browser's last heartbeat. */
export const PRESENCE_TTL_MS = 30_000;

/**
 * Who has which article (and which sentence in it) open right now. Kept in memory:
 * it is a hint to avoid conflicts, not a lock, and means nothing after a restart.
 */
export class PresenceTracker {
  private readonly byArticle = new Map<number, Map<number, SeenEntry>>();

  constructor(private readonly clock: () => number = Date.now) {}

  heartbeat(articleId: number, actor: Actor, segmentId: number | null): void {
    let entries = this.byArticle.get(articleId);
    if (!entries) this.byArticle.set(articleId, (entries = new Map<number, SeenEntry>()));
    entries.set(actor.userId, { userId: actor.userId, displayName: actor.displayName, segmentId, seenAt: this.clock() });
  }

  /** Keeps an account present (an open live stream) without changing which sentence it has open. */
  touch(articleId: number, actor: Actor): void {
    const entry = this.byArticle.get(articleId)?.get(actor.userId);
    if (entry) entry.seenAt = this.clock();
    else this.heartbeat(articleId, actor, null);
  }

  leave(articleId: number, actor: Actor): void {
    this.byArticle.get(articleId)?.delete(actor.userId);
  }

  /** Everyone else on the article, with the sentence they are editing (null: just reading). */
  others(articleId: number, actor: Actor): PresenceEntry[] {
    return this.everyone(articleId).filter((entry) => entry.userId !== actor.userId);
  }

  /** Everyone on the article (the live stream sends this list; each page leaves itself out). */
  everyone(articleId: number): PresenceEntry[] {
    const entries = this.byArticle.get(articleId);
    if (!entries) return [];
    const cutoff = this.clock() - PRESENCE_TTL_MS;
    const present: PresenceEntry[] = [];
    for (const [userId, entry] of entries) {
      if (entry.seenAt < cutoff) entries.delete(userId);
      else present.push({ userId, displayName: entry.displayName, segmentId: entry.segmentId });
    }
    return present;
  }
}
