/**
 * What other tools' XLIFF files carry that an edit must not lose, and files that give nothing to
 * review. The files are written here, small, each with the one construct under test.
 */
import { describe, expect, it } from 'vitest';
import { createTestApp, type Agent } from '../../helpers/app';
import { countRows } from './helpers';

interface SegmentJson {
  id: number;
  source: string | null;
  mt: string;
  text: string;
  version: number;
}

const XLIFF12 = (units: string, fileAttributes = '') =>
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n' +
  ` <file original="ui.properties" source-language="en" target-language="fr" datatype="plaintext"${fileAttributes}><body>\n${units}\n </body></file>\n</xliff>\n`;
const XLIFF2 = (units: string, namespace = '2.0', version = '2.0') =>
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  `<xliff xmlns="urn:oasis:names:tc:xliff:document:${namespace}" version="${version}" srcLang="en" trgLang="fr">\n` +
  ` <file id="f1">\n${units}\n </file>\n</xliff>\n`;

async function importXliff(client: Agent, xliff: string): Promise<{ id: number; segments: SegmentJson[] }> {
  const created = await client.post('/api/articles').attach('file', Buffer.from(xliff), 'ui.xlf').expect(201);
  const read = await client.get(`/api/articles/${created.body.id}`).expect(200);
  return { id: created.body.id as number, segments: read.body.segments as SegmentJson[] };
}

async function exported(client: Agent, id: number): Promise<string> {
  return (await client.get(`/api/articles/${id}/export?format=xliff`).expect(200)).text;
}

/** Imports, applies `change` to the first segment (replace one word, or another PATCH body), exports. */
async function editedExport(xliff: string, change: (segment: SegmentJson) => Record<string, unknown>): Promise<string> {
  const testApp = createTestApp();
  const client = await testApp.api('admin');
  const { id, segments } = await importXliff(client, xliff);
  const first = segments[0]!;
  await client
    .patch(`/api/segments/${first.id}`)
    .send({ version: first.version, ...change(first) })
    .expect(200);
  return exported(client, id);
}

const replacing = (from: string, to: string) => (segment: SegmentJson) => ({ text: segment.text.replace(from, to) });

