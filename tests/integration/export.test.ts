import { describe, expect, it } from 'vitest';
import { createTestApp, importViaApi, sampleText } from '../helpers/app';

describe('Export', () => {
  it('when nobody edited the sample, then the text export is exactly the imported text', async () => {
    const testApp = createTestApp();
    const client = await testApp.api('admin');
    const article = await importViaApi(testApp, sampleText);
    const response = await client.get(`/api/articles/${article.id}/export?format=txt`).expect(200);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.text).toBe(sampleText);
  });

  it('when the input has CRLF line endings, then the export has the same text with \\n', async () => {
    const testApp = createTestApp();
    const client = await testApp.api('admin');
    const article = await importViaApi(testApp, 'Title line\r\n\r\nOne sentence. Two sentences.\r\n');
    const response = await client.get(`/api/articles/${article.id}/export`).expect(200);
    expect(response.text).toBe('Title line\n\nOne sentence. Two sentences.\n');
  });

  it('when sentences were corrected, then every format carries the corrections in the original layout', async () => {
    const testApp = createTestApp();
    const client = await testApp.api('admin');
    const article = await importViaApi(
      testApp,
      'Europe is trying to resume headquarters at the table\n\nThe couple provides for a “comfort force”. It <b>works</b>.\n',
    );
    const [heading, sentence] = article.segments;
    await client.patch(`/api/segments/${heading!.id}`).send({ text: 'Europe tries to regain a seat at the table', version: 1 }).expect(200);
    await client
      .patch(`/api/segments/${sentence!.id}`)
      .send({ text: 'The couple proposes a “reassurance force”.', version: 1 })
      .expect(200);

    const txt = await client.get(`/api/articles/${article.id}/export?format=txt`).expect(200);
    expect(txt.text).toBe('Europe tries to regain a seat at the table\n\nThe couple proposes a “reassurance force”. It <b>works</b>.\n');

    const md = await client.get(`/api/articles/${article.id}/export?format=md`).expect(200);
    expect(md.text).toBe('## Europe tries to regain a seat at the table\n\nThe couple proposes a “reassurance force”. It <b>works</b>.\n');

    const html = await client.get(`/api/articles/${article.id}/export?format=html`).expect(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.text).toContain('<h2>Europe tries to regain a seat at the table</h2>');
    expect(html.text).toContain('<p>The couple proposes a “reassurance force”. It &lt;b&gt;works&lt;/b&gt;.</p>');

    const json = await client.get(`/api/articles/${article.id}/export?format=json`).expect(200);
    const document = JSON.parse(json.text);
    expect(document.text).toBe(txt.text);
    expect(document.segments[1]).toEqual({
      id: sentence!.id,
      articleId: article.id,
      paragraph: 1,
      position: 1,
      kind: 'sentence',
      source: null,
      mt: 'The couple provides for a “comfort force”.',
      text: 'The couple proposes a “reassurance force”.',
      status: 'edited',
      version: 2,
      updatedBy: 'Adam Admin',
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      openComments: 0,
    });
    expect(document.comments).toEqual([]);
    expect(json.headers['content-disposition']).toMatch(/^attachment; filename="?[\w-]+\.json"?$/);
  });

  it('when the format is unknown or the article missing, then a JSON error', async () => {
    const testApp = createTestApp();
    const client = await testApp.api('admin');
    const article = await importViaApi(testApp, 'One sentence.');
    const badFormat = await client.get(`/api/articles/${article.id}/export?format=pdf`).expect(422);
    expect(badFormat.body.error.message).toContain('txt, md, html, json');
    await client.get('/api/articles/999/export?format=txt').expect(404);
  });

  it('when sentences are not approved, then the export page says how many', async () => {
    const testApp = createTestApp();
    const { browser } = testApp;
    const article = await importViaApi(testApp, 'One. Two. Three.');
    const agent = await browser('reviewer');
    await agent.post(`/segments/${article.segments[0]!.id}/status`).type('form').send({ status: 'approved', version: 1 }).expect(303);
    const page = await agent.get(`/articles/${article.id}/export`).expect(200);
    expect(page.text).toContain('2 of 3 segments are not approved yet');
    const download = await agent.get(`/articles/${article.id}/export?format=txt`).expect(200);
    expect(download.text).toBe('One. Two. Three.');
  });
});
