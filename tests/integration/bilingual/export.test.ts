import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeMarkersIn } from '../../../src/codes/inlineCodes';
import { readXliff } from '../../../src/interchange';
import { createTestApp, type Agent } from '../../helpers/app';
import { readReal, realFiles, schemaDir, xliffSchema, xmllint } from './helpers';

interface SegmentJson {
  id: number;
  source: string | null;
  mt: string;
  text: string;
  status: string;
  version: number;
  codes?: { marker: string; label: string }[];
}

const accepted = realFiles().filter((file) => file.format.startsWith('xliff') && file.expected === 'accept');

/** The response body as bytes, whatever its content type. */
function asBytes(request: ReturnType<Agent['get']>) {
  return request.buffer(true).parse((res, callback) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => callback(null, Buffer.concat(chunks)));
  });
}

async function importFile(client: Agent, name: string): Promise<{ id: number; segments: SegmentJson[] }> {
  const created = await client.post('/api/articles').attach('file', readReal(name), name).expect(201);
  const read = await client.get(`/api/articles/${created.body.id}?limit=5000`).expect(200);
  return { id: created.body.id as number, segments: read.body.segments as SegmentJson[] };
}

describe('XLIFF export through the API', () => {
  it.each(accepted.map((file) => file.name))(
    'when %s is imported and exported unedited, then the export is byte-identical',
    async (name) => {
      const testApp = createTestApp();
      const client = await testApp.api('admin');
      const { id } = await importFile(client, name);
      const exported = await asBytes(client.get(`/api/articles/${id}/export?format=xliff`)).expect(200);
      expect(exported.headers['content-disposition']).toContain(name);
      expect(Buffer.compare(exported.body as Buffer, readReal(name))).toBe(0);
    },
  );

  it.each([
    'okapi-TS09-12-Test01.xlf',
    'okapi-RB-12-Test02.xlf',
    'matecat-pcec.xlf',
    'oasis-withReorderedCodes.xlf',
    'matecat-nested-group-missing-target.xliff',
  ])(
    'when segments of %s are edited, approved and rejected, then the export carries them with mapped states, its encoding and no new schema errors',
    async (name) => {
      const testApp = createTestApp();
      const client = await testApp.api('admin');
      const { id, segments } = await importFile(client, name);
      const version = readXliff(readReal(name)).document.version;
      // First segment: a new text that keeps its codes; second: approved; third: rejected with a reason.
      const [first, second, third] = segments;
      const newText = `Überarbeitet & <geprüft> ${codeMarkersIn(first!.mt || first!.source!).join('')}`;
      await client.patch(`/api/segments/${first!.id}`).send({ text: newText, version: first!.version }).expect(200);
      // A unit without target has nothing to approve until it is translated (see the test of that refusal).
      const translation = second!.text ? {} : { text: 'Geprüft.' };
      await client
        .patch(`/api/segments/${second!.id}`)
        .send({ status: 'approved', version: second!.version, ...translation })
        .expect(200);
      if (third)
        await client
          .patch(`/api/segments/${third.id}`)
          .send({ status: 'rejected', note: 'Wrong term', version: third.version })
          .expect(200);
      const exported = await asBytes(client.get(`/api/articles/${id}/export?format=xliff`)).expect(200);
      const output = exported.body as Buffer;
      const original = readReal(name);
      const before = xmllint(original, xliffSchema(version));
      const after = xmllint(output, xliffSchema(version));
      expect(after.errors.filter((error) => !before.errors.includes(error))).toEqual([]);
      const reread = readXliff(output);
      expect(reread.document.encoding).toBe(readXliff(original).document.encoding);
      expect(reread.segments[0]!.mt).toBe(newText.trim());
      const states = reread.segments.map((segment) => segment.anchor);
      expect(states).toHaveLength(segments.length);
      const text = new TextDecoder(reread.document.encoding).decode(output);
      if (version === '1.2') {
        expect(text).toMatch(/state="translated"/);
        expect(text).toMatch(/state="(signed-off|needs-review-translation)"/);
      } else {
        expect(text).toMatch(/state="translated"/);
        expect(text).toMatch(/state="reviewed"|subState="redline:rejected"/);
      }
    },
  );

  it('when a plain-text article is exported as XLIFF, then it is a monolingual XLIFF 2.0 that validates, with states', async () => {
    const testApp = createTestApp();
    const client = await testApp.api('admin');
    const created = await client
      .post('/api/articles')
      .send({ title: 'Talks & <tariffs>', text: 'The couple provides for a comfort force. It works.\n\nSecond paragraph.' })
      .expect(201);
    const segments = (await client.get(`/api/articles/${created.body.id}`).expect(200)).body.segments as SegmentJson[];
    await client
      .patch(`/api/segments/${segments[0]!.id}`)
      .send({ text: 'The couple provides for a reassurance force.', version: 1 })
      .expect(200);
    await client.patch(`/api/segments/${segments[1]!.id}`).send({ status: 'approved', version: 1 }).expect(200);
    for (const format of ['xliff', 'xliff2']) {
      const exported = await client.get(`/api/articles/${created.body.id}/export?format=${format}`).expect(200);
      expect(exported.headers['content-type']).toMatch(/^application\/xliff\+xml/);
      const xml = exported.text;
      expect(xmllint(xml, xliffSchema('2.0'))).toEqual({ valid: true, errors: [] });
      expect(xml).toContain('srcLang="en" trgLang="en"');
      expect(xml).toContain(
        '<segment id="s1" state="translated"><source>The couple provides for a comfort force.</source><target>The couple provides for a reassurance force.</target>',
      );
      expect(xml).toContain('<segment id="s2" state="reviewed">');
      expect(xml).toContain('<segment id="s3" state="initial">');
    }
  });

  it('when a TSV article is exported as XLIFF, then it is a bilingual XLIFF 2.0 with the sources', async () => {
    const testApp = createTestApp();
    const client = await testApp.api('admin');
    const text = 'source\tmt\nLe couple prévoit une force de réassurance.\tThe couple provides for a comfort force.\n';
    const created = await client.post('/api/articles').send({ format: 'tsv', text, sourceLanguage: 'fr' }).expect(201);
    const xml = (await client.get(`/api/articles/${created.body.id}/export?format=xliff`).expect(200)).text;
    expect(xmllint(xml, xliffSchema('2.0'))).toEqual({ valid: true, errors: [] });
    expect(xml).toContain('srcLang="fr" trgLang="en"');
    expect(xml).toContain(
      '<source>Le couple prévoit une force de réassurance.</source><target>The couple provides for a comfort force.</target>',
    );
  });
});

