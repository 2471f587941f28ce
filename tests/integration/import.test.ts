import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { createTestApp, importViaApi, sampleText } from '../helpers/app';

const countRows = (db: ReturnType<typeof createTestApp>['db'], table: string) =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('Import through the API', () => {
  it('when the sample is posted, then it is stored sentence by sentence with one import revision each', async () => {
    const testApp = createTestApp();
    const { db } = testApp;
    const client = await testApp.api('admin');
    const response = await client.post('/api/articles').send({ title: 'Paris talks', text: sampleText }).expect(201);
    expect(response.headers.location).toBe(`/api/articles/${response.body.id}`);
    expect(response.body.title).toBe('Paris talks');
    const read = await client.get(response.headers.location!).expect(200);
    const segments = read.body.segments as {
      mt: string;
      text: string;
      status: string;
      version: number;
      kind: string;
      position: number;
    }[];
    expect(segments.length).toBeGreaterThan(40);
    expect(segments.map((s) => s.position)).toEqual(segments.map((_, i) => i));
    expect(segments.every((s) => s.text === s.mt && s.status === 'new' && s.version === 1)).toBe(true);
    expect(segments[0]).toMatchObject({ kind: 'meta', text: 'date 2025-04-18' });
    expect(segments.some((s) => s.text.includes('“comfort force”'))).toBe(true);
    expect(countRows(db, 'segments')).toBe(segments.length);
    expect(countRows(db, 'revisions')).toBe(segments.length);
  });

  it('when the text is empty or whitespace only, then 422 and nothing is stored', async () => {
    const testApp = createTestApp();
    const { db } = testApp;
    const client = await testApp.api('admin');
    for (const text of ['', '   \n\n\t ']) {
      const response = await client.post('/api/articles').send({ text }).expect(422);
      expect(response.body.error.code).toBe('empty_text');
      expect(response.body.error.message).toMatch(/empty|whitespace/);
    }
    expect(countRows(db, 'articles')).toBe(0);
  });

  it('when the text has NUL bytes or lone surrogates, then 422 and nothing is stored', async () => {
    const testApp = createTestApp();
    const { db } = testApp;
    const client = await testApp.api('admin');
    const nul = await client.post('/api/articles').send({ text: 'A sentence.\u0000 More.' }).expect(422);
    expect(nul.body.error.code).toBe('binary_content');
    const surrogate = await client.post('/api/articles').send({ text: 'Broken \ud800 text.' }).expect(422);
    expect(surrogate.body.error.code).toBe('invalid_encoding');
    expect(countRows(db, 'articles')).toBe(0);
  });

  it('when text is missing or the body is not JSON, then a clear JSON error', async () => {
    const testApp = createTestApp();
    const client = await testApp.api('admin');
    const missing = await client.post('/api/articles').send({ title: 'x' }).expect(422);
    expect(missing.body.error).toMatchObject({ code: 'invalid_input' });
    expect(missing.body.error.message).toMatch(/text/);
    const broken = await client.post('/api/articles').set('Content-Type', 'application/json').send('{"text": ').expect(400);
    expect(broken.body.error.code).toBe('invalid_json');
  });

  it('when the body is over the size limit, then 413 and nothing is stored', async () => {
    const testApp = createTestApp({ maxUploadBytes: 1024 });
    const { db } = testApp;
    const client = await testApp.api('admin');
    const response = await client
      .post('/api/articles')
      .send({ text: 'word '.repeat(1000) })
      .expect(413);
    expect(response.body.error.code).toBe('too_large');
    expect(countRows(db, 'articles')).toBe(0);
  });

  it('when one sentence is 100 KB long and the segment limit allows it, then it is stored whole and the review page still renders', async () => {
    const testApp = createTestApp({ limits: { maxSegmentChars: 200_000 } });
    const client = await testApp.api('admin');
    const long = 'word '.repeat(20_000).trim() + '.';
    const article = await importViaApi(testApp, `Intro sentence here.\n\n${long}`);
    expect(article.segments.map((s) => s.text.length)).toEqual([20, long.length]);
    const page = await client.get(`/articles/${article.id}`).expect(200);
    expect(page.text).toContain('word word word');
  });

  it('when the article contains HTML and script tags, then they are stored verbatim and shown escaped', async () => {
    const testApp = createTestApp();
    const client = await testApp.api('admin');
    const text = 'The <b>bold</b> claim.\n\n<script>alert("x")</script> is text too.';
    const article = await importViaApi(testApp, text);
    expect(article.segments.map((s) => s.text).join(' ')).toContain('<script>alert("x")</script>');
    const page = await client.get(`/articles/${article.id}`).expect(200);
    expect(page.text).not.toContain('<script>alert');
    expect(page.text).toContain('&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('when a segment fails to store midway, then the whole import is rolled back', async () => {
    const testApp = createTestApp();
    const { db } = testApp;
    const client = await testApp.api('admin');
    // A trigger that fails on the third segment stands in for a disk error mid-import.
    db.exec(`CREATE TRIGGER fail_third BEFORE INSERT ON segments WHEN NEW.slot = 2 BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    await client.post('/api/articles').send({ text: 'One. Two. Three. Four.' }).expect(500);
    expect(countRows(db, 'articles')).toBe(0);
    expect(countRows(db, 'segments')).toBe(0);
    expect(countRows(db, 'revisions')).toBe(0);
  });
});

describe('Import in the browser', () => {
  it('when text is pasted, then the browser is sent to the new review page', async () => {
    const testApp = createTestApp();
    const { browser, db } = testApp;
    const agent = await browser('admin');
    const response = await agent.post('/articles').type('form').send({ title: 'Pasted', text: 'First sentence. Second one.' }).expect(303);
    expect(response.headers.location).toMatch(/^\/articles\/\d+$/);
    const row = db.prepare('SELECT title, created_by AS createdBy FROM articles').get();
    expect(row).toEqual({ title: 'Pasted', createdBy: 'Adam Admin' });
    const page = await agent.get(response.headers.location!).expect(200);
    expect(page.text).toContain('Second one.');
  });

  it('when a .md file is uploaded, then its name gives the title and the format is markdown', async () => {
    const testApp = createTestApp();
    const { browser, db } = testApp;
    const agent = await browser('admin');
    await agent.post('/articles').attach('file', Buffer.from('# Heading\n\nA sentence. Another.\n'), 'talks-in-paris.md').expect(303);
    expect(db.prepare('SELECT title, format FROM articles').get()).toEqual({ title: 'Talks in paris', format: 'markdown' });
  });

  it('when the uploaded file is not UTF-8 or has NUL bytes, then the form is shown again with the reason', async () => {
    const testApp = createTestApp();
    const { browser, db } = testApp;
    const agent = await browser('admin');
    const latin1 = await agent
      .post('/articles')
      .attach('file', Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x2e]), 'cafe.txt')
      .expect(422);
    expect(latin1.text).toContain('not valid UTF-8');
    const binary = await agent.post('/articles').attach('file', Buffer.from('abc\u0000def'), 'bin.txt').expect(422);
    expect(binary.text).toContain('NUL bytes');
    const wrongType = await agent.post('/articles').attach('file', Buffer.from('PK'), 'doc.docx').expect(415);
    expect(wrongType.text).toContain('.txt');
    expect((db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n).toBe(0);
  });

  it('when the upload is over the limit, then an error page names the limit', async () => {
    const testApp = createTestApp({ maxUploadBytes: 2048 });
    const { browser } = testApp;
    const agent = await browser('admin');
    const response = await agent
      .post('/articles')
      .attach('file', Buffer.from('a'.repeat(5000)), 'big.txt')
      .expect(413);
    expect(response.text).toContain('larger than the limit');
    expect(response.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('when pasted text is empty, then the form keeps the title and shows the message', async () => {
    const testApp = createTestApp();
    const { browser } = testApp;
    const agent = await browser('admin');
    const response = await agent.post('/articles').type('form').send({ title: 'Kept title', text: '  ' }).expect(422);
    expect(response.text).toContain('only whitespace');
    expect(response.text).toContain('value="Kept title"');
  });

  it('when an editor or an anonymous visitor posts an import, then it is refused and nothing is stored', async () => {
    const testApp = createTestApp();
    const editor = await testApp.browser('editor');
    const refused = await editor.post('/articles').type('form').send({ text: 'A sentence.' }).expect(403);
    expect(refused.text).toContain('needs the admin role');
    const anonymous = await request(testApp.app).post('/articles').type('form').send({ text: 'A sentence.' }).expect(401);
    expect(anonymous.text).toContain('Sign in again');
    expect((testApp.db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n).toBe(0);
  });
});

describe('Import titles', () => {
  it('when no title or file name is given, then the first heading names the article, not a metadata line', async () => {
    const testApp = createTestApp();
    const client = await testApp.api('admin');
    const response = await client
      .post('/api/articles')
      .send({ text: ' date 2025-04-18 \n\nTalks in Paris\n\nThe talks began. They ended.' })
      .expect(201);
    expect(response.body.title).toBe('Talks in Paris');
  });
});

describe('Deleting an article', () => {
  it('when an admin deletes an article in the browser, then its segments and history are gone and the audit log says so', async () => {
    const testApp = createTestApp();
    const article = await importViaApi(testApp, 'One sentence. Two sentences.', 'Doomed');
    const kept = await importViaApi(testApp, 'Another article.', 'Kept');
    const admin = await testApp.browser('admin');
    const response = await admin.post(`/articles/${article.id}/delete`).type('form').send({}).expect(303);
    expect(response.headers.location).toBe('/');
    const left = (table: string) => testApp.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE article_id = ?`).get(article.id);
    expect([left('segments'), left('revisions')]).toEqual([{ n: 0 }, { n: 0 }]);
    expect(testApp.db.prepare('SELECT id FROM articles').all()).toEqual([{ id: kept.id }]);
    expect(testApp.db.prepare(`SELECT action, target, detail FROM audit_log WHERE action = 'article_deleted'`).all()).toEqual([
      { action: 'article_deleted', target: `${article.id}: Doomed`, detail: '2 segments' },
    ]);
    await admin.get(`/articles/${article.id}`).expect(404);
  });
});
