import { describe, expect, it, vi } from 'vitest';
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { BatchRepository } from '../../src/batches/batchRepository';
import { createTestApp, csrfFrom, importViaApi, type TestApp } from '../helpers/app';

const TEXT = [
  'The comfort force arrived in Kyiv.',
  'A comfort force is planned, and the comfort force is European.',
  'Nothing to see here.',
  'Comfort force troops wait at the border.',
  'The comfort forces left.',
].join(' ');

async function setup() {
  const testApp = createTestApp();
  const article = await importViaApi(testApp, TEXT, 'Paris talks');
  const ids = article.segments.map((segment) => segment.id);
  return { testApp, article, ids, editor: await testApp.api('editor') };
}

const textOf = (testApp: TestApp, id: number) => testApp.services.segments.get(id).text;
const revisionsOf = (testApp: TestApp, id: number) =>
  testApp.db
    .prepare('SELECT version, action, text, status, batch_id AS batchId FROM revisions WHERE segment_id = ? ORDER BY version')
    .all(id) as { version: number; action: string; text: string; status: string; batchId: number | null }[];
const batchCount = (testApp: TestApp) => (testApp.db.prepare('SELECT count(*) AS n FROM batches').get() as { n: number }).n;

const comfort = (articleId: number, extra: Record<string, unknown> = {}) => ({
  find: 'comfort force',
  replace: 'reassurance force',
  articles: [articleId],
  ...extra,
});

