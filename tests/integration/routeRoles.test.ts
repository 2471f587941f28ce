import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createTestApp, csrfFrom, importViaApi, type Agent, type TestApp } from '../helpers/app';
import type { Role } from '../../src/auth/roles';

type Caller = 'anonymous' | Role;
const CALLERS: Caller[] = ['anonymous', 'editor', 'reviewer', 'admin'];

/**
 * What each kind of caller gets: `ok` (2xx, or a redirect that is not to the login
 * page), `login` (browser sent to sign in), or the refusal status.
 */
type Outcome = 'ok' | 'login' | 401 | 403 | 404;

interface Context {
  articleId: number;
  segmentId: number;
  version: () => number;
  userId: number;
  ownTokenId: (caller: Caller) => number;
  freshArticleId: () => number;
  /** A new annotation (version 1) on the test sentence. */
  freshAnnotation: () => { id: number };
}

interface Row {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: (context: Context) => string;
  body?: (context: Context) => Record<string, unknown>;
  expect: Record<Caller, Outcome>;
}

const everyoneSignedIn = { anonymous: 'login', editor: 'ok', reviewer: 'ok', admin: 'ok' } as const;
const adminOnlyPage = { anonymous: 'login', editor: 403, reviewer: 403, admin: 'ok' } as const;
const signedInWrite = { anonymous: 401, editor: 'ok', reviewer: 'ok', admin: 'ok' } as const;
const reviewerWrite = { anonymous: 401, editor: 403, reviewer: 'ok', admin: 'ok' } as const;
const adminWrite = { anonymous: 401, editor: 403, reviewer: 403, admin: 'ok' } as const;
const apiSignedIn = { anonymous: 401, editor: 'ok', reviewer: 'ok', admin: 'ok' } as const;

// Browser routes: sessions with CSRF tokens.
const browserRows: Row[] = [
  { method: 'get', path: () => '/', expect: everyoneSignedIn },
  { method: 'get', path: () => '/articles/new', expect: adminOnlyPage },
  { method: 'post', path: () => '/articles', body: () => ({ text: 'A new article. Two sentences.' }), expect: adminWrite },
  { method: 'get', path: (c) => `/articles/${c.articleId}`, expect: everyoneSignedIn },
  { method: 'get', path: (c) => `/articles/${c.articleId}?status=new&page=1`, expect: everyoneSignedIn },
  { method: 'get', path: (c) => `/articles/${c.articleId}/activity`, expect: everyoneSignedIn },
  { method: 'get', path: (c) => `/articles/${c.articleId}/export`, expect: everyoneSignedIn },
  { method: 'get', path: (c) => `/articles/${c.articleId}/export?format=md`, expect: everyoneSignedIn },
  { method: 'post', path: (c) => `/articles/${c.freshArticleId()}/delete`, expect: adminWrite },
  { method: 'get', path: (c) => `/segments/${c.segmentId}/edit`, expect: everyoneSignedIn },
  { method: 'get', path: (c) => `/segments/${c.segmentId}/row`, expect: everyoneSignedIn },
  { method: 'get', path: (c) => `/segments/${c.segmentId}/history`, expect: everyoneSignedIn },
  {
    method: 'post',
    path: (c) => `/segments/${c.segmentId}`,
    body: (c) => ({ text: `Edited at ${c.version()}.`, version: c.version() }),
    expect: signedInWrite,
  },
  {
    method: 'post',
    path: (c) => `/segments/${c.segmentId}`,
    body: (c) => ({ action: 'reset', version: c.version() }),
    expect: signedInWrite,
  },
  {
    method: 'post',
    path: (c) => `/segments/${c.segmentId}/status`,
    body: (c) => ({ status: 'approved', version: c.version() }),
    expect: reviewerWrite,
  },
  {
    method: 'post',
    path: (c) => `/segments/${c.segmentId}/status`,
    body: (c) => ({ status: 'rejected', note: 'Wrong term', version: c.version() }),
    expect: reviewerWrite,
  },
  { method: 'post', path: (c) => `/segments/${c.segmentId}/revert`, body: (c) => ({ version: c.version(), to: 1 }), expect: reviewerWrite },
  { method: 'get', path: () => '/account', expect: everyoneSignedIn },
  { method: 'post', path: () => '/account/tokens', body: () => ({ label: 'from the table' }), expect: signedInWrite },
  {
    method: 'post',
    path: (c) => `/account/tokens/${c.ownTokenId('editor')}/revoke`,
    expect: { anonymous: 401, editor: 'ok', reviewer: 403, admin: 'ok' },
  },
  { method: 'get', path: () => '/admin/users', expect: adminOnlyPage },
  {
    method: 'post',
    path: () => '/admin/users',
    body: () => ({ username: `u${Math.random().toString(36).slice(2, 8)}`, displayName: 'New', role: 'editor' }),
    expect: adminWrite,
  },
  { method: 'post', path: (c) => `/admin/users/${c.userId}/role`, body: () => ({ role: 'editor' }), expect: adminWrite },
  { method: 'post', path: (c) => `/admin/users/${c.userId}/enable`, expect: adminWrite },
  { method: 'get', path: () => '/admin/audit', expect: adminOnlyPage },
  { method: 'get', path: () => '/setup', expect: { anonymous: 404, editor: 404, reviewer: 404, admin: 404 } },
  { method: 'get', path: () => '/quality', expect: everyoneSignedIn },
  { method: 'get', path: () => '/quality/settings', expect: everyoneSignedIn },
  {
    method: 'post',
    path: () => '/quality/settings',
    body: () => ({ neutral: 0, minor: 1, major: 5, critical: 25, minorPunctuation: 0.1, passThreshold: 90 }),
    expect: adminWrite,
  },
  { method: 'get', path: (c) => `/articles/${c.articleId}/quality`, expect: everyoneSignedIn },
  { method: 'get', path: (c) => `/articles/${c.articleId}/quality?format=csv`, expect: everyoneSignedIn },
  { method: 'get', path: (c) => `/segments/${c.segmentId}/annotations`, expect: everyoneSignedIn },
  {
    method: 'get',
    path: (c) => `/segments/${c.segmentId}/annotations/form?start=0&end=5`,
    expect: { anonymous: 'login', editor: 403, reviewer: 'ok', admin: 'ok' },
  },
  {
    method: 'post',
    path: (c) => `/segments/${c.segmentId}/annotations`,
    body: () => ({ start: 0, end: 5, category: 'style', severity: 'minor' }),
    expect: reviewerWrite,
  },
  {
    method: 'post',
    path: (c) => `/annotations/${c.freshAnnotation().id}`,
    body: () => ({ category: 'terminology', severity: 'major', version: 1 }),
    expect: reviewerWrite,
  },
  { method: 'post', path: (c) => `/annotations/${c.freshAnnotation().id}/delete`, body: () => ({ version: 1 }), expect: reviewerWrite },
];

