import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTbx, writeTbx } from '../../../src/interchange/tbx';
import type { GlossaryEntry } from '../../../src/interchange/types';
import { readReal, realFiles, schemaDir, xmllint } from './files';

const RNG = ['--relaxng', path.join(schemaDir, 'TBXcoreStructV03.rng')];
const tbxFiles = realFiles().filter((file) => file.format === 'tbx');

const GLOSSARY: GlossaryEntry[] = [
  {
    term: 'comfort force',
    preferred: 'reassurance force',
    note: 'MT for "Rückversicherungstruppe" & co.',
    matchCase: false,
    wholeWord: true,
    language: 'en',
  },
  { term: 'support force', preferred: 'reassurance force', matchCase: false, wholeWord: true, language: 'en' },
  { term: "Trump's prices", preferred: "Trump's tariffs", matchCase: true, wholeWord: false, language: 'en' },
  { term: 'NATO', preferred: 'NATO', matchCase: true, wholeWord: true, language: 'en' },
];

describe('readTbx on real termbases', () => {
  it.each(tbxFiles)("when $name is read, then it has the README's number of concepts", (file) => {
    expect(readTbx(readReal(file.name)).concepts).toBe(file.units);
  });

  it('when TBX v3 DCA and DCT forms of the same termbase are read, then they give the same entries', () => {
    const dca = readTbx(readReal('ltac-Example_Astronomy_DCA_VALID.tbx')).entries;
    expect(readTbx(readReal('ltac-Example_Astronomy_DCT_VALID.tbx')).entries).toEqual(dca);
    expect(dca.length).toBeGreaterThan(45);
  });

  it('when a concept has a preferred term and a superseded one, then the superseded one points to the preferred', () => {
    const entries = readTbx(readReal('ltac-Example_Astronomy_DCA_VALID.tbx'), { language: 'en' }).entries;
    expect(entries[0]).toMatchObject({
      term: 'galactic cluster',
      preferred: 'open cluster',
      language: 'en',
      matchCase: false,
      wholeWord: true,
    });
    expect(entries[0]!.note).toMatch(/^Another name for an open star cluster/);
    expect(entries.filter((entry) => entry.preferred === 'circumstellar accretion disk').map((entry) => entry.term)).toEqual([
      'accretion disc',
      'circumstellar disk',
    ]);
    expect(entries.every((entry) => entry.language === 'en')).toBe(true);
  });

  it('when a TBX v2 (martif) termbase has no statuses, then each term stands as a known term of its language', () => {
    const entries = readTbx(readReal('okapi-ibm_tbx.tbx'), { language: 'fr' }).entries;
    expect(entries.map((entry) => [entry.term, entry.preferred])).toEqual([
      ['historique de navigation', 'historique de navigation'],
      ['accepteur de billets', 'accepteur de billets'],
      ['opération planifiée', 'opération planifiée'],
      ["galerie d'exemples", "galerie d'exemples"],
      ['avant-guichet', 'avant-guichet'],
    ]);
  });

  it('when the file is not TBX, then it is refused', () => {
    expect(() => readTbx(readReal('okapi-RB-12-Test02.xlf'))).toThrow(
      'This is not a TBX file: its root element is <xliff>, not <tbx> or <martif>.',
    );
  });

  it('when a martif file names an external DTD, then the DTD is not fetched and the file is read', () => {
    expect(readTbx(readReal('okapi-ibm_tbx.tbx')).entries.length).toBe(11);
  });
});

describe('writeTbx', () => {
  const tbx = writeTbx(GLOSSARY);

  it('when a glossary is written, then it is TBX-Basic v3 valid against the TBX core structure', () => {
    expect(xmllint(tbx, RNG)).toEqual({ valid: true, errors: [] });
    expect(tbx).toContain('<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">');
  });

  it('when entries share a preferred term, then they are one concept with the preferred and deprecated terms', () => {
    expect([...tbx.matchAll(/<conceptEntry /g)]).toHaveLength(3);
    expect(tbx).toContain(
      '<term>reassurance force</term>\n            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>',
    );
    expect(tbx).toContain(
      '<term>comfort force</term>\n            <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>',
    );
  });

  it('when the written glossary is read back, then every entry comes back as it was', () => {
    expect(readTbx(tbx).entries).toEqual(GLOSSARY);
  });

  it('when the glossary is empty, then the file is still valid', () => {
    expect(xmllint(writeTbx([]), RNG).valid).toBe(true);
  });
});
