import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { toActor } from '../../src/auth/model';
import { BATCH_CHUNK } from '../../src/batches/batchService';
import { createTestApp, csrfFrom, importViaApi, type TestApp } from '../helpers/app';

const TEXT = ['The comfort force arrived.', 'A comfort force is planned.', 'The comfort force left.', 'Nothing here.'].join(' ');

/** An article, and a batch by the editor that replaced "comfort" in its three sentences (the second was approved before). */
async function withBatch() {
  const testApp = createTestApp();
  const article = await importViaApi(testApp, TEXT);
  const ids = article.segments.map((segment) => segment.id);
  const editor = await testApp.api('editor');
  const reviewer = await testApp.api('reviewer');
  await reviewer.patch(`/api/segments/${ids[1]}`).send({ status: 'approved', version: 1 }).expect(200);
  const body = { find: 'comfort', replace: 'reassurance', articles: [article.id] };
  const preview = (await editor.post('/api/replace/preview').send(body).expect(200)).body;
  const applied = await editor
    .post('/api/replace/apply')
    .send({ ...body, matches: preview.matches.map((match: { id: string }) => match.id) })
    .expect(200);
  return { testApp, article, ids, editor, reviewer, batchId: applied.body.batchId as number };
}

const stateOf = (testApp: TestApp, id: number) => {
  const { text, status, version } = testApp.services.segments.get(id);
  return { text, status, version };
};

describe('POST /api/batches/:id/undo', () => {
  it('when a batch is undone, then every sentence gets back its text and status as a new undo revision', async () => {
    const { testApp, ids, editor, batchId } = await withBatch();
    expect(stateOf(testApp, ids[1]!)).toEqual({ text: 'A reassurance force is planned.', status: 'edited', version: 3 });
    const response = await editor.post(`/api/batches/${batchId}/undo`).expect(200);
    expect(response.body).toEqual({ batchId: expect.any(Number), undone: 3, kept: [] });
    expect(stateOf(testApp, ids[0]!)).toEqual({ text: 'The comfort force arrived.', status: 'new', version: 3 });
    // The editor's undo puts back the reviewer's approval: it restores, it does not decide.
    expect(stateOf(testApp, ids[1]!)).toEqual({ text: 'A comfort force is planned.', status: 'approved', version: 4 });
    const revision = testApp.db
      .prepare('SELECT action, batch_id AS batchId, detail FROM revisions WHERE segment_id = ? AND version = 4')
      .get(ids[1]);
    expect(revision).toEqual({
      action: 'undo',
      batchId: response.body.batchId,
      detail: JSON.stringify({ undoesBatch: batchId, restores: 2 }),
    });
    expect((await editor.get(`/api/batches/${batchId}`)).body.undoneBy).toBe(response.body.batchId);
    expect((await editor.get(`/api/batches/${response.body.batchId}`)).body).toMatchObject({
      kind: 'undo',
      undoes: batchId,
      changed: 3,
      note: `Undo batch ${batchId}: Replace “comfort” → “reassurance”`,
    });
  });

  it('when a sentence was changed after the batch, then the undo keeps it, lists it, and restores the others', async () => {
    const { testApp, ids, editor, reviewer, batchId } = await withBatch();
    await reviewer.patch(`/api/segments/${ids[2]}`).send({ text: 'The reassurance force has left.', version: 2 }).expect(200);
    const response = await editor.post(`/api/batches/${batchId}/undo`).expect(200);
    expect(response.body).toMatchObject({ undone: 2, kept: [ids[2]] });
    expect(stateOf(testApp, ids[2]!)).toEqual({ text: 'The reassurance force has left.', status: 'edited', version: 3 });
    expect(stateOf(testApp, ids[0]!).text).toBe('The comfort force arrived.');
    // The undo's page names the kept sentence.
    const agent = await testApp.browser('editor');
    const page = await agent.get(`/batches/${response.body.batchId}`).expect(200);
    expect(page.text).toContain('Kept');
    expect(page.text).toContain(`href="/segments/${ids[2]}/history">Sentence 3</a>`);
  });

  it('when a batch is undone twice, or by another editor, then 409 or 403 and nothing changes', async () => {
    const { testApp, ids, batchId } = await withBatch();
    const otherEditor = await testApp.services.accounts.createUser(
      { username: 'other', displayName: 'Other Editor', role: 'editor', password: 'a long test password' },
      undefined,
    );
    const { token } = testApp.services.accounts.createToken(toActor(otherEditor), 'tests');
    const other = request.agent(testApp.app).set('Authorization', `Bearer ${token}`);
    const forbidden = await other.post(`/api/batches/${batchId}/undo`).expect(403);
    expect(forbidden.body.error.message).toContain('Only the person who made a batch');
    const reviewer = await testApp.api('reviewer');
    await reviewer.post(`/api/batches/${batchId}/undo`).expect(200);
    const again = await reviewer.post(`/api/batches/${batchId}/undo`).expect(409);
    expect(again.body.error.code).toBe('already_undone');
    expect(stateOf(testApp, ids[0]!).version).toBe(3);
  });

  it('when two undos of one batch arrive together, then exactly one runs', async () => {
    const { testApp, ids, editor, batchId } = await withBatch();
    const answers = await Promise.all([editor.post(`/api/batches/${batchId}/undo`), editor.post(`/api/batches/${batchId}/undo`)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(stateOf(testApp, ids[0]!)).toEqual({ text: 'The comfort force arrived.', status: 'new', version: 3 });
  });

  it('when an undo is undone, then the batch’s changes come back', async () => {
    const { testApp, ids, editor, batchId } = await withBatch();
    const undo = (await editor.post(`/api/batches/${batchId}/undo`).expect(200)).body;
    await editor.post(`/api/batches/${undo.batchId}/undo`).expect(200);
    expect(stateOf(testApp, ids[0]!)).toEqual({ text: 'The reassurance force arrived.', status: 'edited', version: 4 });
  });

  it('when the batch does not exist or the id is not a number, then 404 or 422', async () => {
    const { editor } = await withBatch();
    await editor.get('/api/batches/999').expect(404);
    await editor.post('/api/batches/999/undo').expect(404);
    await editor.post('/api/batches/abc/undo').expect(422);
  });

  it('when the undo form is posted in the browser, then the undo batch page shows what was restored', async () => {
    const { testApp, batchId } = await withBatch();
    const agent = await testApp.browser('editor');
    const page = await agent.get(`/batches/${batchId}`).expect(200);
    expect(page.text).toContain('Undo this batch');
    const undone = await agent
      .post(`/batches/${batchId}/undo`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text) })
      .expect(303);
    const undoPage = await agent.get(undone.headers.location as string).expect(200);
    expect(undoPage.text).toContain(`Undid batch ${batchId}: 3 sentences restored.`);
    // Once undone, the original offers no second undo.
    expect((await agent.get(`/batches/${batchId}`)).text).not.toContain('Undo this batch');
  });
});

