import { describe, expect, it } from 'vitest';
import { createTestApp, importViaApi, type TestApp } from '../helpers/app';

const TEXT = 'Talks ended late. Prices rose sharply, and the envoy left.\n\nA second paragraph follows. It has two sentences.\n';

async function setup(text = TEXT) {
  const testApp = createTestApp();
  const article = await importViaApi(testApp, text);
  return { ...testApp, client: await testApp.api('editor'), reviewer: await testApp.api('reviewer'), article };
}

const exported = async (testApp: TestApp, articleId: number) =>
  (await (await testApp.api('editor')).get(`/api/articles/${articleId}/export?format=txt`).expect(200)).text;

const listed = async (testApp: TestApp, articleId: number) =>
  (
    (await (await testApp.api('editor')).get(`/api/articles/${articleId}`).expect(200)).body as {
      segments: { id: number; text: string; mt: string; position: number; status: string; version: number }[];
    }
  ).segments;

describe('POST /api/segments/:id/split', () => {
  it('when an unedited sentence is split at a space, then two segments follow each other and the export is byte for byte the same', async () => {
    const { client, article, ...testApp } = await setup();
    const second = article.segments[1]!; // "Prices rose sharply, and the envoy left."
    const at = second.text.indexOf('and the envoy');
    const response = await client.post(`/api/segments/${second.id}/split`).send({ at, version: 1 }).expect(201);
    const [first, created] = response.body.segments;
    expect(first).toMatchObject({
      id: second.id,
      text: 'Prices rose sharply,',
      mt: 'Prices rose sharply,',
      status: 'new',
      version: 2,
      position: 1,
    });
    expect(created).toMatchObject({ text: 'and the envoy left.', mt: 'and the envoy left.', status: 'new', version: 1, position: 2 });
    expect(response.headers.location).toBe(`/api/segments/${created.id}`);
    expect(await exported(testApp, article.id)).toBe(TEXT);
    const segments = await listed(testApp, article.id);
    expect(segments.map((segment) => segment.position)).toEqual([0, 1, 2, 3, 4]);
    expect(segments.map((segment) => segment.text)).toEqual([
      'Talks ended late.',
      'Prices rose sharply,',
      'and the envoy left.',
      'A second paragraph follows.',
      'It has two sentences.',
    ]);
  });

  it('when an edited sentence is split, then its MT is cut at the matching words and both revisions say what happened', async () => {
    const { client, article, ...testApp } = await setup();
    const segment = article.segments[1]!;
    await client.patch(`/api/segments/${segment.id}`).send({ text: 'Tariffs rose sharply, and the envoy left.', version: 1 }).expect(200);
    const response = await client
      .post(`/api/segments/${segment.id}/split`)
      .send({ at: 'Tariffs rose sharply, '.length, version: 2 })
      .expect(201);
    const [first, created] = response.body.segments;
    expect(first).toMatchObject({ text: 'Tariffs rose sharply,', mt: 'Prices rose sharply,', status: 'edited', version: 3 });
    expect(created).toMatchObject({ text: 'and the envoy left.', mt: 'and the envoy left.', status: 'edited' });
    const history = (await client.get(`/api/segments/${segment.id}/history`).expect(200)).body;
    expect(history.revisions.at(-1)).toMatchObject({
      action: 'split',
      text: 'Tariffs rose sharply,',
      detail: {
        effect: 'split',
        partner: created.id,
        before: { mt: segment.mt, separator: '\n\n' },
        after: { mt: 'Prices rose sharply,', separator: ' ' },
        at: 22,
        mtAt: 21,
        partnerVersion: 1,
      },
    });
    const createdHistory = (await client.get(`/api/segments/${created.id}/history`).expect(200)).body;
    expect(createdHistory.revisions).toEqual([
      expect.objectContaining({ version: 1, action: 'split', detail: { effect: 'split', partner: segment.id } }),
    ]);
    expect(await exported(testApp, article.id)).toBe(TEXT.replace('Prices', 'Tariffs'));
  });

  it('when the caret is inside a word, then the export has a single space there', async () => {
    const { client, article, ...testApp } = await setup();
    const first = article.segments[0]!;
    await client
      .post(`/api/segments/${first.id}/split`)
      .send({ at: 'Talks'.length - 1, version: 1 })
      .expect(201);
    expect(await exported(testApp, article.id)).toBe(TEXT.replace('Talks', 'Talk s'));
  });

  it('when the split would leave a part empty, is stale or falls outside the text, then it is refused and nothing changes', async () => {
    const { client, article, db } = await setup();
    const first = article.segments[0]!;
    const before = db.prepare('SELECT count(*) AS n FROM segments').get();
    expect(
      (await client.post(`/api/segments/${first.id}/split`).send({ at: first.text.length, version: 1 }).expect(422)).body.error.code,
    ).toBe('invalid_split');
    expect((await client.post(`/api/segments/${first.id}/split`).send({ at: 0, version: 1 }).expect(422)).body.error.code).toBe(
      'invalid_split',
    );
    expect((await client.post(`/api/segments/${first.id}/split`).send({ at: 5, version: 7 }).expect(409)).body.error.code).toBe(
      'stale_version',
    );
    expect((await client.post(`/api/segments/${first.id}/split`).send({ at: 5 }).expect(422)).body.error.field).toBe('version');
    expect(db.prepare('SELECT count(*) AS n FROM segments').get()).toEqual(before);
  });

  it('when a segment in the first of three blocks is split, then every later position moves by one and the pages stay consecutive', async () => {
    const text = Array.from({ length: 2_500 }, (_, index) => `Sentence ${index + 1} is here.`).join(' ');
    const { client, article, services } = await setup(text);
    const target = article.segments[10]!;
    await client.post(`/api/segments/${target.id}/split`).send({ at: 'Sentence 11'.length, version: 1 }).expect(201);
    const all = services.segments.ofArticle(article.id);
    expect(all).toHaveLength(2_501);
    expect(all.map((segment) => segment.position)).toEqual(all.map((_, index) => index));
    expect(all[2_000]!.text).toBe('Sentence 2000 is here.');
    const page = services.articles.reviewPage(article.id, {}, 11);
    expect(page.segments.map((segment) => segment.position)).toEqual(Array.from({ length: 100 }, (_, index) => 1_000 + index));
    expect(page.segments[24]!.text).toBe('Sentence 1024 is here.');
  });

  it('when a segment is split, then the status counts count both parts', async () => {
    const { client, reviewer, article, services } = await setup();
    const segment = article.segments[1]!;
    await reviewer.patch(`/api/segments/${segment.id}`).send({ status: 'approved', version: 1 }).expect(200);
    await client.post(`/api/segments/${segment.id}/split`).send({ at: 21, version: 2 }).expect(201);
    expect(services.segments.progress(article.id).counts).toEqual({ new: 3, edited: 0, approved: 2, rejected: 0 });
  });
});

