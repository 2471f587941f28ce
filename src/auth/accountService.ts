import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database';
import { AppError, notFound } from '../errors';
import { now } from '../clock';
import { isBusy } from '../db/groupCommit';
import { AccountRepository } from './accountRepository';
import type { AuditEntry, AuditLog } from './auditLog';
import { USERNAME_MAX, toActor, type ApiToken, type SessionRow, type User } from './model';
import type { PasswordHasher } from './passwords';
import type { Actor, Role } from './roles';

export interface SessionPolicy {
  idleMinutes: number;
  maxDays: number;
}

/** What "sign out everywhere" ended. */
export interface SignedOut {
  sessionsEnded: number;
  tokensRevoked: number;
}

export interface ResolvedSession {
  actor: Actor;
  session: SessionRow;
}

export const messages = {
  wrongCredentials: 'Wrong username or password.',
  disabled: 'This account is disabled. Ask an admin to enable it.',
  usernameTaken: (username: string) => `The username "${username}" is taken.`,
  wrongCurrentPassword: 'The current password is not right.',
  lastAdmin: 'Redline needs at least one active admin: make someone else admin first.',
  tokenNotYours: 'You can only revoke your own tokens.',
  notYourSessions: 'Only an admin can sign someone else out.',
  setupDone: 'Someone else has just set up Redline with this link and is its first admin. Ask them for an account, then sign in.',
};

