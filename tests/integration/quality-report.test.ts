import { describe, expect, it } from 'vitest';
import { createQualityTestApp, type QualityTestApp } from './qualityTestApp';
import { bareDiffs } from '../helpers/app';

/**
 * A heading, two sentences and a source line. The edits and their TER by hand
 * (MT = hypothesis, correction = reference, case-insensitive, whitespace words):
 *   heading  "In Paris talks resume" → "Talks resume in Paris": "in paris" moves to the end, 1 shift / 4 words
 *   sentence "... a comfort force of ..." → "... a reassurance force of ...": 1 substitution / 10 words
 *   sentence "The Kremlin criticized the initiative." unchanged: 0 / 5 words
 *   "Source: DW" is metadata: listed, not counted.
 * Article HTER = (1 + 1 + 0) / (4 + 10 + 5) = 2 / 19.
 * chrF by an independent implementation of its definition (character 1..6-grams without
 * whitespace, precision and recall averaged over the orders, β = 2): heading 69.3675333381,
 * sentence 77.656449031412, unchanged 100; corpus (summed statistics) 83.3462228247.
 */
const TEXT =
  'In Paris talks resume\n\nThe couple provides for a comfort force of international troops. The Kremlin criticized the initiative.\n\nSource: DW\n';
const COMFORT_START = 'The couple provides for a '.length;

/** The report page's HTML, as an editor's browser... through the API client's token (pages accept it too). */
async function testAppPage(api: QualityTestApp['api'], articleId: number): Promise<string> {
  return (await api('editor').get(`/articles/${articleId}/quality`).expect(200)).text;
}

async function setup() {
  const testApp = await createQualityTestApp();
  const article = await testApp.importArticle(TEXT, 'Paris <talks>');
  const [heading, sentence, unchanged, meta] = article.segments;
  return { ...testApp, article, heading: heading!, sentence: sentence!, unchanged: unchanged!, meta: meta! };
}

/**
 * The edits above, with 12 s and 30 s of measured editing time, the unchanged sentence approved (so every
 * sentence and heading is reviewed), and two annotations: major terminology and minor punctuation.
 */
async function reviewed(testApp: Awaited<ReturnType<typeof setup>>) {
  const { api, edit, heading, sentence, unchanged } = testApp;
  await edit(heading.id, 'Talks resume in Paris', 12);
  await edit(sentence.id, sentence.mt.replace('comfort', 'reassurance'), 30);
  await api('reviewer').patch(`/api/segments/${unchanged.id}`).send({ status: 'approved', version: 1 }).expect(200);
  await api()
    .post(`/api/segments/${sentence.id}/annotations`)
    .send({ start: COMFORT_START, end: COMFORT_START + 'comfort force'.length, category: 'terminology', severity: 'major' })
    .expect(201);
  await api()
    .post(`/api/segments/${heading.id}/annotations`)
    .send({ start: 0, end: 8, category: 'fluency/punctuation', severity: 'minor' })
    .expect(201);
}

