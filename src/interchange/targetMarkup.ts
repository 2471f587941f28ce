/**
 * An editor's text (plain text with inline-code markers) back into XLIFF
 * target content. The editor may delete, reorder or duplicate markers, so the
 * markers no longer have to nest; the result must still be well-formed and
 * valid. The rules:
 *
 * | code in the file                   | both markers, nested | both, crossing or reversed | one marker alone |
 * |------------------------------------|----------------------|----------------------------|------------------|
 * | 1.2 <g>                            | <g>..</g>            | <bx/> .. <ex/>             | <bx/> or <ex/>   |
 * | 2.0 <pc>                           | <pc>..</pc>          | <sc/> .. <ec startRef/>    | <sc isolated="yes"/> or <ec id isolated="yes"/> |
 * | 1.2 <mrk>, 2.0 <mrk> (annotations) | <mrk>..</mrk>        | 2.0 <sm/>..<em/>; 1.2 dropped | dropped (the text stays) |
 * | 2.0 <sc/>/<ec/>                    | as written (their partner may be in another segment of the unit) | | isolated="yes" when the partner is nowhere in the unit |
 * | 2.0 <sm/>/<em/>                    | as written           |                            | dropped          |
 * | 1.2 <x/> <ph> <bx/> <ex/> <bpt> <ept> <it>, 2.0 <ph/> <cp/> | as written (placeholders: any order is valid) | | |
 *
 * A marker that appears twice is written once (its first place); a Private
 * Use Area character that is no marker of the segment is text. Characters XML
 * cannot hold become <cp hex=".."/> in 2.0 and are dropped in 1.2 (which has
 * no way to write them).
 */
import type { InlineCode } from '../codes/inlineCodes';
import { escapeXmlText, localName, openFormOf, tagAttribute, tagName, unescapeXml, withTagAttribute } from './xmlMarkup';

export type XliffVersion = '1.2' | '2.0';

/**
 * 2.0 <sc/>/<ec/> (and <sm/>/<em/>) pairs can span segments: which of them still
 * have their partner somewhere in the unit. Keys are "sc:ID" and "sm:ID".
 */
export interface UnitPairing {
  /** Starts followed (in this segment or a later one) by their end. */
  startsWithEnd: ReadonlySet<string>;
  /** Ends preceded by their start. */
  endsWithStart: ReadonlySet<string>;
}

interface Token {
  code: InlineCode;
  element: string;
  container: boolean;
}

const NO_PAIRING: UnitPairing = { startsWithEnd: new Set(), endsWithStart: new Set() };

export function escapeSegmentText(text: string, version: XliffVersion): string {
  return escapeXmlText(text, version === '2.0' ? cpElement : undefined);
}

function cpElement(codePoint: number): string {
  return `<cp hex="${codePoint.toString(16).toUpperCase().padStart(4, '0')}"/>`;
}

function isContainer(version: XliffVersion, element: string, code: InlineCode): boolean {
  const xml = code.xml ?? '';
  if (code.kind === 'standalone' || xml.endsWith('/>')) return false;
  return version === '1.2' ? element === 'g' || element === 'mrk' : element === 'pc' || element === 'mrk';
}

/** The markers of a text in order, each code once, with what they stand for. */
export function codeSequence(text: string, codes: readonly InlineCode[]): InlineCode[] {
  const byMarker = new Map(codes.map((code) => [code.marker, code]));
  const seen = new Set<string>();
  const sequence: InlineCode[] = [];
  for (const char of text) {
    const code = byMarker.get(char);
    if (code && !seen.has(char)) {
      seen.add(char);
      sequence.push(code);
    }
  }
  return sequence;
}

/** Start and end placeholders linked across segments: 2.0 sc/ec and sm/em by id, 1.2 bx/ex and bpt/ept by rid. */
const LINKED: Record<string, { pair: string; start: boolean }> = {
  sc: { pair: 'sc', start: true },
  ec: { pair: 'sc', start: false },
  sm: { pair: 'sm', start: true },
  em: { pair: 'sm', start: false },
  bx: { pair: 'bx', start: true },
  ex: { pair: 'bx', start: false },
  bpt: { pair: 'bpt', start: true },
  ept: { pair: 'bpt', start: false },
};

/** Which linked placeholders of a unit keep their partner, given the unit's segment texts in order. */
export function unitPairing(segments: readonly { text: string; codes: readonly InlineCode[] }[]): UnitPairing {
  const opened = new Set<string>();
  const startsWithEnd = new Set<string>();
  const endsWithStart = new Set<string>();
  for (const segment of segments) {
    for (const code of codeSequence(segment.text, segment.codes)) {
      const linked = LINKED[localName(tagName(code.xml ?? ''))];
      if (!linked) continue;
      const key = `${linked.pair}:${code.id}`;
      if (linked.start) opened.add(key);
      else if (opened.has(key)) {
        startsWithEnd.add(key);
        endsWithStart.add(key);
      }
    }
  }
  return { startsWithEnd, endsWithStart };
}

