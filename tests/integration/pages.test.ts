import { describe, expect, it } from 'vitest';

import { createTestApp, importViaApi } from '../helpers/app';
import { PAGE_SIZE } from '../../src/pagination';

describe('Pages', () => {
  it.each([
    ['/nowhere', 404],
    ['/articles/12345', 404],
    ['/segments/999/history', 404],
    ['/articles/abc', 422],
  ])('when %s is asked for, then an HTML error page with status %i and no stack trace', async (path, status) => {
    const testApp = createTestApp();
    const client = await testApp.api('admin');
    const response = await client.get(path).expect(status);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.text).toContain('data-testid="error-message"');
    expect(response.text).not.toMatch(/node_modules|\.ts:\d+/);
  });

  it('when an article is longer than one chunk, then the review page shows one chunk and a pager', async () => {
    const testApp = createTestApp();
    const client = await testApp.api('admin');
    const text = Array.from({ length: 250 }, (_, i) => `Sentence number ${i + 1} is here.`).join(' ');
    const article = await importViaApi(testApp, text);
    const first = await client.get(`/articles/${article.id}`).expect(200);
    expect((first.text.match(/<li class="segment /g) ?? []).length).toBe(PAGE_SIZE);
    expect(first.text).toContain('Page 1 of 3');
    const last = await client.get(`/articles/${article.id}?page=3`).expect(200);
    expect(last.text).toContain('Sentence number 250 is here.');
    expect(last.text).not.toContain('Sentence number 1 is here.');
  });

  it('when the API lists articles, then each has its status counts', async () => {
    const testApp = createTestApp();
    const client = await testApp.api('admin');
    await importViaApi(testApp, 'One. Two.', 'First');
    const response = await client.get('/api/articles').expect(200);
    expect(response.body.articles).toEqual([
      expect.objectContaining({ title: 'First', segmentCount: 2, statusCounts: { new: 2, edited: 0, approved: 0, rejected: 0 } }),
    ]);
  });
});
