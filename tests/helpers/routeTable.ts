/**
 * Every route of the app with what each kind of caller may do there, shared by the
 * role test (tests/integration/routeRoles.test.ts) and the CSRF test
 * (tests/integration/csrf.test.ts). A route added to the app must be added here:
 * `unlistedStateChangingRoutes` finds the ones that were not.
 */
import type { Role } from '../../src/auth/roles';
import type { TestApp } from './app';

export type Caller = 'anonymous' | Role;
export const CALLERS: Caller[] = ['anonymous', 'editor', 'reviewer', 'admin'];

/**
 * What each kind of caller gets: `ok` (2xx, or a redirect that is not to the login
 * page), `login` (browser sent to sign in), or the refusal status.
 */
export type Outcome = 'ok' | 'login' | 401 | 403 | 404;

export interface RouteContext {
  articleId: number;
  segmentId: number;
  version: () => number;
  userId: number;
  /** An account no test signs in as, for actions that would sign a caller out. */
  spareUserId: number;
  ownTokenId: (caller: Caller) => number;
  freshArticleId: () => number;
  /** A new annotation (version 1) on the test sentence. */
  freshAnnotation: () => { id: number };
}

export interface RouteRow {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: (context: RouteContext) => string;
  body?: (context: RouteContext) => Record<string, unknown>;
  expect: Record<Caller, Outcome>;
}

const everyoneSignedIn = { anonymous: 'login', editor: 'ok', reviewer: 'ok', admin: 'ok' } as const;
const adminOnlyPage = { anonymous: 'login', editor: 403, reviewer: 403, admin: 'ok' } as const;
const signedInWrite = { anonymous: 401, editor: 'ok', reviewer: 'ok', admin: 'ok' } as const;
const reviewerWrite = { anonymous: 401, editor: 403, reviewer: 'ok', admin: 'ok' } as const;
const adminWrite = { anonymous: 401, editor: 403, reviewer: 403, admin: 'ok' } as const;
const apiSignedIn = { anonymous: 401, editor: 'ok', reviewer: 'ok', admin: 'ok' } as const;