describe('Batches in the activity view and at start-up', () => {
  it('when an article had a batch, then its activity shows the batch as one entry instead of one row per sentence', async () => {
    const { testApp, article, editor, ids, batchId } = await withBatch();
    await editor.patch(`/api/segments/${ids[3]}`).send({ text: 'Nothing at all here.', version: 1 }).expect(200);
    const agent = await testApp.browser('editor');
    const page = await agent.get(`/articles/${article.id}/activity`).expect(200);
    expect(page.text.match(/class="activity-batch"/g)).toHaveLength(1);
    expect(page.text).toContain(`<a href="/batches/${batchId}">3 sentences</a>`);
    expect(page.text).not.toContain('The reassurance force arrived.');
    // The single save after the batch is listed first, then the batch, then the reviewer's approval before it.
    const order = ['<td>edit</td>', `data-batch-id="${batchId}"`, '>approved<'].map((needle) => page.text.indexOf(needle));
    expect(order.every((index, position) => index > (order[position - 1] ?? 0))).toBe(true);
  });

  it('when a batch was left applying by a stopped process, then start-up marks it interrupted and it can still be undone', async () => {
    const { testApp, ids, editor, batchId } = await withBatch();
    testApp.db.prepare(`UPDATE batches SET state = 'applying' WHERE id = ?`).run(batchId);
    expect((await editor.post(`/api/batches/${batchId}/undo`).expect(409)).body.error.code).toBe('batch_applying');
    expect(testApp.services.batches.markInterrupted()).toBe(1);
    expect((await editor.get(`/api/batches/${batchId}`)).body.state).toBe('interrupted');
    await editor.post(`/api/batches/${batchId}/undo`).expect(200);
    expect(stateOf(testApp, ids[0]!).text).toBe('The comfort force arrived.');
  });
});

