/**
 * A small app for the quality tests: the quality routers on the real database and
 * services, behind a stub that signs in a fixed actor, with the app's error
 * handler. It does not depend on how the main app authenticates.
 */
import express from 'express';
import request from 'supertest';
import type { Actor, Role } from '../../src/auth/roles';
import { openDatabase, type Db } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { migrationsDir, viewsDir } from '../../src/paths';
import { qualityApi } from '../../src/quality/qualityApi';
import { qualityRoutes } from '../../src/quality/qualityRoutes';
import { QualityService } from '../../src/quality/qualityService';
import { createServices } from '../../src/services';
import { errorHandler, notFoundHandler } from '../../src/web/errorHandler';

const PEOPLE: Record<Role, { username: string; displayName: string }> = {
  reviewer: { username: 'rita', displayName: 'Rita Reviewer' },
  admin: { username: 'adam', displayName: 'Adam Admin' },
  editor: { username: 'ana', displayName: 'Ana Editor' },
};

/** A fresh in-memory database with one account per role (revisions refer to real accounts). */
export function createQualityTestApp() {
  const db = openDatabase(':memory:');
  migrate(db, migrationsDir);
  const services = { ...createServices(db), quality: new QualityService(db) };
  const actors = {} as Record<Role, Actor>;
  // Nobody signs in here, so the accounts skip password hashing (tens of ms each). The reviewer is user 1.
  for (const role of ['reviewer', 'admin', 'editor'] as const) {
    const userId = services.accounts.repository.insertUser(PEOPLE[role].username, PEOPLE[role].displayName, role, 'no password: tests only', new Date().toISOString());
    actors[role] = { userId, ...PEOPLE[role], role };
  }

  /** The app as seen by one actor (none: nobody signed in). */
  function appAs(actor: Actor | undefined) {
    const app = express();
    app.set('view engine', 'ejs');
    app.set('views', viewsDir);
    app.use(express.json());
    app.use(express.urlencoded({ extended: false }));
    app.use((_req, res, next) => {
      if (actor) res.locals.actor = actor;
      next();
    });
    app.use('/api', qualityApi(services));
    app.use(qualityRoutes(services));
    app.use(notFoundHandler);
    app.use(errorHandler(1024 * 1024));
    return app;
  }

  const apps = { editor: appAs(actors.editor), reviewer: appAs(actors.reviewer), admin: appAs(actors.admin), anonymous: appAs(undefined) };

  /** Imports an article straight through the service and returns it with its segments. */
  function importArticle(text: string, title = 'Test article') {
    const article = services.articles.importArticle({ text, title, author: 'importer' });
    return { ...article, segments: services.articles.segments(article.id) };
  }

  /** Saves new text on a segment the way the review page does, optionally with measured editing time. */
  function edit(segmentId: number, text: string, editingSeconds?: number) {
    const current = services.segments.get(segmentId);
    const segment = services.segments.change(segmentId, { version: current.version, text, actor: actors.editor });
    // Until the review page sends editingSeconds (see the hook in the closing note), the test stores it on the revision itself.
    if (editingSeconds !== undefined) {
      db.prepare('UPDATE revisions SET editing_seconds = ? WHERE segment_id = ? AND version = ?').run(editingSeconds, segmentId, segment.version);
    }
    return segment;
  }

  return {
    db,
    services,
    actors,
    apps,
    api: (role: Role | 'anonymous' = 'reviewer') => request(apps[role]),
    importArticle,
    edit,
  };
}

export type QualityTestApp = ReturnType<typeof createQualityTestApp>;

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