describe('POST /api/segments/:id/merge', () => {
  it('when a sentence is merged with the next of its paragraph, then one segment holds both and the export is byte for byte the same', async () => {
    const { client, article, ...testApp } = await setup();
    const [third, fourth] = [article.segments[2]!, article.segments[3]!];
    const merged = (await client.post(`/api/segments/${third.id}/merge`).send({ version: 1 }).expect(200)).body;
    expect(merged).toMatchObject({
      id: third.id,
      text: 'A second paragraph follows. It has two sentences.',
      mt: 'A second paragraph follows. It has two sentences.',
      status: 'new',
      version: 2,
      position: 2,
    });
    expect(await exported(testApp, article.id)).toBe(TEXT);
    const gone = await client.get(`/api/segments/${fourth.id}`).expect(404);
    expect(gone.body.error).toMatchObject({ code: 'merged', mergedInto: third.id });
    expect(testApp.services.segments.progress(article.id).total).toBe(3);
    const history = testApp.db
      .prepare(`SELECT action, detail FROM revisions WHERE segment_id = ? ORDER BY version DESC LIMIT 1`)
      .get(fourth.id);
    expect(history).toEqual({ action: 'merge', detail: JSON.stringify({ effect: 'merge', partner: third.id }) });
  });

  it.each([
    ['approved', 'approved', 'approved'],
    ['approved', 'new', 'new'],
    ['approved', 'rejected', 'rejected'],
  ] as const)('when a %s sentence is merged with a %s one, then the merged one is %s', async (firstStatus, secondStatus, expected) => {
    const { client, reviewer, article } = await setup();
    const [first, second] = [article.segments[0]!, article.segments[1]!];
    // The first is always judged; the second only when its status is not 'new'.
    await reviewer.patch(`/api/segments/${first.id}`).send({ status: firstStatus, note: 'Reason', version: 1 }).expect(200);
    if (secondStatus !== 'new')
      await reviewer.patch(`/api/segments/${second.id}`).send({ status: secondStatus, note: 'Reason', version: 1 }).expect(200);
    const merged = (await client.post(`/api/segments/${first.id}/merge`).send({ version: 2 }).expect(200)).body;
    expect(merged).toMatchObject({ status: expected, text: 'Talks ended late. Prices rose sharply, and the envoy left.' });
  });

  it('when the sentence ends its paragraph, then the merge is refused', async () => {
    const { client, article } = await setup();
    const response = await client.post(`/api/segments/${article.segments[1]!.id}/merge`).send({ version: 1 }).expect(422);
    expect(response.body.error.code).toBe('no_next_sentence');
  });

  it('when two list items are merged, then it is refused because the layout between them has markup', async () => {
    const { client, article } = await setup('# Title\n\n- First item here.\n- Second item here.\n');
    const item = article.segments.find((segment) => segment.text === 'First item here.')!;
    const response = await client.post(`/api/segments/${item.id}/merge`).send({ version: 1 }).expect(422);
    expect(response.body.error.code).toBe('layout_between');
  });

  it('when a merged-away sentence is saved, then the save is refused with where it went', async () => {
    const { client, article } = await setup();
    const [third, fourth] = [article.segments[2]!, article.segments[3]!];
    await client.post(`/api/segments/${third.id}/merge`).send({ version: 1 }).expect(200);
    const response = await client.patch(`/api/segments/${fourth.id}`).send({ text: 'Too late.', version: 1 }).expect(404);
    expect(response.body.error.message).toContain(`merged into segment ${third.id}`);
  });
});