describe('BatchService.apply', () => {
  it('when one segment comes twice in a batch, then the first change is written, the second is skipped, and the batch finishes', async () => {
    const testApp = createTestApp();
    const article = await importViaApi(testApp, TEXT);
    const [first, second] = article.segments;
    const actor = await testApp.user('editor');
    const result = await testApp.services.batches.apply({ kind: 'qa-fix', articleId: article.id, note: 'Fix', actor }, [
      { segmentId: first!.id, version: 1, text: 'The reassurance force arrived.' },
      { segmentId: first!.id, version: 1, text: 'The other force arrived.' },
      { segmentId: second!.id, version: 1, text: 'A reassurance force is planned.' },
    ]);
    expect(result).toEqual({ batchId: expect.any(Number), changed: 2, skipped: [first!.id] });
    expect(stateOf(testApp, first!.id)).toEqual({ text: 'The reassurance force arrived.', status: 'edited', version: 2 });
    // One action: the revisions of a chunk share the batch's id and one time.
    const revisions = testApp.db
      .prepare(`SELECT DISTINCT batch_id AS batchId, created_at AS at FROM revisions WHERE batch_id = ?`)
      .all(result.batchId);
    expect(revisions).toEqual([{ batchId: result.batchId, at: expect.any(String) }]);
    expect(testApp.services.stats.find(article.id)?.figures.counters.editedCount).toBe(2);
  });
});

describe('A big batch and the event loop', () => {
  it('when thousands of sentences are replaced, then the batch is written in chunks and other saves go through meanwhile', async () => {
    const testApp = createTestApp();
    const sentences = 3_000;
    const article = await testApp.services.articles.importArticle({
      text: Array.from({ length: sentences }, (_, index) => `Sentence ${index} speaks of the comfort force again.`).join('\n\n'),
      author: 'test',
    });
    const segments = testApp.services.segments.ofArticle(article.id);
    const actor = await testApp.user('editor');
    const query = {
      find: 'comfort force',
      replace: 'reassurance force',
      matchCase: false,
      wholeWord: true,
      regex: false,
      inMt: false,
      articles: [article.id],
    };
    const preview = await testApp.services.replace.preview(query, actor, { offset: 0, limit: 1 });
    expect(preview.total).toBe(sentences);

    // Every step of the batch is a work item of the write queue: count them.
    const run = testApp.services.writes.run.bind(testApp.services.writes);
    let workItems = 0;
    testApp.services.writes.run = (work) => {
      workItems++;
      return run(work);
    };
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    let applyDone = false;
    const apply = testApp.services.replace.apply(query, actor, { all: true, snapshot: preview.snapshot, exclude: [] }).finally(() => {
      applyDone = true;
    });
    // A person's save of the last sentence, sent once the batch has begun: it lands before the batch reaches that sentence.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const last = segments[segments.length - 1]!;
    const saved = await testApp.services.writes.run(() =>
      testApp.services.segments.change(last.id, { version: 1, text: 'Changed by a person.', actor }),
    );
    const savedBeforeTheEnd = !applyDone;
    const result = await apply;
    delay.disable();

    expect(saved.version).toBe(2);
    expect(savedBeforeTheEnd).toBe(true);
    expect(result.changed).toBe(sentences - 1);
    expect(result.skipped).toEqual([last.id]);
    expect(testApp.services.segments.get(last.id).text).toBe('Changed by a person.');
    // Written 50 rows per statement: each sentence's newest revision is its own, with its text.
    const mismatched = testApp.db
      .prepare(
        `SELECT count(*) FROM segments s JOIN revisions r ON r.segment_id = s.id AND r.version = s.version
          WHERE s.article_id = ? AND (r.text <> s.text OR r.status <> s.status)`,
      )
      .pluck()
      .get(article.id);
    expect(mismatched).toBe(0);
    expect(testApp.db.prepare(`SELECT count(*) FROM revisions WHERE article_id = ? AND action = 'replace'`).pluck().get(article.id)).toBe(
      sentences - 1,
    );
    // The batch's start and end, the person's save, and steps of at most BATCH_CHUNK sentences.
    expect(workItems).toBeGreaterThanOrEqual(3 + Math.ceil(sentences / BATCH_CHUNK));
    // The longest block of the event loop (the app's target is 100 ms, the bound leaves room for a shared
    // machine's noise). Past two runnable processes per core, the delay measures the machine, not the app.
    const longestMs = delay.max / 1e6;
    console.log(`${sentences} replacements: longest event-loop delay ${longestMs.toFixed(1)} ms, ${workItems} write-queue items`);
    if (os.loadavg()[0]! <= 2 * os.cpus().length) expect(longestMs).toBeLessThan(250);
  });
});
