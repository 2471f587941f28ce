import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The one-time first-run link. While no user exists the server holds a random
 * token (printed on its console); whoever opens the link creates the first admin.
 * The token lives only in memory: a restart prints a new one.
 */
export class SetupGate {
  private token: string | undefined;

  constructor(token?: string) {
    this.token = token;
  }

  static issue(): SetupGate {
    return new SetupGate(randomBytes(24).toString('base64url'));
  }

  get pendingToken(): string | undefined {
    return this.token;
  }

  matches(candidate: unknown): boolean {
    if (!this.token || typeof candidate !== 'string') return false;
    const expected = Buffer.from(this.token);
    const given = Buffer.from(candidate);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  close(): void {
    this.token = undefined;
  }
}
