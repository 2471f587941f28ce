import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { createTestApp, csrfFrom, importViaApi, signInAs, TEST_PASSWORD, type Agent } from '../helpers/app';
import { SetupGate } from '../../src/auth/setupGate';
import { loginLimits } from '../../src/auth/authRoutes';
import type { Db } from '../../src/db/database';

/** supertest types set-cookie as a string; it is an array of cookies. */
const setCookies = (response: request.Response) => (response.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
const rows = (db: Db, sql: string, ...params: unknown[]) => db.prepare(sql).all(...params);
const count = (db: Db, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

async function loginForm(app: ReturnType<typeof createTestApp>['app']) {
  const agent = request.agent(app);
  const page = await agent.get('/login').expect(200);
  return { agent, csrf: csrfFrom(page.text) };
}

describe('Signing in', () => {
  it('when the password is wrong or the user unknown, then the same generic message and a failed-login audit entry', async () => {
    const testApp = createTestApp();
    await testApp.user('editor');
    for (const username of ['editor', 'nobody']) {
      const { agent, csrf } = await loginForm(testApp.app);
      const response = await agent.post('/login').type('form').send({ username, password: 'wrong password', _csrf: csrf }).expect(401);
      expect(response.text).toContain('Wrong username or password.');
      expect(setCookies(response).join()).not.toContain('redline_session=');
    }
    expect(rows(testApp.db, `SELECT action, target FROM audit_log WHERE action = 'login_failed' ORDER BY id`)).toEqual([
      { action: 'login_failed', target: 'editor' },
      { action: 'login_failed', target: 'nobody' },
    ]);
  });

  it('when signed in, then the session cookie is HttpOnly and SameSite=Lax and the session is stored hashed', async () => {
    const testApp = createTestApp();
    await testApp.user('editor');
    const { agent, csrf } = await loginForm(testApp.app);
    const response = await agent
      .post('/login')
      .type('form')
      .send({ username: 'editor', password: TEST_PASSWORD, _csrf: csrf, next: '/account' })
      .expect(303);
    expect(response.headers.location).toBe('/account');
    const cookie = setCookies(response).find((c) => c.startsWith('redline_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // plain HTTP here; Secure is set behind HTTPS
    const value = decodeURIComponent(/redline_session=([^;]+)/.exec(cookie)![1]!);
    const stored = rows(testApp.db, 'SELECT token_hash AS tokenHash FROM sessions') as { tokenHash: string }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).not.toBe(value);
    expect(stored[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const passwordHash = (testApp.db.prepare('SELECT password_hash AS h FROM users').get() as { h: string }).h;
    // The hash records the cost it was made with (the tests' cheap one here; production's is tested in unit/auth).
    expect(passwordHash).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(passwordHash).not.toContain(TEST_PASSWORD);
  });

  it('when the username or password is overlong or not text, then a clear refusal and no session', async () => {
    const testApp = createTestApp();
    await testApp.user('editor');
    const { agent, csrf } = await loginForm(testApp.app);
    const long = await agent
      .post('/login')
      .type('form')
      .send({ username: 'u'.repeat(41), password: 'x', _csrf: csrf })
      .expect(422);
    expect(long.text).toContain('A username has at most 40 characters and a password at most 200.');
    await agent
      .post('/login')
      .type('form')
      .send({ username: 'editor', password: 'p'.repeat(201), _csrf: csrf })
      .expect(422);
    const notText = await agent
      .post('/login')
      .send({ username: ['editor'], password: TEST_PASSWORD, _csrf: csrf })
      .expect(422);
    expect(notText.text).toContain('Enter a username and a password.');
    expect(count(testApp.db, 'sessions')).toBe(0);
  });

  it('when served behind an HTTPS proxy that Redline trusts, then the session cookie is Secure', async () => {
    const testApp = createTestApp({ trustProxy: 1 });
    await testApp.user('editor');
    const page = await request(testApp.app).get('/login').set('X-Forwarded-Proto', 'https').expect(200);
    // The pre-login CSRF cookie is Secure too; a cookie jar on plain http would not send it back, so we do.
    const csrfCookie = setCookies(page).find((c) => c.startsWith('redline_csrf='))!;
    expect(csrfCookie).toMatch(/; Secure/);
    const response = await request(testApp.app)
      .post('/login')
      .set('X-Forwarded-Proto', 'https')
      .set('Cookie', csrfCookie.split(';')[0]!)
      .type('form')
      .send({ username: 'editor', password: TEST_PASSWORD, _csrf: csrfFrom(page.text) })
      .expect(303);
    expect(setCookies(response).find((c) => c.startsWith('redline_session='))).toMatch(/; Secure/);
  });

  it('when the login form comes without its CSRF token, then it is refused', async () => {
    const testApp = createTestApp();
    await testApp.user('editor');
    const response = await request(testApp.app)
      .post('/login')
      .type('form')
      .send({ username: 'editor', password: TEST_PASSWORD })
      .expect(403);
    expect(response.text).toContain('did not come from Redline');
  });

  it('when an account fails too often, then further attempts are refused with a clear message, even with the right password', async () => {
    const testApp = createTestApp();
    await testApp.user('editor');
    const { agent, csrf } = await loginForm(testApp.app);
    for (let attempt = 0; attempt < loginLimits.perAccountAndAddress; attempt++) {
      await agent.post('/login').type('form').send({ username: 'editor', password: 'wrong password', _csrf: csrf }).expect(401);
    }
    const blocked = await agent.post('/login').type('form').send({ username: 'editor', password: TEST_PASSWORD, _csrf: csrf }).expect(429);
    expect(blocked.text).toContain('Too many failed sign-ins for this account');
    // Another account from the same address is not blocked by this account's failures.
    await testApp.user('reviewer');
    await agent.post('/login').type('form').send({ username: 'reviewer', password: TEST_PASSWORD, _csrf: csrf }).expect(303);
  });

  it("when an attacker's failures lock an account from their address, then its owner still signs in from another", async () => {
    const testApp = createTestApp({ trustProxy: 1 });
    await testApp.user('admin');
    const { agent, csrf } = await loginForm(testApp.app);
    const from = (address: string) => agent.post('/login').set('X-Forwarded-For', address).type('form');
    for (let attempt = 0; attempt < loginLimits.perAccountAndAddress; attempt++) {
      await from('203.0.113.66').send({ username: 'admin', password: 'a guess', _csrf: csrf }).expect(401);
    }
    // The attacker's address is stopped, even when it guesses right: brute force stays limited.
    const stopped = await from('203.0.113.66').send({ username: 'admin', password: TEST_PASSWORD, _csrf: csrf }).expect(429);
    expect(stopped.text).toContain('Too many failed sign-ins for this account from this address');
    // The owner, elsewhere, is not locked out.
    await from('198.51.100.7').send({ username: 'admin', password: TEST_PASSWORD, _csrf: csrf }).expect(303);
  });

  it('when many addresses guess one account, then a higher ceiling per account stops them all', async () => {
    const testApp = createTestApp({ trustProxy: 1 });
    await testApp.user('admin');
    const { agent, csrf } = await loginForm(testApp.app);
    const from = (address: string) => agent.post('/login').set('X-Forwarded-For', address).type('form');
    const addresses = loginLimits.perAccount / loginLimits.perAccountAndAddress;
    for (let address = 0; address < addresses; address++) {
      for (let attempt = 0; attempt < loginLimits.perAccountAndAddress; attempt++) {
        await from(`203.0.113.${address + 1}`)
          .send({ username: 'admin', password: 'a guess', _csrf: csrf })
          .expect(401);
      }
    }
    const stopped = await from('198.51.100.200').send({ username: 'admin', password: 'another guess', _csrf: csrf }).expect(429);
    expect(stopped.text).toContain('Too many failed sign-ins for this account. Wait 15 minutes');
    // Other accounts are not affected.
    await testApp.user('editor');
    await from('198.51.100.200').send({ username: 'editor', password: TEST_PASSWORD, _csrf: csrf }).expect(303);
  });

  it('when one address fails across many accounts, then it is limited too', async () => {
    const testApp = createTestApp();
    const { agent, csrf } = await loginForm(testApp.app);
    for (let attempt = 0; attempt < loginLimits.perAddress; attempt++) {
      await agent
        .post('/login')
        .type('form')
        .send({ username: `guess${attempt}`, password: 'wrong password', _csrf: csrf })
        .expect(401);
    }
    const blocked = await agent.post('/login').type('form').send({ username: 'another', password: 'x', _csrf: csrf }).expect(429);
    expect(blocked.text).toContain('Too many failed sign-ins from this address');
  });
});

describe('Sessions', () => {
  it('when the session has been idle too long or is past its absolute expiry, then the browser must sign in again', async () => {
    const testApp = createTestApp();
    await testApp.user('editor');
    const idle = await testApp.browser('editor');
    testApp.db.prepare(`UPDATE sessions SET last_seen_at = '2000-01-01T00:00:00.000Z'`).run();
    const idleResponse = await idle.get('/').expect(303);
    expect(idleResponse.headers.location).toBe('/login?next=%2F');
    expect(count(testApp.db, 'sessions')).toBe(0);

    const old = await testApp.browser('editor');
    testApp.db.prepare(`UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000Z'`).run();
    await old.get('/').expect(303);
  });

  it('when the cookie is tampered with, then it is ignored and cleared, and nothing changes', async () => {
    const testApp = createTestApp();
    const article = await importViaApi(testApp, 'One sentence.');
    const response = await request(testApp.app).get(`/articles/${article.id}`).set('Cookie', 'redline_session=forged-value').expect(303);
    expect(response.headers.location).toMatch(/^\/login/);
    expect(setCookies(response).join()).toMatch(/redline_session=;/);
    await request(testApp.app)
      .post(`/segments/${article.segments[0]!.id}`)
      .set('Cookie', 'redline_session=forged-value')
      .type('form')
      .send({ text: 'Forged.', version: 1 })
      .expect(401);
    expect(count(testApp.db, 'revisions')).toBe(1);
  });

  it('when a form is posted with a missing or forged CSRF token, then 403 and nothing is stored', async () => {
    const testApp = createTestApp();
    const article = await importViaApi(testApp, 'One sentence.');
    const segmentId = article.segments[0]!.id;
    await testApp.user('editor');
    const agent = await signInAs(testApp.app, 'editor', TEST_PASSWORD);
    for (const token of ['', 'forged-token']) {
      const response = await agent
        .post(`/segments/${segmentId}`)
        .set('X-CSRF-Token', token)
        .type('form')
        .send({ text: 'Changed.', version: 1 })
        .expect(403);
      expect(response.text).toContain('Reload the page and try again');
    }
    // A token from another person's session does not work either.
    await testApp.user('reviewer');
    const other = await signInAs(testApp.app, 'reviewer', TEST_PASSWORD);
    const otherToken = csrfFrom((await other.get('/')).text);
    await agent
      .post(`/segments/${segmentId}`)
      .set('X-CSRF-Token', otherToken)
      .type('form')
      .send({ text: 'Changed.', version: 1 })
      .expect(403);
    expect(count(testApp.db, 'revisions')).toBe(1);
    // With its own token the same form works.
    await agent.post(`/segments/${segmentId}`).type('form').send({ text: 'Changed.', version: 1 }).expect(303);
    expect(count(testApp.db, 'revisions')).toBe(2);
  });

  it('when signing out, then the session is gone from the database', async () => {
    const testApp = createTestApp();
    const agent = await testApp.browser('editor');
    expect(count(testApp.db, 'sessions')).toBe(1);
    await agent.post('/logout').expect(303);
    expect(count(testApp.db, 'sessions')).toBe(0);
    await agent.get('/').expect(303);
  });
});

describe('First run', () => {
  it('when no user exists, then only the printed token opens setup, which creates an admin once', async () => {
    const setup = new SetupGate('the-printed-token-1234567890');
    const testApp = createTestApp({ setup });
    await request(testApp.app).get('/setup?token=wrong').expect(403);
    const agent = request.agent(testApp.app);
    const page = await agent.get('/setup?token=the-printed-token-1234567890').expect(200);
    const csrf = csrfFrom(page.text);
    const form = { token: 'the-printed-token-1234567890', username: 'ada', displayName: 'Ada', password: 'long password 1', _csrf: csrf };
    const mismatch = await agent
      .post('/setup')
      .type('form')
      .send({ ...form, passwordAgain: 'other password' })
      .expect(422);
    expect(mismatch.text).toContain('The two passwords differ.');
    await agent
      .post('/setup')
      .type('form')
      .send({ ...form, passwordAgain: 'long password 1' })
      .expect(303);
    expect(rows(testApp.db, 'SELECT username, role FROM users')).toEqual([{ username: 'ada', role: 'admin' }]);
    expect((await agent.get('/').expect(200)).text).toContain('data-testid="signed-in-as">Ada<');
    await request(testApp.app).get('/setup?token=the-printed-token-1234567890').expect(404);
  });

  it('when the setup form is posted 5 times at once, then exactly one admin is created and the others are told so', async () => {
    const token = 'the-printed-token-1234567890';
    const testApp = createTestApp({ setup: new SetupGate(token) });
    const forms = await Promise.all(
      ['ada', 'bea', 'cyd', 'dee', 'eve'].map(async (username) => {
        const agent = request.agent(testApp.app);
        const page = await agent.get(`/setup?token=${token}`).expect(200);
        const password = 'long password 1';
        return { agent, fields: { token, username, displayName: username, password, passwordAgain: password, _csrf: csrfFrom(page.text) } };
      }),
    );
    const responses = await Promise.all(forms.map(({ agent, fields }) => agent.post('/setup').type('form').send(fields)));
    expect(responses.map((response) => response.status).sort()).toEqual([303, 409, 409, 409, 409]);
    for (const refused of responses.filter((response) => response.status === 409)) {
      expect(refused.text).toContain('Someone else has just set up Redline with this link');
    }
    expect(rows(testApp.db, 'SELECT role FROM users')).toEqual([{ role: 'admin' }]);
    expect(count(testApp.db, 'sessions')).toBe(1);
  });
});

describe('Accounts and roles', () => {
  it.each<[Record<string, string>, number, string]>([
    [{ username: 'x'.repeat(41), displayName: 'X', role: 'editor', password: 'long enough password' }, 422, 'at most 40 characters'],
    [{ username: 'bad name!', displayName: 'X', role: 'editor', password: 'long enough password' }, 422, 'letters, digits'],
    [{ username: 'ok', displayName: 'X', role: 'owner', password: 'long enough password' }, 422, 'must be one of editor, reviewer, admin'],
    [{ username: 'ok', displayName: 'X', role: 'editor', password: 'short' }, 422, 'at least 10 characters'],
    [{ username: 'ok', displayName: 'X', role: 'editor', password: 'p'.repeat(201) }, 422, 'at most 200 characters'],
    [{ username: 'admin', displayName: 'Dup', role: 'editor', password: 'long enough password' }, 409, 'is taken'],
  ])(
    'when an admin creates a user with bad input (%j), then the form shows a %i refusal with %j and nothing is stored',
    async (form, status, message) => {
      const testApp = createTestApp();
      const admin = await testApp.browser('admin');
      const response = await admin.post('/admin/users').type('form').send(form).expect(status);
      expect(response.text).toContain(message);
      expect(response.text).toContain('data-testid="error-message"');
      expect(count(testApp.db, 'users')).toBe(1);
    },
  );

  it('when an admin changes a role or disables a user, then it takes effect at once and is audited', async () => {
    const testApp = createTestApp();
    const admin = await testApp.browser('admin');
    const editor = await testApp.user('editor');
    const editorBrowser = await testApp.browser('editor');
    const editorApi = await testApp.api('editor');
    const changed = await admin.post(`/admin/users/${editor.userId}/role`).type('form').send({ role: 'reviewer' }).expect(303);
    expect(changed.headers.location).toBe('/admin/users');
    expect((await admin.get('/admin/users').expect(200)).text).toContain('editor is now reviewer.');
    expect((await admin.get('/admin/users').expect(200)).text).not.toContain('editor is now reviewer.'); // shown once
    expect((await editorApi.get('/api/me').expect(200)).body.role).toBe('reviewer');
    const refused = await admin.post(`/admin/users/${editor.userId}/role`).type('form').send({ role: 'boss' }).expect(422);
    expect(refused.text).toContain('must be one of');

    await admin.post(`/admin/users/${editor.userId}/disable`).type('form').expect(303);
    await editorBrowser.get('/').expect(303);
    const tokenRefused = await editorApi.get('/api/me').expect(401);
    expect(tokenRefused.body.error.code).toBe('invalid_token');
    const { agent, csrf } = await loginForm(testApp.app);
    const login = await agent.post('/login').type('form').send({ username: 'editor', password: TEST_PASSWORD, _csrf: csrf }).expect(403);
    expect(login.text).toContain('This account is disabled');

    expect(
      rows(testApp.db, `SELECT action, target, detail FROM audit_log WHERE action IN ('role_changed', 'user_disabled') ORDER BY id`),
    ).toEqual([
      { action: 'role_changed', target: 'editor', detail: 'editor → reviewer' },
      { action: 'user_disabled', target: 'editor', detail: null },
    ]);
    expect((await admin.get('/admin/audit').expect(200)).text).toContain('role_changed');
  });

  it('when the last admin would be demoted or disabled, then it is refused', async () => {
    const testApp = createTestApp();
    const admin = await testApp.browser('admin');
    const self = await testApp.user('admin');
    const response = await admin.post(`/admin/users/${self.userId}/role`).type('form').send({ role: 'editor' }).expect(409);
    expect(response.text).toContain('at least one active admin');
    await admin.post(`/admin/users/${self.userId}/disable`).type('form').expect(409);
    expect(rows(testApp.db, 'SELECT role, disabled_at AS disabledAt FROM users')).toEqual([{ role: 'admin', disabledAt: null }]);
  });

  it('when a user changes their password, then the old one stops working and their other sessions end', async () => {
    const testApp = createTestApp();
    const first = await testApp.browser('editor');
    const second = await testApp.browser('editor');
    const wrong = await first
      .post('/account/password')
      .type('form')
      .send({ current: 'not it', password: 'a new long password', passwordAgain: 'a new long password' })
      .expect(422);
    expect(wrong.text).toContain('current password is not right');
    await first
      .post('/account/password')
      .type('form')
      .send({ current: TEST_PASSWORD, password: 'a new long password', passwordAgain: 'a new long password' })
      .expect(200);
    await first.get('/account').expect(200);
    await second.get('/account').expect(303);
    await signInAs(testApp.app, 'editor', 'a new long password');
    expect(rows(testApp.db, `SELECT action FROM audit_log WHERE action = 'password_changed'`)).toHaveLength(1);
  });

  it('when people edit, then revisions, history and activity name their accounts', async () => {
    const testApp = createTestApp();
    const article = await importViaApi(testApp, 'One sentence.');
    const segmentId = article.segments[0]!.id;
    const editor = await testApp.browser('editor');
    const reviewer = await testApp.browser('reviewer');
    await editor.post(`/segments/${segmentId}`).type('form').send({ text: 'Edited sentence.', version: 1 }).expect(303);
    await reviewer.post(`/segments/${segmentId}/status`).type('form').send({ status: 'approved', version: 2 }).expect(303);
    const editorId = (await testApp.user('editor')).userId;
    const reviewerId = (await testApp.user('reviewer')).userId;
    expect(rows(testApp.db, 'SELECT version, author, user_id AS userId FROM revisions WHERE version > 1 ORDER BY version')).toEqual([
      { version: 2, author: 'Ana Editor', userId: editorId },
      { version: 3, author: 'Rita Reviewer', userId: reviewerId },
    ]);
    const activity = await editor.get(`/articles/${article.id}/activity`).expect(200);
    expect(activity.text).toContain('Rita Reviewer');
    expect(activity.text).toContain('Ana Editor');
  });
});

describe('Sign out everywhere', () => {
  /** Whether each client is still let in: a browser reaches a page, an API token gets /api/me. */
  const stillIn = async (browsers: Agent[], apis: Agent[]) => ({
    browsers: await Promise.all(browsers.map(async (browser) => (await browser.get('/account')).status === 200)),
    apis: await Promise.all(apis.map(async (api) => (await api.get('/api/me')).status === 200)),
  });

  it('when a user signs out everywhere on their account page, then all their sessions end, and their tokens only when asked', async () => {
    const testApp = createTestApp();
    const [laptop, phone] = [await testApp.browser('editor'), await testApp.browser('editor')];
    const script = await testApp.api('editor');
    const colleague = await testApp.browser('reviewer');
    const page = await laptop.get('/account').expect(200);
    expect(page.text).toContain('Sign out everywhere');

    const done = await laptop.post('/account/sessions/revoke').type('form').send({}).expect(303);
    expect(done.headers.location).toBe('/login?signedOut=everywhere');
    expect(await stillIn([laptop, phone, colleague], [script])).toEqual({ browsers: [false, false, true], apis: [true] });
    expect((await request(testApp.app).get('/login?signedOut=everywhere').expect(200)).text).toContain('You are signed out everywhere.');

    const again = await testApp.browser('editor');
    await again.post('/account/sessions/revoke').type('form').send({ revokeTokens: 'on' }).expect(303);
    expect(await stillIn([again, colleague], [script])).toEqual({ browsers: [false, true], apis: [false] });
    expect(rows(testApp.db, `SELECT target, detail FROM audit_log WHERE action = 'signed_out_everywhere' ORDER BY id`)).toEqual([
      { target: 'editor', detail: '2 sessions ended' },
      { target: 'editor', detail: '1 session ended, 1 token revoked' },
    ]);
  });

  it('when an API client calls POST /api/me/sessions/revoke, then it answers what ended, and revokes tokens on request', async () => {
    const testApp = createTestApp();
    const browser = await testApp.browser('editor');
    const [script, other] = [await testApp.api('editor'), await testApp.api('editor')];
    const kept = await script.post('/api/me/sessions/revoke').send({}).expect(200);
    expect(kept.body).toEqual({ sessionsEnded: 1, tokensRevoked: 0 });
    expect(await stillIn([browser], [script, other])).toEqual({ browsers: [false], apis: [true, true] });
    const revoked = await script.post('/api/me/sessions/revoke').send({ revokeTokens: true }).expect(200);
    expect(revoked.body).toEqual({ sessionsEnded: 0, tokensRevoked: 2 });
    expect(await stillIn([], [script, other])).toEqual({ browsers: [], apis: [false, false] });
    const refused = await (await testApp.api('reviewer')).post('/api/me/sessions/revoke').send({ revokeTokens: 'yes' }).expect(422);
    expect(refused.body.error.message).toContain('revokeTokens');
  });

  it('when an admin signs a user out everywhere on the Users page, then only that user is signed out', async () => {
    const testApp = createTestApp();
    const admin = await testApp.browser('admin');
    const editor = await testApp.user('editor');
    const editorBrowser = await testApp.browser('editor');
    const editorScript = await testApp.api('editor');
    expect((await admin.get('/admin/users').expect(200)).text).toContain(`action="/admin/users/${editor.userId}/sessions/revoke"`);
    await admin.post(`/admin/users/${editor.userId}/sessions/revoke`).type('form').send({ revokeTokens: 'on' }).expect(303);
    expect((await admin.get('/admin/users').expect(200)).text).toContain(
      'editor is signed out everywhere: 1 session ended, 1 token revoked.',
    );
    expect(await stillIn([editorBrowser, admin], [editorScript])).toEqual({ browsers: [false, true], apis: [false] });
    // Nobody else may do it for another user.
    const reviewer = await testApp.browser('reviewer');
    await reviewer.post(`/admin/users/${editor.userId}/sessions/revoke`).type('form').send({}).expect(403);
  });

  it('when a user changes their password and asks for it, then their API tokens are revoked too', async () => {
    const testApp = createTestApp();
    const browser = await testApp.browser('editor');
    const script = await testApp.api('editor');
    const page = await browser.get('/account').expect(200);
    expect(page.text).toContain('name="revokeTokens"');
    const changed = await browser
      .post('/account/password')
      .type('form')
      .send({ current: TEST_PASSWORD, password: 'a new long password', passwordAgain: 'a new long password', revokeTokens: 'on' })
      .expect(200);
    expect(changed.text).toContain('Your other sessions were signed out and your 1 API token was revoked.');
    expect(await stillIn([browser], [script])).toEqual({ browsers: [true], apis: [false] });
  });
});

describe('API tokens', () => {
  it('when a token is created, listed, used and revoked, then it works until revoked and is stored only hashed', async () => {
    const testApp = createTestApp();
    const editor = await testApp.api('editor');
    const created = await editor.post('/api/tokens').send({ label: 'import script' }).expect(201);
    expect(created.body.token).toMatch(/^rl_[\w-]{43}$/);
    const token = created.body.token as string;
    expect(rows(testApp.db, 'SELECT token_hash AS h FROM api_tokens WHERE id = ?', created.body.id)).not.toContainEqual({ h: token });

    const own = request.agent(testApp.app).set('Authorization', `Bearer ${token}`);
    expect((await own.get('/api/me').expect(200)).body).toMatchObject({ username: 'editor', role: 'editor' });
    const listed = await own.get('/api/tokens').expect(200);
    expect(listed.body.tokens.find((t: { id: number }) => t.id === created.body.id)).toMatchObject({
      label: 'import script',
      prefix: token.slice(0, 8),
      revokedAt: null,
    });
    expect(JSON.stringify(listed.body)).not.toContain(token);

    // Someone else may not revoke it; an admin may.
    const reviewer = await testApp.api('reviewer');
    await reviewer.delete(`/api/tokens/${created.body.id}`).expect(403);
    const admin = await testApp.api('admin');
    expect((await admin.delete(`/api/tokens/${created.body.id}`).expect(200)).body.revokedAt).not.toBeNull();
    const after = await own.get('/api/me').expect(401);
    expect(after.body.error).toEqual({
      code: 'invalid_token',
      message: 'The API token is unknown or revoked, or its account is disabled.',
    });
    expect(
      rows(testApp.db, `SELECT action FROM audit_log WHERE action LIKE 'token_%' ORDER BY id`).map((r) => (r as { action: string }).action),
    ).toEqual(['token_created', 'token_created', 'token_created', 'token_created', 'token_revoked']);
  });

  it('when a user creates a token on their account page, then it is shown once and works for the API', async () => {
    const testApp = createTestApp();
    const editor = await testApp.browser('editor');
    const page = await editor.post('/account/tokens').type('form').send({ label: 'my script' }).expect(201);
    const token = /data-testid="new-token">(rl_[\w-]+)</.exec(page.text)?.[1];
    expect(token).toBeDefined();
    expect((await request(testApp.app).get('/api/me').set('Authorization', `Bearer ${token}`).expect(200)).body.username).toBe('editor');
    const later = await editor.get('/account').expect(200);
    expect(later.text).toContain('my script');
    expect(later.text).not.toContain(token!);
  });

  it('when an admin opens the users page, then every token is listed and can be revoked there', async () => {
    const testApp = createTestApp();
    const editor = await testApp.user('editor');
    const { record } = testApp.services.accounts.createToken(editor, 'nightly import');
    const admin = await testApp.browser('admin');
    const page = await admin.get('/admin/users').expect(200);
    expect(page.text).toContain('nightly import');
    expect(page.text).toContain(`<code>${record.prefix}…</code>`);
    const revoked = await admin.post(`/account/tokens/${record.id}/revoke`).type('form').send({ returnTo: '/admin/users' }).expect(303);
    expect(revoked.headers.location).toBe('/admin/users');
    expect(rows(testApp.db, 'SELECT revoked_at IS NOT NULL AS revoked FROM api_tokens WHERE id = ?', record.id)).toEqual([{ revoked: 1 }]);
  });

  it('when the Authorization header is malformed or the label is bad, then a clear JSON error', async () => {
    const testApp = createTestApp();
    const malformed = await request(testApp.app).get('/api/me').set('Authorization', 'Basic abc').expect(401);
    expect(malformed.body.error.code).toBe('invalid_authorization');
    const editor = await testApp.api('editor');
    const badLabel = await editor.post('/api/tokens').send({ label: '' }).expect(422);
    expect(badLabel.body.error.message).toContain('label');
  });
});

describe('Concurrent saves', () => {
  it('when many clients save the same and different sentences at once, then every accepted save is in the history and the rest got 409', async () => {
    const testApp = createTestApp();
    const text = Array.from({ length: 10 }, (_, i) => `Sentence number ${i + 1}.`).join(' ');
    const article = await importViaApi(testApp, text);
    const tokens: string[] = [];
    for (const role of ['editor', 'reviewer', 'admin'] as const) {
      tokens.push(`Bearer ${testApp.services.accounts.createToken(await testApp.user(role), 'concurrency').token}`);
    }
    // A real socket on 127.0.0.1, so the requests really are concurrent.
    const server = await new Promise<import('node:http').Server>((resolve) => {
      const listening = testApp.app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      // 60 saves, all based on version 1: on each sentence the first one wins, later ones must be refused.
      const attempts = Array.from({ length: 60 }, (_, i) => ({
        segment: article.segments[i % 10]!,
        text: `Attempt ${i}.`,
        token: tokens[i % 3]!,
      }));
      const results = await Promise.all(
        attempts.map(async (attempt) => {
          const response = await fetch(`${base}/api/segments/${attempt.segment.id}`, {
            method: 'PATCH',
            headers: { 'Content-Type': 'application/json', Authorization: attempt.token },
            body: JSON.stringify({ text: attempt.text, version: 1 }),
          });
          return { ...attempt, status: response.status };
        }),
      );
      const accepted = results.filter((result) => result.status === 200);
      expect(results.every((result) => result.status === 200 || result.status === 409)).toBe(true);
      expect(accepted).toHaveLength(10);
      const stored = rows(testApp.db, `SELECT segment_id AS segmentId, text FROM revisions WHERE version = 2 ORDER BY segment_id`);
      expect(stored).toEqual(
        accepted.map((result) => ({ segmentId: result.segment.id, text: result.text })).sort((a, b) => a.segmentId - b.segmentId),
      );
      expect(count(testApp.db, 'revisions')).toBe(20);
    } finally {
      server.close();
    }
  });
});
