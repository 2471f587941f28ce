import { describe, expect, it } from 'vitest';
import { InterchangeError } from '../../../src/interchange/errors';
import type { ReviewStatus } from '../../../src/interchange/types';
import { readXliff, type XliffImport, type XliffSegment } from '../../../src/interchange/xliffReader';
import { writeXliff, xliffExportChunks, type XliffSegmentUpdate } from '../../../src/interchange/xliffWriter';
import { readReal, xliffSchema, xmllint } from './files';

interface Edit {
  text?: string;
  status?: ReviewStatus;
}

/** Updates for every segment: those named by index get the edit (touched), the others stay untouched. */
function updatesFor(imported: XliffImport, edits: Record<number, Edit>): XliffSegmentUpdate[] {
  return imported.segments.map((segment: XliffSegment, index) => {
    const edit = edits[index];
    return {
      anchor: segment.anchor,
      text: edit?.text ?? segment.mt,
      status: edit?.status ?? 'new',
      touched: edit !== undefined,
      codes: segment.codes,
      mt: segment.mt,
    };
  });
}

function exported(input: string, edits: Record<number, Edit>): string {
  const imported = readXliff(input);
  return writeXliff(input, imported.document, updatesFor(imported, edits));
}

const xliff12 = (body: string) =>
  `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n <file original="a" source-language="de" target-language="en" datatype="plaintext">\n  <body>${body}\n  </body>\n </file>\n</xliff>\n`;
const xliff20 = (units: string, attributes = 'srcLang="de" trgLang="en"') =>
  `<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" ${attributes}>\n <file id="f1">${units}\n </file>\n</xliff>\n`;

describe('writeXliff: XLIFF 1.2', () => {
  it('when a unit without target is edited, then a <target> with its state is added after the source, indented like it', () => {
    const input = xliff12('\n   <trans-unit id="1">\n    <source>Hallo</source>\n    <note>n</note>\n   </trans-unit>');
    expect(exported(input, { 0: { text: 'Hello & bye', status: 'edited' } })).toBe(
      input.replace('<source>Hallo</source>', '<source>Hallo</source>\n    <target state="translated">Hello &amp; bye</target>'),
    );
  });

  it('when a segmented unit has no target, then the new target is segmented like seg-source, an mrk per segment', () => {
    const bytes = readReal('okapi-RB-12-Test02.xlf');
    const imported = readXliff(bytes);
    const first = imported.segments.findIndex((segment) => segment.unitId === '11');
    const output = Buffer.from(
      writeXliff(bytes, imported.document, updatesFor(imported, { [first + 1]: { text: 'Phrase 2.', status: 'approved' } })),
    ).toString('latin1');
    expect(output).toContain(
      "<mrk mid='1' mtype='seg'>Sentence 2.</mrk></seg-source>\r\n<target state=\"translated\"><mrk mid='0' mtype='seg'></mrk>\r\n<mrk mid='1' mtype='seg'>Phrase 2.</mrk></target>",
    );
    expect(xmllint(output, xliffSchema('1.2')).valid).toBe(true);
  });

  it('when SDL XLIFF targets are empty self-closing mrks, then an edited one gets its text and Trados state, and the rest stays', () => {
    const bytes = readReal('okapi-TS09-12-Test01.xlf');
    const imported = readXliff(bytes);
    const index = imported.segments.findIndex((segment) => segment.source === 'Finding a location for your photo printer');
    const output = Buffer.from(
      writeXliff(bytes, imported.document, updatesFor(imported, { [index]: { text: 'Einen Standort finden', status: 'edited' } })),
    ).toString('utf8');
    const written = '<target state="translated"><mrk mtype="seg" mid="2">Einen Standort finden</mrk></target>';
    const conf = '<sdl:seg id="2" conf="Translated" />';
    expect(output).toContain(written);
    expect(output).toContain(conf);
    expect(output.replace(written, '<target><mrk mtype="seg" mid="2" /></target>').replace(conf, '<sdl:seg id="2" />')).toBe(
      bytes.toString('utf8'),
    );
  });

  it('when a target is approved unchanged, then its content keeps its bytes (CDATA too) and only the state changes', () => {
    const bytes = readReal('locize-example_cdata12.xliff');
    const imported = readXliff(bytes);
    const output = Buffer.from(writeXliff(bytes, imported.document, updatesFor(imported, { 1: { status: 'approved' } }))).toString('utf8');
    expect(output).toBe(
      bytes
        .toString('utf8')
        .replace('<trans-unit id="key2">', '<trans-unit id="key2" approved="yes">')
        .replace('<target><![CDATA[Validate & Submit]]></target>', '<target state="signed-off"><![CDATA[Validate & Submit]]></target>'),
    );
  });

  it('when the state changes, then a stale state-qualifier goes and approved="yes" becomes "no"', () => {
    const input = xliff12(
      '<trans-unit id="1" approved="yes"><source>a</source><target state="final" state-qualifier="mt-suggestion">b</target></trans-unit>',
    );
    expect(exported(input, { 0: { text: 'c', status: 'rejected' } })).toContain(
      '<trans-unit id="1" approved="no"><source>a</source><target state="needs-review-translation">c</target></trans-unit>',
    );
  });

  it('when a segment is reset to MT (status new), then its 1.2 target and state stay as imported', () => {
    const input = xliff12('<trans-unit id="1"><source>a</source><target state="needs-review-translation">b</target></trans-unit>');
    expect(exported(input, { 0: { status: 'new' } })).toBe(input);
  });

  it('when one segment of a segmented unit is rejected, then the unit target gets the rejected state and only that mrk changes', () => {
    const input = xliff12(
      '<trans-unit id="1"><source>A. B.</source><seg-source><mrk mtype="seg" mid="1">A.</mrk> <mrk mtype="seg" mid="2">B.</mrk></seg-source>' +
        '<target state="translated"><mrk mtype="seg" mid="1">Ay.</mrk> <mrk mtype="seg" mid="2">Bee.</mrk></target></trans-unit>',
    );
    expect(exported(input, { 0: { status: 'approved' }, 1: { text: 'Be.', status: 'rejected' } })).toBe(
      input.replace('<target state="translated">', '<target state="needs-review-translation">').replace('Bee.', 'Be.'),
    );
  });

  it('when a pretty-printed target is edited, then the new text keeps its leading and trailing layout', () => {
    const input = xliff12('<trans-unit id="1"><source>a</source><target>\n      old text\n    </target></trans-unit>');
    expect(exported(input, { 0: { text: 'new text', status: 'edited' } })).toContain(
      '<target state="translated">\n      new text\n    </target>',
    );
  });

  it('when edited text holds characters XML 1.2 cannot hold, then they are dropped and the rest escaped', () => {
    const input = xliff12('<trans-unit id="1"><source>a</source></trans-unit>');
    expect(exported(input, { 0: { text: 'x\u0007<y>', status: 'edited' } })).toContain('<target state="translated">x&lt;y&gt;</target>');
  });
});