// API routes: bearer tokens, no cookies.
const apiRows: Row[] = [
  { method: 'get', path: () => '/api/me', expect: apiSignedIn },
  { method: 'get', path: () => '/api/articles', expect: apiSignedIn },
  {
    method: 'post',
    path: () => '/api/articles',
    body: () => ({ text: 'Via the API. Two.' }),
    expect: { anonymous: 401, editor: 403, reviewer: 403, admin: 'ok' },
  },
  { method: 'get', path: (c) => `/api/articles/${c.articleId}`, expect: apiSignedIn },
  {
    method: 'delete',
    path: (c) => `/api/articles/${c.freshArticleId()}`,
    expect: { anonymous: 401, editor: 403, reviewer: 403, admin: 'ok' },
  },
  { method: 'get', path: (c) => `/api/articles/${c.articleId}/export?format=json`, expect: apiSignedIn },
  { method: 'post', path: (c) => `/api/articles/${c.articleId}/presence`, body: (c) => ({ segmentId: c.segmentId }), expect: apiSignedIn },
  { method: 'get', path: (c) => `/api/segments/${c.segmentId}`, expect: apiSignedIn },
  { method: 'get', path: (c) => `/api/segments/${c.segmentId}/history`, expect: apiSignedIn },
  {
    method: 'patch',
    path: (c) => `/api/segments/${c.segmentId}`,
    body: (c) => ({ text: `API edit ${c.version()}.`, version: c.version() }),
    expect: apiSignedIn,
  },
  {
    method: 'patch',
    path: (c) => `/api/segments/${c.segmentId}`,
    body: (c) => ({ status: 'approved', version: c.version() }),
    expect: { anonymous: 401, editor: 403, reviewer: 'ok', admin: 'ok' },
  },
  { method: 'get', path: () => '/api/tokens', expect: apiSignedIn },
  { method: 'post', path: () => '/api/tokens', body: () => ({ label: 'api table' }), expect: apiSignedIn },
  {
    method: 'delete',
    path: (c) => `/api/tokens/${c.ownTokenId('editor')}`,
    expect: { anonymous: 401, editor: 'ok', reviewer: 403, admin: 'ok' },
  },
  { method: 'get', path: (c) => `/api/articles/${c.articleId}/quality`, expect: apiSignedIn },
  { method: 'get', path: () => '/api/quality/articles?sort=hter&dir=desc', expect: apiSignedIn },
  { method: 'get', path: (c) => `/api/segments/${c.segmentId}/annotations`, expect: apiSignedIn },
  {
    method: 'post',
    path: (c) => `/api/segments/${c.segmentId}/annotations`,
    body: () => ({ start: 0, end: 5, category: 'style', severity: 'minor' }),
    expect: { anonymous: 401, editor: 403, reviewer: 'ok', admin: 'ok' },
  },
  { method: 'get', path: (c) => `/api/annotations/${c.freshAnnotation().id}`, expect: apiSignedIn },
  { method: 'get', path: (c) => `/api/annotations/${c.freshAnnotation().id}/history`, expect: apiSignedIn },
  {
    method: 'patch',
    path: (c) => `/api/annotations/${c.freshAnnotation().id}`,
    body: () => ({ severity: 'critical', version: 1 }),
    expect: { anonymous: 401, editor: 403, reviewer: 'ok', admin: 'ok' },
  },
  {
    method: 'delete',
    path: (c) => `/api/annotations/${c.freshAnnotation().id}?version=1`,
    expect: { anonymous: 401, editor: 403, reviewer: 'ok', admin: 'ok' },
  },
  { method: 'get', path: () => '/api/quality/settings', expect: apiSignedIn },
  {
    method: 'put',
    path: () => '/api/quality/settings',
    body: () => ({ weights: { neutral: 0, minor: 1, major: 5, critical: 25, minorPunctuation: 0.1 }, passThreshold: 90 }),
    expect: { anonymous: 401, editor: 403, reviewer: 403, admin: 'ok' },
  },
];