describe('POST /api/replace/preview', () => {
  it('when a phrase stands several times, then every match is listed in reading order with an id naming its segment, offsets and version', async () => {
    const { editor, article, ids } = await setup();
    const response = await editor.post('/api/replace/preview').send(comfort(article.id)).expect(200);
    // Any case by default: the capitalised one counts; "comfort forces" too (not whole words).
    expect(response.body.total).toBe(5);
    expect(response.body.sentenceCount).toBe(4);
    const second = article.segments[1]!;
    expect(response.body.matches[1]).toEqual({
      id: `${second.id}:2:15:1`,
      segmentId: second.id,
      articleId: article.id,
      position: 1,
      version: 1,
      start: 2,
      end: 15,
      before: 'comfort force',
      after: 'reassurance force',
    });
    expect(response.body.matches.map((match: { segmentId: number }) => match.segmentId)).toEqual([ids[0], ids[1], ids[1], ids[3], ids[4]]);
    expect(response.body.sentences.map((sentence: { text: string }) => sentence.text)).toEqual([
      article.segments[0]!.text,
      article.segments[1]!.text,
      article.segments[3]!.text,
      article.segments[4]!.text,
    ]);
  });

  it('when the preview is paged, then each page holds its slice of the matches and the total stays', async () => {
    const { editor, article } = await setup();
    const all = (await editor.post('/api/replace/preview').send(comfort(article.id)).expect(200)).body.matches;
    const page = await editor
      .post('/api/replace/preview')
      .send({ ...comfort(article.id), offset: 2, limit: 2 })
      .expect(200);
    expect(page.body).toMatchObject({ total: 5, offset: 2, limit: 2 });
    // The page starts inside sentence 2 (its second match) and ends in sentence 4.
    expect(page.body.matches).toEqual(all.slice(2, 4));
    expect(page.body.sentences.map((sentence: { position: number }) => sentence.position)).toEqual([1, 3]);
  });

  it.each([
    ['match case', { matchCase: true }, ['comfort force', 'comfort force', 'comfort force', 'comfort force']],
    ['whole words', { wholeWord: true }, ['comfort force', 'comfort force', 'comfort force', 'Comfort force']],
    ['both', { matchCase: true, wholeWord: true }, ['comfort force', 'comfort force', 'comfort force']],
  ])('when %s is on, then only those matches are found', async (_, options, expected) => {
    const { editor, article } = await setup();
    const response = await editor.post('/api/replace/preview').send(comfort(article.id, options)).expect(200);
    expect(response.body.matches.map((match: { before: string }) => match.before)).toEqual(expected);
  });

  it('when the query is a regular expression with groups, then each replacement expands $1 for its own match', async () => {
    const { editor, article } = await setup();
    const response = await editor
      .post('/api/replace/preview')
      .send({ find: '(\\p{Lu}?\\w+) force\\b', replace: '$1 troops', regex: true, matchCase: true, articles: [article.id] })
      .expect(200);
    expect(response.body.matches.map((match: { before: string; after: string }) => [match.before, match.after])).toEqual([
      ['comfort force', 'comfort troops'],
      ['comfort force', 'comfort troops'],
      ['comfort force', 'comfort troops'],
      ['Comfort force', 'Comfort troops'],
    ]);
  });

  it('when the MT is searched, then it finds the MT of sentences whose text no longer holds the phrase', async () => {
    const { editor, article } = await setup();
    const first = article.segments[0]!;
    await editor.patch(`/api/segments/${first.id}`).send({ text: 'The reassurance force arrived in Kyiv.', version: 1 }).expect(200);
    const inText = await editor.post('/api/replace/preview').send(comfort(article.id)).expect(200);
    const inMt = await editor
      .post('/api/replace/preview')
      .send(comfort(article.id, { inMt: true }))
      .expect(200);
    expect(inText.body.total).toBe(4);
    expect(inMt.body.total).toBe(5);
    expect(inMt.body.sentences[0]).toMatchObject({ segmentId: first.id, text: first.mt });
    const refused = await editor
      .post('/api/replace/apply')
      .send({ ...comfort(article.id, { inMt: true }), matches: [inMt.body.matches[0].id] })
      .expect(422);
    expect(refused.body.error.code).toBe('mt_read_only');
  });

  it('when a phrase is shorter than the index can look for, then the article is scanned and the matches are still found', async () => {
    const { editor, article } = await setup();
    const response = await editor
      .post('/api/replace/preview')
      .send({ find: 'at', replace: 'by', wholeWord: true, articles: [article.id] })
      .expect(200);
    expect(response.body.matches).toEqual([expect.objectContaining({ segmentId: article.segments[3]!.id, before: 'at', after: 'by' })]);
  });

  it.each([
    [{ replace: 'x', articles: [1] }, 'find'],
    [{ find: '', replace: 'x', articles: [1] }, 'find'],
    [{ find: 'a', replace: 'x', articles: [] }, 'articles'],
    [{ find: 'a', replace: 'x', articles: [1], limit: 5000 }, 'limit'],
    [{ find: 'a', replace: 'x', articles: [1], extra: true }, 'extra'],
  ])('when the body is malformed (%j), then 422 names %s', async (body, field) => {
    const { editor } = await setup();
    const response = await editor.post('/api/replace/preview').send(body).expect(422);
    expect(response.body.error.message).toContain(field);
  });

  it('when the regular expression is invalid or matches empty text, then 422 says why', async () => {
    const { editor, article } = await setup();
    const invalid = await editor
      .post('/api/replace/preview')
      .send({ find: '(unclosed', regex: true, articles: [article.id] })
      .expect(422);
    expect(invalid.body.error.code).toBe('invalid_regex');
    const empty = await editor
      .post('/api/replace/preview')
      .send({ find: 'x*', regex: true, articles: [article.id] })
      .expect(422);
    expect(empty.body.error.code).toBe('matches_empty');
  });

  it('when the pattern backtracks catastrophically, then a clear 422 comes back quickly and the server answers others meanwhile', async () => {
    const testApp = createTestApp();
    // Sentences that make (a+)+$ try every way to split the run of a's before failing on the "!".
    const article = await importViaApi(testApp, Array.from({ length: 30 }, (_, index) => `${'a'.repeat(28 + (index % 3))}!`).join('\n\n'));
    const editor = await testApp.api('editor');
    const started = performance.now();
    const [refused, me] = await Promise.all([
      editor.post('/api/replace/preview').send({ find: '(a+)+$', replace: 'b', regex: true, articles: [article.id] }),
      editor.get('/api/me'),
    ]);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('pattern_timeout');
    expect(refused.body.error.message).toMatch(/took too long on sentence 1 of “.+” \(over 100 ms\); simplify it/);
    expect(me.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});

describe('POST /api/replace/apply', () => {
  it('when chosen matches are applied, then only they change, as one batch of replace revisions, and approved sentences fall back to edited', async () => {
    const { testApp, editor, article, ids } = await setup();
    const reviewer = await testApp.api('reviewer');
    await reviewer.patch(`/api/segments/${ids[3]}`).send({ status: 'approved', version: 1 }).expect(200);
    const preview = (await editor.post('/api/replace/preview').send(comfort(article.id)).expect(200)).body;
    // Leave out the second match of sentence 2 and the one in "comfort forces".
    const chosen = [preview.matches[0].id, preview.matches[1].id, preview.matches[3].id];
    const response = await editor
      .post('/api/replace/apply')
      .send({ ...comfort(article.id), matches: chosen })
      .expect(200);
    expect(response.body).toEqual({ batchId: expect.any(Number), changed: 3, skipped: [] });
    expect(textOf(testApp, ids[0]!)).toBe('The reassurance force arrived in Kyiv.');
    expect(textOf(testApp, ids[1]!)).toBe('A reassurance force is planned, and the comfort force is European.');
    expect(textOf(testApp, ids[3]!)).toBe('reassurance force troops wait at the border.');
    expect(textOf(testApp, ids[4]!)).toBe('The comfort forces left.');
    expect(revisionsOf(testApp, ids[3]!).at(-1)).toEqual({
      version: 3,
      action: 'replace',
      text: 'reassurance force troops wait at the border.',
      status: 'edited',
      batchId: response.body.batchId,
    });
    const batch = (await editor.get(`/api/batches/${response.body.batchId}`).expect(200)).body;
    expect(batch).toMatchObject({
      kind: 'replace',
      articleId: article.id,
      note: 'Replace “comfort force” → “reassurance force”',
      author: 'Ana Editor',
      state: 'done',
      changed: 3,
      skipped: 0,
      undoneBy: null,
    });
  });

  it('when a sentence was edited after the preview, then it is skipped and listed and the edit stays', async () => {
    const { testApp, editor, article, ids } = await setup();
    const preview = (await editor.post('/api/replace/preview').send(comfort(article.id)).expect(200)).body;
    const other = await testApp.api('reviewer');
    await other.patch(`/api/segments/${ids[0]}`).send({ text: 'The comfort force arrived in Kyiv on Monday.', version: 1 }).expect(200);
    const response = await editor
      .post('/api/replace/apply')
      .send({ ...comfort(article.id), matches: preview.matches.map((match: { id: string }) => match.id) })
      .expect(200);
    expect(response.body.changed).toBe(3);
    expect(response.body.skipped).toEqual([ids[0]]);
    expect(textOf(testApp, ids[0]!)).toBe('The comfort force arrived in Kyiv on Monday.');
    expect((await editor.get(`/api/batches/${response.body.batchId}`)).body).toMatchObject({ changed: 3, skipped: 1 });
  });

  it('when every match of a preview is applied except some, then segments changed after its snapshot are skipped', async () => {
    const { testApp, editor, article, ids } = await setup();
    const preview = (
      await editor
        .post('/api/replace/preview')
        .send({ ...comfort(article.id), limit: 1 })
        .expect(200)
    ).body;
    await editor.patch(`/api/segments/${ids[3]}`).send({ text: 'Comfort force troops still wait.', version: 1 }).expect(200);
    const response = await editor
      .post('/api/replace/apply')
      .send({ ...comfort(article.id), all: true, snapshot: preview.snapshot, exclude: [preview.matches[0].id] })
      .expect(200);
    expect(response.body).toMatchObject({ changed: 2, skipped: [ids[3]] });
    expect(textOf(testApp, ids[0]!)).toBe('The comfort force arrived in Kyiv.');
    expect(textOf(testApp, ids[1]!)).toBe('A reassurance force is planned, and the reassurance force is European.');
    expect(textOf(testApp, ids[4]!)).toBe('The reassurance forces left.');
  });

  it('when nothing was written since the preview, then apply-all takes its sentences without searching again; after a write it searches', async () => {
    const { testApp, editor, article, ids } = await setup();
    const searches = vi.spyOn(BatchRepository.prototype, 'candidateIds');
    try {
      const preview = (await editor.post('/api/replace/preview').send(comfort(article.id)).expect(200)).body;
      // Another search in between does not replace what the first preview found.
      await editor
        .post('/api/replace/preview')
        .send(comfort(article.id, { find: 'border' }))
        .expect(200);
      const searchesBefore = searches.mock.calls.length;
      const applied = await editor
        .post('/api/replace/apply')
        .send({ ...comfort(article.id), all: true, snapshot: preview.snapshot })
        .expect(200);
      expect(searches.mock.calls.length).toBe(searchesBefore);
      expect(applied.body).toMatchObject({ changed: 4, skipped: [] });
      expect(textOf(testApp, ids[1]!)).toBe('A reassurance force is planned, and the reassurance force is European.');

      const again = (
        await editor
          .post('/api/replace/preview')
          .send(comfort(article.id, { find: 'Nothing' }))
          .expect(200)
      ).body;
      await editor.patch(`/api/segments/${ids[2]}`).send({ text: 'Nothing to see here, really.', version: 1 }).expect(200);
      const afterWrite = searches.mock.calls.length;
      const second = await editor
        .post('/api/replace/apply')
        .send({ ...comfort(article.id, { find: 'Nothing', replace: 'All' }), all: true, snapshot: again.snapshot })
        .expect(200);
      expect(searches.mock.calls.length).toBeGreaterThan(afterWrite);
      // The sentence changed after the preview is skipped and listed, as without the kept preview.
      expect(second.body).toMatchObject({ changed: 0, skipped: [ids[2]] });
    } finally {
      searches.mockRestore();
    }
  });

  it('when a sentence of the preview no longer matches at apply-all time, then it is still skipped and listed, unless it was unticked', async () => {
    const { testApp, editor, article, ids } = await setup();
    const preview = (await editor.post('/api/replace/preview').send(comfort(article.id)).expect(200)).body;
    await editor.patch(`/api/segments/${ids[3]}`).send({ text: 'The troops wait at the border.', version: 1 }).expect(200);
    await editor.patch(`/api/segments/${ids[4]}`).send({ text: 'The forces left.', version: 1 }).expect(200);
    const unticked = preview.matches
      .filter((match: { segmentId: number }) => match.segmentId === ids[4])
      .map((match: { id: string }) => match.id);
    const response = await editor
      .post('/api/replace/apply')
      .send({ ...comfort(article.id), all: true, snapshot: preview.snapshot, exclude: unticked })
      .expect(200);
    expect(response.body).toMatchObject({ changed: 2, skipped: [ids[3]] });
    expect(textOf(testApp, ids[3]!)).toBe('The troops wait at the border.');
  });

  it('when a match id is malformed, forged or names another version, then nothing is written for it', async () => {
    const { testApp, editor, article, ids } = await setup();
    const malformed = await editor
      .post('/api/replace/apply')
      .send({ ...comfort(article.id), matches: ['1:2:3'] })
      .expect(422);
    expect(malformed.body.error.code).toBe('invalid_match_id');
    expect(batchCount(testApp)).toBe(0);
    // Offsets that hold no match, and a version that is not the segment's: both skipped, nothing changes.
    const response = await editor
      .post('/api/replace/apply')
      .send({ ...comfort(article.id), matches: [`${ids[2]}:0:7:1`, `${ids[0]}:4:17:2`] })
      .expect(200);
    expect(response.body).toMatchObject({ changed: 0, skipped: [ids[2], ids[0]] });
    expect(revisionsOf(testApp, ids[0]!)).toHaveLength(1);
    expect(revisionsOf(testApp, ids[2]!)).toHaveLength(1);
  });

  it('when a match of another article is named, then it is skipped: a batch stays in the articles it was asked for', async () => {
    const { testApp, editor, article } = await setup();
    const other = await importViaApi(testApp, 'The comfort force elsewhere.', 'Elsewhere');
    const otherId = other.segments[0]!.id;
    const response = await editor
      .post('/api/replace/apply')
      .send({ ...comfort(article.id), matches: [`${otherId}:4:17:1`] })
      .expect(200);
    expect(response.body).toMatchObject({ changed: 0, skipped: [otherId] });
    expect(textOf(testApp, otherId)).toBe('The comfort force elsewhere.');
  });

  it('when the replacement cannot be stored, then each refused sentence is skipped and the batch still finishes', async () => {
    const { testApp, editor, article, ids } = await setup();
    const preview = (await editor.post('/api/replace/preview').send(comfort(article.id)).expect(200)).body;
    const response = await editor
      .post('/api/replace/apply')
      .send({ ...comfort(article.id), replace: 'bad\u0000text', matches: [preview.matches[0].id] })
      .expect(200);
    expect(response.body).toMatchObject({ changed: 0, skipped: [ids[0]] });
    expect(revisionsOf(testApp, ids[0]!)).toHaveLength(1);
    expect((await editor.get(`/api/batches/${response.body.batchId}`)).body).toMatchObject({ state: 'done', changed: 0, skipped: 1 });
  });
});

describe('Replace across articles', () => {
  it('when an editor asks for every article or several, then 403; one unknown article is 404', async () => {
    const { testApp, editor, article } = await setup();
    const other = await importViaApi(testApp, 'The comfort force elsewhere.', 'Elsewhere');
    const all = await editor.post('/api/replace/preview').send({ find: 'comfort force', replace: 'x' }).expect(403);
    expect(all.body.error.message).toContain('reviewer role');
    await editor
      .post('/api/replace/preview')
      .send({ find: 'comfort force', replace: 'x', articles: [article.id, other.id] })
      .expect(403);
    await editor
      .post('/api/replace/apply')
      .send({ find: 'comfort force', replace: 'x', articles: [article.id, other.id], matches: [] })
      .expect(403);
    await editor
      .post('/api/replace/preview')
      .send({ find: 'comfort force', replace: 'x', articles: [424242] })
      .expect(404);
  });

  it('when a reviewer replaces in every article, then one batch spans them, with no article of its own', async () => {
    const { testApp, article } = await setup();
    const other = await importViaApi(testApp, 'The comfort force elsewhere.', 'Elsewhere');
    const reviewer = await testApp.api('reviewer');
    const preview = (await reviewer.post('/api/replace/preview').send({ find: 'comfort force', replace: 'x', wholeWord: true }).expect(200))
      .body;
    expect(preview.total).toBe(5);
    expect(new Set(preview.matches.map((match: { articleId: number }) => match.articleId))).toEqual(new Set([article.id, other.id]));
    const applied = await reviewer
      .post('/api/replace/apply')
      .send({ find: 'comfort force', replace: 'x', wholeWord: true, all: true, snapshot: preview.snapshot })
      .expect(200);
    expect(applied.body.changed).toBe(4);
    expect((await reviewer.get(`/api/batches/${applied.body.batchId}`)).body.articleId).toBeNull();
    expect(textOf(testApp, other.segments[0]!.id)).toBe('The x elsewhere.');
  });

  it('when nobody is signed in, then every route of find and replace answers 401', async () => {
    const { testApp } = await setup();
    for (const path of ['/api/replace/preview', '/api/replace/apply', '/api/propagation/apply', '/api/batches/1/undo']) {
      expect((await request(testApp.app).post(path).send({})).status).toBe(401);
    }
  });
});

describe('The replace page', () => {
  it('when three matches are unticked in the form, then only the others are replaced and the batch page says so', async () => {
    const { testApp, article, ids } = await setup();
    const agent = await testApp.browser('editor');
    const page = await agent.get(`/replace?article=${article.id}&find=comfort+force&replace=reassurance+force`).expect(200);
    expect(page.text).toContain('5 matches in 4 sentences');
    const matchIds = [...page.text.matchAll(/name="match" value="([^"]+)" checked/g)].map((match) => match[1]!);
    expect(matchIds).toHaveLength(5);
    const snapshot = /name="snapshot" value="(\d+)"/.exec(page.text)![1]!;
    const form = new URLSearchParams({ _csrf: csrfFrom(page.text), find: 'comfort force', replace: 'reassurance force', snapshot });
    form.append('article', String(article.id));
    for (const id of matchIds) form.append('shown', id);
    for (const id of matchIds.slice(0, 2)) form.append('match', id);
    const applied = await agent.post('/replace/apply').type('form').send(form.toString()).expect(303);
    const batchPage = await agent.get(applied.headers.location as string).expect(200);
    expect(batchPage.text).toContain('Replaced: 2 sentences changed.');
    expect(textOf(testApp, ids[0]!)).toBe('The reassurance force arrived in Kyiv.');
    expect(textOf(testApp, ids[1]!)).toBe('A reassurance force is planned, and the comfort force is European.');
    expect(textOf(testApp, ids[3]!)).toBe('Comfort force troops wait at the border.');
  });

  it('when "select none" is followed or the pattern is invalid, then the page shows unticked boxes or the reason', async () => {
    const { testApp, article } = await setup();
    const agent = await testApp.browser('editor');
    const none = await agent.get(`/replace?article=${article.id}&find=comfort+force&replace=x&select=none`).expect(200);
    expect(none.text).not.toMatch(/name="match" value="[^"]+" checked/);
    expect(none.text.match(/name="match"/g)).toHaveLength(5);
    const invalid = await agent.get(`/replace?article=${article.id}&find=%28x&regex=1`).expect(422);
    expect(invalid.text).toContain('The regular expression is not valid');
  });

  it('when "apply to every match" is sent from page 1 of several, then the matches of every page are replaced', async () => {
    const testApp = createTestApp();
    const article = await importViaApi(
      testApp,
      Array.from({ length: 120 }, (_, index) => `Sentence ${index} has a comfort force.`).join(' '),
    );
    const agent = await testApp.browser('editor');
    const page = await agent.get(`/replace?article=${article.id}&find=comfort+force&replace=reassurance+force`).expect(200);
    expect(page.text).toContain('Page 1 of 2');
    const shown = [...page.text.matchAll(/name="shown" value="([^"]+)"/g)].map((match) => match[1]!);
    expect(shown).toHaveLength(100);
    const form = new URLSearchParams({
      _csrf: csrfFrom(page.text),
      find: 'comfort force',
      replace: 'reassurance force',
      apply: 'all',
      snapshot: /name="snapshot" value="(\d+)"/.exec(page.text)![1]!,
    });
    form.append('article', String(article.id));
    // One box unticked on this page: every other match of both pages is replaced.
    for (const id of shown) form.append('shown', id);
    for (const id of shown.slice(1)) form.append('match', id);
    await agent.post('/replace/apply').type('form').send(form.toString()).expect(303);
    const texts = testApp.services.segments.ofArticle(article.id).map((segment) => segment.text);
    expect(texts.filter((text) => text.includes('reassurance force'))).toHaveLength(119);
    expect(texts[0]).toBe('Sentence 0 has a comfort force.');
  });
});