describe('MQM annotations on a split or merged MT', () => {
  it('when a sentence is split and merged again, then each annotation stays on its words', async () => {
    const { client, reviewer, article } = await setup();
    const segment = article.segments[1]!; // "Prices rose sharply, and the envoy left."
    const annotate = (word: string) => {
      const start = segment.mt.indexOf(word);
      return reviewer
        .post(`/api/segments/${segment.id}/annotations`)
        .send({ start, end: start + word.length, category: 'terminology', severity: 'major' })
        .expect(201);
    };
    await annotate('Prices');
    await annotate('envoy');
    const [, created] = (await client.post(`/api/segments/${segment.id}/split`).send({ at: 21, version: 1 }).expect(201)).body.segments;
    const spans = async (segmentId: number) =>
      (
        (await client.get(`/api/segments/${segmentId}/annotations`).expect(200)).body.annotations as { spanText: string; version: number }[]
      ).map((annotation) => [annotation.spanText, annotation.version]);
    expect(await spans(segment.id)).toEqual([['Prices', 1]]);
    expect(await spans(created.id)).toEqual([['envoy', 2]]);
    await client.post(`/api/segments/${segment.id}/merge`).send({ version: 2 }).expect(200);
    expect(await spans(segment.id)).toEqual([
      ['Prices', 1],
      ['envoy', 3],
    ]);
  });
});

