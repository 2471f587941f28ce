import { describe, expect, it } from 'vitest';
import { codeMarkersIn, stripCodeMarkers } from '../../../src/codes/inlineCodes';
import { InterchangeError } from '../../../src/interchange/errors';
import type { ReviewStatus } from '../../../src/interchange/types';
import { anchorJson, readAnchor, readXliff, type XliffSegment } from '../../../src/interchange/xliffReader';
import { writeXliff, type XliffSegmentUpdate } from '../../../src/interchange/xliffWriter';
import { readReal, realFiles, xliffSchema, xmllint } from './files';

/** Source and target language of each accepted file, as the file says them. */
const LANGUAGES: Record<string, [string, string]> = {
  'okapi-RB-12-Test02.xlf': ['en', 'fr'],
  'okapi-Manual-12-AltTrans.xlf': ['en', 'fr'],
  'okapi-TS09-12-Test01.xlf': ['en', 'de'],
  'okapi-OnTramTest01.xlf': ['de-DE', 'en-US'],
  'matecat-calibre.docx.xliff': ['en', 'id'],
  'matecat-from_jsont.xliff': ['en-GB', 'it-IT'],
  'matecat-xliff12-with-segment-state.xliff': ['en', 'it'],
  'matecat-entities.xliff': ['en-US', 'fa'],
  // Its first two <file>s hold no units; the languages are those of the file with the units.
  'matecat-nested-group-missing-target.xliff': ['en-us', 'es-es'],
  'matecat-notes-malicious-code.xliff': ['hy-am', 'fr-fr'],
  'locize-example_cdata12.xliff': ['en-US', 'es-ES'],
  'locize-generic-span-start-end12.xliff': ['en-US', 'de-CH'],
  'oasis-everything-core.xlf': ['en', 'fr'],
  'oasis-withReorderedCodes.xlf': ['en', 'fr'],
  'oasis-withCDataSections.xlf': ['en', 'fr'],
  'oasis-withXmlSpace.xlf': ['en', 'fr'],
  'oasis-withNotes_complex.xlf': ['en', 'fr'],
  'oasis-Good-mtc_match-with-inlines.xlf': ['en-us', 'fr'],
  'matecat-pcec.xlf': ['en-GB', 'de'],
  'matecat-prova.md.xlf': ['en-US', 'it-IT'],
  'matecat-size-restriction.xliff': ['en-us', 'zh-hk'],
  'locize-generic-span-start-end.xliff': ['en-US', 'de-CH'],
};

const xliffFiles = realFiles().filter((file) => file.format === 'xliff1.2' || file.format === 'xliff2.0');
const accepted = xliffFiles.filter((file) => file.expected === 'accept');
const refused = xliffFiles.filter((file) => file.expected === 'refuse');

const STATUSES: ReviewStatus[] = ['edited', 'approved', 'rejected', 'new'];
const STATE_12: Record<ReviewStatus, string | null> = {
  edited: 'translated',
  approved: 'signed-off',
  rejected: 'needs-review-translation',
  new: null,
};
const STATE_20: Record<ReviewStatus, string> = { edited: 'translated', approved: 'reviewed', rejected: 'translated', new: 'initial' };

/**
 * Every fifth segment stays untouched; the others get a status, and every other
 * touched one a new text with characters XML must escape, its first code deleted
 * and the other codes in reverse order.
 */
function editOf(segment: XliffSegment, index: number): XliffSegmentUpdate {
  const touched = index % 5 !== 4;
  const status = touched ? STATUSES[index % 4]! : 'new';
  const rewrite = touched && index % 2 === 0 && status !== 'new';
  const markers = segment.codes.map((code) => code.marker);
  const text = rewrite
    ? `Fixed & <checked> "quoted" ]]> ${markers.slice(1).reverse().join('')}${stripCodeMarkers(segment.mt)} end`
    : segment.mt;
  // The anchor as the database gives it back to the export.
  return { anchor: readAnchor(anchorJson(segment.anchor)), text, status, touched, codes: segment.codes, mt: segment.mt };
}