describe('writeXliff: XLIFF 2.0', () => {
  const unit = '\n  <unit id="u1">\n   <segment id="s1"%ATTR%>\n    <source>Eins</source>%TARGET%\n   </segment>\n  </unit>';
  const twoSegments = (attribute: string, target: string) => xliff20(unit.replace('%ATTR%', attribute).replace('%TARGET%', target));

  it.each([
    ['edited', ' state="translated"'],
    ['approved', ' state="reviewed"'],
    ['rejected', ' state="translated" subState="redline:rejected"'],
    ['new', ' state="initial"'],
  ] as const)('when a segment is %s, then the segment says%s', (status, attributes) => {
    const input = twoSegments('', '\n    <target>One</target>');
    expect(exported(input, { 0: { status } })).toBe(input.replace('<segment id="s1">', `<segment id="s1"${attributes}>`));
  });

  it('when a rejected segment is edited again, then the redline subState goes; a foreign one goes when the state changes', () => {
    const rejected = twoSegments(' state="translated" subState="redline:rejected"', '\n    <target>One</target>');
    expect(exported(rejected, { 0: { status: 'edited' } })).toContain('<segment id="s1" state="translated">');
    const foreign = twoSegments(' state="translated" subState="my:checked"', '\n    <target>One</target>');
    expect(exported(foreign, { 0: { status: 'edited' } })).toContain('<segment id="s1" state="translated" subState="my:checked">');
    expect(exported(foreign, { 0: { status: 'approved' } })).toContain('<segment id="s1" state="reviewed">');
  });

  it('when a segment without target is edited, then a target is added after the source', () => {
    const input = twoSegments('', '');
    const output = exported(input, { 0: { text: 'One', status: 'edited' } });
    expect(output).toContain('<source>Eins</source>\n    <target>One</target>');
    expect(xmllint(output, xliffSchema('2.0')).valid).toBe(true);
  });

  it('when the file has no trgLang and a target is added, then trgLang is set from the document or the option', () => {
    const input = xliff20(unit.replace('%ATTR%', '').replace('%TARGET%', ''), 'srcLang="de"');
    const imported = readXliff(input);
    const output = writeXliff(input, imported.document, updatesFor(imported, { 0: { text: 'One', status: 'edited' } }), {
      targetLanguage: 'en-GB',
    });
    expect(output).toContain('<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="de" trgLang="en-GB">');
    expect(xmllint(output, xliffSchema('2.0')).valid).toBe(true);
    expect(() => writeXliff(input, imported.document, updatesFor(imported, { 0: { text: 'One', status: 'edited' } }))).toThrow(
      /names no target language/,
    );
  });

  it('when edited text holds a control character, then it is written as <cp/>', () => {
    const input = twoSegments('', '\n    <target>One</target>');
    const output = exported(input, { 0: { text: 'On\u0001e', status: 'edited' } });
    expect(output).toContain('<target>On<cp hex="0001"/>e</target>');
    expect(xmllint(output, xliffSchema('2.0')).valid).toBe(true);
  });

  it('when an sc/ec pair spans two segments and the end is deleted, then the untouched start becomes isolated and stays valid', () => {
    const input = xliff20(
      '<unit id="u"><segment id="a"><source><sc id="1"/>Fett</source><target><sc id="1"/>Bold</target></segment>' +
        '<segment id="b"><source>Ende<ec startRef="1"/></source><target>End<ec startRef="1"/></target></segment></unit>',
    );
    const output = exported(input, { 1: { text: 'End', status: 'edited' } });
    expect(output).toContain('<target><sc id="1" isolated="yes"/>Bold</target>');
    expect(output).toContain('<segment id="b" state="translated"><source>Ende<ec startRef="1"/></source><target>End</target>');
    expect(xmllint(output, xliffSchema('2.0')).valid).toBe(true);
  });

  it('when codes are deleted and reordered in a real file, then the export validates and the codes stay', () => {
    const bytes = readReal('oasis-withReorderedCodes.xlf');
    const imported = readXliff(bytes);
    const first = imported.segments[0]!;
    const [open, ph2, close, ph3] = first.codes.map((code) => code.marker);
    const text = `${close}Texte ${ph3}${ph2} & ${open}fin`;
    const output = Buffer.from(writeXliff(bytes, imported.document, updatesFor(imported, { 0: { text, status: 'edited' } }))).toString(
      'utf8',
    );
    expect(output).toContain(
      '<target>\r\n\t <ec id="1" canReorder="firstNo" canDelete="no" canCopy="no" isolated="yes"/>Texte <ph id="3"/><ph id="2" canReorder="no" canDelete="no" canCopy="no"/> &amp; <sc id="1" canReorder="firstNo" canDelete="no" canCopy="no" isolated="yes"/>fin\r\n\t</target>',
    );
    expect(xmllint(output, xliffSchema('2.0')).valid).toBe(true);
  });
});

