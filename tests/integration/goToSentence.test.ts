import { describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/app';

/** 1,100 sentences: two blocks at import, eleven pages of 100. */
const longText = Array.from({ length: 1_100 }, (_, index) => `Sentence number ${index + 1} is here.`).join(' ');

async function setup() {
  const testApp = createTestApp();
  const article = await testApp.services.articles.importArticle({ text: longText, author: 'Ada' });
  return { ...testApp, article, agent: await testApp.browser('editor') };
}

describe('Go to sentence N', () => {
  it('when sentence N is asked for, then the answer is a 303 to the page that lists it, at its row', async () => {
    const { services, article, agent } = await setup();
    const segment = services.segments.ofArticle(article.id)[1_049]!;
    const response = await agent.get(`/articles/${article.id}/sentences/1050`).expect(303);
    expect(response.headers.location).toBe(`/articles/${article.id}?page=11#segment-${segment.id}`);
    const page = await agent.get(`/articles/${article.id}?page=11`).expect(200);
    expect(page.text).toContain(`id="segment-${segment.id}"`);
  });

  it("when the pager's field is used (?n=), then it goes to the same place; a split moves later numbers on", async () => {
    const { services, article, agent, api } = await setup();
    const first = services.segments.ofArticle(article.id)[0]!;
    const before = services.segments.ofArticle(article.id)[99]!;
    expect((await agent.get(`/articles/${article.id}/sentences`).query({ n: '100' }).expect(303)).headers.location).toBe(
      `/articles/${article.id}?page=1#segment-${before.id}`,
    );
    await (await api('editor')).post(`/api/segments/${first.id}/split`).send({ at: 'Sentence'.length, version: first.version }).expect(201);
    expect((await agent.get(`/articles/${article.id}/sentences/101`).expect(303)).headers.location).toBe(
      `/articles/${article.id}?page=2#segment-${before.id}`,
    );
  });

  it('when N is past the end or not a number, then the page says so', async () => {
    const { article, agent } = await setup();
    const past = await agent.get(`/articles/${article.id}/sentences/1101`).expect(404);
    expect(past.text).toContain('There is no sentence 1101');
    expect(past.text).toContain('has 1100 sentences');
    await agent.get(`/articles/${article.id}/sentences/0`).expect(422);
    await agent.get(`/articles/${article.id}/sentences/abc`).expect(422);
  });

  it('when the review page is shown, then pagers at the top and the bottom give page numbers and the go-to field', async () => {
    const { article, agent } = await setup();
    const page = await agent.get(`/articles/${article.id}?page=5`).expect(200);
    expect(page.text.match(/<nav class="pager/g)).toHaveLength(2);
    expect(page.text).toContain(`<a aria-current="page" href="/articles/${article.id}?page=5">5</a>`);
    for (const n of [1, 3, 4, 6, 7, 11]) expect(page.text).toContain(`href="/articles/${article.id}?page=${n}" aria-label="Page ${n}"`);
    expect(page.text).not.toContain(`aria-label="Page 9"`);
    expect(page.text.match(new RegExp(`action="/articles/${article.id}/sentences"`, 'g'))).toHaveLength(2);
  });
});