/** 'ok', 'login', or the refusal's status (any status, so that an unexpected one shows in the failure). */
function outcomeOf(response: request.Response): 'ok' | 'login' | number {
  if (response.status === 303 && String(response.headers.location).startsWith('/login')) return 'login';
  if (response.status >= 200 && response.status < 400) return 'ok';
  return response.status;
}

describe('Every route for every role', () => {
  let testApp: TestApp;
  let context: Context;
  const browsers = new Map<Caller, Agent>();
  const apis = new Map<Caller, Agent>();

  beforeAll(async () => {
    testApp = createTestApp();
    const article = await importViaApi(testApp, 'First sentence here. Second sentence here.');
    for (const role of ['editor', 'reviewer', 'admin'] as const) {
      browsers.set(role, await testApp.browser(role));
      apis.set(role, await testApp.api(role));
    }
    // Anonymous visitors get a pre-login CSRF token, so what is tested is the sign-in check.
    const anonymous = request.agent(testApp.app);
    const token = csrfFrom((await anonymous.get('/login')).text);
    browsers.set('anonymous', anonymous.set('X-CSRF-Token', token));
    apis.set('anonymous', request.agent(testApp.app));
    const segmentId = article.segments[0]!.id;
    const spare = await testApp.user('editor');
    // Imports run in steps (async): the articles the delete rows remove are made up front, one per call.
    const doomed: number[] = [];
    for (let index = 0; index < 4 * CALLERS.length; index++)
      doomed.push((await testApp.services.articles.importArticle({ text: 'Doomed article.', author: 'test' })).id);
    context = {
      articleId: article.id,
      segmentId,
      version: () => testApp.services.segments.get(segmentId).version,
      userId: spare.userId,
      ownTokenId: () => testApp.services.accounts.createToken(spare, 'to revoke').record.id,
      freshArticleId: () => doomed.pop()!,
      freshAnnotation: () =>
        testApp.services.annotations.create(
          segmentId,
          { start: 6, end: 14, category: 'style', severity: 'minor', comment: '' },
          { name: 'test', userId: null },
        ),
    };
  });

  const cases = [
    ...browserRows.map((row) => ({ row, kind: 'browser' as const })),
    ...apiRows.map((row) => ({ row, kind: 'api' as const })),
  ].flatMap(({ row, kind }) => CALLERS.map((caller) => ({ row, kind, caller })));

  it.each(cases)('$kind $row.method $caller', async ({ row, kind, caller }) => {
    const client = (kind === 'browser' ? browsers : apis).get(caller)!;
    const path = row.path(context);
    let pending = client[row.method](path);
    if (row.body) pending = kind === 'browser' ? pending.type('form').send(row.body(context)) : pending.send(row.body(context));
    const response = await pending;
    expect({ path, outcome: outcomeOf(response) }).toEqual({ path, outcome: row.expect[caller] });
    if (kind === 'api' && typeof row.expect[caller] === 'number') {
      expect(response.body.error.code).toBe(
        row.expect[caller] === 401 ? 'unauthenticated' : row.expect[caller] === 403 ? 'forbidden' : 'not_found',
      );
    }
  });
});