/** Whether the unit's pairing changes how a 2.0 sc/ec/sm/em of this text is written (a partner was deleted). */
export function pairingChanges(text: string, codes: readonly InlineCode[], version: XliffVersion, pairing: UnitPairing): boolean {
  return codeSequence(text, codes).some((code) => {
    const element = localName(tagName(code.xml ?? ''));
    if (!(element in LINKED)) return false;
    return placeholderMarkup({ code, element, container: false }, version, pairing) !== code.xml;
  });
}

/** The target content for a text: escaped text and the codes' markup, valid whatever the editor did to the markers. */
export function targetMarkup(text: string, codes: readonly InlineCode[], version: XliffVersion, pairing: UnitPairing = NO_PAIRING): string {
  const byMarker = new Map(codes.map((code) => [code.marker, code]));
  const pieces: (string | Token)[] = [];
  const seen = new Set<string>();
  let run = '';
  for (const char of text) {
    const code = byMarker.get(char);
    if (!code) {
      run += char;
      continue;
    }
    if (seen.has(char)) continue;
    seen.add(char);
    if (run) pieces.push(run);
    run = '';
    const element = localName(tagName(code.xml ?? ''));
    pieces.push({ code, element, container: isContainer(version, element, code) });
  }
  if (run) pieces.push(run);

  const form = containerForms(pieces);
  let out = '';
  pieces.forEach((piece, index) => {
    if (typeof piece === 'string') out += escapeSegmentText(piece, version);
    else out += piece.container ? containerMarkup(piece, form.get(index)!, version, codes) : placeholderMarkup(piece, version, pairing);
  });
  return out;
}

type ContainerForm = 'nested' | 'split' | 'alone';

/** For each container marker: does it nest with its partner, come before a partner it crosses, or stand alone? */
function containerForms(pieces: readonly (string | Token)[]): Map<number, ContainerForm> {
  const forms = new Map<number, ContainerForm>();
  const stack: number[] = [];
  /** Opens taken off the stack because a close crossed them: their close, if it comes, is "split". */
  const crossed = new Map<string, number>();
  const pairKey = (token: Token) => `${token.element}\u0000${token.code.id}`;
  pieces.forEach((piece, index) => {
    if (typeof piece === 'string' || !piece.container) return;
    if (piece.code.kind === 'open') {
      stack.push(index);
      return;
    }
    const key = pairKey(piece);
    const at = findLastIndex(stack, (open) => pairKey(pieces[open] as Token) === key);
    if (at === -1) {
      const open = crossed.get(key);
      if (open !== undefined) {
        forms.set(open, 'split');
        forms.set(index, 'split');
        crossed.delete(key);
      } else forms.set(index, 'alone');
      return;
    }
    for (const inner of stack.splice(at + 1)) crossed.set(pairKey(pieces[inner] as Token), inner);
    const open = stack.pop()!;
    forms.set(open, 'nested');
    forms.set(index, 'nested');
  });
  for (const open of stack) forms.set(open, 'alone');
  for (const open of crossed.values()) forms.set(open, 'alone');
  return forms;
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}

// Attributes of a 2.0 <pc> that belong to its start or its end when it is split into <sc/> and <ec/>.
const PC_START_ONLY: Record<string, string | null> = {
  dataRefStart: 'dataRef',
  dispStart: 'disp',
  equivStart: 'equiv',
  subFlowsStart: 'subFlows',
  dataRefEnd: null,
  dispEnd: null,
  equivEnd: null,
  subFlowsEnd: null,
};
const PC_END_ONLY: Record<string, string | null> = {
  dataRefEnd: 'dataRef',
  dispEnd: 'disp',
  equivEnd: 'equiv',
  subFlowsEnd: 'subFlows',
  dataRefStart: null,
  dispStart: null,
  equivStart: null,
  subFlowsStart: null,
};
// <g> attributes that <bx/> and <ex/> do not have.
const G_ONLY = ['ctype', 'clone', 'css-style', 'style', 'class', 'font', 'xml:lang'];
const NMTOKEN = /^[\p{L}\p{N}._:-]+$/u;

