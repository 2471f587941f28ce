import { describe, expect, it, vi } from 'vitest';
import { createTestApp, importViaApi, sampleText, type TestApp } from '../helpers/app';
import { CANDIDATE_LIMIT } from '../../src/search/searchService';
import { TOTAL_CAP } from '../../src/search/model';

interface Hit {
  segmentId: number;
  articleId: number;
  position: number;
  status: string;
  mt: string;
  text: string;
}

async function setup() {
  const testApp = createTestApp();
  const sample = await importViaApi(testApp, sampleText, 'Sample');
  const other = await importViaApi(testApp, 'A café in Paris. The COMFORT of home. Another sentence here.', 'Other');
  return { ...testApp, sample, other, client: await testApp.api('editor') };
}

const search = async (testApp: Pick<TestApp, 'api'>, query: Record<string, string | number>) =>
  (await (await testApp.api('editor')).get('/api/search').query(query).expect(200)).body as {
    total: number;
    totalCapped: boolean;
    results: Hit[];
  };

describe('GET /api/search', () => {
  it('when a phrase is searched across articles, then every sentence containing it comes back, any case, with its sentence number', async () => {
    const testApp = await setup();
    const found = await search(testApp, { q: 'Comfort' });
    expect(found.total).toBe(2);
    expect(found.totalCapped).toBe(false);
    const inSample = testApp.sample.segments.find((segment) => segment.mt.includes('comfort force'))!;
    expect(found.results).toEqual([
      expect.objectContaining({
        segmentId: inSample.id,
        articleId: testApp.sample.id,
        position: inSample.position,
        status: 'new',
        mt: inSample.mt,
      }),
      expect.objectContaining({ articleId: testApp.other.id, position: 1, mt: 'The COMFORT of home.' }),
    ]);
  });

  it('when accents differ, then they count: "cafe" does not find "café", "CAFÉ" does', async () => {
    const testApp = await setup();
    expect((await search(testApp, { q: 'cafe in' })).total).toBe(0);
    expect((await search(testApp, { q: 'CAFÉ' })).results.map((hit) => hit.mt)).toEqual(['A café in Paris.']);
  });

  it('when a sentence was corrected, then both its MT and its current text are searched, and a split part is found', async () => {
    const testApp = await setup();
    const segment = testApp.sample.segments.find((candidate) => candidate.mt.includes('comfort force'))!;
    const fixed = segment.mt.replace('comfort force', 'reassurance force');
    await testApp.client.patch(`/api/segments/${segment.id}`).send({ text: fixed, version: 1 }).expect(200);
    expect((await search(testApp, { q: 'reassurance force' })).results.map((hit) => hit.text)).toEqual([fixed]);
    expect((await search(testApp, { q: 'comfort force' })).results.map((hit) => hit.segmentId)).toEqual([segment.id]);
    const other = testApp.other.segments[2]!; // "Another sentence here."
    await testApp.client.post(`/api/segments/${other.id}/split`).send({ at: 'Another'.length, version: 1 }).expect(201);
    expect((await search(testApp, { q: 'sentence here' })).results).toEqual([
      expect.objectContaining({ text: 'sentence here.', position: 3 }),
    ]);
  });

  it('when filters are given, then only sentences in that status, by that author, changed or not, with open comments or findings come back', async () => {
    const testApp = await setup();
    const [first, second] = testApp.other.segments;
    await testApp.client.patch(`/api/segments/${first!.id}`).send({ text: 'A cafe in Paris, the capital.', version: 1 }).expect(200);
    const reviewer = await testApp.api('reviewer');
    await reviewer.patch(`/api/segments/${second!.id}`).send({ status: 'approved', version: 1 }).expect(200);
    await testApp.client.post(`/api/segments/${second!.id}/comments`).send({ body: 'Capital letters?' }).expect(201);
    testApp.db.prepare('UPDATE segments SET open_findings = 2 WHERE id = ?').run(first!.id);
    const ids = async (query: Record<string, string | number>) =>
      (await search(testApp, { article: testApp.other.id, ...query })).results.map((hit) => hit.segmentId);
    expect(await ids({ q: 'Paris' })).toEqual([first!.id]);
    expect(await ids({ q: 'the', status: 'approved' })).toEqual([second!.id]);
    expect(await ids({ q: 'e', author: 'Ana Editor' })).toEqual([first!.id]);
    expect(await ids({ q: 'e', author: 'Rita Reviewer' })).toEqual([second!.id]);
    expect(await ids({ q: 'e', changed: 'true' })).toEqual([first!.id]);
    expect(await ids({ q: 'e', changed: 'false' })).toEqual([second!.id, testApp.other.segments[2]!.id]);
    expect(await ids({ q: 'e', comments: 'open' })).toEqual([second!.id]);
    expect(await ids({ q: 'e', findings: 'open' })).toEqual([first!.id]);
  });

  it('when fewer than 3 characters are searched across articles, then 422 says why; within one article they are found', async () => {
    const testApp = await setup();
    const refused = await testApp.client.get('/api/search').query({ q: 'é' }).expect(422);
    expect(refused.body.error).toMatchObject({ code: 'query_too_short', field: 'q' });
    expect((await search(testApp, { q: 'é', article: testApp.other.id })).results.map((hit) => hit.mt)).toEqual(['A café in Paris.']);
  });

  it('when the query is empty, the limit too large or the article unknown, then the request is refused', async () => {
    const testApp = await setup();
    expect((await testApp.client.get('/api/search').query({ q: '  ' }).expect(422)).body.error.field).toBe('q');
    expect((await testApp.client.get('/api/search').query({ q: 'force', limit: 101 }).expect(422)).body.error.field).toBe('limit');
    await testApp.client.get('/api/search').query({ q: 'force', article: 999 }).expect(404);
  });

  it('when an article is still being imported, then nothing of it is found', async () => {
    const testApp = await setup();
    testApp.db.prepare(`UPDATE articles SET state = 'importing' WHERE id = ?`).run(testApp.other.id);
    expect((await search(testApp, { q: 'comfort' })).results.map((hit) => hit.articleId)).toEqual([testApp.sample.id]);
  });
});

