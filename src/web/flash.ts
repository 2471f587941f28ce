/**
 * One-time notices for the page a form redirects to (POST → redirect → GET), kept
 * in memory per session: a notice is a courtesy, not data, so a restart may drop it.
 */
export class Flash {
  private readonly notices = new Map<number, string>();

  /** Keeps a notice for the session's next page; without a session (an API token) there is no next page. */
  set(sessionId: number | undefined, notice: string): void {
    if (sessionId === undefined) return;
    this.notices.delete(sessionId);
    this.notices.set(sessionId, notice);
    // A session that never comes back must not hold memory forever: drop the oldest beyond a bound.
    if (this.notices.size > 1_000) this.notices.delete(this.notices.keys().next().value!);
  }

  /** The notice waiting for this session, once. */
  take(sessionId: number | undefined): string | undefined {
    if (sessionId === undefined) return undefined;
    const notice = this.notices.get(sessionId);
    this.notices.delete(sessionId);
    return notice;
  }
}