describe('GET /api/articles/:id/quality', () => {
  it('when sentences were corrected and annotated, then HTER, chrF, edit counts, MQM score and effort match the hand-computed values', async () => {
    const testApp = await setup();
    await reviewed(testApp);
    const { api, article, heading, sentence, unchanged, meta } = testApp;
    const { body } = await api('editor').get(`/api/articles/${article.id}/quality`).expect(200);

    expect(body.article).toMatchObject({ id: article.id, title: 'Paris <talks>' });
    expect(body.evaluatedSegments).toBe(3);
    expect(body.evaluatedWords).toBe(19);
    expect(body.coverage).toEqual({
      evaluatedSegments: 3,
      evaluatedWords: 19,
      coveredSegments: 3,
      coveredWords: 19,
      share: 1,
      required: 1,
    });
    expect(body.hter).toBeCloseTo((100 * 2) / 19, 9);
    expect(body.chrf).toBeCloseTo(83.3462228247, 8);
    expect(body.edits).toEqual({ insertions: 0, deletions: 0, substitutions: 1, shifts: 1, total: 2, referenceWords: 19 });
    // Penalty 5 (major) + 0.1 (minor punctuation) over 19 words.
    expect(body.mqm).toMatchObject({
      annotationCount: 2,
      penalty: 5.1,
      passThreshold: 90,
      pass: false,
      verdict: 'fail',
      bySeverity: { neutral: 0, minor: 1, major: 1, critical: 0 },
    });
    expect(body.mqm.qualityScore).toBeCloseTo(100 * (1 - 5.1 / 19), 9);
    expect(body.mqm.penaltyPer1000Words).toBeCloseTo((5.1 / 19) * 1000, 9);
    expect(body.mqm.byCategory).toEqual([
      {
        category: 'fluency/punctuation',
        label: 'Fluency / Punctuation',
        counts: { neutral: 0, minor: 1, major: 0, critical: 0 },
        total: 1,
        penalty: 0.1,
      },
      { category: 'terminology', label: 'Terminology', counts: { neutral: 0, minor: 0, major: 1, critical: 0 }, total: 1, penalty: 5 },
    ]);
    // 42 s over the 4 + 10 MT words of the two timed segments; one of three evaluated segments unchanged.
    expect(body.effort).toEqual({
      editingSeconds: 42,
      timedSegments: 2,
      timedWords: 14,
      secondsPerWord: 3,
      unchangedSegments: 1,
      unchangedShare: 1 / 3,
    });
    expect(body.progress.counts).toEqual({ new: 1, edited: 2, approved: 1, rejected: 0 });

    const bySegment = new Map(body.segments.map((segment: { segmentId: number }) => [segment.segmentId, segment]));
    expect(bySegment.get(heading.id)).toMatchObject({
      ter: 25,
      insertions: 0,
      deletions: 0,
      substitutions: 0,
      shifts: 1,
      mqmPenalty: 0.1,
      editingSeconds: 12,
      evaluated: true,
    });
    expect((bySegment.get(heading.id) as { chrf: number }).chrf).toBeCloseTo(69.3675333381, 8);
    expect(bySegment.get(sentence.id)).toMatchObject({ ter: 10, substitutions: 1, mqmPenalty: 5, editingSeconds: 30, referenceWords: 10 });
    expect((bySegment.get(sentence.id) as { chrf: number }).chrf).toBeCloseTo(77.656449031412, 9);
    expect(bySegment.get(unchanged.id)).toMatchObject({ ter: 0, chrf: 100, mqmPenalty: 0, editingSeconds: null });
    expect(bySegment.get(meta.id)).toMatchObject({ kind: 'meta', evaluated: false, ter: 0, chrf: 100 });
  });

  it('when nobody has reviewed the article, then there is no score and no pass: untouched MT is not counted as good', async () => {
    const { api, article } = await setup();
    const { body } = await api('editor').get(`/api/articles/${article.id}/quality`).expect(200);
    expect(body).toMatchObject({ hter: null, chrf: null, edits: { total: 0, referenceWords: 0 } });
    expect(body.coverage).toMatchObject({ evaluatedWords: 19, coveredWords: 0, share: 0 });
    expect(body.mqm).toMatchObject({ annotationCount: 0, qualityScore: null, pass: null, verdict: 'not-evaluated' });
    expect(body.effort).toMatchObject({ editingSeconds: 0, secondsPerWord: null, unchangedShare: null });
  });

  it('when only some sentences were reviewed, then the scores cover those words and the verdict is provisional', async () => {
    const { api, article, edit, heading, sentence } = await setup();
    await edit(heading.id, 'Talks resume in Paris');
    await edit(sentence.id, sentence.mt.replace('comfort', 'reassurance'));
    const { body } = await api('editor').get(`/api/articles/${article.id}/quality`).expect(200);
    // The heading (4 words) and the sentence (10) of 19 evaluated words: 1 shift + 1 substitution over 14.
    expect(body.coverage).toMatchObject({ coveredSegments: 2, coveredWords: 14, evaluatedWords: 19 });
    expect(body.coverage.share).toBeCloseTo(14 / 19, 12);
    expect(body.hter).toBeCloseTo((100 * 2) / 14, 9);
    expect(body.mqm).toMatchObject({ qualityScore: 100, pass: null, verdict: 'provisional' });
    const page = await testAppPage(api, article.id);
    expect(page).toContain('data-verdict="provisional"');
    expect(page).toContain('Provisional · 100.00');
    // "HTER 14.29 over 73.7 % of words": every score says how much it covers.
    expect(page).toContain('<p class="coverage-note" data-testid="hter-coverage">over 73.7 % of words</p>');
  });

  it('when a sentence is rejected, then the article cannot pass and the page says why', async () => {
    const { api, article, heading, sentence, unchanged } = await setup();
    for (const segment of [heading, unchanged])
      await api('reviewer').patch(`/api/segments/${segment.id}`).send({ status: 'approved', version: 1 }).expect(200);
    await api('reviewer').patch(`/api/segments/${sentence.id}`).send({ status: 'rejected', note: 'Wrong term', version: 1 }).expect(200);
    const { body } = await api('editor').get(`/api/articles/${article.id}/quality`).expect(200);
    expect(body.mqm).toMatchObject({ qualityScore: 100, rejected: 1, pass: false, verdict: 'fail' });
    const page = await testAppPage(api, article.id);
    expect(page).toContain('data-pass="false"');
    expect(page).toContain('1 rejected sentence blocks a pass.');
  });

  it('when a sentence is corrected, then its statistics are cached by text; approving keeps them, a new text replaces them', async () => {
    const { api, db, services, actors, article, sentence, edit } = await setup();
    const cached = () =>
      db.prepare('SELECT segment_id AS segmentId, insertions, substitutions, reference_words AS referenceWords FROM segment_metrics').all();
    await edit(sentence.id, sentence.mt.replace('comfort', 'reassurance'));
    await api('editor').get(`/api/articles/${article.id}/quality`).expect(200);
    // Unchanged segments cost nothing to count, so only the corrected one is cached.
    expect(cached()).toEqual([{ segmentId: sentence.id, insertions: 0, substitutions: 1, referenceWords: 10 }]);
    const hashBefore = db.prepare('SELECT text_hash AS hash FROM segment_metrics').get();

    services.segments.change(sentence.id, { version: 2, status: 'approved', actor: actors.reviewer });
    await api('editor').get(`/api/articles/${article.id}/quality`).expect(200);
    expect(db.prepare('SELECT text_hash AS hash FROM segment_metrics').get()).toEqual(hashBefore);

    await edit(sentence.id, `${sentence.mt.replace('comfort', 'reassurance')} Indeed`);
    const { body } = await api('editor').get(`/api/articles/${article.id}/quality`).expect(200);
    expect(cached()).toEqual([{ segmentId: sentence.id, insertions: 1, substitutions: 1, referenceWords: 11 }]);
    expect(body.segments.find((segment: { segmentId: number }) => segment.segmentId === sentence.id)).toMatchObject({
      insertions: 1,
      substitutions: 1,
    });
  });

  it('when the article does not exist or the id is malformed, then 404 or 422 in JSON; nobody signed in gets 401', async () => {
    const { api } = await setup();
    expect((await api().get('/api/articles/999/quality').expect(404)).body.error).toEqual({
      code: 'not_found',
      message: 'Article 999 does not exist.',
    });
    expect((await api().get('/api/articles/x/quality').expect(422)).body.error.code).toBe('invalid_id');
    await api('anonymous').get('/api/articles/1/quality').expect(401);
  });
});

