import { describe, expect, it } from 'vitest';
import { chunksOf } from '../../../src/interchange/chunks';
import { InterchangeError } from '../../../src/interchange/errors';
import { readXliff, XliffReader } from '../../../src/interchange/xliffReader';
import { readReal } from './files';

const XLIFF12_HEAD =
  '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="de" target-language="en" datatype="plaintext"><body>';
const XLIFF12_TAIL = '</body></file></xliff>';
const xliff12 = (body: string) => `${XLIFF12_HEAD}${body}${XLIFF12_TAIL}`;
const xliff20 = (units: string, attributes = 'srcLang="de" trgLang="en"') =>
  `<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" ${attributes}><file id="f1">${units}</file></xliff>`;

function refusal(read: () => unknown): InterchangeError {
  try {
    read();
  } catch (error) {
    if (error instanceof InterchangeError) return error;
    throw error;
  }
  throw new Error('the input was not refused');
}

/** Markers as {0}, {1}... for readable comparisons. */
const shown = (text: string) => text.replace(/[\ue000-\uf8ff]/g, (marker) => `{${marker.charCodeAt(0) - 0xe000}}`);

describe('readXliff: hostile and broken XML', () => {
  it('when a DOCTYPE declares entities (billion laughs), then the file is refused before any expansion', () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE xliff [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
      '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>' +
      xliff12('<trans-unit id="1"><source>&lol3;</source></trans-unit>');
    const error = refusal(() => readXliff(laughs));
    expect(error.code).toBe('dtd_not_allowed');
    expect(error.message).toMatch(/declares its own DTD/);
    expect(error.position?.line).toBe(1);
  });

  it('when a DOCTYPE declares an external entity (XXE), then the file is refused', () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE xliff [\n<!ENTITY secret SYSTEM "file:///etc/passwd">\n]>\n${xliff12('<trans-unit id="1"><source>&secret;</source></trans-unit>')}`;
    const error = refusal(() => readXliff(xxe));
    expect(error.code).toBe('dtd_not_allowed');
    expect(error.position?.line).toBe(4);
  });

  it('when an entity is used that nothing defines, then the file is refused naming the problem and the place', () => {
    const error = refusal(() => readXliff(`${XLIFF12_HEAD}\n<trans-unit id="1"><source>caf&eacute;</source></trans-unit>${XLIFF12_TAIL}`));
    expect(error.code).toBe('not_well_formed');
    expect(error.message).toMatch(/refers to an entity that XML does not define/);
    expect(error.position?.line).toBe(2);
  });

  it('when a DOCTYPE only names an external DTD, then it is ignored, never fetched, and the file is read', () => {
    const { segments } = readXliff(
      `<?xml version="1.0"?>\n<!DOCTYPE xliff SYSTEM "http://203.0.113.1/never-fetched.dtd">\n${xliff12('<trans-unit id="1"><source>Hallo</source><target>Hello</target></trans-unit>')}`,
    );
    expect(segments.map((segment) => [segment.source, segment.mt])).toEqual([['Hallo', 'Hello']]);
  });

  it('when a prefix is used without a namespace declaration, then the file is refused', () => {
    const error = refusal(() => readXliff(xliff12('<trans-unit id="1" okp:x="1"><source>a</source></trans-unit>')));
    expect(error.message).toMatch(/namespace prefix "okp" without declaring it/);
  });

  it('when an element name uses an undeclared prefix, then the file is refused', () => {
    expect(refusal(() => readXliff(xliff12('<trans-unit id="1"><source>a</source><x:y/></trans-unit>'))).code).toBe('not_well_formed');
  });

  it('when the bytes are not UTF-8, then the file is refused with the line and column of the bad byte', () => {
    const bytes = Buffer.concat([
      Buffer.from(`${XLIFF12_HEAD}\n<trans-unit id="1">\n<source>caf`),
      Buffer.from([0xe9]),
      Buffer.from(`</source></trans-unit>${XLIFF12_TAIL}`),
    ]);
    const error = refusal(() => readXliff(bytes));
    expect(error.code).toBe('invalid_encoding');
    expect(error.message).toMatch(/the byte 0xE9/);
    expect(error.position).toEqual({ line: 3, column: 12 });
  });

  it('when a bad byte is split across chunks, then the chunked reader refuses it at the same place', () => {
    const bytes = Buffer.concat([
      Buffer.from(`${XLIFF12_HEAD}\n<trans-unit id="1">\n<source>caf`),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(`</source></trans-unit>${XLIFF12_TAIL}`),
    ]);
    const reader = new XliffReader();
    const error = refusal(() => {
      for (const chunk of chunksOf(bytes, 7)) reader.write(chunk);
      reader.close();
    });
    expect(error.position).toEqual({ line: 3, column: 12 });
  });

  it('when the text holds a character XML forbids, then the file is refused', () => {
    expect(refusal(() => readXliff(xliff12('<trans-unit id="1"><source>a&#1;b</source></trans-unit>'))).code).toBe('not_well_formed');
  });

  it('when tags do not match, then the file is refused with the position', () => {
    const error = refusal(() => readXliff(`${XLIFF12_HEAD}\n\n<trans-unit id="1"><source>a</target></trans-unit>${XLIFF12_TAIL}`));
    expect(error.code).toBe('not_well_formed');
    expect(error.position?.line).toBe(3);
  });

  it('when the document is cut short, then it is refused', () => {
    expect(refusal(() => readXliff(`${XLIFF12_HEAD}<trans-unit id="1"><source>a</source>`)).code).toBe('not_well_formed');
  });

  it('when the root is not <xliff>, then the file is refused as not XLIFF', () => {
    const error = refusal(() => readXliff(readReal('okapi-Paragraph_TM.tmx')));
    expect(error.code).toBe('not_xliff');
    expect(error.message).toBe('This is not an XLIFF file: its root element is <tmx>, not <xliff>.');
  });

  it('when the XLIFF version is unknown, then the file is refused naming it', () => {
    const error = refusal(() => readXliff('<xliff version="3.0" xmlns="urn:oasis:names:tc:xliff:document:3.0"/>'));
    expect(error.code).toBe('unsupported_version');
    expect(error.message).toMatch(/version "3.0"/);
  });

  it('when the input is empty, then it is refused', () => {
    expect(refusal(() => readXliff('')).code).toBe('not_well_formed');
  });

  it('when the file declares an encoding Redline cannot write back, then it is refused', () => {
    const error = refusal(() => readXliff(Buffer.from(`<?xml version="1.0" encoding="Shift_JIS"?>${xliff12('')}`)));
    expect(error.code).toBe('unsupported_encoding');
    expect(error.message).toMatch(/Shift_JIS/);
  });
});

describe('readXliff: encodings', () => {
  it('when a file declares windows-1252, then its bytes are read in that encoding', () => {
    const bytes = Buffer.concat([
      Buffer.from(`<?xml version="1.0" encoding="windows-1252"?>\n${XLIFF12_HEAD}<trans-unit id="1"><source>Caf`),
      Buffer.from([0xe9, 0x20, 0x80]),
      Buffer.from(`</source><target>Coffee</target></trans-unit>${XLIFF12_TAIL}`),
    ]);
    const { document, segments } = readXliff(bytes);
    expect(document.encoding).toBe('windows-1252');
    expect(segments[0]!.source).toBe('Café €');
  });

  it('when a file is UTF-16 with a BOM, then it is read', () => {
    const text = `\ufeff<?xml version="1.0" encoding="UTF-16"?>${xliff12('<trans-unit id="1"><source>Grüße</source><target>Greetings</target></trans-unit>')}`;
    const { document, segments } = readXliff(Buffer.from(text, 'utf16le'));
    expect(document.encoding).toBe('utf-16le');
    expect(segments[0]!.source).toBe('Grüße');
  });

  it('when text already decoded is given, then the encoding is the one its declaration names', () => {
    expect(readXliff(`<?xml version="1.0" encoding="ISO-8859-1"?>${xliff12('')}`).document.encoding).toBe('windows-1252');
    expect(readXliff(xliff12('')).document.encoding).toBe('utf-8');
  });
});

describe('readXliff: units and segments', () => {
  it('when a 1.2 unit has seg-source, then each mrk is a segment, its target the mrk with the same mid, and the text between them the separator', () => {
    const { segments } = readXliff(
      xliff12(
        '<trans-unit id="t"><source>A. B.</source><seg-source><mrk mtype="seg" mid="1">A.</mrk> <mrk mtype="seg" mid="2">B.</mrk></seg-source>' +
          '<target><mrk mtype="seg" mid="2">Bee.</mrk> <mrk mtype="seg" mid="1">Ay.</mrk></target></trans-unit>' +
          '<trans-unit id="u"><source>C</source></trans-unit>',
      ),
    );
    expect(segments.map((segment) => [segment.paragraph, segment.unitId, segment.source, segment.mt, segment.separator])).toEqual([
      [0, 't', 'A.', 'Ay.', ' '],
      [0, 't', 'B.', 'Bee.', '\n\n'],
      [1, 'u', 'C', '', ''],
    ]);
  });

  it('when units are nested in groups and marked translate="no", then those units are left out and counted', () => {
    const { segments, document } = readXliff(
      xliff12(
        '<group translate="no"><group><trans-unit id="1"><source>Skip</source></trans-unit></group>' +
          '<trans-unit id="2" translate="yes"><source>Keep</source></trans-unit></group>' +
          '<trans-unit id="3" translate="no"><source>Skip too</source></trans-unit>',
      ),
    );
    expect(segments.map((segment) => segment.unitId)).toEqual(['2']);
    expect(document.stats).toEqual({ units: 3, sourceSegments: 0, untranslatableUnits: 2, segments: 1 });
  });

  it('when 2.0 translate="no" is on the file and yes on a unit, then only that unit is read', () => {
    const { segments } = readXliff(
      `<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="de" trgLang="en"><file id="f" translate="no">` +
        '<unit id="a"><segment><source>nein</source></segment></unit><unit id="b" translate="yes"><segment><source>ja</source></segment></unit></file></xliff>',
    );
    expect(segments.map((segment) => segment.unitId)).toEqual(['b']);
  });

  it('when 2.0 segments are separated by ignorables, then the ignorable text is the separator', () => {
    const { segments } = readXliff(
      xliff20(
        '<unit id="u"><segment id="1" state="translated"><source>Eins.</source><target>One.</target></segment>' +
          '<ignorable><source> </source></ignorable><segment id="2"><source>Zwei.</source></segment></unit>',
      ),
    );
    expect(segments.map((segment) => [segment.source, segment.mt, segment.separator, segment.state])).toEqual([
      ['Eins.', 'One.', ' ', 'translated'],
      ['Zwei.', '', '', undefined],
    ]);
  });

  it('when sources and targets appear in alt-trans and mtc:match, then they are not taken for the translation', () => {
    expect(readXliff(readReal('okapi-Manual-12-AltTrans.xlf')).segments.find((segment) => segment.unitId === '4')!.mt).toBe('');
    expect(readXliff(readReal('oasis-Good-mtc_match-with-inlines.xlf')).segments.map((segment) => shown(segment.mt))).toEqual(['']);
  });

  it('when a unit has notes, then they come with its segments as plain text, markup included as text', () => {
    const { segments } = readXliff(readReal('matecat-notes-malicious-code.xliff'));
    expect(segments.map((segment) => segment.notes)).toEqual([
      ["alert('This is malicious code');"],
      undefined,
      ['This is another comment'],
    ]);
    const complex = readXliff(readReal('oasis-withNotes_complex.xlf')).segments[0]!.notes!;
    expect(complex).toHaveLength(10);
    expect(complex.at(-1)).toBe('lower priority note content for the inline comment delimited with <mrk id="5">');
  });

  it('when xml:space is default, then runs of white space read as one space; when preserve, exactly', () => {
    const collapsed = readXliff(readReal('locize-generic-span-start-end.xliff')).segments[0]!;
    expect(shown(collapsed.source)).toBe('This is {0}bold {1} text');
    const preserved = readXliff(
      xliff12('<trans-unit id="1" xml:space="preserve"><source>  two  spaces\n</source><target>x</target></trans-unit>'),
    ).segments[0]!;
    expect(preserved.source).toBe('  two  spaces\n');
  });

  it('when content uses CDATA and entities, then the text is what they stand for', () => {
    const cdata = readXliff(readReal('locize-example_cdata12.xliff')).segments.map((segment) => segment.mt);
    expect(cdata).toEqual(['Hola', 'Validate & Submit', 'Validate & Submit']);
    expect(readXliff(readReal('oasis-withCDataSections.xlf')).segments[0]!.source).toBe('source & and < etc.');
  });
});

describe('readXliff: inline codes', () => {
  it('when 1.2 g, x and nested codes are in source and target, then each occurrence is one marker, shared by source and target', () => {
    const segment = readXliff(readReal('okapi-RB-12-Test02.xlf')).segments[6]!;
    expect(shown(segment.source)).toBe('Text with {0}{1}{2} and more text.');
    expect(segment.mt).toBe(segment.source);
    expect(segment.codes.map((code) => [code.kind, code.id, code.label, code.xml])).toEqual([
      ['open', '2', '<2>', '<g id="2">'],
      ['standalone', '1', '<1/>', '<x id="1"/>'],
      ['close', '2', '</2>', '</g>'],
    ]);
  });

  it('when a 1.2 ph holds native code with a sub-flow, then the whole element is one code titled by its native code', () => {
    const segment = readXliff(readReal('okapi-Manual-12-AltTrans.xlf')).segments[0]!;
    expect(shown(segment.source)).toBe('Text {0} text.');
    expect(segment.codes[0]!.xml).toBe("<ph id='1'>startCode<sub>[nested<ph id='2'>ph-in-sub</ph>still in sub]</sub>endCode</ph>");
    expect(segment.codes[0]!.title).toBe('startCode[nestedph-in-substill in sub]endCode');
  });

  it('when 2.0 codes are reordered in the target, then the same code keeps its marker and a code only in the source still gets one', () => {
    const segments = readXliff(readReal('oasis-withReorderedCodes.xlf')).segments;
    expect(shown(segments[0]!.source)).toBe('{0} text {1} {2} {3}');
    expect(shown(segments[0]!.mt)).toBe('{3} {0} text {1} {2}');
    expect(shown(segments[2]!.mt)).toBe('{0} {1}');
    expect(segments[2]!.codes.map((code) => code.id)).toEqual(['1', '2', 'c1']);
  });

  it('when a 2.0 pc has data references, then its markers are titled by the original data', () => {
    const codes = readXliff(readReal('oasis-everything-core.xlf')).segments[4]!.codes;
    expect(codes.map((code) => [code.kind, code.title])).toEqual([
      ['open', '[b [#$tu3]   ]'],
      ['close', '[/b [#t3end]   ]'],
      ['standalone', '[rtl-data   ]'],
    ]);
  });

  it('when isolated sc codes and annotations are in both sides, then matching codes share markers', () => {
    const segment = readXliff(readReal('oasis-withNotes_complex.xlf')).segments[1]!;
    expect(shown(segment.source)).toBe('{0}{1}Sentence 2.{2}');
    expect(shown(segment.mt)).toBe('{3}{1}Phrase 2.{4}');
  });

  it('when the text itself holds Private Use Area characters, then markers skip them', () => {
    const segment = readXliff(
      xliff12('<trans-unit id="1"><source>\ue000 and <x id="1"/></source><target>\ue001<x id="1"/></target></trans-unit>'),
    ).segments[0]!;
    expect(segment.codes.map((code) => code.marker)).toEqual(['\ue002']);
    expect(segment.source).toBe('\ue000 and \ue002');
    expect(segment.mt).toBe('\ue001\ue002');
  });

  it('when 2.0 text holds a cp element, then it is a protected code labelled with the code point', () => {
    const segment = readXliff(xliff20('<unit id="u"><segment><source>a<cp hex="0001"/>b</source></segment></unit>')).segments[0]!;
    expect(shown(segment.source)).toBe('a{0}b');
    expect(segment.codes[0]).toMatchObject({ kind: 'standalone', label: 'U+0001', xml: '<cp hex="0001"/>' });
  });
});

describe('XliffReader: incremental reading', () => {
  it('when a real file is fed byte by byte, then the result is the same as reading it whole', () => {
    const bytes = readReal('matecat-calibre.docx.xliff');
    const whole = readXliff(bytes);
    const reader = new XliffReader();
    const segments = [];
    for (const chunk of chunksOf(bytes, 1)) segments.push(...reader.write(chunk));
    const rest = reader.close();
    segments.push(...rest.segments);
    expect(segments).toEqual(whole.segments);
    expect(rest.document).toEqual(whole.document);
  });

  it('when chunks arrive, then each write returns the segments completed so far, the last unit waiting for what follows', () => {
    const reader = new XliffReader();
    const first = reader.write(
      xliff12(
        '<trans-unit id="1"><source>a</source></trans-unit><trans-unit id="2"><source>b</source></trans-unit><trans-unit id="3"><source>c</source>',
      ).slice(0, -XLIFF12_TAIL.length),
    );
    expect(first.map((segment) => [segment.unitId, segment.separator])).toEqual([['1', '\n\n']]);
    expect(reader.write('</trans-unit>').map((segment) => segment.unitId)).toEqual(['2']);
    reader.write(XLIFF12_TAIL);
    expect(reader.close().segments.map((segment) => [segment.unitId, segment.separator])).toEqual([['3', '']]);
  });
});
