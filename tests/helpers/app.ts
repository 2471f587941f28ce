import fs from 'node:fs';
import request from 'supertest';
import { createApp } from '../../src/app';
import { openDatabase, setBusyTimeout, type Db } from '../../src/db/database';
import type { BusyRetry } from '../../src/db/groupCommit';
import { migrate } from '../../src/db/migrate';
import { migrationsDir, sampleArticlePath } from '../../src/paths';
import { createServices, defaultLimits, type ContentLimits, type Services } from '../../src/services';
import { toActor } from '../../src/auth/model';
import type { PasswordCost } from '../../src/auth/passwords';
import type { Actor, Role } from '../../src/auth/roles';
import type { SetupGate } from '../../src/auth/setupGate';
import type { SessionPolicy } from '../../src/auth/accountService';

export const sampleText = fs.readFileSync(sampleArticlePath, 'utf8');
export const TEST_PASSWORD = 'correct horse battery';

/**
 * scrypt at 1/32 of production's cost: tests create dozens of accounts and sign in
 * often, and what they check does not depend on the cost (the hash records it).
 */
export const TEST_PASSWORD_COST: PasswordCost = { N: 2 ** 10, r: 8, p: 1 };

export type Agent = ReturnType<typeof request.agent>;

/** The people tests act as, one per role. */
export const PEOPLE: Record<Role, { username: string; displayName: string }> = {
  editor: { username: 'editor', displayName: 'Ana Editor' },
  reviewer: { username: 'reviewer', displayName: 'Rita Reviewer' },
  admin: { username: 'admin', displayName: 'Adam Admin' },
};

export interface TestApp {
  app: ReturnType<typeof createApp>;
  db: Db;
  services: Services;
  /** Creates (once) a user with that role and returns the actor. */
  user: (role?: Role) => Promise<Actor>;
  /** A signed-in browser: carries the session cookie and sends the CSRF token with every request. */
  browser: (role?: Role) => Promise<Agent>;
  /** An API client authenticated with a bearer token of a user with that role. */
  api: (role?: Role) => Promise<Agent>;
}

/** A fresh in-memory database with its one service graph and the real app, per test, so tests never share data. */
export function createTestApp(
  options: {
    maxUploadBytes?: number;
    setup?: SetupGate;
    sessionPolicy?: SessionPolicy;
    trustProxy?: boolean | number;
    limits?: Partial<ContentLimits>;
    /** A database file instead of memory (for a second connection or process); it is then served as the server serves it, with busy_timeout 0. */
    databasePath?: string;
    busyRetry?: BusyRetry;
  } = {},
): TestApp {
  const db = openDatabase(options.databasePath ?? ':memory:');
  migrate(db, migrationsDir);
  if (options.databasePath) setBusyTimeout(db, 0);
  const services = createServices(db, {
    sessionPolicy: options.sessionPolicy,
    passwordCost: TEST_PASSWORD_COST,
    limits: { ...defaultLimits, ...options.limits },
    busyRetry: options.busyRetry,
  });
  const app = createApp({
    services,
    maxUploadBytes: options.maxUploadBytes ?? 10 * 1024 * 1024,
    setup: options.setup,
    trustProxy: options.trustProxy,
  });
  const users = new Map<Role, Promise<Actor>>();

  function user(role: Role = 'editor'): Promise<Actor> {
    let created = users.get(role);
    if (!created) {
      created = services.accounts.createUser({ ...PEOPLE[role], role, password: TEST_PASSWORD }, undefined).then(toActor);
      users.set(role, created);
    }
    return created;
  }

  async function browser(role: Role = 'editor'): Promise<Agent> {
    return signInAs(app, (await user(role)).username, TEST_PASSWORD);
  }

  async function api(role: Role = 'editor'): Promise<Agent> {
    const { token } = services.accounts.createToken(await user(role), 'tests');
    return request.agent(app).set('Authorization', `Bearer ${token}`);
  }

  return { app, db, services, user, browser, api };
}

/**
 * Signs in through the login form and returns an agent that sends the session's
 * CSRF token with every request (unless `sendCsrfToken` is false: a forged request).
 */
export async function signInAs(app: TestApp['app'], username: string, password: string, { sendCsrfToken = true } = {}): Promise<Agent> {
  const agent = request.agent(app);
  const loginPage = await agent.get('/login').expect(200);
  await agent
    .post('/login')
    .type('form')
    .send({ username, password, _csrf: csrfFrom(loginPage.text) })
    .expect(303);
  const home = await agent.get('/').expect(200);
  return sendCsrfToken ? agent.set('X-CSRF-Token', csrfFrom(home.text)) : agent;
}

/**
 * A page's word diffs as bare <del>/<ins> markup: without the screen-reader labels and the offsets
 * the diff partial adds (views/partials/diff.ejs), so tests can assert on what changed.
 */
export function bareDiffs(html: string): string {
  return html
    .replace(/<span class="diff-label">[^<]*<\/span>/g, '')
    .replace(/<span data-before-at="\d+" data-after-at="\d+">([^<]*)<\/span>/g, '$1')
    .replace(/<(del|ins)(?: class="[^"]*")? data-before-at="\d+" data-after-at="\d+">/g, '<$1>');
}

export function csrfFrom(html: string): string {
  const match = /<meta name="csrf-token" content="([^"]+)">/.exec(html);
  if (!match) throw new Error('No CSRF token on the page');
  return match[1]!;
}

export interface ImportedArticle {
  id: number;
  segments: { id: number; text: string; mt: string; version: number; status: string; paragraph: number; position: number; kind: string }[];
}

/** Imports through the API as an admin and returns the article with its segments (read back with GET: the 201 carries none). */
export async function importViaApi(testApp: TestApp, text: string, title = 'Test article'): Promise<ImportedArticle> {
  const client = await testApp.api('admin');
  const created = await client.post('/api/articles').send({ title, text }).expect(201);
  const article = await client.get(`/api/articles/${created.body.id}?limit=5000`).expect(200);
  return article.body as ImportedArticle;
}