describe('TMX export', () => {
  it('when an XLIFF article has approved segments, then the TMX holds exactly those pairs and validates against its DTD', async () => {
    const testApp = createTestApp();
    const client = await testApp.api('admin');
    const { id, segments } = await importFile(client, 'okapi-TS09-12-Test01.xlf');
    const withCodes = segments.find((segment) => segment.codes && segment.codes.length > 0 && segment.mt !== '')!;
    const plain = segments.find((segment) => !segment.codes && segment.mt !== '')!;
    await client.patch(`/api/segments/${withCodes.id}`).send({ status: 'approved', version: withCodes.version }).expect(200);
    await client
      .patch(`/api/segments/${plain.id}`)
      .send({ text: `${plain.mt} (korrigiert)`, status: 'approved', version: plain.version })
      .expect(200);
    const tmx = await client.get(`/api/articles/${id}/export?format=tmx`).expect(200);
    expect(tmx.headers['content-type']).toMatch(/tmx/);
    expect(xmllint(tmx.text, ['--dtdvalid', path.join(schemaDir, 'tmx14.dtd')])).toEqual({ valid: true, errors: [] });
    expect(tmx.text.match(/<tu\b/g)).toHaveLength(2);
    expect(tmx.text).toContain('srclang="en"');
    expect(tmx.text).toContain('xml:lang="de"');
    expect(tmx.text).toContain('(korrigiert)</seg>');
  });

  // The kept text comes three ways (src/articles/importFormats.ts keepsInput): a UTF-8 upload's bytes and a JSON
  // body's text are stored as received, while the file is read; a file in another encoding is stored decoded, at the end.
  it.each([
    ['a UTF-8 file with a BOM', 'file', 'utf8'],
    ['a UTF-16LE file', 'file', 'utf16le'],
    ['text in a JSON body', 'text', 'utf8'],
  ] as const)(
    'when the XLIFF comes as %s and one target is corrected, then the export is the original with only that target changed',
    async (_, way, encoding) => {
      const testApp = createTestApp();
      const client = await testApp.api('admin');
      const units = Array.from(
        { length: 300 },
        (_, index) =>
          `<unit id="u${index + 1}"><segment><source>Phrase é ${index + 1}.</source><target>Sentence é ${index + 1}.</target></segment></unit>`,
      );
      const declared = encoding === 'utf16le' ? 'UTF-16' : 'UTF-8';
      const xml = `<?xml version="1.0" encoding="${declared}"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="en"><file id="f">\n${units.join('\n')}\n</file></xliff>\n`;
      const bom = way === 'text' ? [] : encoding === 'utf16le' ? [0xff, 0xfe] : [0xef, 0xbb, 0xbf];
      const original = Buffer.concat([Buffer.from(bom), Buffer.from(xml, encoding)]);
      const created =
        way === 'file'
          ? await client.post('/api/articles').attach('file', original, 'kept.xlf').expect(201)
          : await client.post('/api/articles').send({ format: 'xliff', text: xml }).expect(201);
      const segments = (await client.get(`/api/articles/${created.body.id}?limit=500`).expect(200)).body.segments as SegmentJson[];
      const last = segments.at(-1)!;
      await client.patch(`/api/segments/${last.id}`).send({ text: 'Sentence 300, corrected.', version: last.version }).expect(200);
      const exported = await asBytes(client.get(`/api/articles/${created.body.id}/export?format=xliff`)).expect(200);
      const expected = original
        .toString(encoding)
        .replace('<target>Sentence é 300.</target>', '<target>Sentence 300, corrected.</target>')
        .replace('<segment><source>Phrase é 300.', '<segment state="translated"><source>Phrase é 300.');
      expect((exported.body as Buffer).toString(encoding)).toBe(expected);
    },
  );

  it('when an article has no source, then TMX is refused with 422', async () => {
    const testApp = createTestApp();
    const client = await testApp.api('admin');
    const created = await client.post('/api/articles').send({ text: 'Only MT here.' }).expect(201);
    const response = await client.get(`/api/articles/${created.body.id}/export?format=tmx`).expect(422);
    expect(response.body.error.code).toBe('no_source');
  });
});