describe('writeXliff: encodings, chunks and mismatches', () => {
  it('when a windows-1252 file is edited, then the export is windows-1252 and characters it lacks become references', () => {
    // é is 0xE9 in both Latin-1 and windows-1252.
    const bytes = Buffer.from(
      `<?xml version="1.0" encoding="windows-1252"?>\n${xliff12('<trans-unit id="1"><source>Café</source><target>x</target></trans-unit>')}`,
      'latin1',
    );
    const imported = readXliff(bytes);
    const output = Buffer.from(writeXliff(bytes, imported.document, updatesFor(imported, { 0: { text: 'Café € ☕', status: 'edited' } })));
    expect(output.subarray(0, output.indexOf('<target'))).toEqual(bytes.subarray(0, bytes.indexOf('<target')));
    // € is 0x80 in windows-1252; ☕ is not in it.
    expect(output.toString('latin1')).toContain('<target state="translated">Caf\u00e9 \u0080 &#x2615;</target>');
    expect(readXliff(output).segments[0]!.mt).toBe('Café € ☕');
  });

  it('when a UTF-16 file with a BOM is exported, then untouched it is byte-identical and edited it is still UTF-16', () => {
    const bytes = Buffer.from(
      `\ufeff<?xml version="1.0" encoding="UTF-16"?>${xliff12('<trans-unit id="1"><source>Grüße</source></trans-unit>')}`,
      'utf16le',
    );
    const imported = readXliff(bytes);
    expect(Buffer.from(writeXliff(bytes, imported.document, updatesFor(imported, {}))).equals(bytes)).toBe(true);
    const edited = Buffer.from(
      writeXliff(bytes, imported.document, updatesFor(imported, { 0: { text: 'Greetings', status: 'approved' } })),
    );
    expect(edited.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xfe]));
    expect(readXliff(edited).segments[0]!.mt).toBe('Greetings');
  });

  it('when the export is taken in chunks, then they join to the whole export and none is large', () => {
    const bytes = readReal('okapi-OnTramTest01.xlf');
    const imported = readXliff(bytes);
    const updates = updatesFor(
      imported,
      Object.fromEntries(imported.segments.map((_, index) => [index, { text: `T${index}`, status: 'edited' as const }])),
    );
    const chunks = [...xliffExportChunks(bytes, imported.document, updates)];
    expect(Buffer.concat(chunks)).toEqual(Buffer.from(writeXliff(bytes, imported.document, updates)));
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThanOrEqual(1 << 16);
  });

  it('when another document than the imported one is given, then the export is refused', () => {
    const imported = readXliff(readReal('okapi-RB-12-Test02.xlf'));
    const other = readReal('okapi-Manual-12-AltTrans.xlf');
    let error: unknown;
    try {
      writeXliff(other, imported.document, updatesFor(imported, { 0: { status: 'approved' } }));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InterchangeError);
    expect((error as InterchangeError).code).toBe('anchor_mismatch');
  });
});
