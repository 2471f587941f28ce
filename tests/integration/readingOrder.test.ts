import { describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/app';

/** 2,500 sentences span three blocks of the reading order (1,024 segments each at import). */
const longText = Array.from({ length: 2_500 }, (_, index) => `Sentence number ${index + 1} is here.`).join(' ');

describe('Reading order in blocks', () => {
  it('when a page crosses from one block to the next, then its rows are consecutive and numbered by position', async () => {
    const { services } = createTestApp();
    const article = await services.articles.importArticle({ text: longText, author: 'Ada' });
    const page = services.articles.reviewPage(article.id, {}, 11); // positions 1,000 to 1,099
    expect(page.segments.map((segment) => segment.position)).toEqual(Array.from({ length: 100 }, (_, index) => 1_000 + index));
    expect(page.segments[24]!.text).toBe('Sentence number 1025 is here.');
    expect(page.pageCount).toBe(25);
  });

  it('when the whole article is read, then every segment comes once, in order, and the export gives back the text', async () => {
    const testApp = createTestApp();
    const article = await testApp.services.articles.importArticle({ text: longText, author: 'Ada' });
    const segments = testApp.services.articles.segments(article.id, { offset: 0, limit: 10_000 });
    expect(segments.map((segment) => segment.position)).toEqual(segments.map((_, index) => index));
    const client = await testApp.api('editor');
    const exported = await client.get(`/api/articles/${article.id}/export?format=txt`).expect(200);
    expect(exported.text).toBe(longText);
  });

  it('when an article is still being imported, then no page or list shows it', async () => {
    const testApp = createTestApp();
    const article = await testApp.services.articles.importArticle({ text: 'One sentence. Another one.', author: 'Ada' });
    testApp.db.prepare(`UPDATE articles SET state = 'importing' WHERE id = ?`).run(article.id);
    const client = await testApp.api('editor');
    await client.get(`/api/articles/${article.id}`).expect(404);
    const list = await client.get('/api/articles').expect(200);
    expect(list.body.articles).toEqual([]);
  });
});
