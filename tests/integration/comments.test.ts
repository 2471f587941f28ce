import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createTestApp, importViaApi } from '../helpers/app';

const TEXT = 'Talks ended late. Prices rose sharply.\n\nA second paragraph follows.\n';

async function setup() {
  const testApp = createTestApp();
  const article = await importViaApi(testApp, TEXT);
  return {
    ...testApp,
    article,
    editor: await testApp.api('editor'),
    reviewer: await testApp.api('reviewer'),
    segment: article.segments[0]!,
  };
}

describe('Comments API', () => {
  it('when someone comments and another replies, then the thread lists both in order with who and when, and the sentence counts one open thread', async () => {
    const { editor, reviewer, segment } = await setup();
    const started = await editor.post(`/api/segments/${segment.id}/comments`).send({ body: '  Is "late" right here?  ' }).expect(201);
    expect(started.headers.location).toBe(`/api/comments/${started.body.id}`);
    expect(started.body).toMatchObject({
      segmentId: segment.id,
      threadId: started.body.id,
      body: 'Is "late" right here?',
      author: 'Ana Editor',
      resolved: false,
    });
    const reply = await reviewer
      .post(`/api/segments/${segment.id}/comments`)
      .send({ body: 'Yes: the source says so.', replyTo: started.body.id })
      .expect(201);
    expect(reply.body).toMatchObject({ threadId: started.body.id, author: 'Rita Reviewer' });
    expect(reply.body).not.toHaveProperty('resolved');
    const listed = (await editor.get(`/api/segments/${segment.id}/comments`).expect(200)).body.comments;
    expect(listed.map((comment: { body: string }) => comment.body)).toEqual(['Is "late" right here?', 'Yes: the source says so.']);
    expect(listed[0].createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await editor.get(`/api/segments/${segment.id}`).expect(200)).body.openComments).toBe(1);
  });

  it('when a thread is resolved and reopened, then the open count follows and says who resolved it', async () => {
    const { editor, reviewer, segment, api } = await setup();
    const thread = (await editor.post(`/api/segments/${segment.id}/comments`).send({ body: 'Check the number.' }).expect(201)).body;
    const reply = (await reviewer.post(`/api/segments/${segment.id}/comments`).send({ body: 'Checked.', replyTo: thread.id }).expect(201))
      .body;
    const admin = await api('admin');
    const resolvedByAdmin = await admin.patch(`/api/comments/${thread.id}`).send({ resolved: true }).expect(200);
    expect(resolvedByAdmin.body).toMatchObject({ id: thread.id, resolved: true, resolvedBy: 'Adam Admin' });
    expect((await editor.get(`/api/segments/${segment.id}`).expect(200)).body.openComments).toBe(0);
    // The thread's author may reopen it, through any of its comments.
    const reopened = await editor.patch(`/api/comments/${reply.id}`).send({ resolved: false }).expect(200);
    expect(reopened.body).toMatchObject({ id: thread.id, resolved: false, resolvedAt: null, resolvedBy: null });
    expect((await editor.get(`/api/segments/${segment.id}`).expect(200)).body.openComments).toBe(1);
  });

  it('when an editor who did not start the thread resolves it, then 403 and it stays open', async () => {
    const { reviewer, segment, services, app } = await setup();
    const thread = (await reviewer.post(`/api/segments/${segment.id}/comments`).send({ body: 'A reviewer asks.' }).expect(201)).body;
    const editor = await services.accounts.createUser(
      { username: 'edna', displayName: 'Edna', role: 'editor', password: 'a long password here' },
      undefined,
    );
    const { token } = services.accounts.createToken({ userId: editor.id, username: 'edna', displayName: 'Edna', role: 'editor' }, 'test');
    const response = await request(app)
      .patch(`/api/comments/${thread.id}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ resolved: true })
      .expect(403);
    expect(response.body.error.message).toContain('started the thread');
    expect((await reviewer.get(`/api/comments/${thread.id}`).expect(200)).body.resolved).toBe(false);
  });

  it.each([
    ['an empty body', { body: '   ' }, 'body'],
    ['a body over 5,000 characters', { body: 'x'.repeat(5_001) }, 'body'],
    ['a NUL character', { body: 'a\u0000b' }, undefined],
    ['a lone surrogate', { body: 'a\ud800b' }, undefined],
    ['a reply to a comment of another sentence', { body: 'Hi', replyTo: 999 }, 'replyTo'],
    ['an unknown field', { body: 'Hi', resolved: true }, undefined],
  ])('when a comment has %s, then 422 and nothing is stored', async (_label, body, field) => {
    const { editor, segment, db } = await setup();
    const response = await editor.post(`/api/segments/${segment.id}/comments`).send(body).expect(422);
    if (field) expect(response.body.error.field).toBe(field);
    expect(db.prepare('SELECT count(*) FROM comments').pluck().get()).toBe(0);
  });

  it('when a comment is exactly 5,000 characters, then it is stored whole', async () => {
    const { editor, segment } = await setup();
    const response = await editor
      .post(`/api/segments/${segment.id}/comments`)
      .send({ body: 'y'.repeat(5_000) })
      .expect(201);
    expect(response.body.body).toHaveLength(5_000);
  });

  it('when a reviewer rejects a sentence with a reason, then the reason opens a thread linked to that revision', async () => {
    const { reviewer, segment, db } = await setup();
    await reviewer
      .patch(`/api/segments/${segment.id}`)
      .send({ status: 'rejected', note: 'Terminology: use "tariffs".', version: 1 })
      .expect(200);
    const comments = (await reviewer.get(`/api/segments/${segment.id}/comments`).expect(200)).body.comments;
    const revisionId = db.prepare('SELECT id FROM revisions WHERE segment_id = ? AND version = 2').pluck().get(segment.id);
    expect(comments).toEqual([
      expect.objectContaining({ body: 'Terminology: use "tariffs".', author: 'Rita Reviewer', revisionId, resolved: false }),
    ]);
    expect((await reviewer.get(`/api/segments/${segment.id}`).expect(200)).body).toMatchObject({ status: 'rejected', openComments: 1 });
  });

  it('when a commented sentence is merged into the one before it, then its threads move along and the JSON export carries them', async () => {
    const { editor, article } = await setup();
    const [first, second] = article.segments;
    await editor.post(`/api/segments/${second!.id}/comments`).send({ body: 'About prices.' }).expect(201);
    await editor.post(`/api/segments/${first!.id}/merge`).send({ version: 1 }).expect(200);
    const moved = (await editor.get(`/api/segments/${first!.id}/comments`).expect(200)).body.comments;
    expect(moved).toEqual([expect.objectContaining({ body: 'About prices.', segmentId: first!.id })]);
    expect((await editor.get(`/api/segments/${first!.id}`).expect(200)).body.openComments).toBe(1);
    const exported = JSON.parse((await editor.get(`/api/articles/${article.id}/export?format=json`).expect(200)).text);
    expect(exported.comments).toEqual([expect.objectContaining({ body: 'About prices.', segmentId: first!.id, resolved: false })]);
  });
});

describe('Comments in the browser', () => {
  it('when a comment is posted with the plain form, then the comments page shows it and the review row shows the marker', async () => {
    const { browser, segment, article } = await setup();
    const agent = await browser('editor');
    const posted = await agent.post(`/segments/${segment.id}/comments`).type('form').send({ body: 'Plain form comment.' }).expect(303);
    expect(posted.headers.location).toMatch(new RegExp(`^/segments/${segment.id}/comments#comment-\\d+$`));
    const page = await agent.get(`/segments/${segment.id}/comments`).expect(200);
    expect(page.text).toContain('Plain form comment.');
    expect(page.text).toContain('Ana Editor');
    const review = await agent.get(`/articles/${article.id}`).expect(200);
    expect(review.text).toMatch(new RegExp(`id="comment-marker-${segment.id}"[^>]*class="comment-marker has-open">1 open comment<`));
  });

  it('when the plain form is sent empty, then the page comes back with the message and nothing is stored', async () => {
    const { browser, segment, db } = await setup();
    const agent = await browser('editor');
    const refused = await agent.post(`/segments/${segment.id}/comments`).type('form').send({ body: ' ' }).expect(422);
    expect(refused.text).toContain('A comment needs some text.');
    expect(db.prepare('SELECT count(*) FROM comments').pluck().get()).toBe(0);
  });

  it('when the page script posts a comment, then it gets the panel and the marker back to swap in', async () => {
    const { browser, segment } = await setup();
    const agent = await browser('editor');
    const response = await agent
      .post(`/segments/${segment.id}/comments`)
      .set('X-Requested-With', 'fetch')
      .type('form')
      .send({ body: 'Script comment.' })
      .expect(200);
    expect(response.text).toContain(`id="comments-${segment.id}"`);
    expect(response.text).toContain('Script comment.');
    expect(response.text).toContain(`id="comment-marker-${segment.id}"`);
  });
});