describe('Post-editing data', () => {
  it('when segments were edited, then pe-jsonl has one object per segment with source, MT, post-edit, HTER, edits and MQM', async () => {
    const testApp = createTestApp();
    const client = await testApp.api('admin');
    const text =
      'source\tmt\nLe couple prévoit une force de réassurance.\tThe couple provides for a comfort force.\nC’est tout.\tThat is all.\n';
    const created = await client.post('/api/articles').send({ format: 'tsv', text, sourceLanguage: 'fr' }).expect(201);
    const segments = (await client.get(`/api/articles/${created.body.id}`).expect(200)).body.segments as SegmentJson[];
    const edited = segments[0]!;
    await client
      .patch(`/api/segments/${edited.id}`)
      .send({ text: 'The couple provides for a reassurance force.', version: 1, editingSeconds: 12.5 })
      .expect(200);
    await client
      .post(`/api/segments/${edited.id}/annotations`)
      .send({ start: 26, end: 33, category: 'terminology', severity: 'major' })
      .expect(201);
    const response = await client.get(`/api/articles/${created.body.id}/export?format=pe-jsonl`).expect(200);
    const records = response.text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({
      articleId: created.body.id,
      segmentId: edited.id,
      sourceLanguage: 'fr',
      targetLanguage: 'en',
      source: 'Le couple prévoit une force de réassurance.',
      mt: 'The couple provides for a comfort force.',
      pe: 'The couple provides for a reassurance force.',
      status: 'edited',
      hter: 14.29,
      ter: { substitutions: 1, referenceWords: 7 },
      edits: 1,
      editingSeconds: 12.5,
      mqm: [{ category: 'terminology', severity: 'major', spanText: 'comfort' }],
    });
    expect(records[1]).toMatchObject({ status: 'new', hter: 0, edits: 0, editingSeconds: 0, mqm: [] });
  });

  it('when the data of several articles is asked as TSV, then one header and one escaped line per segment follow', async () => {
    const testApp = createTestApp();
    const client = await testApp.api('admin');
    const first = await client.post('/api/articles').send({ text: 'One.\tTabbed. Two.' }).expect(201);
    const second = await client.post('/api/articles').send({ format: 'tsv', text: 'source\tmt\n"a\nb"\tc\n' }).expect(201);
    const response = await client.get(`/api/pe-data?format=tsv&articles=${first.body.id},${second.body.id}`).expect(200);
    const lines = response.text.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'articleId\tsegmentId\tposition\tsourceLanguage\ttargetLanguage\tsource\tmt\tpe\tstatus\thter\tedits\teditingSeconds\tmqmErrors',
    );
    expect(lines).toHaveLength(1 + first.body.segmentCount + 1);
    expect(lines.at(-1)!.split('\t').slice(5, 8)).toEqual(['a\\nb', 'c', 'c']);
    await client.get('/api/pe-data?articles=999').expect(404);
  });
});
