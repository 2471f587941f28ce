import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../helpers/app';
import { countRows, readReal } from './helpers';

interface SegmentJson {
  id: number;
  source: string | null;
  sourceScope?: string;
  mt: string;
  text: string;
  status: string;
  codes?: { marker: string; label: string }[];
}

/** An XLIFF 2.0 file of `units` units on a line each, after three lines of header; `target(unit)` is each unit's MT. */
function manyUnits(units: number, target: (unit: number) => string): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="en">',
    '<file id="f1">',
  ];
  for (let unit = 1; unit <= units; unit++) {
    lines.push(`<unit id="u${unit}"><segment><source>Phrase ${unit}.</source><target>${target(unit)}</target></segment></unit>`);
  }
  lines.push('</file>', '</xliff>', '');
  return lines.join('\n');
}

describe('Bilingual import through the API', () => {
  it('when an XLIFF 1.2 file is uploaded, then its units become segments with source, MT, codes and the file is kept', async () => {
    const testApp = createTestApp();
    const client = await testApp.api('admin');
    const created = await client
      .post('/api/articles')
      .attach('file', readReal('okapi-TS09-12-Test01.xlf'), 'TS09-12-Test01.xlf')
      .expect(201);
    expect(created.body).toMatchObject({ format: 'xliff', sourceLanguage: 'en', targetLanguage: 'de', title: 'TS09 12 Test01' });
    const read = await client.get(`/api/articles/${created.body.id}`).expect(200);
    const segments = read.body.segments as SegmentJson[];
    expect(segments).toHaveLength(created.body.segmentCount);
    expect(segments.every((segment) => typeof segment.source === 'string' && segment.source.trim() !== '')).toBe(true);
    expect(segments.every((segment) => segment.status === 'new' && segment.text === segment.mt)).toBe(true);
    const withCodes = segments.filter((segment) => segment.codes && segment.codes.length > 0);
    expect(withCodes.length).toBeGreaterThan(0);
    for (const segment of withCodes) for (const code of segment.codes!) expect(segment.source + segment.mt).toContain(code.marker);
    const document = testApp.db
      .prepare('SELECT kind, file_name AS fileName FROM article_documents WHERE article_id = ?')
      .get(created.body.id);
    expect(document).toEqual({ kind: 'xliff-1.2', fileName: 'TS09-12-Test01.xlf' });
  });

  it('when an XLIFF unit has no target, then it is imported with an empty MT and status new', async () => {
    const testApp = createTestApp();
    const client = await testApp.api('admin');
    const created = await client
      .post('/api/articles')
      .attach('file', readReal('matecat-nested-group-missing-target.xliff'), 'missing.xliff')
      .expect(201);
    const segments = (await client.get(`/api/articles/${created.body.id}`).expect(200)).body.segments as SegmentJson[];
    const empty = segments.filter((segment) => segment.mt === '');
    expect(empty.length).toBeGreaterThan(0);
    expect(empty.every((segment) => segment.status === 'new' && segment.text === '' && segment.source)).toBe(true);
  });

  it.each(['okapi-TestDocument01.odt.xlf', 'matecat-with-segment-state.xliff'])(
    'when the broken file %s is uploaded, then 422 with the reader message and nothing is stored',
    async (name) => {
      const testApp = createTestApp();
      const client = await testApp.api('admin');
      const response = await client.post('/api/articles').attach('file', readReal(name), name).expect(422);
      expect(response.body.error.message).toMatch(/UTF-8|namespace prefix/);
      expect(response.body.error.message).toMatch(/line \d+, column \d+/);
      expect(countRows(testApp.db, 'articles')).toBe(0);
      expect(countRows(testApp.db, 'segments')).toBe(0);
    },
  );

  it('when a big UTF-8 XLIFF is read chunk by chunk, then characters cut between chunks arrive whole and the file is kept as it was', async () => {
    const testApp = createTestApp();
    const client = await testApp.api('admin');
    // 2-, 3- and 4-byte characters, so that the 16 KB steps of the reader cut through some of them.
    const xliff = manyUnits(600, (unit) => `Café € 😀 ${unit}`);
    const created = await client.post('/api/articles').attach('file', Buffer.from(xliff, 'utf8'), 'many.xlf').expect(201);
    const segments = (await client.get(`/api/articles/${created.body.id}?limit=1000`).expect(200)).body.segments as SegmentJson[];
    expect(segments.map((segment) => segment.mt)).toEqual(Array.from({ length: 600 }, (_, index) => `Café € 😀 ${index + 1}`));
    const document = testApp.db.prepare('SELECT content FROM article_document_texts WHERE article_id = ?').get(created.body.id);
    expect(document).toEqual({ content: xliff });
  });

  it('when a byte that is not UTF-8 comes late in a big XLIFF, after steps were written, then 422 names its line and nothing is stored', async () => {
    const testApp = createTestApp();
    const client = await testApp.api('admin');
    const xliff = Buffer.from(
      manyUnits(3_000, (unit) => `Sentence ${unit}.`),
      'utf8',
    );
    // The line of unit 2,500 (one unit per line, after the three lines of the header): a lone Latin-1 "é".
    const line = 2_500 + 3;
    const at = xliff.indexOf('Sentence 2500.');
    const broken = Buffer.concat([xliff.subarray(0, at), Buffer.from([0xe9]), xliff.subarray(at)]);
    const response = await client.post('/api/articles').attach('file', broken, 'late.xlf').expect(422);
    expect(response.body.error.code).toBe('invalid_encoding');
    expect(response.body.error.message).toMatch(new RegExp(`not valid UTF-8: the byte 0xE9 .*line ${line}, column \\d+`));
    for (const table of ['articles', 'segments', 'revisions', 'article_documents', 'article_document_texts']) {
      expect(countRows(testApp.db, table)).toBe(0);
    }
  });

  it('when the XML has a DTD with entities, then 422 and nothing is parsed or stored', async () => {
    const testApp = createTestApp();
    const client = await testApp.api('admin');
    const hostile = [
      '<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY x SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>',
      '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="fr" datatype="plaintext" original="x">',
      '<body><trans-unit id="1"><source>&x; &b;</source></trans-unit></body></file></xliff>',
    ].join('\n');
    const response = await client.post('/api/articles').send({ format: 'xliff', text: hostile }).expect(422);
    expect(response.body.error.code).toBe('dtd_not_allowed');
    expect(response.body.error.message).not.toMatch(/root:/);
    expect(countRows(testApp.db, 'articles')).toBe(0);
  });

  it('when a TSV with a header is posted as JSON, then each row is a segment with its source, languages from the request', async () => {
    const testApp = createTestApp();
    const client = await testApp.api('admin');
    const text =
      'id\tsource\tmt\n1\tLe couple prévoit une force de réassurance.\tThe couple provides for a comfort force.\n2\tC’est tout.\tThat is all.\n';
    const created = await client
      .post('/api/articles')
      .send({ format: 'tsv', text, sourceLanguage: 'fr', targetLanguage: 'en-gb' })
      .expect(201);
    expect(created.body).toMatchObject({ format: 'tsv', sourceLanguage: 'fr', targetLanguage: 'en-GB', segmentCount: 2 });
    const segments = (await client.get(`/api/articles/${created.body.id}`).expect(200)).body.segments as SegmentJson[];
    expect(segments.map((segment) => [segment.source, segment.mt, segment.sourceScope])).toEqual([
      ['Le couple prévoit une force de réassurance.', 'The couple provides for a comfort force.', 'segment'],
      ['C’est tout.', 'That is all.', 'segment'],
    ]);
    expect(segments[0]!.codes).toBeUndefined();
  });

  it('when a CSV names the languages in its header, then they become the article languages', async () => {
    const testApp = createTestApp();
    const client = await testApp.api('admin');
    const csv = 'Source (de-ch),Target (en)\n"Grüezi, mitenand.","Hello, everyone."\n';
    const created = await client.post('/api/articles').attach('file', Buffer.from(csv), 'greetings.csv').expect(201);
    expect(created.body).toMatchObject({ format: 'csv', sourceLanguage: 'de-CH', targetLanguage: 'en', title: 'Greetings' });
  });

  it('when two text files have paragraphs with equal and unequal sentence counts, then aligned ones pair 1:1 and the others show the whole paragraph', async () => {
    const testApp = createTestApp();
    const client = await testApp.api('admin');
    const source = 'M. Dupont est arrivé. Il a parlé.\n\nLa réunion a duré deux heures et s’est terminée tard.\n';
    const mt = 'Mr. Dupont arrived. He spoke.\n\nThe meeting lasted two hours. It ended late.\n';
    const created = await client
      .post('/api/articles')
      .field('sourceLanguage', 'fr')
      .attach('file', Buffer.from(mt), 'talks.txt')
      .attach('sourceFile', Buffer.from(source), 'talks.fr.txt')
      .expect(201);
    expect(created.body).toMatchObject({ format: 'text-pair', sourceLanguage: 'fr', targetLanguage: 'en', unalignedParagraphs: 1 });
    const segments = (await client.get(`/api/articles/${created.body.id}`).expect(200)).body.segments as SegmentJson[];
    expect(segments.map((segment) => [segment.source, segment.sourceScope])).toEqual([
      ['M. Dupont est arrivé.', 'segment'],
      ['Il a parlé.', 'segment'],
      ['La réunion a duré deux heures et s’est terminée tard.', 'paragraph'],
      ['La réunion a duré deux heures et s’est terminée tard.', 'paragraph'],
    ]);
  });

  it('when the two files have different paragraph counts, then 422 says so and nothing is stored', async () => {
    const testApp = createTestApp();
    const client = await testApp.api('admin');
    const response = await client
      .post('/api/articles')
      .attach('file', Buffer.from('One.\n\nTwo.\n'), 'mt.txt')
      .attach('sourceFile', Buffer.from('Un. Deux.\n'), 'source.txt')
      .expect(422);
    expect(response.body.error.code).toBe('paragraph_mismatch');
    expect(countRows(testApp.db, 'articles')).toBe(0);
  });

  it.each(['english', 'xx', 'de-XX', 'en US', '12'])(
    'when the language "%s" is given, then 422 names the field and nothing is stored',
    async (tag) => {
      const testApp = createTestApp();
      const client = await testApp.api('admin');
      const response = await client
        .post('/api/articles')
        .send({ format: 'tsv', text: 'source\tmt\na\tb\n', sourceLanguage: tag })
        .expect(422);
      expect(response.body.error.code).toBe('invalid_language');
      expect(response.body.error.message).toContain(`sourceLanguage "${tag}"`);
      expect(countRows(testApp.db, 'articles')).toBe(0);
    },
  );

  it('when a file of an unknown type is uploaded, then 415 names the accepted types', async () => {
    const testApp = createTestApp();
    const client = await testApp.api('admin');
    const response = await client.post('/api/articles').attach('file', Buffer.from('x'), 'article.docx').expect(415);
    expect(response.body.error.message).toMatch(/\.xlf.*\.tsv.*\.txt/);
  });

  it('when a plain-text article is read, then its segments carry source null and no codes', async () => {
    const testApp = createTestApp();
    const client = await testApp.api('admin');
    const created = await client.post('/api/articles').send({ text: 'One sentence. Two sentences.' }).expect(201);
    expect(created.body).toMatchObject({ format: 'text', sourceLanguage: null, targetLanguage: 'en' });
    const segments = (await client.get(`/api/articles/${created.body.id}`).expect(200)).body.segments as SegmentJson[];
    expect(segments.every((segment) => segment.source === null && segment.codes === undefined && segment.sourceScope === undefined)).toBe(
      true,
    );
  });

  it('when the browser form sends an XLIFF file with its empty optional fields, then the article is imported and shown', async () => {
    const testApp = createTestApp();
    const browser = await testApp.browser('admin');
    const form = await browser.get('/articles/new').expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1]!;
    const response = await browser
      .post('/articles')
      .field('_csrf', csrf)
      .field('title', '')
      .field('text', '')
      .field('sourceLanguage', '')
      .field('targetLanguage', '')
      .attach('file', readReal('okapi-RB-12-Test02.xlf'), 'okapi-RB-12-Test02.xlf')
      .expect(303);
    const page = await browser.get(response.headers.location!).expect(200);
    expect(page.text).toContain('data-testid="segment-source" lang="en"');
    expect(page.text).toContain('data-target-lang="fr"');
    // The form without JavaScript shows the source beside the MT too.
    const segmentId = /data-segment-id="(\d+)"/.exec(page.text)![1]!;
    const edit = await browser.get(`/segments/${segmentId}/edit`).expect(200);
    expect(edit.text).toContain('data-testid="edit-source">Text attribute</dd>');
  });
});