/** The document without targets, review states and trgLang: what an export must leave exactly as it was. */
function withoutTargetsAndStates(xml: string): string {
  return (
    xml
      .replace(/\s*<target\b[^>]*\/>/g, '')
      .replace(/\s*<target\b[^>]*>[\s\S]*?<\/target>/g, '')
      // conf: a Trados segment's own review state (sdl:seg conf), written beside target@state.
      .replace(/\s(?:state|subState|state-qualifier|approved|trgLang|conf)\s*=\s*(?:"[^"]*"|'[^']*')/g, '')
  );
}

const spaced = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('real XLIFF files', () => {
  it('when the README table is read, then it lists the 24 XLIFF files, two of them to refuse', () => {
    expect(accepted).toHaveLength(22);
    expect(refused.map((file) => file.name).sort()).toEqual(['matecat-with-segment-state.xliff', 'okapi-TestDocument01.odt.xlf']);
    expect(Object.keys(LANGUAGES).sort()).toEqual(accepted.map((file) => file.name).sort());
  });

  describe.each(accepted)('$name', (file) => {
    const bytes = readReal(file.name);
    const imported = readXliff(bytes);
    const { document, segments } = imported;
    const version = file.format === 'xliff1.2' ? '1.2' : '2.0';

    it("when it is read, then its version, languages and unit count are the README's", () => {
      expect(document.version).toBe(version);
      expect([document.sourceLanguage, document.targetLanguage]).toEqual(LANGUAGES[file.name]);
      // 1.2 counts trans-units, 2.0 counts segments (with a non-empty source, translate="no" included).
      if (version === '1.2') {
        expect(document.stats.units).toBe(file.units);
        const paragraphs = new Set(segments.map((segment) => segment.paragraph)).size;
        expect(paragraphs + document.stats.untranslatableUnits).toBe(file.units);
      } else {
        expect(document.stats.sourceSegments).toBe(file.units);
        expect(segments.length).toBe(file.units);
      }
      expect(segments.length).toBe(document.stats.segments);
      for (const segment of segments) {
        expect(segment.source.trim()).not.toBe('');
        for (const marker of codeMarkersIn(segment.source + segment.mt)) {
          expect(segment.codes.map((code) => code.marker)).toContain(marker);
        }
      }
    });

    it('when its anchors are stored as JSON, then they read back whole, and so do anchors stored whole before', () => {
      for (const segment of segments) {
        const stored = anchorJson(segment.anchor);
        expect(readAnchor(stored)).toEqual(segment.anchor);
        expect(readAnchor(JSON.stringify(segment.anchor))).toEqual(segment.anchor);
        // Fields at their usual value are left out of what is stored.
        for (const usual of [
          '"indent":""',
          '"preserveSpace":false',
          '"sourceSpace":null',
          '"mid":null',
          '"content":null',
          '"segSource":null',
        ]) {
          expect(stored).not.toContain(usual);
        }
      }
    });

    it('when it is exported unedited, then the export is byte-identical', () => {
      const updates = segments.map((segment) => ({
        anchor: segment.anchor,
        text: segment.mt,
        status: 'new' as const,
        touched: false,
        codes: segment.codes,
        mt: segment.mt,
      }));
      expect(Buffer.from(writeXliff(bytes, document, updates)).equals(bytes)).toBe(true);
    });

    it('when it is exported unedited, then it is as valid against the XLIFF schema as the input', () => {
      const input = xmllint(bytes, xliffSchema(version));
      // Some real files break their own schema (undeclared tool ids, 1.2 attributes in 2.0, ...):
      // for them the promise is only "no less valid than the input".
      if (input.valid) expect(xmllint(writeXliff(bytes, document, []), xliffSchema(version)).valid).toBe(true);
      else expect(xmllint(writeXliff(bytes, document, []), xliffSchema(version)).errors).toEqual(input.errors);
    });

    describe('when targets are edited, codes deleted and reordered, and statuses set', () => {
      const updates = segments.map(editOf);
      const output = Buffer.from(writeXliff(bytes, document, updates));
      const reread = readXliff(output);

      it('then the export is no less valid against the schema than the input', () => {
        const before = xmllint(bytes, xliffSchema(version));
        const after = xmllint(output, xliffSchema(version));
        expect(after.errors.filter((error) => !before.errors.includes(error))).toEqual([]);
        expect(after.valid || !before.valid).toBe(true);
      });

      it('then everything but the targets and review states is left exactly as it was', () => {
        expect(withoutTargetsAndStates(output.toString('utf8'))).toBe(withoutTargetsAndStates(bytes.toString('utf8')));
      });

      it('then the edited texts, escaped, read back as written and untouched segments are unchanged', () => {
        expect(reread.segments).toHaveLength(segments.length);
        reread.segments.forEach((segment, index) => {
          const update = updates[index]!;
          expect(segment.source).toBe(segments[index]!.source);
          if (!update.touched || update.text === update.mt) expect(segment.mt).toBe(segments[index]!.mt);
          else expect(spaced(stripCodeMarkers(segment.mt))).toBe(spaced(stripCodeMarkers(update.text)));
        });
      });

      it('then the codes left in an edited text are still there as markup', () => {
        reread.segments.forEach((segment, index) => {
          const update = updates[index]!;
          if (!update.touched || update.text === update.mt) return;
          const kept = update.codes.filter((code) => update.text.includes(code.marker) && code.kind === 'standalone');
          for (const code of kept)
            expect(segment.codes.some((read) => read.xml === code.xml && segment.mt.includes(read.marker))).toBe(true);
        });
      });

      it('then the review states are mapped', () => {
        reread.segments.forEach((segment, index) => {
          const update = updates[index]!;
          const original = segments[index]!;
          if (version === '2.0') {
            expect(segment.state).toBe(update.touched ? STATE_20[update.status] : original.state);
          } else if (original.anchor.format === 'xliff-1.2' && original.anchor.mid === null) {
            const expected = update.touched ? (STATE_12[update.status] ?? original.state) : original.state;
            expect(segment.state).toBe(expected);
          }
        });
      });
    });
  });

  it.each(refused)('when $name is read, then it is refused with a message naming the problem and where', (file) => {
    let error: unknown;
    try {
      readXliff(readReal(file.name));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InterchangeError);
    const refusal = error as InterchangeError;
    expect(refusal.position?.line).toBeGreaterThan(1);
    if (file.name === 'okapi-TestDocument01.odt.xlf') {
      expect(refusal.code).toBe('invalid_encoding');
      expect(refusal.message).toMatch(/not valid UTF-8: the byte 0xA9 .*\(line 25, column 39\)$/);
    } else {
      expect(refusal.code).toBe('not_well_formed');
      expect(refusal.message).toMatch(/namespace prefix "memsource" without declaring it.*\(line 3, column \d+\)$/);
    }
  });
});