describe('Search over many sentences', () => {
  // 3,000 sentences: "the" is in all of them (more than the index's candidate limit), "number 1" in a few hundred.
  const text = Array.from({ length: 3_000 }, (_, index) => `This is the sentence number ${index + 1}.`).join(' ');

  it('when a word is in more sentences than the candidate limit, then the count says "more than" and pages still follow reading order', async () => {
    expect(3_000).toBeGreaterThan(CANDIDATE_LIMIT);
    const testApp = createTestApp();
    const article = await importViaApi(testApp, text);
    const firstPage = await search(testApp, { q: 'THE', limit: 100 });
    expect(firstPage.totalCapped).toBe(true);
    expect(firstPage.total).toBeGreaterThanOrEqual(100);
    expect(firstPage.total).toBeLessThan(3_000);
    expect(firstPage.results.map((hit) => hit.position)).toEqual(Array.from({ length: 100 }, (_, index) => index));
    const deepPage = await search(testApp, { q: 'the', limit: 100, offset: 2_900 });
    expect(deepPage.results.map((hit) => hit.position)).toEqual(Array.from({ length: 100 }, (_, index) => 2_900 + index));
    expect(deepPage.results[0]!.articleId).toBe(article.id);
  });

  it('when queries take either way (the index or a scan), then they find exactly what a plain reading of every sentence finds', async () => {
    const testApp = createTestApp();
    await importViaApi(testApp, text);
    const all = testApp.services.segments.ofArticle(1);
    for (const q of ['number 1', 'number 2999', 'sentence', 'ThIs Is', '12.']) {
      const expected = all.filter((segment) => segment.mt.toLowerCase().includes(q.toLowerCase())).map((segment) => segment.position);
      const found = await search(testApp, { q, limit: 100, offset: 0 });
      if (expected.length < TOTAL_CAP) expect(found.total, q).toBe(expected.length);
      expect(
        found.results.map((hit) => hit.position),
        q,
      ).toEqual(expected.slice(0, 100));
    }
  });
});

describe('The search pages', () => {
  it('when a sentence is found from the article search page, then its row links to the review page at that sentence, the words marked', async () => {
    const testApp = await setup();
    const agent = await testApp.browser('editor');
    const page = await agent.get(`/articles/${testApp.sample.id}/search`).query({ q: 'comfort force' }).expect(200);
    const segment = testApp.sample.segments.find((candidate) => candidate.mt.includes('comfort force'))!;
    expect(page.text).toContain(`href="/articles/${testApp.sample.id}?page=1#segment-${segment.id}"`);
    expect(page.text).toContain(`>#${segment.position + 1}<`);
    expect(page.text).toContain('<mark>comfort force</mark>');
    expect(page.text).toContain('1 sentence matches');
  });

  it('when every article is searched with too short a query, then the page says why instead of failing', async () => {
    const testApp = await setup();
    const agent = await testApp.browser('editor');
    const page = await agent.get('/search').query({ q: 'ab' }).expect(200);
    expect(page.text).toContain('Type at least 3 characters');
  });
});

describe('Ways into search', () => {
  it('when the article list and a review page are shown, then they lead to the search pages', async () => {
    const testApp = await setup();
    const agent = await testApp.browser('editor');
    expect((await agent.get('/').expect(200)).text).toContain('<form method="get" action="/search"');
    expect((await agent.get(`/articles/${testApp.sample.id}`).expect(200)).text).toContain(
      `action="/articles/${testApp.sample.id}/search"`,
    );
  });
});

describe('The search index merges when the server is quiet', () => {
  it('when requests arrive, each one postpones the background merging, and the index still finds what was saved', async () => {
    const testApp = await setup();
    const postponed = vi.spyOn(testApp.services.indexMerging, 'postpone');
    try {
      const before = postponed.mock.calls.length;
      const id = testApp.sample.segments[0]!.id;
      await testApp.client.patch(`/api/segments/${id}`).send({ text: 'The reassurance force zebracorn stays.', version: 1 }).expect(200);
      await testApp.client.get('/api/search').query({ q: 'zebracorn' }).expect(200);
      expect(postponed.mock.calls.length - before).toBe(2);
      expect((await search(testApp, { q: 'zebracorn' })).results.map((hit) => hit.segmentId)).toEqual([id]);
    } finally {
      postponed.mockRestore();
    }
  });
});