describe('XLIFF files of other tools: what an edit keeps', () => {
  it('when a 2.2 file (its own namespace) is edited, then it is read as 2.x and exported in its namespace', async () => {
    const file = XLIFF2(
      '  <unit id="u1"><segment id="s1"><source>Hello world.</source><target>Bonjour le monde.</target></segment></unit>',
      '2.2',
      '2.2',
    );
    const output = await editedExport(file, replacing('Bonjour', 'Salut'));
    expect(output).toContain('xmlns="urn:oasis:names:tc:xliff:document:2.2" version="2.2"');
    expect(output).toContain('<segment id="s1" state="translated"><source>Hello world.</source><target>Salut le monde.</target>');
  });

  it('when a target under xml:space="preserve" ends in white space, then an edit keeps it (1.2 and 2.0)', async () => {
    const file12 = XLIFF12('  <trans-unit id="name" xml:space="preserve"><source>Name: </source><target>  Nom : </target></trans-unit>');
    expect(await editedExport(file12, replacing('Nom', 'Intitulé'))).toContain('<target state="translated">  Intitulé : </target>');
    const file20 = XLIFF2(
      '  <unit id="u1"><segment id="s1"><source>Name: </source><target xml:space="preserve">Nom : </target></segment></unit>',
    );
    expect(await editedExport(file20, () => ({ text: 'Intitulé :' }))).toContain('<target xml:space="preserve">Intitulé : </target>');
  });

  it('when a target under xml:space="preserve" breaks its lines with CR LF, then an edit keeps them (&#13;)', async () => {
    const file = XLIFF12(
      '  <trans-unit id="menu" xml:space="preserve"><source>Line one&#13;\nLine two</source><target>Ligne une&#13;\nLigne deux</target></trans-unit>',
    );
    expect(await editedExport(file, replacing('Ligne deux', 'Ligne 2'))).toContain(
      '<target state="translated">Ligne une&#13;\nLigne 2</target>',
    );
  });

  it('when a target starts with an ideographic space or ends in a no-break space, then an edit keeps them: they are text', async () => {
    const indented = XLIFF12('  <trans-unit id="p"><source>Paragraph</source><target>\u3000Paragraphe</target></trans-unit>');
    expect(await editedExport(indented, replacing('Paragraphe', 'Alinéa'))).toContain('<target state="translated">\u3000Alinéa</target>');
    const spaced = XLIFF12('  <trans-unit id="q"><source>Quote:</source><target>Citation\u00a0</target></trans-unit>');
    expect(await editedExport(spaced, replacing('Citation', 'Extrait'))).toContain('<target state="translated">Extrait\u00a0</target>');
  });

  it('when the target writes a code other than the source (a localized link), then an edit keeps the target’s', async () => {
    const file12 = XLIFF12(
      '  <trans-unit id="help"><source>Read <ph id="1">&lt;a href="en/help.html"&gt;</ph>the help<ph id="2">&lt;/a&gt;</ph>.</source>' +
        '<target>Lisez <ph id="1">&lt;a href="fr/aide.html"&gt;</ph>l’aide<ph id="2">&lt;/a&gt;</ph>.</target></trans-unit>',
    );
    const output12 = await editedExport(file12, replacing('Lisez', 'Consultez'));
    expect(output12).toContain('Consultez <ph id="1">&lt;a href="fr/aide.html"&gt;</ph>l’aide<ph id="2">&lt;/a&gt;</ph>.</target>');
    const file20 = XLIFF2(
      '  <unit id="u1"><segment id="s1">' +
        '<source>A <mrk id="m1" type="comment" value="EN: check">term</mrk>.</source>' +
        '<target>Un <mrk id="m1" type="comment" value="FR : vérifier">terme</mrk>.</target></segment></unit>',
    );
    const output20 = await editedExport(file20, replacing('Un', 'Le'));
    expect(output20).toContain('<target>Le <mrk id="m1" type="comment" value="FR : vérifier">terme</mrk>.</target>');
  });

  it('when a segment the file has as final is approved, then it stays final (1.2 and 2.0)', async () => {
    const file12 = XLIFF12('  <trans-unit id="a"><source>Yes</source><target state="final">Oui</target></trans-unit>');
    const output12 = await editedExport(file12, () => ({ status: 'approved' }));
    expect(output12).toContain('<trans-unit id="a" approved="yes"><source>Yes</source><target state="final">Oui</target>');
    const file20 = XLIFF2('  <unit id="u1"><segment id="s1" state="final"><source>Yes</source><target>Oui</target></segment></unit>');
    expect(await editedExport(file20, () => ({ status: 'approved' }))).toContain('<segment id="s1" state="final">');
  });

  it('when segments of a Trados file (SDLXLIFF) are reviewed, then their sdl:seg conf says so, as Trados reads it', async () => {
    const unit = (id: number, source: string, target: string) =>
      `  <trans-unit id="t${id}"><source>${source}</source><seg-source><mrk mtype="seg" mid="${id}">${source}</mrk></seg-source>` +
      `<target><mrk mtype="seg" mid="${id}">${target}</mrk></target>` +
      `<sdl:seg-defs><sdl:seg id="${id}" conf="Draft" origin="mt"/></sdl:seg-defs></trans-unit>`;
    const file = XLIFF12(
      [unit(1, 'One.', 'Un.'), unit(2, 'Two.', 'Deux.'), unit(3, 'Three.', 'Trois.'), unit(4, 'Four.', 'Quatre.')].join('\n'),
    ).replace('<xliff ', '<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" ');
    const testApp = createTestApp();
    const client = await testApp.api('admin');
    const { id, segments } = await importXliff(client, file);
    const [one, two, three] = segments;
    await client.patch(`/api/segments/${one!.id}`).send({ version: one!.version, text: 'Une.' }).expect(200);
    await client.patch(`/api/segments/${two!.id}`).send({ version: two!.version, status: 'approved' }).expect(200);
    await client.patch(`/api/segments/${three!.id}`).send({ version: three!.version, status: 'rejected', note: 'Wrong' }).expect(200);
    const output = await exported(client, id);
    expect([...output.matchAll(/<sdl:seg id="(\d)" conf="(\w+)"/g)].map((match) => `${match[1]}:${match[2]}`)).toEqual([
      '1:Translated',
      '2:ApprovedTranslation',
      '3:RejectedTranslation',
      '4:Draft',
    ]);
  });

  it('when a unit without target is approved, then 422: a translation is missing; translated first, it may be', async () => {
    const testApp = createTestApp();
    const client = await testApp.api('admin');
    const { id, segments } = await importXliff(client, XLIFF12('  <trans-unit id="a"><source>Yes</source></trans-unit>'));
    const [unit] = segments;
    const refused = await client.patch(`/api/segments/${unit!.id}`).send({ status: 'approved', version: unit!.version }).expect(422);
    expect(refused.body.error).toEqual({
      code: 'empty_translation',
      message: 'This sentence has a source but no translation yet: translate it before approving it.',
    });
    await client.patch(`/api/segments/${unit!.id}`).send({ status: 'approved', text: 'Oui', version: unit!.version }).expect(200);
    expect(await exported(client, id)).toContain('<target state="signed-off">Oui</target>');
  });

  it('when a sentence of a plain article is emptied, then the emptied sentence may still be approved (it is dropped)', async () => {
    const testApp = createTestApp();
    const client = await testApp.api('admin');
    const created = await client.post('/api/articles').send({ text: 'Keep this. Drop this one.' }).expect(201);
    const [, second] = (await client.get(`/api/articles/${created.body.id}`).expect(200)).body.segments as SegmentJson[];
    await client.patch(`/api/segments/${second!.id}`).send({ text: '', status: 'approved', version: second!.version }).expect(200);
  });
});

