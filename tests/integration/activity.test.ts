import { describe, expect, it } from 'vitest';
import { bareDiffs, createTestApp, importViaApi } from '../helpers/app';

async function setup() {
  const testApp = createTestApp();
  const article = await importViaApi(testApp, 'Talks ended late. Prices rose sharply, and the envoy left.', 'Activity');
  const editor = await testApp.api('editor');
  const reviewer = await testApp.api('reviewer');
  const [first, second] = article.segments;
  await editor.patch(`/api/segments/${first!.id}`).send({ text: 'Talks ended very late.', version: 1 }).expect(200);
  await reviewer.patch(`/api/segments/${second!.id}`).send({ status: 'approved', version: 1 }).expect(200);
  await reviewer.patch(`/api/segments/${first!.id}`).send({ status: 'rejected', note: 'Too free.', version: 2 }).expect(200);
  return { ...testApp, article, agent: await testApp.browser('editor') };
}

/** The revisions listed on an activity page, by their ids' order on it. */
const listed = (html: string) => [...html.matchAll(/data-revision-id="(\d+)"/g)].map((match) => Number(match[1]));

describe('The activity view', () => {
  it('when changes are listed, then each shows its word diff against the text before it, and the page says the times are UTC', async () => {
    const { article, agent } = await setup();
    const page = await agent.get(`/articles/${article.id}/activity`).expect(200);
    expect(bareDiffs(page.text)).toContain('Talks ended <ins>very </ins>late.');
    expect(page.text).toContain('Times are in UTC');
    expect(listed(page.text)).toHaveLength(3);
  });

  it('when filtered by person or by kind of change, then only those changes are listed, newest first', async () => {
    const { article, agent, db } = await setup();
    const ids = (author: string | null, action: string | null) =>
      db
        .prepare(
          `SELECT id FROM revisions WHERE article_id = ? AND action <> 'import' AND (? IS NULL OR author = ?) AND (? IS NULL OR action = ?) ORDER BY id DESC`,
        )
        .pluck()
        .all(article.id, author, author, action, action) as number[];
    const byRita = await agent.get(`/articles/${article.id}/activity`).query({ author: 'Rita Reviewer' }).expect(200);
    expect(listed(byRita.text)).toEqual(ids('Rita Reviewer', null));
    expect(listed(byRita.text)).toHaveLength(2);
    const edits = await agent.get(`/articles/${article.id}/activity`).query({ action: 'edit' }).expect(200);
    expect(listed(edits.text)).toEqual(ids(null, 'edit'));
    expect(listed(edits.text)).toHaveLength(1);
    const none = await agent.get(`/articles/${article.id}/activity`).query({ author: 'Ana Editor', action: 'status' }).expect(200);
    expect(none.text).toContain('No change matches these filters.');
    expect(byRita.text).toContain('<option value="Ana Editor">Ana Editor</option>');
  });

  it('when there are more changes than a page holds, then the view is paged', async () => {
    const { article, agent, api } = await setup();
    const editor = await api('editor');
    const segmentId = article.segments[1]!.id;
    for (let version = 2; version < 2 + 100; version++)
      await editor
        .patch(`/api/segments/${segmentId}`)
        .send({ text: `Prices rose ${version} times.`, version })
        .expect(200);
    const first = await agent.get(`/articles/${article.id}/activity`).expect(200);
    expect(listed(first.text)).toHaveLength(100);
    expect(first.text).toContain('Page 1 of 2');
    const second = await agent.get(`/articles/${article.id}/activity`).query({ page: 2 }).expect(200);
    expect(listed(second.text)).toHaveLength(3);
  });
});