describe('Undoing a split or a merge', () => {
  it('when a split is undone, then the sentence, its MT and the export are as before, as new revisions', async () => {
    const { client, article, ...testApp } = await setup();
    const segment = article.segments[1]!;
    await client.patch(`/api/segments/${segment.id}`).send({ text: 'Tariffs rose sharply, and the envoy left.', version: 1 }).expect(200);
    const [, created] = (await client.post(`/api/segments/${segment.id}/split`).send({ at: 22, version: 2 }).expect(201)).body.segments;
    const restored = testApp.services.segments.undoLayoutChange(segment.id, 3, await testApp.user('editor'));
    expect(restored).toMatchObject({ text: 'Tariffs rose sharply, and the envoy left.', mt: segment.mt, status: 'edited', version: 4 });
    expect(await exported(testApp, article.id)).toBe(TEXT.replace('Prices', 'Tariffs'));
    expect(testApp.services.segments.progress(article.id).total).toBe(4);
    expect(() => testApp.services.segments.get(created.id)).toThrow(/merged into segment/);
    const actions = testApp.db.prepare(`SELECT action FROM revisions WHERE segment_id = ? ORDER BY version`).pluck().all(segment.id);
    expect(actions).toEqual(['import', 'edit', 'split', 'undo']);
  });

  it('when a merge is undone, then the second sentence comes back with its text and status, and the undo can be undone', async () => {
    const { client, reviewer, article, services, user } = await setup();
    const [third, fourth] = [article.segments[2]!, article.segments[3]!];
    await reviewer.patch(`/api/segments/${fourth.id}`).send({ status: 'approved', version: 1 }).expect(200);
    await client.post(`/api/segments/${third.id}/merge`).send({ version: 1 }).expect(200);
    const actor = await user('editor');
    services.segments.undoLayoutChange(third.id, 2, actor);
    const texts = () => services.segments.ofArticle(article.id).map((segment) => [segment.text, segment.status, segment.position]);
    expect(texts()).toEqual([
      ['Talks ended late.', 'new', 0],
      ['Prices rose sharply, and the envoy left.', 'new', 1],
      ['A second paragraph follows.', 'new', 2],
      ['It has two sentences.', 'approved', 3],
    ]);
    services.segments.undoLayoutChange(third.id, 3, actor);
    expect(texts()).toEqual([
      ['Talks ended late.', 'new', 0],
      ['Prices rose sharply, and the envoy left.', 'new', 1],
      ['A second paragraph follows. It has two sentences.', 'new', 2],
    ]);
  });

  it('when the other part was changed after the split, then the undo is refused and nothing changes', async () => {
    const { client, article, services, user } = await setup();
    const segment = article.segments[1]!;
    const [, created] = (await client.post(`/api/segments/${segment.id}/split`).send({ at: 21, version: 1 }).expect(201)).body.segments;
    await client.patch(`/api/segments/${created.id}`).send({ text: 'and then the envoy left.', version: 1 }).expect(200);
    const actor = await user('editor');
    expect(() => services.segments.undoLayoutChange(segment.id, 2, actor)).toThrow(/was changed after the split/);
    expect(services.segments.progress(article.id).total).toBe(5);
  });

  it('when the last change was an edit, then there is no split or merge to undo', async () => {
    const { client, article, services, user } = await setup();
    const segment = article.segments[0]!;
    await client.patch(`/api/segments/${segment.id}`).send({ text: 'Talks ended.', version: 1 }).expect(200);
    const actor = await user('editor');
    expect(() => services.segments.undoLayoutChange(segment.id, 2, actor)).toThrow(/not a split or a merge/);
  });
});

describe('Split and merge from the review page', () => {
  const TEXT = 'Talks ended late. Prices rose sharply, and the envoy left.';

  it('when the row menu splits at typed words and then merges, then the page comes back at the row with the sentences renumbered', async () => {
    const testApp = createTestApp();
    const article = await importViaApi(testApp, TEXT, 'Menu');
    const agent = await testApp.browser('editor');
    const [first, second] = article.segments;
    const page = await agent.get(`/articles/${article.id}`).expect(200);
    expect(page.text).toContain(`action="/segments/${second!.id}/split"`);
    expect(page.text).toContain(`action="/segments/${first!.id}/merge"`);
    const split = await agent
      .post(`/segments/${second!.id}/split`)
      .type('form')
      .send({ version: '1', startsWith: 'and the envoy', returnTo: `/articles/${article.id}` })
      .expect(303);
    expect(split.headers.location).toBe(`/articles/${article.id}#segment-${second!.id}`);
    expect(testApp.services.segments.ofArticle(article.id).map((segment) => segment.text)).toEqual([
      'Talks ended late.',
      'Prices rose sharply,',
      'and the envoy left.',
    ]);
    const merged = await agent
      .post(`/segments/${first!.id}/merge`)
      .set('X-Requested-With', 'fetch')
      .type('form')
      .send({ version: '1', returnTo: `/articles/${article.id}` })
      .expect(200);
    expect(merged.body).toEqual({ segmentId: first!.id, version: 2 });
    expect(testApp.services.segments.ofArticle(article.id).map((segment) => segment.text)).toEqual([
      'Talks ended late. Prices rose sharply,',
      'and the envoy left.',
    ]);
  });

  it('when the typed words are not in the sentence, then the split is refused and says why', async () => {
    const testApp = createTestApp();
    const article = await importViaApi(testApp, TEXT, 'Menu');
    const agent = await testApp.browser('editor');
    const refused = await agent
      .post(`/segments/${article.segments[1]!.id}/split`)
      .type('form')
      .send({ version: '1', startsWith: 'the minister' })
      .expect(422);
    expect(refused.text).toContain('“the minister” is not in this sentence');
    expect(testApp.services.segments.ofArticle(article.id)).toHaveLength(2);
  });
});
