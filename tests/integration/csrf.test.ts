import { beforeAll, describe, expect, it } from 'vitest';
import type request from 'supertest';
import { createTestApp, csrfFrom, importViaApi, signInAs, TEST_PASSWORD, type Agent, type TestApp } from '../helpers/app';
import {
  apiRows,
  appRoutes,
  browserRows,
  createRouteContext,
  dataDependentRows,
  matchesRoute,
  sessionRows,
  type RouteContext,
  type RouteRow,
} from '../helpers/routeTable';
import type { Db } from '../../src/db/database';

type StateChangingRow = Pick<RouteRow, 'method' | 'path' | 'body'>;
const STATE_CHANGING: StateChangingRow[] = [...browserRows, ...apiRows, ...sessionRows, ...dataDependentRows].filter(
  (row) => row.method !== 'get',
);
const BODY_TYPES = ['urlencoded', 'json', 'multipart'] as const;

/** Paths with their parameters named, for the test titles (no data is made to print a title). */
const placeholders = {
  articleId: ':articleId',
  segmentId: ':segmentId',
  userId: ':userId',
  spareUserId: ':userId',
  version: () => 1,
  ownTokenId: () => ':tokenId',
  freshArticleId: () => ':articleId',
  freshAnnotation: () => ({ id: ':annotationId' }),
} as unknown as RouteContext;

/**
 * Everything stored, to compare before and after a refused request (a session's last-seen time may move, nothing else).
 * The search index's own pages are left out: it merges them in the background whenever the server is quiet.
 */
function snapshot(db: Db): string {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'segment_search%'
          AND name <> 'search_index_state' ORDER BY name`,
    )
    .pluck()
    .all();
  const contents = (tables as string[]).map((table) => [
    table,
    db.prepare(table === 'sessions' ? 'SELECT id, user_id, csrf_token FROM sessions ORDER BY id' : `SELECT * FROM "${table}"`).all(),
  ]);
  return JSON.stringify(contents);
}

/** Sends the row's fields (or one harmless field) in the given body type. */
function send(pending: request.Test, bodyType: (typeof BODY_TYPES)[number], fields: Record<string, unknown>): request.Test {
  if (bodyType === 'urlencoded') return pending.type('form').send(fields as Record<string, string>);
  if (bodyType === 'json') return pending.send(fields);
  for (const [name, value] of Object.entries(fields)) pending = pending.field(name, String(value));
  return pending;
}

describe('CSRF: every state-changing request with a session needs the token', () => {
  let testApp: TestApp;
  let context: RouteContext;
  /** An admin's signed-in browser that does not send the CSRF token: what a forged cross-site request looks like. */
  let forged: Agent;
  let honest: Agent;

  beforeAll(async () => {
    testApp = createTestApp();
    const article = await importViaApi(testApp, 'First sentence here. Second sentence here.');
    await testApp.user('admin');
    forged = await signInAs(testApp.app, 'admin', TEST_PASSWORD, { sendCsrfToken: false });
    honest = await testApp.browser('admin');
    context = await createRouteContext(testApp, article);
  });

  const cases = STATE_CHANGING.flatMap((row) =>
    BODY_TYPES.map((bodyType) => ({ row, bodyType, route: `${row.method.toUpperCase()} ${row.path(placeholders)}` })),
  );

  it.each(cases)('when $route is sent as $bodyType without a token, then 403 and nothing changes', async ({ row, bodyType }) => {
    const path = row.path(context);
    const fields = row.body?.(context) ?? { note: 'forged' };
    const before = snapshot(testApp.db);
    const response = await send(forged[row.method](path), bodyType, fields);
    expect({ path, status: response.status }).toEqual({ path, status: 403 });
    expect(snapshot(testApp.db)).toBe(before);
  });

  it('when the app gains a state-changing route, then this test posts to it too', () => {
    const requested = STATE_CHANGING.map((row) => ({ method: row.method, path: row.path(context) }));
    const unlisted = appRoutes(testApp.app).filter(
      (route) => !route.startsWith('GET ') && !requested.some((request) => matchesRoute(route, request.method, request.path)),
    );
    expect(unlisted).toEqual([]);
  });

  it('when a multipart body is sent to a route that takes no upload, then it is never parsed, even with the header token', async () => {
    const before = snapshot(testApp.db);
    const response = await honest
      .post(`/segments/${context.segmentId}`)
      .field('text', 'Sent as multipart.')
      .field('version', String(context.version()))
      .expect(422);
    expect(response.text).toContain('version is required');
    expect(snapshot(testApp.db)).toBe(before);
  });

  it('when the import form is uploaded, then its token is read from the multipart body: without it 403, with it imported', async () => {
    const count = () => testApp.db.prepare('SELECT count(*) FROM articles').pluck().get();
    const articles = count();
    const page = await forged.get('/articles/new').expect(200);
    await forged.post('/articles').field('title', 'Forged').attach('file', Buffer.from('A forged article.'), 'forged.txt').expect(403);
    expect(count()).toBe(articles);
    await forged
      .post('/articles')
      .field('_csrf', csrfFrom(page.text))
      .field('title', 'Honest')
      .attach('file', Buffer.from('An honest article.'), 'honest.txt')
      .expect(303);
    expect(count()).toBe(Number(articles) + 1);
  });
});