describe('Quality report page and downloads', () => {
  it('when the report is opened, then it shows the figures, the badge, three SVG charts, the changes of its one hour as a list, and every segment’s tracked changes, all escaped', async () => {
    const testApp = await setup();
    await reviewed(testApp);
    const { pages, article, sentence } = testApp;
    const page = await pages('editor').get(`/articles/${article.id}/quality`).expect(200);
    expect(page.text).toContain('Quality: Paris &lt;talks&gt;');
    expect(page.text).not.toContain('Paris <talks>');
    expect(page.text).toContain('<p class="big" data-testid="hter">10.53</p>');
    expect(page.text).toContain('<p class="big" data-testid="chrf">83.35</p>');
    expect(page.text).toContain('<p class="big" data-testid="mqm-score">73.16</p>');
    expect(page.text).toContain('data-testid="mqm-badge" data-verdict="fail" data-pass="false"');
    expect(page.text).toMatch(/<dd data-testid="mqm-penalty">5\.1<\/dd>/);
    expect(page.text).toContain('<p class="big" data-testid="editing-time">42 s</p>');
    expect(page.text).toContain('<dd data-testid="seconds-per-word">3.00</dd>');
    for (const id of ['chart-hter', 'chart-mqm', 'chart-progress']) expect(page.text).toContain(`id="${id}"`);
    // All the changes fall in one hour: too few periods for a chart over time.
    expect(page.text).not.toContain('id="chart-changes"');
    expect(page.text).toMatch(/<ul class="changes-list" data-testid="changes-list"><li>[^<]+: \d+ changes<\/li><\/ul>/);
    // HTER buckets: one unchanged sentence at 0, the sentence (10) in 0–10, the heading (25) in 20–30.
    expect(page.text).toContain('<g class="column" data-label="0" data-value="1">');
    expect(page.text).toContain('<g class="column" data-label="0–10" data-value="1">');
    expect(page.text).toContain('<g class="column" data-label="20–30" data-value="1">');
    expect(page.text).toContain('<g class="stacked-row" data-label="Terminology" data-total="1">');
    expect(page.text).toContain('data-severity="major" data-value="1"');
    expect(page.text).toContain(`id="quality-segment-${sentence.id}"`);
    expect(bareDiffs(page.text)).toContain('The couple provides for a <del>comfort</del><ins>reassurance</ins> force');
    expect(bareDiffs(page.text)).toContain('<del>In Paris talks resume</del><ins>Talks resume in Paris</ins>');
    expect(page.text).toContain('Terminology · Major</li>');
  });

  it('when the article is long, then the page lists 100 segments at a time and all=1 lists every one for printing', async () => {
    const testApp = await createQualityTestApp();
    const article = await testApp.importArticle(
      Array.from({ length: 150 }, (_, index) => `Sentence number ${index + 1} is here.`).join(' '),
    );
    await testApp.edit(article.segments[120]!.id, 'Sentence number 121 was corrected.');
    const listed = (html: string) => [...html.matchAll(/<tr id="quality-segment-(\d+)"/g)].length;

    const first = await testApp.pages('editor').get(`/articles/${article.id}/quality`).expect(200);
    expect(listed(first.text)).toBe(100);
    expect(first.text).toContain('Segments 1–100 of 150.');
    expect(first.text).toContain(`href="/articles/${article.id}/quality?page=2#tracked-changes" rel="next"`);
    // The figures cover the whole article whatever the page: its one reviewed sentence (2 substitutions in 5 words: 40).
    expect(first.text).toContain('<g class="column" data-label="30–40" data-value="1">');
    expect(first.text).toContain('<g class="column" data-label="0" data-value="0">');

    const second = await testApp.pages('editor').get(`/articles/${article.id}/quality?page=2`).expect(200);
    expect(listed(second.text)).toBe(50);
    expect(bareDiffs(second.text)).toContain('Sentence number 121 <del>is here</del><ins>was corrected</ins>.');
    const clamped = await testApp.pages('editor').get(`/articles/${article.id}/quality?page=99`).expect(200);
    expect(clamped.text).toContain('Page 2 of 2');

    const all = await testApp.pages('editor').get(`/articles/${article.id}/quality?all=1`).expect(200);
    expect(listed(all.text)).toBe(150);
    expect(all.text).toContain('All 150 segments.');
    expect(all.text).not.toContain('rel="next"');
    await testApp.pages('editor').get(`/articles/${article.id}/quality?page=0`).expect(422);
    await testApp.pages('editor').get(`/articles/${article.id}/quality?all=yes`).expect(422);
  });

  it('when the CSV is downloaded, then it has one quoted row per segment and cells that could run as formulas are defused', async () => {
    const testApp = await createQualityTestApp();
    const article = await testApp.importArticle(
      '=HYPERLINK("http://evil","click") is a formula. Prices rose by 5%, "sharply".\n',
      'CSV test',
    );
    const [formula, quoted] = article.segments;
    await testApp.edit(formula!.id, '-2+3 is also a formula');
    const response = await testApp.pages('editor').get(`/articles/${article.id}/quality?format=csv`).expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename=quality-${article.id}.csv`);
    const lines = response.text.split('\r\n');
    expect(lines[0]).toBe(
      'segment_id,position,kind,status,ter,chrf,insertions,deletions,substitutions,shifts,mqm_penalty,editing_seconds,mt,text',
    );
    expect(lines).toHaveLength(4); // header, two segments, and the empty string after the last CRLF
    expect(lines[1]).toMatch(new RegExp(`^${formula!.id},0,sentence,edited,`));
    expect(lines[1]).toContain(`,0,,"'=HYPERLINK(""http://evil"",""click"") is a formula.",'-2+3 is also a formula`);
    expect(lines[2]).toBe(
      `${quoted!.id},1,sentence,new,0,100,0,0,0,0,0,,"Prices rose by 5%, ""sharply"".","Prices rose by 5%, ""sharply""."`,
    );
  });

  it('when the JSON is downloaded, then it is the API body as an attachment', async () => {
    const testApp = await setup();
    await reviewed(testApp);
    const download = await testApp.pages('editor').get(`/articles/${testApp.article.id}/quality?format=json`).expect(200);
    expect(download.headers['content-disposition']).toBe(`attachment; filename=quality-${testApp.article.id}.json`);
    const api = await testApp.api('editor').get(`/api/articles/${testApp.article.id}/quality`).expect(200);
    // The API pages the segments (page, links); the download has them all.
    const { page, links, ...figures } = api.body;
    expect(page).toEqual({ offset: 0, limit: 1000, total: 4 });
    expect(links).toEqual({ next: null });
    expect(JSON.parse(download.text)).toEqual(figures);
    await testApp.pages('editor').get(`/articles/${testApp.article.id}/quality?format=pdf`).expect(422);
  });
});

