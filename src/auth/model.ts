import type { Actor, Role } from './roles';

export const USERNAME_MAX = 40;
export const DISPLAY_NAME_MAX = 80;
export const TOKEN_LABEL_MAX = 80;

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  disabledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SessionRow {
  id: number;
  userId: number;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export interface ApiToken {
  id: number;
  userId: number;
  label: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The account as the rest of the app sees a signed-in person. */
export function toActor(user: Pick<User, 'id' | 'username' | 'displayName' | 'role'>): Actor {
  return { userId: user.id, username: user.username, displayName: user.displayName, role: user.role };
}
