import { stat } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { describe, expect, it, vi } from 'vitest';
import request from 'supertest';
import { FIRST_IMPORT_CHUNK, IMPORT_CHUNK } from '../../src/articles/articleService';
import { ImportThread } from '../../src/articles/importThread';
import type { Article } from '../../src/articles/model';
import { createTestApp, csrfFrom, importViaApi, type TestApp } from '../helpers/app';

const rows = (testApp: TestApp, table: string) => (testApp.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const nothingStored = (testApp: TestApp) =>
  ['articles', 'segments', 'revisions', 'article_blocks', 'article_stats', 'idempotency_keys'].map((table) => [
    table,
    rows(testApp, table),
  ]);
const EMPTY = ['articles', 'segments', 'revisions', 'article_blocks', 'article_stats', 'idempotency_keys'].map((table) => [table, 0]);

/** n short sentences: more than one import step once n > IMPORT_CHUNK. */
const sentences = (n: number) => Array.from({ length: n }, (_, index) => `Sentence number ${index + 1} is here.`).join(' ');

describe('Imports in steps', () => {
  it('when an article is posted, then 201 carries its counts and links but not its segments, which GET pages', async () => {
    const testApp = createTestApp();
    const client = await testApp.api('admin');
    const created = await client
      .post('/api/articles')
      .send({ title: 'Steps', text: sentences(2_500) })
      .expect(201);
    expect(created.body).not.toHaveProperty('segments');
    expect(created.body).toMatchObject({
      title: 'Steps',
      segmentCount: 2_500,
      statusCounts: { new: 2_500, edited: 0, approved: 0, rejected: 0 },
      links: {
        self: `/api/articles/${created.body.id}`,
        segments: `/api/articles/${created.body.id}?offset=0&limit=1000`,
        review: `/articles/${created.body.id}`,
      },
    });

    const first = await client.get(`/api/articles/${created.body.id}`).expect(200);
    expect(first.body.segments).toHaveLength(1_000);
    expect(first.body.page).toEqual({ offset: 0, limit: 1_000, total: 2_500 });
    expect(first.body.links.next).toBe(`/api/articles/${created.body.id}?offset=1000&limit=1000`);
    const last = await client.get(`/api/articles/${created.body.id}?offset=2400&limit=500`).expect(200);
    expect(last.body.segments.map((segment: { position: number }) => segment.position)).toEqual(
      Array.from({ length: 100 }, (_, i) => 2_400 + i),
    );
    expect(last.body.segments[99].text).toBe('Sentence number 2500 is here.');
    expect(last.body.links.next).toBeNull();
    const refused = await client.get(`/api/articles/${created.body.id}?limit=5001`).expect(422);
    expect(refused.body.error.message).toBe('limit: limit must be a whole number from 1 to 5000.');
    // One import revision per segment, the reading order in blocks of 1,024, one stored figures row.
    expect([
      rows(testApp, 'segments'),
      rows(testApp, 'revisions'),
      rows(testApp, 'article_blocks'),
      rows(testApp, 'article_stats'),
    ]).toEqual([2_500, 2_500, 3, 1]);
  });

  it('when an import is still being written, then no list, page or count shows it; the last step shows it whole', async () => {
    const testApp = createTestApp();
    const client = await testApp.api('editor');
    const seen: { listed: number; status: number }[] = [];
    const steps: number[] = [];
    const total = IMPORT_CHUNK * 6 + 10;
    const imported = testApp.services.articles.importArticle({
      text: sentences(total),
      author: 'Ada',
      onProgress: ({ segments }) => steps.push(segments),
    });
    const stateOf = (id: number) => (testApp.db.prepare('SELECT state FROM articles WHERE id = ?').get(id) as { state: string }).state;
    // Between the steps, other requests run (the event loop is free) and see nothing of the article.
    while (steps.length < 5) {
      const hidden = testApp.db.prepare(`SELECT id FROM articles WHERE state = 'importing'`).get() as { id: number } | undefined;
      if (hidden) {
        const list = await client.get('/api/articles').expect(200);
        const page = await client.get(`/api/articles/${hidden.id}`);
        // Only what was answered while the article was still being written counts (the last step may land meanwhile).
        if (stateOf(hidden.id) === 'importing') seen.push({ listed: list.body.articles.length, status: page.status });
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    const article = await imported;
    // A smaller first step, then IMPORT_CHUNK segments per step.
    expect(steps).toEqual([0, 1, 2, 3, 4, 5].map((n) => FIRST_IMPORT_CHUNK + n * IMPORT_CHUNK).concat(total));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((view) => view.listed === 0 && view.status === 404)).toBe(true);
    expect((await client.get(`/api/articles/${article.id}`).expect(200)).body.segmentCount).toBe(total);
  });

  it('when a late step fails, then the error is true: no article, no segment, no key is left, and the same key can import again', async () => {
    const testApp = createTestApp();
    const client = await testApp.api('admin');
    // A late step (the one that writes position 2,052) fails, as a full disk or a crash there would.
    testApp.db.exec(
      `CREATE TRIGGER fail_late BEFORE INSERT ON segments WHEN NEW.block = 2 AND NEW.slot = 52 BEGIN SELECT RAISE(ABORT, 'disk error'); END`,
    );
    const failed = await client
      .post('/api/articles')
      .set('Idempotency-Key', 'import-42')
      .send({ text: sentences(2_500) })
      .expect(500);
    expect(failed.body.error.message).toMatch(/Nothing was saved/);
    expect(nothingStored(testApp)).toEqual(EMPTY);

    testApp.db.exec('DROP TRIGGER fail_late');
    const retried = await client
      .post('/api/articles')
      .set('Idempotency-Key', 'import-42')
      .send({ text: sentences(2_500) })
      .expect(201);
    expect(retried.body.segmentCount).toBe(2_500);
  });

  it('when an article has more segments than REDLINE_MAX_SEGMENTS, then 413 names the limit and nothing is left behind', async () => {
    const testApp = createTestApp({ limits: { maxSegments: 1_500 } });
    const client = await testApp.api('admin');
    const refused = await client
      .post('/api/articles')
      .set('Idempotency-Key', 'too-big')
      .send({ text: sentences(1_501) })
      .expect(413);
    expect(refused.body.error).toMatchObject({ code: 'too_many_segments' });
    expect(refused.body.error.message).toContain('more than 1,500 segments, the limit per article (REDLINE_MAX_SEGMENTS)');
    expect(refused.body.error.message).toContain('Nothing was saved');
    expect(nothingStored(testApp)).toEqual(EMPTY);
    await client
      .post('/api/articles')
      .send({ text: sentences(1_500) })
      .expect(201);

    const browser = await testApp.browser('admin');
    const form = await browser
      .post('/articles')
      .type('form')
      .send({ text: sentences(1_501) })
      .expect(413);
    expect(form.text).toContain('more than 1,500 segments');
  });

  it('when one segment is longer than REDLINE_MAX_SEGMENT_CHARS, then the import and a save are refused with 422 naming the numbers', async () => {
    const testApp = createTestApp();
    const client = await testApp.api('admin');
    const long = `${'word '.repeat(5_000).trim()}.`;
    const refused = await client
      .post('/api/articles')
      .send({ text: `A short one.\n\n${long}` })
      .expect(422);
    expect(refused.body.error).toMatchObject({ code: 'segment_too_long', segment: 2, length: long.length, limit: 20_000 });
    expect(refused.body.error.message).toBe(
      `Segment 2 has ${long.length.toLocaleString('en-US')} characters; a segment can have at most 20,000 (REDLINE_MAX_SEGMENT_CHARS). ` +
        'Nothing was saved; add the missing sentence breaks or line breaks.',
    );
    expect(nothingStored(testApp)).toEqual(EMPTY);

    const article = await importViaApi(testApp, 'A short one.');
    const segment = article.segments[0]!;
    const save = await client.patch(`/api/segments/${segment.id}`).send({ text: long, version: 1 }).expect(422);
    expect(save.body.error.code).toBe('segment_too_long');
    expect(save.body.error.message).toContain(`this one has ${long.length.toLocaleString('en-US')}`);
    expect(testApp.services.segments.get(segment.id)).toMatchObject({ version: 1, text: 'A short one.' });
    await client
      .patch(`/api/segments/${segment.id}`)
      .send({ text: 'x'.repeat(20_000), version: 1 })
      .expect(200);
  });

  it('when the browser form is sent by its script, then it answers 202 at once and the import’s progress leads to the article', async () => {
    const testApp = createTestApp();
    const admin = await testApp.browser('admin');
    const started = await admin
      .post('/articles')
      .set('X-Requested-With', 'fetch')
      .field('title', 'In the background')
      .field('text', sentences(2_100))
      .expect(202);
    expect(started.body.progress).toBe(`/api/imports/${started.body.importId}`);
    let progress = (await admin.get(started.body.progress).expect(200)).body;
    while (progress.state === 'running') progress = (await admin.get(started.body.progress).expect(200)).body;
    expect(progress).toMatchObject({ state: 'done', segments: 2_100, error: null });
    expect(progress.articleUrl).toBe(`/articles/${progress.articleId}`);
    expect(progress.characters).toBe(progress.totalCharacters);
    await admin.get(progress.articleUrl).expect(200);
    // Someone else's import is not theirs to watch.
    await (await testApp.api('editor')).get(started.body.progress).expect(404);

    const refused = await admin.post('/articles').set('X-Requested-With', 'fetch').field('text', '   ').expect(422);
    expect(refused.body.error.code).toBe('empty_text');
  });

  it('when an import was left half-written by a crash, then the sweep removes it once its heartbeat is stale, and leaves a running one', async () => {
    const testApp = createTestApp();
    const { db, services } = testApp;
    const stale = await services.articles.importArticle({ text: sentences(30), author: 'Ada' });
    const fresh = await services.articles.importArticle({ text: sentences(3), author: 'Ada' });
    const longAgo = new Date(Date.now() - 10 * 60_000).toISOString();
    db.prepare(`UPDATE articles SET state = 'importing', import_heartbeat = ? WHERE id = ?`).run(longAgo, stale.id);
    db.prepare(`UPDATE articles SET state = 'importing', import_heartbeat = ? WHERE id = ?`).run(new Date().toISOString(), fresh.id);

    expect(await services.articles.removeStaleImports()).toEqual([stale.id]);
    expect(db.prepare('SELECT id FROM articles').all()).toEqual([{ id: fresh.id }]);
    expect(db.prepare('SELECT count(*) AS n FROM segments WHERE article_id = ?').get(stale.id)).toEqual({ n: 0 });
  });

  it('when an import starts in the step that parsed its request, then a timer due meanwhile runs before the input goes to the worker', async () => {
    const testApp = createTestApp();
    const order: string[] = [];
    const { prepare } = Object.getOwnPropertyDescriptors(ImportThread.prototype);
    const spy = vi.spyOn(ImportThread.prototype, 'prepare').mockImplementation(function (this: ImportThread, request) {
      order.push('the input sent to the worker');
      return (prepare.value as ImportThread['prepare']).call(this, request);
    });
    try {
      // A file system callback is an I/O callback, as the end of a request's body is.
      const imported = await new Promise<Article>((resolve, reject) => {
        stat(__filename, () => {
          setTimeout(() => order.push('a timer'), 0);
          const parsing = performance.now();
          while (performance.now() - parsing < 5); // the body's parse, after which the timer is due
          testApp.services.articles.importArticle({ text: sentences(3), author: 'Ada' }).then(resolve, reject);
        });
      });
      expect(imported.title).toBe('Sentence number 1 is here.');
      expect(order).toEqual(['a timer', 'the input sent to the worker']);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('Idempotent imports', () => {
  it('when a client retries an import with the same Idempotency-Key, then it gets the first article, not a copy', async () => {
    const testApp = createTestApp();
    const client = await testApp.api('admin');
    const first = await client.post('/api/articles').set('Idempotency-Key', 'paris-2025-04-18').send({ text: 'One. Two.' }).expect(201);
    const retry = await client.post('/api/articles').set('Idempotency-Key', 'paris-2025-04-18').send({ text: 'One. Two.' }).expect(201);
    expect(retry.body).toEqual(first.body);
    // Both at once: the second waits for the first.
    const [a, b] = await Promise.all(
      [1, 2].map(() =>
        client
          .post('/api/articles')
          .set('Idempotency-Key', 'at-once')
          .send({ text: sentences(2_100) }),
      ),
    );
    expect([a!.status, b!.status]).toEqual([201, 201]);
    expect(a!.body.id).toBe(b!.body.id);
    expect(rows(testApp, 'articles')).toBe(2);
    // Without a key, or with another, a new article.
    await client.post('/api/articles').send({ text: 'One. Two.' }).expect(201);
    expect(rows(testApp, 'articles')).toBe(3);
    const bad = await client.post('/api/articles').set('Idempotency-Key', 'no spaces allowed').send({ text: 'One.' }).expect(422);
    expect(bad.body.error.message).toContain('Idempotency-Key');
  });

  it('when another account uses the same key, then it is a different import', async () => {
    const testApp = createTestApp();
    const first = await (
      await testApp.api('admin')
    )
      .post('/api/articles')
      .set('Idempotency-Key', 'same')
      .send({ text: 'One.' })
      .expect(201);
    const otherAdmin = await testApp.services.accounts.createUser(
      { username: 'ops', displayName: 'Ops', role: 'admin', password: 'a long enough password' },
      undefined,
    );
    const { token } = testApp.services.accounts.createToken({ ...otherAdmin, userId: otherAdmin.id }, 'ops');
    const second = await request(testApp.app)
      .post('/api/articles')
      .set('Authorization', `Bearer ${token}`)
      .set('Idempotency-Key', 'same')
      .send({ text: 'One.' })
      .expect(201);
    expect(second.body.id).not.toBe(first.body.id);
  });

  it('when the import form is submitted twice, then its hidden key brings both submits to the same article', async () => {
    const testApp = createTestApp();
    const admin = await testApp.browser('admin');
    const form = await admin.get('/articles/new').expect(200);
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(form.text)![1]!;
    const send = () =>
      admin
        .post('/articles')
        .type('form')
        .send({ _csrf: csrfFrom(form.text), idempotencyKey: key, text: 'Sent twice. Stored once.' });
    const [first, second] = await Promise.all([send(), send()]);
    expect(first.status).toBe(303);
    expect(second.headers.location).toBe(first.headers.location);
    expect((await send().expect(303)).headers.location).toBe(first.headers.location);
    expect(rows(testApp, 'articles')).toBe(1);
    // A new form is a new import.
    const next = await admin.get('/articles/new').expect(200);
    expect(/name="idempotencyKey" value="([^"]+)"/.exec(next.text)![1]).not.toBe(key);
  });
});

describe('Ids', () => {
  it('when the newest article is deleted, then the next import gets new ids: an old link or draft never lands on another article', async () => {
    const testApp = createTestApp();
    const admin = await testApp.api('admin');
    await importViaApi(testApp, 'First article. Kept.');
    const newest = await importViaApi(testApp, 'Second article. Deleted.');
    await admin.delete(`/api/articles/${newest.id}`).expect(200);
    const next = await importViaApi(testApp, 'Third article. New.');
    expect(next.id).toBeGreaterThan(newest.id);
    const newestSegmentIds = newest.segments.map((segment) => segment.id);
    expect(Math.min(...next.segments.map((segment) => segment.id))).toBeGreaterThan(Math.max(...newestSegmentIds));
    for (const id of newestSegmentIds) await admin.get(`/api/segments/${id}`).expect(404);
  });
});
