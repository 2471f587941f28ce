import { describe, expect, it } from 'vitest';
import { InterchangeError } from '../../../src/interchange/errors';
import { XmlStream } from '../../../src/interchange/xmlStream';

/** Errors now come through an override of saxes' fail() and attributes are read in the open-tag handler (src/interchange/xmlStream.ts). */
describe('XmlStream', () => {
  it('when the XML is not well-formed, then the error names the problem with its line and column', () => {
    const stream = new XmlStream({ openTag() {}, closeTag() {}, text() {} }, { fileKind: 'XLIFF file' });
    let error: unknown;
    try {
      stream.write('<a>\n  <b></c>\n</a>');
      stream.close();
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(InterchangeError);
    expect((error as InterchangeError).message).toMatch(/^The XLIFF file is not well-formed XML: .+\. \(line 2, column \d+\)$/);
    expect((error as InterchangeError).message).not.toMatch(/\d+:\d+:/);
    expect(error).toMatchObject({ code: 'not_well_formed', position: { line: 2 } });
  });

  it('when an attribute uses an undeclared prefix, then it is refused, and a declared one is accepted', () => {
    const read = (xml: string) => {
      const stream = new XmlStream({ openTag() {}, closeTag() {}, text() {} }, { fileKind: 'XLIFF file' });
      stream.write(xml);
      stream.close();
    };
    expect(() => read('<a y:b="1"/>')).toThrow(/namespace prefix "y" without declaring it/);
    expect(() => read('<a xmlns:y="urn:y" y:b="1"/>')).not.toThrow();
  });
});
