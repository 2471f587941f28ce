import { runCliInProcess } from '../helpers/cli';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestApp, csrfFrom, importViaApi, type TestApp } from '../helpers/app';

const TEXT = 'The couple provides for a comfort force of international troops. The Kremlin criticized the initiative.';
const ENTRY = { term: 'comfort force', preferred: 'reassurance force', note: 'Agreed with the client' };

interface FindingJson {
  id: number;
  check: string;
  message: string;
  fix?: string;
}

async function setup() {
  const testApp = createTestApp();
  const article = await importViaApi(testApp, TEXT);
  const reviewer = await testApp.api('reviewer');
  const editor = await testApp.api('editor');
  const findingsOf = async (segmentId: number) =>
    (await editor.get(`/api/segments/${segmentId}`).expect(200)).body.findings as FindingJson[];
  return { ...testApp, article, reviewer, editor, findingsOf, troops: article.segments[0]!, kremlin: article.segments[1]! };
}

const entryCount = (db: TestApp['db']) => (db.prepare('SELECT count(*) AS count FROM glossary_entries').get() as { count: number }).count;

describe('The shared glossary API', () => {
  it('when a reviewer adds an entry, then it is stored, listed, and the sentence with the term gets a finding with the preferred form', async () => {
    const { reviewer, findingsOf, troops, kremlin } = await setup();
    expect(await findingsOf(troops.id)).toEqual([]);
    const created = await reviewer.post('/api/glossary').send(ENTRY).expect(201);
    expect(created.headers.location).toBe(`/api/glossary/${created.body.id}`);
    expect(created.body).toMatchObject({
      ...ENTRY,
      articleId: null,
      matchCase: false,
      wholeWord: true,
      version: 1,
      createdBy: 'Rita Reviewer',
    });
    expect(created.body.rechecked).toBe(1);
    expect((await reviewer.get('/api/glossary').expect(200)).body.entries).toEqual([expect.objectContaining(ENTRY)]);
    expect(await findingsOf(troops.id)).toEqual([
      expect.objectContaining({ check: 'glossary-term', fix: 'reassurance force', message: expect.stringContaining('reassurance force') }),
    ]);
    expect(await findingsOf(kremlin.id)).toEqual([]);
  });

  it('when an editor writes to the shared glossary, then 403 and nothing is stored', async () => {
    const { editor, db } = await setup();
    const refused = await editor.post('/api/glossary').send(ENTRY).expect(403);
    expect(refused.body.error.message).toContain('reviewer');
    expect(entryCount(db)).toBe(0);
  });

  it('when the preferred form changes and then the entry is deleted, then the finding follows and then goes', async () => {
    const { reviewer, findingsOf, troops } = await setup();
    const { body: entry } = await reviewer.post('/api/glossary').send(ENTRY).expect(201);
    const patched = await reviewer.patch(`/api/glossary/${entry.id}`).send({ preferred: 'reassurance contingent', version: 1 }).expect(200);
    expect(patched.body).toMatchObject({ preferred: 'reassurance contingent', version: 2 });
    expect((await findingsOf(troops.id))[0]).toMatchObject({ fix: 'reassurance contingent' });
    const stale = await reviewer.delete(`/api/glossary/${entry.id}?version=1`).expect(409);
    expect(stale.body.error.code).toBe('stale_version');
    await reviewer.delete(`/api/glossary/${entry.id}?version=2`).expect(200);
    expect(await findingsOf(troops.id)).toEqual([]);
    await reviewer.get(`/api/glossary/${entry.id}`).expect(404);
  });

  it('when an entry is invalid, a duplicate, stale or unknown, then 422, 409 or 404 and nothing changes', async () => {
    const { reviewer, db } = await setup();
    expect((await reviewer.post('/api/glossary').send({ term: '  ', preferred: 'x' }).expect(422)).body.error.message).toContain(
      'term is required',
    );
    await reviewer.post('/api/glossary').send({ term: '---', preferred: 'dash' }).expect(422);
    await reviewer
      .post('/api/glossary')
      .send({ ...ENTRY, colour: 'red' })
      .expect(422);
    const { body: entry } = await reviewer.post('/api/glossary').send(ENTRY).expect(201);
    expect((await reviewer.post('/api/glossary').send({ term: 'Comfort  Force', preferred: 'other' }).expect(409)).body.error.code).toBe(
      'duplicate_term',
    );
    await reviewer.patch(`/api/glossary/${entry.id}`).send({ preferred: 'other', version: 7 }).expect(409);
    await reviewer.patch('/api/glossary/999').send({ preferred: 'other', version: 1 }).expect(404);
    await reviewer.get('/api/articles/999/glossary').expect(404);
    expect(entryCount(db)).toBe(1);
    expect((await reviewer.get(`/api/glossary/${entry.id}`).expect(200)).body).toMatchObject({ preferred: ENTRY.preferred, version: 1 });
  });
});