function containerMarkup(token: Token, form: ContainerForm, version: XliffVersion, codes: readonly InlineCode[]): string {
  const { code, element } = token;
  if (form === 'nested') return code.xml ?? '';
  const open = code.kind === 'open';
  // The start tag holds the attributes; a close code only has "</pc>", so take its open partner's.
  const startTag = open
    ? (code.xml ?? '')
    : (codes.find((other) => other.kind === 'open' && other.id === code.id && localName(tagName(other.xml ?? '')) === element)?.xml ??
      `<${tagName(code.xml ?? '')}>`);
  const idForm = NMTOKEN.test(code.id) ? code.id : undefined;
  if (element === 'mrk') {
    if (version === '1.2' || form === 'alone') return ''; // an annotation that no longer spans anything
    return open ? emptyElement(renamed(startTag, 'sm')) : emptyElement(withTagAttribute('<em>', 'startRef', code.id));
  }
  if (version === '1.2') {
    // A <g> that no longer nests: its begin and end as placeholders, linked by rid.
    let tag = renamed(startTag, open ? 'bx' : 'ex');
    for (const name of G_ONLY) tag = withTagAttribute(tag, name, undefined);
    tag = withTagAttribute(tag, 'id', code.id);
    // rid links the two halves; a lone <ex/> must not name a <bx/> that is not there.
    const linked = form === 'split' ? idForm : undefined;
    return emptyElement(withTagAttribute(withTagAttribute(tag, 'rid', undefined), 'rid', linked));
  }
  // A 2.0 <pc> that no longer nests: <sc/> and <ec/>, isolated when the other half is gone.
  let tag = renamed(startTag, open ? 'sc' : 'ec');
  for (const [name, replacement] of Object.entries(open ? PC_START_ONLY : PC_END_ONLY)) tag = moveAttribute(tag, name, replacement);
  if (form === 'alone') return emptyElement(withTagAttribute(withTagAttribute(tag, 'id', code.id), 'isolated', 'yes'));
  if (open) return emptyElement(tag);
  tag = withTagAttribute(withTagAttribute(tag, 'id', undefined), 'dir', undefined);
  return emptyElement(withTagAttribute(tag, 'startRef', code.id));
}

function placeholderMarkup(token: Token, version: XliffVersion, pairing: UnitPairing): string {
  const { code, element } = token;
  const xml = code.xml ?? '';
  if (version === '1.2') {
    // The 1.2 schema wants the rid of an <ex/> or <ept> to name a <bx/> or <bpt> of the same target.
    const end = element === 'ex' || element === 'ept';
    const pair = element === 'ex' ? 'bx' : 'bpt';
    if (end && tagAttribute(xml, 'rid') !== undefined && !pairing.endsWithStart.has(`${pair}:${code.id}`)) {
      const tag = withTagAttribute(startOf(xml), 'rid', undefined);
      return element === 'ex' ? emptyElement(tag) : tag + xml.slice(startOf(xml).length);
    }
    return xml;
  }
  if (tagAttribute(xml, 'isolated') === 'yes') return xml;
  if (element === 'sc' && !pairing.startsWithEnd.has(`sc:${code.id}`)) {
    return emptyElement(withTagAttribute(openFormOf(xml), 'isolated', 'yes'));
  }
  if (element === 'ec' && !pairing.endsWithStart.has(`sc:${code.id}`)) {
    const tag = withTagAttribute(withTagAttribute(openFormOf(xml), 'startRef', undefined), 'id', code.id);
    return emptyElement(withTagAttribute(tag, 'isolated', 'yes'));
  }
  // An annotation marker without its other half: no longer an annotation (its text stays).
  if (element === 'sm' && !pairing.startsWithEnd.has(`sm:${code.id}`)) return '';
  if (element === 'em' && !pairing.endsWithStart.has(`sm:${code.id}`)) return '';
  return xml;
}

/** The start tag of an element's markup ("<ept rid='1'>" of "<ept rid='1'>&lt;/b></ept>"), in its open form. */
function startOf(xml: string): string {
  const end = xml.indexOf('>') + 1;
  return openFormOf(xml.slice(0, end));
}

function renamed(startTag: string, name: string): string {
  const current = tagName(startTag);
  const colon = current.indexOf(':');
  const qualified = colon === -1 ? name : `${current.slice(0, colon + 1)}${name}`;
  return `<${qualified}${startTag.slice(1 + current.length)}`;
}

function emptyElement(startTag: string): string {
  return startTag.replace(/[ \t\r\n]*\/?>$/, '/>');
}

function moveAttribute(tag: string, name: string, replacement: string | null): string {
  const value = tagAttribute(tag, name);
  if (value === undefined) return tag;
  const without = withTagAttribute(tag, name, undefined);
  return replacement === null ? without : withTagAttribute(without, replacement, unescapeXml(value));
}
