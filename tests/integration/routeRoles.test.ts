import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createTestApp, csrfFrom, importViaApi, type Agent, type TestApp } from '../helpers/app';
import { apiRows, browserRows, CALLERS, createRouteContext, type Caller, type RouteContext } from '../helpers/routeTable';

/** 'ok', 'login', or the refusal's status (any status, so that an unexpected one shows in the failure). */
function outcomeOf(response: request.Response): 'ok' | 'login' | number {
  if (response.status === 303 && String(response.headers.location).startsWith('/login')) return 'login';
  if (response.status >= 200 && response.status < 400) return 'ok';
  return response.status;
}

describe('Every route for every role', () => {
  let testApp: TestApp;
  let context: RouteContext;
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
    context = await createRouteContext(testApp, article);
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
