import { describe, expect, it } from 'vitest';
import type request from 'supertest';
import { createTestApp, importViaApi, type Agent, type TestApp } from '../helpers/app';

/** Everything a refused request could have written (a token's last use is not a write of the request's). */
const stored = (testApp: TestApp) =>
  JSON.stringify(
    [
      'SELECT * FROM articles',
      'SELECT * FROM segments',
      'SELECT * FROM revisions',
      'SELECT * FROM users',
      'SELECT * FROM mqm_annotations',
      'SELECT id, user_id, label, revoked_at FROM api_tokens',
    ].map((sql) => testApp.db.prepare(sql).all()),
  );

interface Door {
  field: string;
  /** A browser form, or JSON from a script (the only way to send a lone surrogate: a browser sends U+FFFD instead). */
  kind: 'form' | 'json';
  client: (testApp: TestApp) => Promise<Agent>;
  /** Sends `value` in the field and returns the answer. */
  send: (client: Agent, value: string, segmentId: number) => request.Test;
}

const doors: Door[] = [
  {
    field: 'title (API)',
    kind: 'json',
    client: (testApp) => testApp.api('admin'),
    send: (client, title) => client.post('/api/articles').send({ title, text: 'One sentence.' }),
  },
  {
    field: 'title (import form)',
    kind: 'form',
    client: (testApp) => testApp.browser('admin'),
    send: (client, title) => client.post('/articles').type('form').send({ title, text: 'One sentence.' }),
  },
  {
    field: 'display name (users form)',
    kind: 'form',
    client: (testApp) => testApp.browser('admin'),
    send: (client, displayName) => client.post('/admin/users').type('form').send({ username: 'newbie', displayName, role: 'editor' }),
  },
  {
    field: 'token label (API)',
    kind: 'json',
    client: (testApp) => testApp.api('editor'),
    send: (client, label) => client.post('/api/tokens').send({ label }),
  },
  {
    field: 'note (API)',
    kind: 'json',
    client: (testApp) => testApp.api('reviewer'),
    send: (client, note, segmentId) => client.patch(`/api/segments/${segmentId}`).send({ status: 'rejected', note, version: 1 }),
  },
  {
    field: 'note (status form)',
    kind: 'form',
    client: (testApp) => testApp.browser('reviewer'),
    send: (client, note, segmentId) =>
      client.post(`/segments/${segmentId}/status`).type('form').send({ status: 'rejected', note, version: 1 }),
  },
  {
    field: 'comment (API)',
    kind: 'json',
    client: (testApp) => testApp.api('reviewer'),
    send: (client, comment, segmentId) =>
      client.post(`/api/segments/${segmentId}/annotations`).send({ start: 0, end: 3, category: 'style', severity: 'minor', comment }),
  },
  {
    field: 'sentence (API)',
    kind: 'json',
    client: (testApp) => testApp.api('editor'),
    send: (client, text, segmentId) => client.patch(`/api/segments/${segmentId}`).send({ text, version: 1 }),
  },
];

const values: { kind: string; value: string; message: RegExp; jsonOnly?: boolean }[] = [
  { kind: 'only NUL characters', value: '\u0000\u0000', message: /NUL|control characters \(U\+0000/ },
  { kind: 'a terminal escape', value: 'Red \u001b[31malert', message: /control characters \(U\+001B/ },
  { kind: 'a lone surrogate', value: 'Broken \ud800 text', message: /lone surrogate \(U\+D800/, jsonOnly: true },
];

describe('One rule for typed text, on every path', () => {
  const cases = doors.flatMap((door) =>
    values.filter((value) => door.kind === 'json' || !value.jsonOnly).map((value) => ({ field: door.field, door, ...value })),
  );

  it.each(cases)('when a $field has $kind, then 422 with a message and nothing is stored', async ({ door, value, message }) => {
    const testApp = createTestApp();
    const article = await importViaApi(testApp, 'One sentence.');
    // Sign in first (that writes a session or a token): the refused request itself must write nothing.
    const client = await door.client(testApp);
    const before = stored(testApp);
    const response = await door.send(client, value, article.segments[0]!.id);
    expect(response.status).toBe(422);
    expect(response.text).toMatch(message);
    expect(stored(testApp)).toBe(before);
  });

  it('when a title is only NUL characters, then the answer is a 422 that says so (it was a 500)', async () => {
    const testApp = createTestApp();
    const admin = await testApp.api('admin');
    const response = await admin.post('/api/articles').send({ title: '\u0000', text: 'One sentence.' }).expect(422);
    expect(response.body.error.message).toBe('title: A title cannot contain control characters (U+0000).');
    expect(response.body.error.code).toBe('control_character');
  });
});
