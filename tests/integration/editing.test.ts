import { describe, expect, it } from 'vitest';

import { bareDiffs, createTestApp, importViaApi } from '../helpers/app';

const TEXT = 'The couple provides for a “comfort force” of international troops. The Kremlin criticized the initiative.';

async function setup() {
  const testApp = createTestApp();
  const article = await importViaApi(testApp, TEXT);
  return { ...testApp, client: await testApp.api('admin'), article, first: article.segments[0]! };
}

const revisions = (db: ReturnType<typeof createTestApp>['db'], segmentId: number) =>
  db.prepare('SELECT version, action, text, status, note, author FROM revisions WHERE segment_id = ? ORDER BY version').all(segmentId);

describe('PATCH /api/segments/:id', () => {
  it('when the text is changed at the current version, then a new revision is stored and the status is edited', async () => {
    const { client, db, first } = await setup();
    const fixed = first.text.replace('comfort', 'reassurance');
    const response = await client.patch(`/api/segments/${first.id}`).send({ text: fixed, version: 1 }).expect(200);
    expect(response.body).toMatchObject({ id: first.id, text: fixed, mt: first.mt, status: 'edited', version: 2, updatedBy: 'Adam Admin' });
    // What the save answers is what is stored.
    expect((await client.get(`/api/segments/${first.id}`).expect(200)).body).toEqual(response.body);
    expect(revisions(db, first.id)).toEqual([
      { version: 1, action: 'import', text: first.mt, status: 'new', note: null, author: 'Adam Admin' },
      { version: 2, action: 'edit', text: fixed, status: 'edited', note: null, author: 'Adam Admin' },
    ]);
  });

  it('when the version is stale, then 409 with the current segment and nothing changes', async () => {
    const { client, db, first } = await setup();
    await client.patch(`/api/segments/${first.id}`).send({ text: 'First editor.', version: 1 }).expect(200);
    const response = await client.patch(`/api/segments/${first.id}`).send({ text: 'Second editor.', version: 1 }).expect(409);
    expect(response.body.error.code).toBe('stale_version');
    expect(response.body.error.current).toMatchObject({ text: 'First editor.', version: 2 });
    expect(revisions(db, first.id)).toHaveLength(2);
  });

  it('when a sentence is approved unchanged, then its text stays the MT and the status is approved', async () => {
    const { client, db, first } = await setup();
    const response = await client.patch(`/api/segments/${first.id}`).send({ status: 'approved', version: 1 }).expect(200);
    expect(response.body).toMatchObject({ text: first.mt, status: 'approved', version: 2 });
    expect(revisions(db, first.id)[1]).toMatchObject({ action: 'status', status: 'approved' });
  });

  it('when an approved sentence gets new text, then it goes back to edited', async () => {
    const { client, first } = await setup();
    await client.patch(`/api/segments/${first.id}`).send({ status: 'approved', version: 1 }).expect(200);
    const response = await client.patch(`/api/segments/${first.id}`).send({ text: 'Changed after approval.', version: 2 }).expect(200);
    expect(response.body).toMatchObject({ status: 'edited', version: 3 });
  });

  it('when a sentence is rejected without a reason, then 422; with one, the reason is kept', async () => {
    const { client, db, first } = await setup();
    const refused = await client.patch(`/api/segments/${first.id}`).send({ status: 'rejected', version: 1 }).expect(422);
    expect(refused.body.error.code).toBe('reason_required');
    const rejected = await client
      .patch(`/api/segments/${first.id}`)
      .send({ status: 'rejected', note: 'Terminology', version: 1 })
      .expect(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', version: 2 });
    expect(revisions(db, first.id)[1]).toMatchObject({ status: 'rejected', note: 'Terminology' });
  });

  it('when status "new" is asked for an edited text, then 422', async () => {
    const { client, first } = await setup();
    await client.patch(`/api/segments/${first.id}`).send({ text: 'Edited.', version: 1 }).expect(200);
    const response = await client.patch(`/api/segments/${first.id}`).send({ status: 'new', version: 2 }).expect(422);
    expect(response.body.error.code).toBe('invalid_status');
  });

  it('when the same text is saved again, then no revision is added', async () => {
    const { client, db, first } = await setup();
    const response = await client.patch(`/api/segments/${first.id}`).send({ text: first.text, version: 1 }).expect(200);
    expect(response.body.version).toBe(1);
    expect(revisions(db, first.id)).toHaveLength(1);
  });

  it.each<[object, string]>([
    [{ text: 'x' }, 'version'],
    [{ text: 'x', version: 'one' }, 'version'],
    [{ status: 'done', version: 1 }, 'status'],
    [{ text: 5, version: 1 }, 'text'],
    [{ text: 'x', version: 1, extra: true }, 'extra'],
    [{ text: 'a\u0000b', version: 1 }, 'NUL'],
  ])('when the body is malformed (%j), then a 422 JSON error names %j', async (body, mention) => {
    const { client, first } = await setup();
    const response = await client.patch(`/api/segments/${first.id}`).send(body).expect(422);
    expect(response.body.error.message).toContain(mention);
  });

  it('when the segment does not exist or the id is not a number, then 404 or 422 in JSON', async () => {
    const { client } = await setup();
    const missing = await client.patch('/api/segments/999999').send({ text: 'x', version: 1 }).expect(404);
    expect(missing.body.error).toEqual({ code: 'not_found', message: 'Segment 999999 does not exist.' });
    const bad = await client.patch('/api/segments/abc').send({ text: 'x', version: 1 }).expect(422);
    expect(bad.body.error.code).toBe('invalid_id');
    await client.get('/api/articles/424242').expect(404);
    const unknownRoute = await client.get('/api/nothing').expect(404);
    expect(unknownRoute.body.error.code).toBe('not_found');
  });
});

describe('History', () => {
  it('when a segment was edited and approved, then its history lists every revision oldest first', async () => {
    const { client, first } = await setup();
    await client.patch(`/api/segments/${first.id}`).send({ text: 'Edited once.', version: 1 }).expect(200);
    await client.patch(`/api/segments/${first.id}`).send({ status: 'approved', version: 2 }).expect(200);
    const response = await client.get(`/api/segments/${first.id}/history`).expect(200);
    expect(
      response.body.revisions.map((r: { version: number; action: string; status: string }) => [r.version, r.action, r.status]),
    ).toEqual([
      [1, 'import', 'new'],
      [2, 'edit', 'edited'],
      [3, 'status', 'approved'],
    ]);
  });

  it('when a revision is reverted in the browser, then a new revision brings its text back and nothing is deleted', async () => {
    const { browser, db, first } = await setup();
    const agent = await browser('reviewer');
    await agent.post(`/segments/${first.id}`).type('form').send({ text: 'Wrong fix.', version: 1 }).expect(303);
    await agent.post(`/segments/${first.id}`).type('form').send({ text: 'Worse fix.', version: 2 }).expect(303);
    await agent.post(`/segments/${first.id}/revert`).type('form').send({ version: 3, to: 2 }).expect(303);
    expect(revisions(db, first.id)).toEqual([
      expect.objectContaining({ version: 1, text: first.mt }),
      expect.objectContaining({ version: 2, text: 'Wrong fix.' }),
      expect.objectContaining({ version: 3, text: 'Worse fix.' }),
      expect.objectContaining({
        version: 4,
        action: 'revert',
        text: 'Wrong fix.',
        status: 'edited',
        note: 'Reverted to version 2',
        author: 'Rita Reviewer',
      }),
    ]);
    const page = await agent.get(`/segments/${first.id}/history`).expect(200);
    expect(page.text).toContain('Version 4');
    expect(bareDiffs(page.text)).toContain('<del>Worse</del><ins>Wrong</ins>');
  });

  it('when the activity page is opened, then people’s changes are listed newest first without the import', async () => {
    const { browser, article } = await setup();
    const agent = await browser('reviewer');
    const [first, second] = article.segments;
    await agent.post(`/segments/${first!.id}`).type('form').send({ text: 'Edit A.', version: 1 }).expect(303);
    await agent.post(`/segments/${second!.id}/status`).type('form').send({ status: 'approved', version: 1 }).expect(303);
    const page = await agent.get(`/articles/${article.id}/activity`).expect(200);
    const html = bareDiffs(page.text);
    const approvedAt = html.indexOf('>approved<');
    const editedAt = html.indexOf('<ins>Edit A</ins>.'); // shown as its change against the text before
    expect(approvedAt).toBeGreaterThan(0);
    expect(editedAt).toBeGreaterThan(approvedAt);
    expect(page.text).not.toContain('>import<');
  });
});

describe('Editing in the browser without JavaScript', () => {
  it('when the edit form is posted, then the editor is redirected back to the row and the review page shows the diff', async () => {
    const { browser, first, article } = await setup();
    const agent = await browser('reviewer');
    const fixed = first.text.replace('comfort', 'reassurance');
    const response = await agent
      .post(`/segments/${first.id}`)
      .type('form')
      .send({ text: fixed, version: 1, returnTo: `/articles/${article.id}` })
      .expect(303);
    expect(response.headers.location).toBe(`/articles/${article.id}#segment-${first.id}`);
    const page = await agent.get(`/articles/${article.id}`).expect(200);
    expect(bareDiffs(page.text)).toContain('<del>comfort</del><ins>reassurance</ins>');
    expect(page.text).toContain('v2 · Rita Reviewer');
  });

  it('when "Reset to MT" is posted, then the MT comes back as a new revision with status new', async () => {
    const { browser, db, first } = await setup();
    const agent = await browser('reviewer');
    await agent.post(`/segments/${first.id}`).type('form').send({ text: 'Changed.', version: 1 }).expect(303);
    await agent.post(`/segments/${first.id}`).type('form').send({ action: 'reset', version: 2 }).expect(303);
    expect(revisions(db, first.id)[2]).toMatchObject({ version: 3, action: 'reset', text: first.mt, status: 'new' });
  });

  it('when a stale form is posted, then the conflict page shows their text and keeps mine', async () => {
    const { browser, client, first } = await setup();
    const agent = await browser('reviewer');
    await client.patch(`/api/segments/${first.id}`).send({ text: 'Their version.', version: 1 }).expect(200);
    const response = await agent.post(`/segments/${first.id}`).type('form').send({ text: 'My version.', version: 1 }).expect(409);
    expect(response.text).toContain('changed by Adam Admin');
    expect(response.text).toContain('Their version.');
    expect(response.text).toContain('>My version.</textarea>');
    expect(bareDiffs(response.text)).toContain('<del>Their</del><ins>My</ins>');
  });

  it("when the page script saves with fetch, then the row comes back with the article's progress and status counts", async () => {
    const { browser, first } = await setup();
    const agent = await browser('reviewer');
    const response = await agent
      .post(`/segments/${first.id}/status`)
      .set('X-Requested-With', 'fetch')
      .type('form')
      .send({ status: 'approved', version: 1 })
      .expect(200);
    expect(response.text).toMatch(/^<li class="segment kind-sentence status-approved unchanged"/);
    expect(response.text).toContain('<div id="article-progress"');
    expect(response.text).toContain('<span class="count" data-count="approved">1</span>');
    expect(response.text).toContain('<span class="count" data-count="new">1</span>');
    const stale = await agent
      .post(`/segments/${first.id}/status`)
      .set('X-Requested-With', 'fetch')
      .type('form')
      .send({ status: 'approved', version: 1 })
      .expect(409);
    expect(stale.body.error.current.version).toBe(2);
  });

  it('when the review page is filtered by status, then only those sentences are listed', async () => {
    const { browser, article } = await setup();
    const agent = await browser('reviewer');
    await agent.post(`/segments/${article.segments[1]!.id}/status`).type('form').send({ status: 'approved', version: 1 }).expect(303);
    const page = await agent.get(`/articles/${article.id}?status=approved`).expect(200);
    expect(page.text).toContain(`id="segment-${article.segments[1]!.id}"`);
    expect(page.text).not.toContain(`id="segment-${article.segments[0]!.id}"`);
  });
});