// Browser routes: sessions with CSRF tokens.
export const browserRows: RouteRow[] = [
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
  { method: 'post', path: (c) => `/admin/users/${c.spareUserId}/sessions/revoke`, expect: adminWrite },
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
export const apiRows: RouteRow[] = [
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

/**
 * State-changing routes whose outcome depends on more than the caller's role
 * (signing in and out, first-run setup, ending a session), so the role table
 * cannot list them; the CSRF test still posts to each.
 */
export const sessionRows: Pick<RouteRow, 'method' | 'path' | 'body'>[] = [
  { method: 'post', path: () => '/login', body: () => ({ username: 'admin', password: 'any password at all' }) },
  { method: 'post', path: () => '/logout' },
  { method: 'post', path: () => '/setup', body: () => ({ token: 'x', username: 'someone', displayName: 'Some One' }) },
  {
    method: 'post',
    path: () => '/account/password',
    body: () => ({ current: 'whatever it is', password: 'a new long password', passwordAgain: 'a new long password' }),
  },
  { method: 'post', path: (c) => `/admin/users/${c.userId}/disable` },
  { method: 'post', path: () => '/account/sessions/revoke', body: () => ({ revokeTokens: 'on' }) },
  { method: 'post', path: () => '/api/me/sessions/revoke', body: () => ({ revokeTokens: true }) },
];

/**
 * State-changing routes whose outcome depends on the data more than on the role (undo needs
 * one's own last change, a merge a next sentence, a comment an existing thread): their own
 * tests cover who may do what; the CSRF test posts to each.
 */
export const dataDependentRows: Pick<RouteRow, 'method' | 'path' | 'body'>[] = [
  { method: 'post', path: (c) => `/segments/${c.segmentId}/undo`, body: (c) => ({ version: c.version() }) },
  { method: 'post', path: (c) => `/segments/${c.segmentId}/diff`, body: () => ({ text: 'A draft.' }) },
  { method: 'post', path: (c) => `/segments/${c.segmentId}/comments`, body: () => ({ body: 'A forged comment.' }) },
  { method: 'post', path: () => '/comments/1/resolve', body: () => ({ resolved: 'true' }) },
  { method: 'post', path: (c) => `/api/segments/${c.segmentId}/undo`, body: (c) => ({ version: c.version() }) },
  { method: 'post', path: (c) => `/api/segments/${c.segmentId}/split`, body: (c) => ({ at: 5, version: c.version() }) },
  { method: 'post', path: (c) => `/api/segments/${c.segmentId}/merge`, body: (c) => ({ version: c.version() }) },
  { method: 'post', path: (c) => `/api/segments/${c.segmentId}/comments`, body: () => ({ body: 'A forged comment.' }) },
  { method: 'patch', path: () => '/api/comments/1', body: () => ({ resolved: true }) },
  { method: 'post', path: (c) => `/segments/${c.segmentId}/split`, body: (c) => ({ version: c.version(), startsWith: 'sentence' }) },
  { method: 'post', path: (c) => `/segments/${c.segmentId}/merge`, body: (c) => ({ version: c.version() }) },
  // QA findings and the glossary (src/findings, src/glossary).
  { method: 'post', path: () => '/api/findings/1/fix' },
  { method: 'post', path: (c) => `/api/articles/${c.articleId}/findings/fix-all`, body: () => ({ check: 'double-space' }) },
  { method: 'post', path: (c) => `/articles/${c.articleId}/findings/fix-all`, body: () => ({ check: 'double-space' }) },
  { method: 'post', path: () => '/api/findings/1/dismiss', body: () => ({ reason: 'Forged.' }) },
  { method: 'post', path: () => '/api/findings/1/restore' },
  { method: 'post', path: () => '/findings/1/fix' },
  { method: 'post', path: () => '/findings/1/dismiss', body: () => ({ reason: 'Forged.' }) },
  { method: 'post', path: () => '/findings/1/restore' },
  { method: 'post', path: () => '/api/glossary', body: () => ({ term: 'forged', preferred: 'forged' }) },
  { method: 'post', path: () => '/api/glossary/import', body: () => ({ note: 'no file' }) },
  { method: 'post', path: (c) => `/api/articles/${c.articleId}/glossary`, body: () => ({ term: 'forged', preferred: 'forged' }) },
  { method: 'post', path: (c) => `/api/articles/${c.articleId}/glossary/import`, body: () => ({ note: 'no file' }) },
  { method: 'patch', path: () => '/api/glossary/1', body: () => ({ term: 'forged', version: 1 }) },
  { method: 'delete', path: () => '/api/glossary/1?version=1' },
  { method: 'post', path: () => '/glossary', body: () => ({ term: 'forged', preferred: 'forged' }) },
  { method: 'post', path: () => '/glossary/import', body: () => ({ note: 'no file' }) },
  { method: 'post', path: (c) => `/articles/${c.articleId}/glossary`, body: () => ({ term: 'forged', preferred: 'forged' }) },
  { method: 'post', path: (c) => `/articles/${c.articleId}/glossary/import`, body: () => ({ note: 'no file' }) },
  { method: 'post', path: () => '/glossary/1', body: () => ({ term: 'forged', preferred: 'forged', version: 1 }) },
  { method: 'post', path: () => '/glossary/1/delete', body: () => ({ version: 1 }) },
  // Find and replace, propagation and batches (src/batches).
  { method: 'post', path: () => '/api/replace/preview', body: () => ({ find: 'sentence', replace: 'forged' }) },
  { method: 'post', path: () => '/api/replace/apply', body: () => ({ find: 'sentence', replace: 'forged', matches: [] }) },
  { method: 'post', path: () => '/api/batches/1/undo' },
  { method: 'post', path: () => '/api/propagation/apply', body: (c) => ({ segmentId: c.segmentId, offerId: '1-0' }) },
  { method: 'post', path: () => '/replace/apply', body: () => ({ find: 'sentence', replace: 'forged', apply: 'all' }) },
  { method: 'post', path: () => '/batches/1/undo' },
  { method: 'post', path: (c) => `/segments/${c.segmentId}/propagation`, body: () => ({ offer: '1-0' }) },
];

/** The data every row needs: one article with a sentence, a spare editor, and makers of things to delete. */
export async function createRouteContext(testApp: TestApp, article: { id: number; segments: { id: number }[] }): Promise<RouteContext> {
  const segmentId = article.segments[0]!.id;
  const spare = await testApp.user('editor');
  // Imports run in steps (async): the articles the delete rows remove are made up front, one per call.
  const doomed: number[] = [];
  for (let index = 0; index < 4 * CALLERS.length; index++)
    doomed.push((await testApp.services.articles.importArticle({ text: 'Doomed article.', author: 'test' })).id);
  const unused = await testApp.services.accounts.createUser(
    { username: 'spare', displayName: 'Spare Account', role: 'editor', password: 'a spare password' },
    undefined,
  );
  return {
    articleId: article.id,
    segmentId,
    version: () => testApp.services.segments.get(segmentId).version,
    userId: spare.userId,
    spareUserId: unused.id,
    ownTokenId: () => testApp.services.accounts.createToken(spare, 'to revoke').record.id,
    freshArticleId: () => {
      const id = doomed.pop();
      if (id === undefined) throw new Error('createRouteContext made too few articles to delete; make more up front.');
      return id;
    },
    freshAnnotation: () =>
      testApp.services.annotations.create(
        segmentId,
        { start: 6, end: 14, category: 'style', severity: 'minor', comment: '' },
        { name: 'test', userId: null },
      ),
  };
}

interface RouterLayer {
  rawPath?: unknown;
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: RouterLayer[] };
}

/** Every `METHOD /pattern` the app routes (Express's router stack, walked), e.g. `POST /segments/:id/status`. */
export function appRoutes(app: TestApp['app']): string[] {
  const found: string[] = [];
  const walk = (stack: RouterLayer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) found.push(`${method.toUpperCase()} ${prefix}${layer.route.path}`);
      } else if (layer.handle.stack) {
        walk(layer.handle.stack, prefix + (typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : ''));
      }
    }
  };
  walk((app as unknown as { router: { stack: RouterLayer[] } }).router.stack, '');
  return [...new Set(found)];
}

/** Whether a concrete request path is one of a route's pattern (`:id` matches one path segment). */
export function matchesRoute(route: string, method: string, path: string): boolean {
  const [routeMethod, pattern] = route.split(' ') as [string, string];
  const regex = new RegExp(`^${pattern.replace(/:\w+/g, '[^/]+')}$`);
  return routeMethod === method.toUpperCase() && regex.test(path.split('?')[0]!);
}