// Updating last-seen on every request would turn each read into a durable write;
// once a minute is precise enough for an idle timeout counted in minutes.
const TOUCH_INTERVAL_MS = 60_000;
const TOKEN_PREFIX = 'rl_';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** "2 sessions ended, 1 token revoked": for the audit log and the notices. */
export function describeSignedOut({ sessionsEnded, tokensRevoked }: SignedOut): string {
  const ended = `${plural(sessionsEnded, 'session')} ended`;
  return tokensRevoked > 0 ? `${ended}, ${plural(tokensRevoked, 'token')} revoked` : ended;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const randomToken = () => randomBytes(32).toString('base64url');

/** A new account, as validated at the edge (auth/schemas.ts). */
export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

/** Users, sessions and API tokens. Secrets are stored hashed; only their owner ever sees them, once. */
export class AccountService {
  private readonly repository: AccountRepository;
  /** How long sessions last; the sign-in cookie lives as long. */
  readonly policy: SessionPolicy;
  private readonly audit: AuditLog;
  private readonly passwords: PasswordHasher;

  constructor(
    private readonly db: Db,
    collaborators: { policy: SessionPolicy; audit: AuditLog; passwords: PasswordHasher },
  ) {
    this.repository = new AccountRepository(db);
    ({ policy: this.policy, audit: this.audit, passwords: this.passwords } = collaborators);
  }

  hasUsers(): boolean {
    return this.repository.countUsers() > 0;
  }

  users(): User[] {
    return this.repository.users();
  }

  user(id: number): User {
    const user = this.repository.userById(id);
    if (!user) throw notFound(`User ${id}`);
    return user;
  }

  /** The account with that username, as an actor; refused when unknown (404) or disabled (409). */
  activeActor(username: string): Actor {
    const user = this.repository.userByName(username);
    if (!user) throw new AppError(404, 'not_found', `No user named ${username}.`);
    if (user.disabledAt) throw new AppError(409, 'account_disabled', `${user.username} is disabled.`);
    return toActor(user);
  }

  async createUser(fields: NewUser, by: Actor | undefined, ip?: string): Promise<User> {
    return this.insertUser(fields, await this.passwords.hash(fields.password), { by, ip, onlyIfFirst: false });
  }

  /**
   * The first admin, from the one-time setup link. Whether an account exists is
   * checked again inside the insert's transaction, after the (awaited) password
   * hash: of setup forms posted at once, exactly one wins.
   */
  async createFirstAdmin(fields: Omit<NewUser, 'role'>, ip?: string): Promise<User> {
    return this.insertUser({ ...fields, role: 'admin' }, await this.passwords.hash(fields.password), {
      by: undefined,
      ip,
      onlyIfFirst: true,
    });
  }

  private insertUser(
    fields: NewUser,
    passwordHash: string,
    how: { by: Actor | undefined; ip: string | undefined; onlyIfFirst: boolean },
  ): User {
    const id = this.db
      .transaction(() => {
        if (how.onlyIfFirst && this.repository.countUsers() > 0) throw new AppError(409, 'setup_done', messages.setupDone);
        if (this.repository.userByName(fields.username)) throw new AppError(409, 'username_taken', messages.usernameTaken(fields.username));
        const id = this.repository.insertUser(fields.username, fields.displayName, fields.role, passwordHash, now());
        this.audit.record({
          actor: how.by,
          action: how.by ? 'user_created' : 'setup_admin_created',
          target: fields.username,
          detail: `role ${fields.role}`,
          ip: how.ip,
        });
        return id;
      })
      .immediate();
    return this.user(id);
  }

  /** Checks a username and password. Every failure reads the same, whether the user exists or not. */
  async authenticate(username: string, password: string, ip?: string): Promise<User> {
    const user = this.repository.userByName(username.trim());
    const valid = user ? await this.passwords.verify(password, user.passwordHash) : (await this.passwords.verifyDecoy(password), false);
    if (!user || !valid) {
      this.audit.record({ action: 'login_failed', target: username.slice(0, USERNAME_MAX), ip });
      throw new AppError(401, 'wrong_credentials', messages.wrongCredentials);
    }
    if (user.disabledAt) {
      this.audit.record({ actor: toActor(user), action: 'login_refused_disabled', target: user.username, ip });
      throw new AppError(403, 'account_disabled', messages.disabled);
    }
    this.audit.record({ actor: toActor(user), action: 'login', target: user.username, ip });
    return user;
  }

  openSession(userId: number): { cookieValue: string; csrfToken: string } {
    const cookieValue = randomToken();
    const csrfToken = randomToken();
    const at = new Date();
    const expiresAt = new Date(at.getTime() + this.policy.maxDays * 86_400_000).toISOString();
    this.repository.insertSession(sha256(cookieValue), userId, csrfToken, at.toISOString(), expiresAt);
    return { cookieValue, csrfToken };
  }

  /** The signed-in account behind a session cookie, or undefined when unknown, expired or disabled. */
  resolveSession(cookieValue: string): ResolvedSession | undefined {
    const session = this.repository.sessionByHash(sha256(cookieValue));
    if (!session) return undefined;
    const nowMs = Date.now();
    const idleLimit = Date.parse(session.lastSeenAt) + this.policy.idleMinutes * 60_000;
    if (Date.parse(session.expiresAt) <= nowMs || idleLimit <= nowMs) {
      unlessLocked(() => this.repository.deleteSession(session.id));
      return undefined;
    }
    const user = this.repository.userById(session.userId);
    if (!user || user.disabledAt) return undefined;
    if (nowMs - Date.parse(session.lastSeenAt) > TOUCH_INTERVAL_MS)
      unlessLocked(() => this.repository.touchSession(session.id, new Date(nowMs).toISOString()));
    return { actor: toActor(user), session };
  }

  closeSession(session: SessionRow, actor: Actor, ip?: string): void {
    this.repository.deleteSession(session.id);
    this.audit.record({ actor, action: 'logout', target: actor.username, ip });
  }

  deleteExpiredSessions(): void {
    const nowIso = now();
    this.repository.deleteExpiredSessions(nowIso, new Date(Date.now() - this.policy.idleMinutes * 60_000).toISOString());
  }

  /**
   * Changes the password. Other sessions may be someone who learned the old
   * password: they end; the API tokens are revoked too when asked (`revokeTokens`).
   */
  async changePassword(
    actor: Actor,
    currentSession: SessionRow | undefined,
    passwords: { current: string; password: string },
    options: { revokeTokens: boolean },
    ip?: string,
  ): Promise<SignedOut> {
    const user = this.user(actor.userId);
    if (!(await this.passwords.verify(passwords.current, user.passwordHash)))
      throw new AppError(422, 'wrong_password', messages.wrongCurrentPassword);
    const passwordHash = await this.passwords.hash(passwords.password);
    return this.db
      .transaction(() => {
        this.repository.setPassword(user.id, passwordHash, now());
        const at = now();
        const signedOut = {
          sessionsEnded: currentSession
            ? this.repository.deleteOtherSessions(user.id, currentSession.id)
            : this.repository.deleteUserSessions(user.id),
          tokensRevoked: options.revokeTokens ? this.repository.revokeUserTokens(user.id, at) : 0,
        };
        this.audit.record({ actor, action: 'password_changed', target: user.username, detail: describeSignedOut(signedOut), ip });
        return signedOut;
      })
      .immediate();
  }

  /**
   * "Sign out everywhere": ends every session of the user (the caller's own too,
   * when it is theirs) and, when asked, revokes their API tokens. For oneself, or
   * by an admin for anyone.
   */
  signOutEverywhere(by: Actor, userId: number, options: { revokeTokens: boolean }, ip?: string): SignedOut {
    if (by.userId !== userId && by.role !== 'admin') throw new AppError(403, 'forbidden', messages.notYourSessions);
    return this.db
      .transaction(() => {
        const user = this.user(userId);
        const signedOut = {
          sessionsEnded: this.repository.deleteUserSessions(userId),
          tokensRevoked: options.revokeTokens ? this.repository.revokeUserTokens(userId, now()) : 0,
        };
        this.audit.record({ actor: by, action: 'signed_out_everywhere', target: user.username, detail: describeSignedOut(signedOut), ip });
        return signedOut;
      })
      .immediate();
  }

  setRole(by: Actor, userId: number, role: Role, ip?: string): User {
    this.db
      .transaction(() => {
        const user = this.user(userId);
        if (user.role === role) return;
        if (user.role === 'admin' && this.isLastActiveAdmin(user)) throw new AppError(409, 'last_admin', messages.lastAdmin);
        this.repository.setRole(userId, role, now());
        this.audit.record({ actor: by, action: 'role_changed', target: user.username, detail: `${user.role} → ${role}`, ip });
      })
      .immediate();
    return this.user(userId);
  }

  setDisabled(by: Actor, userId: number, disabled: boolean, ip?: string): User {
    this.db
      .transaction(() => {
        const user = this.user(userId);
        if (Boolean(user.disabledAt) === disabled) return;
        if (disabled && user.role === 'admin' && this.isLastActiveAdmin(user)) throw new AppError(409, 'last_admin', messages.lastAdmin);
        const at = now();
        this.repository.setDisabled(userId, disabled ? at : null, at);
        // A disabled user's sessions end now; their tokens stop working while disabled.
        if (disabled) this.repository.deleteUserSessions(userId);
        this.audit.record({ actor: by, action: disabled ? 'user_disabled' : 'user_enabled', target: user.username, ip });
      })
      .immediate();
    return this.user(userId);
  }

  createToken(owner: Actor, label: string, ip?: string): { token: string; record: ApiToken } {
    const token = TOKEN_PREFIX + randomToken();
    const id = this.db
      .transaction(() => {
        const id = this.repository.insertToken(owner.userId, label, sha256(token), token.slice(0, 8), now());
        this.audit.record({ actor: owner, action: 'token_created', target: `${owner.username}: ${label}`, ip });
        return id;
      })
      .immediate();
    return { token, record: this.repository.tokenById(id)! };
  }

  /** An admin sees every token; everyone else their own. */
  tokens(actor: Actor): ApiToken[] {
    return this.repository.tokens(actor.role === 'admin' ? undefined : actor.userId);
  }

  revokeToken(actor: Actor, tokenId: number, ip?: string): ApiToken {
    return this.db
      .transaction(() => {
        const token = this.repository.tokenById(tokenId);
        if (!token) throw notFound(`Token ${tokenId}`);
        if (token.userId !== actor.userId && actor.role !== 'admin') throw new AppError(403, 'forbidden', messages.tokenNotYours);
        if (this.repository.revokeToken(tokenId, now())) {
          this.audit.record({ actor, action: 'token_revoked', target: `${this.user(token.userId).username}: ${token.label}`, ip });
        }
        return this.repository.tokenById(tokenId)!;
      })
      .immediate();
  }

  /** The audit log's latest entries, newest first (admins read them). */
  auditEntries(limit = 500): AuditEntry[] {
    return this.audit.latest(limit);
  }

  /** The account behind a bearer token, or undefined when unknown, revoked or its owner disabled. */
  resolveToken(token: string): Actor | undefined {
    const record = this.repository.tokenByHash(sha256(token));
    if (!record || record.revokedAt) return undefined;
    const user = this.repository.userById(record.userId);
    if (!user || user.disabledAt) return undefined;
    if (!record.lastUsedAt || Date.now() - Date.parse(record.lastUsedAt) > TOUCH_INTERVAL_MS)
      unlessLocked(() => this.repository.touchToken(record.id, now()));
    return toActor(user);
  }

  private isLastActiveAdmin(user: User): boolean {
    return !this.repository.users().some((other) => other.id !== user.id && other.role === 'admin' && !other.disabledAt);
  }
}

/**
 * Bookkeeping done while a request is authenticated (when a session or token was last used, an
 * expired session's row): when another process holds the write lock it is skipped, not waited for
 * (the server never sleeps on a lock) nor turned into a 503 for a request that may only read.
 */
function unlessLocked(write: () => void): void {
  try {
    write();
  } catch (error) {
    if (!isBusy(error)) throw error;
  }
}
