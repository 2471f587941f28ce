import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InlineCode } from '../../../src/codes/inlineCodes';
import { writeTmx, type TmxSegment } from '../../../src/interchange/tmxWriter';
import { readReal, schemaDir, xmllint } from './files';

const DTD = ['--dtdvalid', path.join(schemaDir, 'tmx14.dtd')];
const code = (marker: number, kind: InlineCode['kind'], id: string, xml: string): InlineCode => ({
  marker: String.fromCharCode(0xe000 + marker),
  kind,
  id,
  label: id,
  xml,
});
const CODES = [
  code(0, 'open', '1', '<g id="1">'),
  code(1, 'close', '1', '</g>'),
  code(2, 'standalone', '2', '<x id="2"/>'),
  code(3, 'open', '3', '<bx id="3"/>'),
];

const segments: TmxSegment[] = [
  {
    source: 'Die \ue000Trost\ue001truppe\ue002 & mehr\ue003',
    text: 'The \ue000reassurance\ue001 force\ue002 & more',
    status: 'approved',
    codes: CODES,
    id: 'u1',
    changedAt: new Date('2025-04-18T10:20:30Z'),
  },
  { source: 'Nicht geprüft.', text: 'Not reviewed.', status: 'edited', codes: [] },
  { source: null, text: 'No source.', status: 'approved', codes: [] },
  { source: 'Zölle <10%>.', text: 'Tariffs <10%>.', status: 'approved', codes: [] },
];

describe('writeTmx', () => {
  const tmx = writeTmx(segments, { sourceLanguage: 'de', targetLanguage: 'en-GB', creationDate: new Date('2025-04-19T08:00:00Z') });

  it('when approved segments are exported, then the TMX is valid against the TMX 1.4 DTD', () => {
    expect(xmllint(tmx, DTD)).toEqual({ valid: true, errors: [] });
  });

  it('when segments are not approved or have no source, then they are left out', () => {
    expect([...tmx.matchAll(/<tu[ >]/g)]).toHaveLength(2);
    expect(tmx).not.toContain('Not reviewed');
    expect(tmx).not.toContain('No source');
  });

  it('when the header is written, then it carries the required attributes', () => {
    expect(tmx).toContain(
      '<header creationtool="Redline" creationtoolversion="1" segtype="sentence" o-tmf="Redline" adminlang="en" srclang="de" datatype="plaintext" creationdate="20250419T080000Z"/>',
    );
  });

  it('when codes are in a segment, then pairs become bpt/ept, lone halves it, standalone ph, with the original markup as content', () => {
    expect(tmx).toContain(
      '<tuv xml:lang="de"><seg>Die <bpt i="1" x="1">&lt;g id="1"&gt;</bpt>Trost<ept i="1">&lt;/g&gt;</ept>truppe<ph x="3">&lt;x id="2"/&gt;</ph> &amp; mehr<it pos="begin" x="4">&lt;bx id="3"/&gt;</it></seg></tuv>',
    );
    expect(tmx).toContain('<tu tuid="u1" changedate="20250418T102030Z">');
    expect(tmx).toContain('<tuv xml:lang="en-GB"><seg>Tariffs &lt;10%&gt;.</seg></tuv>');
  });

  it('when the real TMX files are checked with the same DTD, then the check itself accepts real TMX', () => {
    expect(xmllint(readReal('okapi-Paragraph_TM.tmx'), DTD).valid).toBe(true);
  });
});