describe('XLIFF files that give nothing to review', () => {
  it.each([
    [
      'every unit is translate="no"',
      XLIFF2(
        '  <unit id="u1" translate="no"><segment><source>Logo</source></segment></unit>\n' +
          '  <unit id="u2" translate="no"><segment><source>Brand</source></segment></unit>',
      ),
      'All 2 units of the XLIFF file are marked translate="no", so there is nothing to review. Nothing was saved.',
    ],
    [
      'the file has no unit',
      XLIFF12(''),
      'The XLIFF file has no unit with a source text, so there is nothing to review. Nothing was saved.',
    ],
  ])('when %s, then 422 says so and nothing is stored', async (_case, file, message) => {
    const testApp = createTestApp();
    const client = await testApp.api('admin');
    const refused = await client.post('/api/articles').attach('file', Buffer.from(file), 'ui.xlf').expect(422);
    expect(refused.body.error).toEqual({ code: 'empty_text', message });
    expect(countRows(testApp.db, 'articles')).toBe(0);
  });

  it('when one unit is longer than the segment limit, then the message says the file’s segmentation is kept', async () => {
    const testApp = createTestApp({ limits: { maxSegmentChars: 50 } });
    const client = await testApp.api('admin');
    const long = 'A long unit that no sentence break can split here. '.repeat(2);
    const file = XLIFF12(`  <trans-unit id="a"><source>Short.</source><target>${long}</target></trans-unit>`);
    const refused = await client.post('/api/articles').attach('file', Buffer.from(file), 'ui.xlf').expect(422);
    expect(refused.body.error.code).toBe('segment_too_long');
    expect(refused.body.error.message).toContain('split it in the tool that wrote the file, or raise the limit');
  });
});