describe("An article's glossary", () => {
  it('when an editor adds to an article glossary, then it applies to that article only', async () => {
    const testApp = createTestApp();
    const first = await importViaApi(testApp, TEXT, 'First');
    const second = await importViaApi(testApp, TEXT, 'Second');
    const editor = await testApp.api('editor');
    const created = await editor.post(`/api/articles/${first.id}/glossary`).send(ENTRY).expect(201);
    expect(created.body).toMatchObject({ articleId: first.id, rechecked: 1 });
    const checks = async (segmentId: number) =>
      ((await editor.get(`/api/segments/${segmentId}`).expect(200)).body.findings as FindingJson[]).map((finding) => finding.check);
    expect(await checks(first.segments[0]!.id)).toEqual(['glossary-term']);
    expect(await checks(second.segments[0]!.id)).toEqual([]);
    expect((await editor.get(`/api/articles/${second.id}/glossary`).expect(200)).body.entries).toEqual([]);
  });
});

describe('Glossary import and export', () => {
  it('when a glossary is exported as CSV and TBX and imported into another article, then the entries come back the same', async () => {
    const testApp = await setup();
    const { reviewer, editor } = testApp;
    await reviewer.post('/api/glossary').send(ENTRY).expect(201);
    await reviewer.post('/api/glossary').send({ term: 'Kremlin', preferred: 'Kremlin', matchCase: true, wholeWord: true }).expect(201);
    const shared = (await reviewer.get('/api/glossary').expect(200)).body.entries;
    const fields = (entries: Record<string, unknown>[]) =>
      entries.map(({ term, preferred, note, matchCase, wholeWord }) => ({ term, preferred, note, matchCase, wholeWord }));
    for (const format of ['csv', 'tbx'] as const) {
      const file = await reviewer.get(`/api/glossary?format=${format}`).buffer(true).expect(200);
      expect(file.headers['content-disposition']).toContain(`glossary-shared.${format}`);
      // Each format into an article of its own, so that every entry is added from the file.
      const article = await importViaApi(testApp, TEXT, `Into ${format}`);
      const imported = await editor
        .post(`/api/articles/${article.id}/glossary/import`)
        .attach('file', Buffer.isBuffer(file.body) ? file.body : Buffer.from(file.text), `glossary.${format}`)
        .expect(200);
      expect(imported.body).toMatchObject({ added: 2, updated: 0, unchanged: 0, otherLanguage: 0, rechecked: 2 });
      expect(fields((await editor.get(`/api/articles/${article.id}/glossary`).expect(200)).body.entries)).toEqual(fields(shared));
    }
  });

  it('when an import holds a bad row or hostile XML, then nothing is imported and the message says why', async () => {
    const { reviewer, db } = await setup();
    const badRow = 'term,preferred,match_case\ncomfort force,reassurance force,no\nother,thing,perhaps\n';
    const refused = await reviewer.post('/api/glossary/import').attach('file', Buffer.from(badRow), 'glossary.csv').expect(422);
    expect(refused.body.error.message).toContain('perhaps');
    const hostile =
      '<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY lol "lol">]><tbx type="TBX-Basic" xml:lang="en"><text><body></body></text></tbx>';
    const xml = await reviewer.post('/api/glossary/import').attach('file', Buffer.from(hostile), 'glossary.tbx').expect(422);
    expect(xml.body.error.code).toBe('dtd_not_allowed');
    await reviewer.post('/api/glossary/import').expect(422);
    expect(entryCount(db)).toBe(0);
  });

  it('when the CLI imports a file into an article and exports it as TBX, then the entries and the findings are there', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'redline-glossary-'));
    const env = { ...process.env, REDLINE_DB: path.join(directory, 'cli.sqlite') };
    const run = (args: string[]) => runCliInProcess(args, env);
    const articleFile = path.join(directory, 'article.txt');
    fs.writeFileSync(articleFile, TEXT);
    const id = (await run(['import', articleFile])).stdout.trim();
    const csv = path.join(directory, 'terms.csv');
    fs.writeFileSync(csv, 'term,preferred,note\ncomfort force,reassurance force,Agreed with the client\n');
    const imported = await run(['glossary', 'import', csv, '--article', id]);
    expect(imported).toMatchObject({ status: 0, stderr: '' });
    expect(imported.stdout).toBe('1 added, 0 updated, 0 unchanged; 1 sentences re-checked.\n');
    const tbx = await run(['glossary', 'export', '--article', id, '--format', 'tbx']);
    expect(tbx.status).toBe(0);
    expect(tbx.stdout).toContain('comfort force');
    expect(tbx.stdout).toContain('reassurance force');
    const shared = await run(['glossary', 'export']);
    expect(shared.stdout.trim()).toBe('term,preferred,note,match_case,whole_word');
    expect((await run(['glossary', 'import'])).status).toBe(2);
    expect((await run(['glossary', 'export', '--format', 'pdf'])).status).toBe(2);
  });
});

