/**
 * The quality tests' set-up on the shared test app (the real createApp): one
 * account per role, created up front so that the reviewer is user 1, an API client
 * (bearer token) and a signed-in browser (session + CSRF token) for each.
 */
import request from 'supertest';
import type { Actor, Role } from '../../src/auth/roles';
import type { Db } from '../../src/db/database';
import { createTestApp, type Agent } from '../helpers/app';

export async function createQualityTestApp() {
  const testApp = createTestApp();
  const roles = ['reviewer', 'admin', 'editor'] as const;
  // One after the other, so that the ids are always the same (the reviewer is user 1).
  const actors = {} as Record<Role, Actor>;
  for (const role of roles) actors[role] = await testApp.user(role);
  const apiClients = Object.fromEntries(await Promise.all(roles.map(async (role) => [role, await testApp.api(role)]))) as Record<
    Role,
    Agent
  >;
  const browsers = Object.fromEntries(await Promise.all(roles.map(async (role) => [role, await testApp.browser(role)]))) as Record<
    Role,
    Agent
  >;

  /** Imports an article straight through the service and returns it with its segments. */
  async function importArticle(text: string, title = 'Test article') {
    const article = await testApp.services.articles.importArticle({ text, title, author: 'importer' });
    return { ...article, segments: testApp.services.articles.segments(article.id, { offset: 0, limit: 100_000 }) };
  }

  /** Saves new text on a segment through the API, as the review page does, optionally with measured editing time. */
  async function edit(segmentId: number, text: string, editingSeconds?: number) {
    const { version } = testApp.services.segments.get(segmentId);
    const response = await apiClients.editor.patch(`/api/segments/${segmentId}`).send({ text, version, editingSeconds }).expect(200);
    return response.body as { id: number; version: number; text: string };
  }

  return {
    ...testApp,
    actors,
    /** The JSON API as that role (bearer token), or as nobody. */
    api: (role: Role | 'anonymous' = 'reviewer') => (role === 'anonymous' ? request.agent(testApp.app) : apiClients[role]),
    /** The browser pages as that role (session cookie and CSRF token, as in production). */
    pages: (role: Role = 'reviewer') => browsers[role],
    importArticle,
    edit,
  };
}

export type QualityTestApp = Awaited<ReturnType<typeof createQualityTestApp>>;

export const annotationRows = (db: Db, segmentId?: number) =>
  db
    .prepare(
      `SELECT id, segment_id AS segmentId, span_start AS start, span_end AS "end", category, severity, comment, version, deleted_at IS NOT NULL AS deleted,
              author, user_id AS userId, updated_by AS updatedBy
         FROM mqm_annotations ${segmentId === undefined ? '' : 'WHERE segment_id = ?'} ORDER BY id`,
    )
    .all(...(segmentId === undefined ? [] : [segmentId]));

export const annotationRevisionRows = (db: Db, annotationId: number) =>
  db
    .prepare(
      `SELECT version, action, span_start AS start, span_end AS "end", category, severity, comment, author, user_id AS userId
         FROM mqm_annotation_revisions WHERE annotation_id = ? ORDER BY version`,
    )
    .all(annotationId);
