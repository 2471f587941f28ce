import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { createTestApp, importViaApi } from '../helpers/app';
import { REVIEW_PAGE_SIZE } from '../../src/articles/articleService';

describe('Pages', () => {
  it('when an unknown page or id is asked for, then an HTML error page without a stack trace', async () => {
    const { app } = createTestApp();
    for (const path of ['/nowhere', '/articles/12345', '/segments/999/history', '/articles/abc']) {
      const response = await request(app).get(path);
      expect([404, 422]).toContain(response.status);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.text).toContain('data-testid="error-message"');
      expect(response.text).not.toMatch(/node_modules|\.ts:\d+/);
    }
  });

  it('when an article is longer than one chunk, then the review page shows one chunk and a pager', async () => {
    const { app } = createTestApp();
    const text = Array.from({ length: 250 }, (_, i) => `Sentence number ${i + 1} is here.`).join(' ');
    const article = await importViaApi(app, text);
    const first = await request(app).get(`/articles/${article.id}`).expect(200);
    expect((first.text.match(/<li class="segment /g) ?? []).length).toBe(REVIEW_PAGE_SIZE);
    expect(first.text).toContain('Page 1 of 3');
    const last = await request(app).get(`/articles/${article.id}?page=3`).expect(200);
    expect(last.text).toContain('Sentence number 250 is here.');
    expect(last.text).not.toContain('Sentence number 1 is here.');
  });

  it('when the name form is posted, then a cookie remembers it and bad names are refused', async () => {
    const { app } = createTestApp();
    const ok = await request(app).post('/name').type('form').send({ name: '  Zoë  ', next: '/articles/1' }).expect(303);
    expect(ok.headers.location).toBe('/articles/1');
    expect(ok.headers['set-cookie']![0]).toMatch(/^redline_editor=Zo%C3%AB;.*HttpOnly; SameSite=Lax/);
    const offsite = await request(app).post('/name').type('form').send({ name: 'X', next: '//evil.example/' }).expect(303);
    expect(offsite.headers.location).toBe('/');
    const empty = await request(app).post('/name').type('form').send({ name: '   ' }).expect(422);
    expect(empty.text).toContain('Enter your name.');
  });

  it('when the API lists articles, then each has its status counts', async () => {
    const { app } = createTestApp();
    await importViaApi(app, 'One. Two.', 'First');
    const response = await request(app).get('/api/articles').expect(200);
    expect(response.body.articles).toEqual([
      expect.objectContaining({ title: 'First', segmentCount: 2, statusCounts: { new: 2, edited: 0, approved: 0, rejected: 0 } }),
    ]);
  });
});