describe('The glossary page', () => {
  it('when a reviewer adds an entry with the form, then the page lists it and the review row shows the finding and the term', async () => {
    const { browser: signIn, article } = await setup();
    const browser = await signIn('reviewer');
    const page = (await browser.get('/glossary').expect(200)).text;
    const added = await browser
      .post('/glossary')
      .type('form')
      .send({ _csrf: csrfFrom(page), ...ENTRY, wholeWord: 'on' })
      .expect(303);
    expect(added.headers.location).toBe('/glossary');
    const listed = (await browser.get('/glossary').expect(200)).text;
    expect(listed).toContain('Added “comfort force” → “reassurance force”; 1 sentence re-checked.');
    expect(listed).toContain('<td>reassurance force</td>');
    const review = (await browser.get(`/articles/${article.id}`).expect(200)).text;
    expect(review).toContain('Glossary: write &#34;reassurance force&#34; instead of &#34;comfort force&#34;.');
    expect(review).toContain('<span class="term-pair">comfort force → reassurance force</span>');
  });

  it('when an editor opens the shared glossary, then it is read-only; an empty term in an article form shows the reason', async () => {
    const { browser: signIn, article, db } = await setup();
    const browser = await signIn('editor');
    const page = (await browser.get('/glossary').expect(200)).text;
    expect(page).toContain('kept by reviewers and admins');
    expect(page).not.toContain('<h2>Add an entry</h2>');
    await browser
      .post('/glossary')
      .type('form')
      .send({ _csrf: csrfFrom(page), ...ENTRY })
      .expect(403);
    const articlePage = (await browser.get(`/articles/${article.id}/glossary`).expect(200)).text;
    const refused = await browser
      .post(`/articles/${article.id}/glossary`)
      .type('form')
      .send({ _csrf: csrfFrom(articlePage), term: '', preferred: 'x' })
      .expect(422);
    expect(refused.text).toContain('term is required');
    expect(entryCount(db)).toBe(0);
  });
});
