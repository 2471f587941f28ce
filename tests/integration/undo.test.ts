import { describe, expect, it } from 'vitest';
import { createTestApp, importViaApi } from '../helpers/app';

const TEXT = 'The couple provides for a “comfort force” of international troops. The Kremlin criticized the initiative.';

async function setup() {
  const testApp = createTestApp();
  const article = await importViaApi(testApp, TEXT);
  return { ...testApp, article, first: article.segments[0]! };
}

const revisions = (db: ReturnType<typeof createTestApp>['db'], segmentId: number) =>
  db.prepare('SELECT version, action, text, status, note, detail FROM revisions WHERE segment_id = ? ORDER BY version').all(segmentId);

describe('POST /api/segments/:id/undo', () => {
  it('when an editor undoes their save, then a new revision restores the text and status before it, naming the version undone', async () => {
    const { api, db, first } = await setup();
    const editor = await api('editor');
    const fixed = first.text.replace('comfort', 'reassurance');
    await editor.patch(`/api/segments/${first.id}`).send({ text: fixed, version: 1 }).expect(200);

    const response = await editor.post(`/api/segments/${first.id}/undo`).send({ version: 2 }).expect(200);

    expect(response.body).toMatchObject({ id: first.id, text: first.mt, status: 'new', version: 3, updatedBy: 'Ana Editor' });
    expect(revisions(db, first.id)).toEqual([
      { version: 1, action: 'import', text: first.mt, status: 'new', note: null, detail: null },
      { version: 2, action: 'edit', text: fixed, status: 'edited', note: null, detail: null },
      { version: 3, action: 'undo', text: first.mt, status: 'new', note: null, detail: '{"undoes":2}' },
    ]);
  });

  it('when a reviewer undoes an approval or a rejection, then the status before it comes back (and the rejection reason goes)', async () => {
    const { api, first } = await setup();
    const reviewer = await api('reviewer');
    await reviewer.patch(`/api/segments/${first.id}`).send({ text: 'Fixed.', version: 1 }).expect(200);
    await reviewer.patch(`/api/segments/${first.id}`).send({ status: 'approved', version: 2 }).expect(200);
    const unapproved = await reviewer.post(`/api/segments/${first.id}/undo`).send({ version: 3 }).expect(200);
    expect(unapproved.body).toMatchObject({ text: 'Fixed.', status: 'edited', version: 4 });

    await reviewer.patch(`/api/segments/${first.id}`).send({ status: 'rejected', note: 'Wrong term', version: 4 }).expect(200);
    const unrejected = await reviewer.post(`/api/segments/${first.id}/undo`).send({ version: 5 }).expect(200);
    expect(unrejected.body).toMatchObject({ text: 'Fixed.', status: 'edited', version: 6 });
  });

  it('when an editor undoes their edit of an approved sentence, then the approval comes back although editors cannot approve', async () => {
    const { api, first } = await setup();
    const reviewer = await api('reviewer');
    const editor = await api('editor');
    await reviewer.patch(`/api/segments/${first.id}`).send({ status: 'approved', version: 1 }).expect(200);
    await editor.patch(`/api/segments/${first.id}`).send({ text: 'A change after approval.', version: 2 }).expect(200);

    const response = await editor.post(`/api/segments/${first.id}/undo`).send({ version: 3 }).expect(200);

    expect(response.body).toMatchObject({ text: first.mt, status: 'approved', version: 4 });
  });

  it('when the sentence changed since the version to undo, then 409 and nothing is written', async () => {
    const { api, db, first } = await setup();
    const editor = await api('editor');
    const admin = await api('admin');
    await editor.patch(`/api/segments/${first.id}`).send({ text: 'Mine.', version: 1 }).expect(200);
    await admin.patch(`/api/segments/${first.id}`).send({ text: 'Theirs.', version: 2 }).expect(200);

    const response = await editor.post(`/api/segments/${first.id}/undo`).send({ version: 2 }).expect(409);

    expect(response.body.error).toMatchObject({ code: 'stale_version', current: { text: 'Theirs.', version: 3 } });
    expect(revisions(db, first.id)).toHaveLength(3);
  });

  it("when someone undoes another person's change, then 403 with the way to revert, and nothing is written", async () => {
    const { api, db, first } = await setup();
    await (await api('editor')).patch(`/api/segments/${first.id}`).send({ text: 'Mine.', version: 1 }).expect(200);

    const response = await (await api('reviewer')).post(`/api/segments/${first.id}/undo`).send({ version: 2 }).expect(403);

    expect(response.body.error.message).toContain("is Ana Editor's, not yours");
    expect(revisions(db, first.id)).toHaveLength(2);
  });

  it('when the sentence is as imported, then 422 nothing_to_undo; without a version, 422', async () => {
    const { api, first } = await setup();
    const editor = await api('editor');
    expect((await editor.post(`/api/segments/${first.id}/undo`).send({ version: 1 }).expect(422)).body.error.code).toBe('nothing_to_undo');
    await editor.post(`/api/segments/${first.id}/undo`).send({}).expect(422);
  });
});

describe('POST /segments/:id/undo (the form)', () => {
  it('when the page script sends it, then the row comes back restored; a plain form is redirected to the row', async () => {
    const { browser, first, article } = await setup();
    const editor = await browser('editor');
    await editor.post(`/segments/${first.id}`).type('form').send({ text: 'Mine.', version: '1' }).expect(303);

    const plain = await editor
      .post(`/segments/${first.id}/undo`)
      .type('form')
      .send({ version: '2', returnTo: `/articles/${article.id}` })
      .expect(303);
    expect(plain.headers.location).toBe(`/articles/${article.id}#segment-${first.id}`);

    await editor.post(`/segments/${first.id}`).type('form').send({ text: 'Mine again.', version: '3' }).expect(303);
    const fragment = await editor
      .post(`/segments/${first.id}/undo`)
      .set('X-Requested-With', 'fetch')
      .type('form')
      .send({ version: '4', returnTo: `/articles/${article.id}` })
      .expect(200);
    expect(fragment.text).toContain(`id="segment-${first.id}"`);
    expect(fragment.text).toContain('data-version="5"');
  });
});
