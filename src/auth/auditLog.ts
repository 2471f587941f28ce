import type { Db } from '../db/database';
import { now } from '../clock';

export type AuditAction =
  | 'login'
  | 'login_failed'
  | 'login_refused_disabled'
  | 'logout'
  | 'setup_admin_created'
  | 'user_created'
  | 'role_changed'
  | 'user_disabled'
  | 'user_enabled'
  | 'password_changed'
  | 'token_created'
  | 'token_revoked'
  | 'signed_out_everywhere'
  | 'article_deleted';

export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: AuditAction;
  target: string | null;
  detail: string | null;
  ip: string | null;
}

export interface AuditEvent {
  actor?: { userId: number; username: string } | undefined;
  action: AuditAction;
  target?: string;
  detail?: string;
  ip?: string | undefined;
}

/** Security-relevant events, append-only, readable by admins. Never holds a password or token. */
export class AuditLog {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      insert: db.prepare(`INSERT INTO audit_log (at, actor_id, actor_name, action, target, detail, ip) VALUES (?, ?, ?, ?, ?, ?, ?)`),
      latest: db.prepare(
        `SELECT id, at, actor_id AS actorId, actor_name AS actorName, action, target, detail, ip FROM audit_log ORDER BY id DESC LIMIT ?`,
      ),
    };
  }

  record(event: AuditEvent): void {
    this.statements.insert.run(
      now(),
      event.actor?.userId ?? null,
      event.actor?.username ?? null,
      event.action,
      event.target ?? null,
      event.detail ?? null,
      event.ip ?? null,
    );
  }

  latest(limit = 500): AuditEntry[] {
    return this.statements.latest.all(limit) as AuditEntry[];
  }
}