describe('Quality overview', () => {
  async function threeArticles(testApp: QualityTestApp) {
    const clean = await testApp.importArticle('Everything here is fine. Nothing to do.', 'Clean');
    const light = await testApp.importArticle('One small fix is needed here. The rest is fine.', 'Light');
    const heavy = await testApp.importArticle('This sentence is totally wrong. So is this.', 'Heavy');
    // Reviewed and found fine: approved as it is (an untouched article has no scores at all).
    for (const segment of clean.segments)
      await testApp.api('reviewer').patch(`/api/segments/${segment.id}`).send({ status: 'approved', version: 1 });
    await testApp.edit(light.segments[0]!.id, 'One small change is needed here.');
    await testApp.edit(heavy.segments[0]!.id, 'A completely different sentence appears.');
    await testApp.edit(heavy.segments[1]!.id, 'And another one.');
    return { clean, light, heavy };
  }
  const titles = (html: string) => [...html.matchAll(/<a href="\/articles\/\d+\/quality">([^<]+)<\/a>/g)].map((match) => match[1]);

  it('when sorted by HTER, then the articles come in that order either way', async () => {
    const testApp = await createQualityTestApp();
    await threeArticles(testApp);
    expect(titles((await testApp.pages('editor').get('/quality?sort=hter&dir=asc').expect(200)).text)).toEqual(['Clean', 'Light', 'Heavy']);
    expect(titles((await testApp.pages('editor').get('/quality?sort=hter&dir=desc').expect(200)).text)).toEqual([
      'Heavy',
      'Light',
      'Clean',
    ]);
    expect(titles((await testApp.pages('editor').get('/quality?sort=title&dir=asc').expect(200)).text)).toEqual([
      'Clean',
      'Heavy',
      'Light',
    ]);
    const api = await testApp.api('editor').get('/api/quality/articles?sort=chrf&dir=desc').expect(200);
    expect(api.body.articles.map((row: { title: string }) => row.title)).toEqual(['Clean', 'Light', 'Heavy']);
    expect(api.body.articles[0]).toMatchObject({ hter: 0, chrf: 100, qualityScore: 100, pass: true, annotationCount: 0 });
  });

  it('when sorted by MQM score, then a failing article comes first ascending', async () => {
    const testApp = await createQualityTestApp();
    const { heavy } = await threeArticles(testApp);
    await testApp
      .api()
      .post(`/api/segments/${heavy.segments[0]!.id}/annotations`)
      .send({ start: 0, end: 4, category: 'accuracy/mistranslation', severity: 'critical' })
      .expect(201);
    const page = await testApp.pages('editor').get('/quality?sort=mqm&dir=asc').expect(200);
    expect(titles(page.text)[0]).toBe('Heavy');
    expect(page.text).toContain('aria-sort="ascending"');
    expect(page.text).toContain('href="/quality?sort=mqm&amp;dir=desc"');
  });

  it('when the sort column or direction is unknown, then 422 names the allowed values', async () => {
    const testApp = await createQualityTestApp();
    const bad = await testApp.api('editor').get('/api/quality/articles?sort=size').expect(422);
    expect(bad.body.error.message).toContain('sort must be one of: title, progress, hter, chrf, mqm, pass, updated');
    await testApp.pages('editor').get('/quality?sort=hter&dir=up').expect(422);
  });
});
