import type { Db } from '../db/database';
import type { ApiToken, SessionRow, User } from './model';
import type { Role } from './roles';

const USER_COLUMNS = `id, username, display_name AS displayName, role, password_hash AS passwordHash, disabled_at AS disabledAt,
  created_at AS createdAt, updated_at AS updatedAt`;
const TOKEN_COLUMNS = `id, user_id AS userId, label, prefix, created_at AS createdAt, last_used_at AS lastUsedAt, revoked_at AS revokedAt`;

/** SQL for users, sessions and API tokens; private to src/auth. */
export class AccountRepository {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      countUsers: db.prepare(`SELECT count(*) AS n FROM users`),
      insertUser: db.prepare(
        `INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      userById: db.prepare(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`),
      userByName: db.prepare(`SELECT ${USER_COLUMNS} FROM users WHERE username = ?`),
      users: db.prepare(`SELECT ${USER_COLUMNS} FROM users ORDER BY username`),
      setRole: db.prepare(`UPDATE users SET role = ?, updated_at = ? WHERE id = ?`),
      setDisabled: db.prepare(`UPDATE users SET disabled_at = ?, updated_at = ? WHERE id = ?`),
      setPassword: db.prepare(`UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?`),
      insertSession: db.prepare(
        `INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      sessionByHash: db.prepare(
        `SELECT id, user_id AS userId, csrf_token AS csrfToken, created_at AS createdAt, last_seen_at AS lastSeenAt, expires_at AS expiresAt
           FROM sessions WHERE token_hash = ?`,
      ),
      touchSession: db.prepare(`UPDATE sessions SET last_seen_at = ? WHERE id = ?`),
      deleteSession: db.prepare(`DELETE FROM sessions WHERE id = ?`),
      deleteUserSessions: db.prepare(`DELETE FROM sessions WHERE user_id = ?`),
      deleteOtherSessions: db.prepare(`DELETE FROM sessions WHERE user_id = ? AND id <> ?`),
      deleteExpiredSessions: db.prepare(`DELETE FROM sessions WHERE expires_at < ? OR last_seen_at < ?`),
      insertToken: db.prepare(`INSERT INTO api_tokens (user_id, label, token_hash, prefix, created_at) VALUES (?, ?, ?, ?, ?)`),
      tokenByHash: db.prepare(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE token_hash = ?`),
      tokenById: db.prepare(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE id = ?`),
      tokensOfUser: db.prepare(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE user_id = ? ORDER BY id DESC`),
      allTokens: db.prepare(`SELECT ${TOKEN_COLUMNS} FROM api_tokens ORDER BY id DESC`),
      touchToken: db.prepare(`UPDATE api_tokens SET last_used_at = ? WHERE id = ?`),
      revokeToken: db.prepare(`UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`),
      revokeUserTokens: db.prepare(`UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL`),
    };
  }

  countUsers(): number {
    return (this.statements.countUsers.get() as { n: number }).n;
  }
  insertUser(username: string, displayName: string, role: Role, passwordHash: string, at: string): number {
    return Number(this.statements.insertUser.run(username, displayName, role, passwordHash, at, at).lastInsertRowid);
  }
  userById(id: number): User | undefined {
    return this.statements.userById.get(id) as User | undefined;
  }
  userByName(username: string): User | undefined {
    return this.statements.userByName.get(username) as User | undefined;
  }
  users(): User[] {
    return this.statements.users.all() as User[];
  }
  setRole(id: number, role: Role, at: string): void {
    this.statements.setRole.run(role, at, id);
  }
  setDisabled(id: number, disabledAt: string | null, at: string): void {
    this.statements.setDisabled.run(disabledAt, at, id);
  }
  setPassword(id: number, passwordHash: string, at: string): void {
    this.statements.setPassword.run(passwordHash, at, id);
  }
  insertSession(tokenHash: string, userId: number, csrfToken: string, at: string, expiresAt: string): void {
    this.statements.insertSession.run(tokenHash, userId, csrfToken, at, at, expiresAt);
  }
  sessionByHash(tokenHash: string): SessionRow | undefined {
    return this.statements.sessionByHash.get(tokenHash) as SessionRow | undefined;
  }
  touchSession(id: number, at: string): void {
    this.statements.touchSession.run(at, id);
  }
  deleteSession(id: number): void {
    this.statements.deleteSession.run(id);
  }
  /** Ends every session of the user; returns how many there were. */
  deleteUserSessions(userId: number): number {
    return this.statements.deleteUserSessions.run(userId).changes;
  }
  deleteOtherSessions(userId: number, keepSessionId: number): number {
    return this.statements.deleteOtherSessions.run(userId, keepSessionId).changes;
  }
  deleteExpiredSessions(now: string, idleBefore: string): void {
    this.statements.deleteExpiredSessions.run(now, idleBefore);
  }
  insertToken(userId: number, label: string, tokenHash: string, prefix: string, at: string): number {
    return Number(this.statements.insertToken.run(userId, label, tokenHash, prefix, at).lastInsertRowid);
  }
  tokenByHash(tokenHash: string): ApiToken | undefined {
    return this.statements.tokenByHash.get(tokenHash) as ApiToken | undefined;
  }
  tokenById(id: number): ApiToken | undefined {
    return this.statements.tokenById.get(id) as ApiToken | undefined;
  }
  tokens(userId?: number): ApiToken[] {
    return (userId === undefined ? this.statements.allTokens.all() : this.statements.tokensOfUser.all(userId)) as ApiToken[];
  }
  touchToken(id: number, at: string): void {
    this.statements.touchToken.run(at, id);
  }
  revokeToken(id: number, at: string): boolean {
    return this.statements.revokeToken.run(at, id).changes === 1;
  }
  /** Revokes every live token of the user; returns how many there were. */
  revokeUserTokens(userId: number, at: string): number {
    return this.statements.revokeUserTokens.run(at, userId).changes;
  }
}
