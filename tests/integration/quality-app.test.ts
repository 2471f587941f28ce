import { describe, expect, it } from 'vitest';
import { createTestApp, csrfFrom, importViaApi } from '../helpers/app';

const TEXT = 'The couple provides for a comfort force of international troops. The Kremlin criticized the initiative.';

describe('Quality in the app', () => {
  it('when a reviewer marks "comfort force" in the browser, then the review page highlights it and the report score drops', async () => {
    const testApp = createTestApp();
    const article = await importViaApi(testApp, TEXT);
    const first = article.segments[0]!;
    const reviewer = await testApp.browser('reviewer');
    // Read and approved as they are: only reviewed sentences are scored.
    const reviewerApi = await testApp.api('reviewer');
    for (const segment of article.segments)
      await reviewerApi.patch(`/api/segments/${segment.id}`).send({ status: 'approved', version: 1 }).expect(200);
    const before = await reviewer.get(`/articles/${article.id}/quality`).expect(200);
    expect(before.text).toContain('<p class="big" data-testid="mqm-score">100.00</p>');

    const review = await reviewer.get(`/articles/${article.id}`).expect(200);
    await reviewer
      .post(`/segments/${first.id}/annotations`)
      .type('form')
      .send({
        start: '26',
        end: '39',
        category: 'terminology',
        severity: 'major',
        _csrf: csrfFrom(review.text),
        returnTo: `/articles/${article.id}`,
      })
      .expect(303);

    const page = await reviewer.get(`/articles/${article.id}`).expect(200);
    expect(page.text).toContain('<mark class="mqm mqm-major" data-offset="26" data-annotations="1">comfort force</mark>');
    expect(page.text).toContain('data-can-annotate="true"');
    expect(page.text).toContain('<script type="module" src="/static/js/annotate.js"></script>');
    // 15 MT words, one major error: 100 × (1 − 5/15) = 66.67.
    const after = await reviewer.get(`/articles/${article.id}/quality`).expect(200);
    expect(after.text).toContain('<p class="big" data-testid="mqm-score">66.67</p>');
    expect(after.text).toContain('data-pass="false"');
  });

  it('when an editor opens the review page, then annotations are shown but not offered; the API refuses them', async () => {
    const testApp = createTestApp();
    const article = await importViaApi(testApp, TEXT);
    const editor = await testApp.browser('editor');
    const page = await editor.get(`/articles/${article.id}`).expect(200);
    expect(page.text).toContain('<div class="mqm-mt"');
    expect(page.text).not.toContain('data-can-annotate');
    const api = await testApp.api('editor');
    await api
      .post(`/api/segments/${article.segments[0]!.id}/annotations`)
      .send({ start: 0, end: 3, category: 'style', severity: 'minor' })
      .expect(403);
  });

  it('when a save carries editingSeconds, then it is stored on the revision and counted in the effort figures; a bad value is refused', async () => {
    const testApp = createTestApp();
    const article = await importViaApi(testApp, TEXT);
    const first = article.segments[0]!;
    const editor = await testApp.browser('editor');
    await editor
      .post(`/segments/${first.id}`)
      .set('X-Requested-With', 'fetch')
      .type('form')
      .send({ text: first.mt.replace('comfort', 'reassurance'), version: '1', action: 'save', editingSeconds: '42.5' })
      .expect(200);
    const api = await testApp.api('editor');
    const refused = await api.patch(`/api/segments/${first.id}`).send({ text: 'Other.', version: 2, editingSeconds: -1 }).expect(422);
    expect(refused.body.error.message).toContain('editingSeconds must be a number of seconds from 0 to 86400');
    expect(
      testApp.db.prepare('SELECT version, editing_seconds AS seconds FROM revisions WHERE segment_id = ? ORDER BY version').all(first.id),
    ).toEqual([
      { version: 1, seconds: null },
      { version: 2, seconds: 42.5 },
    ]);
    const quality = await api.get(`/api/articles/${article.id}/quality`).expect(200);
    expect(quality.body.effort).toMatchObject({ editingSeconds: 42.5, timedSegments: 1, timedWords: 10, secondsPerWord: 4.25 });
  });

  it('when the article is exported as JSON, then its annotations come along', async () => {
    const testApp = createTestApp();
    const article = await importViaApi(testApp, TEXT);
    const api = await testApp.api('reviewer');
    await api
      .post(`/api/segments/${article.segments[0]!.id}/annotations`)
      .send({ start: 26, end: 39, category: 'terminology', severity: 'major' })
      .expect(201);
    const json = await api.get(`/api/articles/${article.id}/export?format=json`).expect(200);
    expect(JSON.parse(json.text).annotations).toEqual([
      expect.objectContaining({
        segmentId: article.segments[0]!.id,
        start: 26,
        end: 39,
        spanText: 'comfort force',
        category: 'terminology',
        severity: 'major',
        author: 'Rita Reviewer',
      }),
    ]);
  });
});
