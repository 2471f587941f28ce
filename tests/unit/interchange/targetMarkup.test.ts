import { describe, expect, it } from 'vitest';
import type { InlineCode } from '../../../src/codes/inlineCodes';
import { targetMarkup, unitPairing } from '../../../src/interchange/targetMarkup';

const code = (marker: number, kind: InlineCode['kind'], id: string, xml: string): InlineCode => ({
  marker: String.fromCharCode(0xe000 + marker),
  kind,
  id,
  label: id,
  xml,
});
/** Text with {n} standing for the n-th marker. */
const text = (template: string) => template.replace(/\{(\d+)\}/g, (_, n: string) => String.fromCharCode(0xe000 + Number(n)));

const G = [code(0, 'open', '1', '<g id="1" ctype="bold">'), code(1, 'close', '1', '</g>'), code(2, 'standalone', '2', '<x id="2"/>')];
const PC = [
  code(0, 'open', '1', '<pc id="1" dataRefStart="d1" dataRefEnd="d2" type="fmt">'),
  code(1, 'close', '1', '</pc>'),
  code(2, 'open', '2', '<pc id="2">'),
  code(3, 'close', '2', '</pc>'),
];

describe('targetMarkup', () => {
  it('when codes nest as they did, then they are written as in the file and the text is escaped', () => {
    expect(targetMarkup(text('a & b {0}<bold>{1} ]]> c{2}'), G, '1.2')).toBe(
      'a &amp; b <g id="1" ctype="bold">&lt;bold&gt;</g> ]]&gt; c<x id="2"/>',
    );
  });

  it('when a 1.2 <g> lost its close, then its open becomes a <bx/> without rid', () => {
    expect(targetMarkup(text('{0}bold'), G, '1.2')).toBe('<bx id="1"/>bold');
  });

  it('when a 1.2 <g> lost its open, then its close becomes an <ex/> without rid', () => {
    expect(targetMarkup(text('bold{1}'), G, '1.2')).toBe('bold<ex id="1"/>');
  });

  it('when a 1.2 <g> is reversed, then both halves become lone placeholders', () => {
    expect(targetMarkup(text('{1}x{0}'), G, '1.2')).toBe('<ex id="1"/>x<bx id="1"/>');
  });

  it('when two 2.0 <pc> cross, then the inner one becomes an sc/ec pair with its start and end attributes', () => {
    expect(targetMarkup(text('{0}a{2}b{1}c{3}'), PC, '2.0')).toBe(
      '<pc id="1" dataRefStart="d1" dataRefEnd="d2" type="fmt">a<sc id="2"/>b</pc>c<ec startRef="2"/>',
    );
  });

  it('when a 2.0 <pc> lost one half, then the other is an isolated sc or ec carrying its own data reference', () => {
    expect(targetMarkup(text('{0}a'), PC, '2.0')).toBe('<sc id="1" type="fmt" dataRef="d1" isolated="yes"/>a');
    expect(targetMarkup(text('a{1}'), PC, '2.0')).toBe('a<ec id="1" type="fmt" dataRef="d2" isolated="yes"/>');
  });

  it('when an annotation no longer nests, then 1.2 drops it and 2.0 writes sm/em, keeping the text', () => {
    const mrk12 = [
      code(0, 'open', 'm', '<mrk mtype="term" mid="m">'),
      code(1, 'close', 'm', '</mrk>'),
      ...G.slice(0, 2).map((c, i) => ({ ...c, marker: String.fromCharCode(0xe002 + i) })),
    ];
    expect(targetMarkup(text('{2}a{0}b{3}c{1}'), mrk12, '1.2')).toBe('<g id="1" ctype="bold">ab</g>c');
    const mrk20 = [
      code(0, 'open', 'm1', '<mrk id="m1" type="term">'),
      code(1, 'close', 'm1', '</mrk>'),
      ...PC.slice(2).map((c, i) => ({ ...c, marker: String.fromCharCode(0xe002 + i) })),
    ];
    expect(targetMarkup(text('{2}a{0}b{3}c{1}'), mrk20, '2.0')).toBe('<pc id="2">a<sm id="m1" type="term"/>b</pc>c<em startRef="m1"/>');
    expect(targetMarkup(text('a{1}'), mrk20, '2.0')).toBe('a');
  });

  it('when a marker appears twice, then its code is written once, where it first appears', () => {
    expect(targetMarkup(text('{2}a{2}'), G, '1.2')).toBe('<x id="2"/>a');
  });

  it('when a Private Use Area character is no marker of the segment, then it is text', () => {
    expect(targetMarkup('\ue00f', G, '1.2')).toBe('\ue00f');
  });

  it('when the text holds characters XML cannot hold, then 2.0 writes <cp/> and 1.2 drops them', () => {
    expect(targetMarkup('a\u0001b\ufffec\r', [], '2.0')).toBe('a<cp hex="0001"/>b<cp hex="FFFE"/>c&#13;');
    expect(targetMarkup('a\u0001b', [], '1.2')).toBe('ab');
  });

  it('when a 2.0 sc/ec pair spans segments and one half is deleted, then the other becomes isolated', () => {
    const first = [code(0, 'open', '5', '<sc id="5" dataRef="d1"/>')];
    const second = [code(0, 'close', '5', '<ec startRef="5" dataRef="d2"/>')];
    const kept = unitPairing([
      { text: text('a{0}'), codes: first },
      { text: text('b{0}'), codes: second },
    ]);
    expect(targetMarkup(text('a{0}'), first, '2.0', kept)).toBe('a<sc id="5" dataRef="d1"/>');
    const broken = unitPairing([
      { text: text('a{0}'), codes: first },
      { text: 'b', codes: second },
    ]);
    expect(targetMarkup(text('a{0}'), first, '2.0', broken)).toBe('a<sc id="5" dataRef="d1" isolated="yes"/>');
    const orphanEnd = unitPairing([
      { text: 'a', codes: first },
      { text: text('b{0}'), codes: second },
    ]);
    expect(targetMarkup(text('b{0}'), second, '2.0', orphanEnd)).toBe('b<ec dataRef="d2" id="5" isolated="yes"/>');
  });

  it('when a 1.2 <ex/> loses the <bx/> its rid names, then the rid goes (the schema wants it to name one)', () => {
    const codes = [code(0, 'open', 'b1', '<bx id="1" rid="b1"/>'), code(1, 'close', 'b1', '<ex id="2" rid="b1"/>')];
    expect(targetMarkup(text('{0}a{1}'), codes, '1.2', unitPairing([{ text: text('{0}a{1}'), codes }]))).toBe(
      '<bx id="1" rid="b1"/>a<ex id="2" rid="b1"/>',
    );
    expect(targetMarkup(text('a{1}'), codes, '1.2', unitPairing([{ text: text('a{1}'), codes }]))).toBe('a<ex id="2"/>');
  });
});
