/**
 * The reviewed translation written back into the XLIFF file it came from,
 * faithfully: the original text is copied as it is and only the changed
 * pieces are spliced in, at the offsets the reader recorded (the anchors).
 * Everything else (skeleton, notes, extensions, comments, processing
 * instructions, CDATA, entities, white space, attribute order and quotes, the
 * encoding and its BOM) stays byte for byte, so an unedited file exports
 * byte-identical, and an untouched segment's target and state are left as they
 * were.
 *
 * A touched segment (version > 1) gets:
 * - its target content written from its text (only when the text differs from
 *   the MT, when the MT is passed: an approval alone keeps the content bytes);
 * - a <target> when the unit had none (1.2: after <seg-source> or <source>,
 *   with an <mrk mtype="seg"> per segment when the unit is segmented; 2.0: after
 *   <source>); 2.0 files without trgLang get one on <xliff>;
 * - its review state:
 *
 * | Redline status | XLIFF 1.2 target@state        | XLIFF 2.0 segment@state / subState |
 * |----------------|-------------------------------|------------------------------------|
 * | new            | left as imported (a reset brings back exactly what was imported) | initial (subState removed) |
 * | edited         | translated                    | translated                          |
 * | approved       | signed-off (+ approved="yes"); final stays final | reviewed; final stays final |
 * | rejected       | needs-review-translation      | translated, subState="redline:rejected" |
 *
 * In an SDLXLIFF file (Trados), a touched segment's <sdl:seg conf> becomes Translated,
 * ApprovedTranslation or RejectedTranslation (new: left as imported).
 *
 * In 1.2 the state belongs to the whole <target>, so a segmented unit gets the
 * state of its least advanced segment: any rejected → needs-review-translation,
 * all approved → signed-off, else translated (only resets → left as imported).
 * trans-unit@approved becomes "yes" when all its segments are approved and
 * "no" when it said "yes" and Redline writes another state. When Redline
 * changes the state, the stale 1.2 state-qualifier and 2.0 subState go (a
 * "redline:" subState always goes unless the segment is rejected).
 *
 * The writer works in bounded steps (a generator: each next() copies at most
 * ~32K characters or splices ~100 units) so a big export never blocks the event loop.
 * Pass EVERY segment of the document (untouched ones too): a unit's layout
 * (new segmented targets, 2.0 code pairs across segments) depends on all of them.
 */
import type { InlineCode } from '../codes/inlineCodes';
import { InterchangeError } from './errors';
import { pairingChanges, targetMarkup, unitPairing, type XliffVersion } from './targetMarkup';
import { StrictTextDecoder, XmlTextEncoder } from './textEncoding';
import type { ElementRange, Range, ReviewStatus } from './types';
import type { Xliff12Anchor, Xliff20Anchor, XliffAnchor, XliffDocument } from './xliffReader';
import { escapeXmlAttribute, localName, openFormOf, tagAttribute, tagName, withTagAttribute } from './xmlMarkup';

export interface XliffSegmentUpdate {
  anchor: XliffAnchor;
  /** The current text, with markers for inline codes. */
  text: string;
  status: ReviewStatus;
  /** Whether a person changed the segment (version > 1). Untouched segments are left byte for byte. */
  touched: boolean;
  codes: readonly InlineCode[];
  /** The imported MT. When given and equal to `text`, the target's content is kept byte for byte. */
  mt?: string;
}

export interface XliffWriteOptions {
  /** BCP 47 tag for trgLang when a 2.0 file without one gets its first target (default: the document's). */
  targetLanguage?: string;
}

interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Characters copied per step, and units spliced per step, at most (a few milliseconds each). */
const STEP_CHARACTERS = 1 << 15;
const STEP_UNITS = 100;
const DECODE_STEP_BYTES = 1 << 20;

const STATE_12: Record<ReviewStatus, string | null> = {
  new: null,
  edited: 'translated',
  approved: 'signed-off',
  rejected: 'needs-review-translation',
};
const STATE_20: Record<ReviewStatus, string> = {
  new: 'initial',
  edited: 'translated',
  approved: 'reviewed',
  rejected: 'translated',
};
const REJECTED_SUBSTATE = 'redline:rejected';

/** A Redline status as XLIFF 2.0 segment attributes (see the table above). */
export function xliff20State(status: ReviewStatus): { state: string; subState?: string } {
  return status === 'rejected' ? { state: STATE_20.rejected, subState: REJECTED_SUBSTATE } : { state: STATE_20[status] };
}

/** The whole export at once (tests, small files). */
export function writeXliff(
  original: Uint8Array,
  document: XliffDocument,
  updates: readonly XliffSegmentUpdate[],
  options?: XliffWriteOptions,
): Uint8Array;
export function writeXliff(
  original: string,
  document: XliffDocument,
  updates: readonly XliffSegmentUpdate[],
  options?: XliffWriteOptions,
): string;
export function writeXliff(
  original: Uint8Array | string,
  document: XliffDocument,
  updates: readonly XliffSegmentUpdate[],
  options: XliffWriteOptions = {},
): Uint8Array | string {
  if (typeof original === 'string') return [...xliffExportChunks(original, document, updates, options)].join('');
  const chunks = [...xliffExportChunks(original, document, updates, options)];
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/**
 * The export in chunks: bytes in the file's own encoding when `original` is the
 * file's bytes, text when it is the text the reader was given. Some chunks may
 * be empty (steps spent decoding the original).
 */
export function xliffExportChunks(
  original: Uint8Array,
  document: XliffDocument,
  updates: readonly XliffSegmentUpdate[],
  options?: XliffWriteOptions,
): Generator<Uint8Array>;
export function xliffExportChunks(
  original: string,
  document: XliffDocument,
  updates: readonly XliffSegmentUpdate[],
  options?: XliffWriteOptions,
): Generator<string>;
export function* xliffExportChunks(
  original: Uint8Array | string,
  document: XliffDocument,
  updates: readonly XliffSegmentUpdate[],
  options: XliffWriteOptions = {},
): Generator<Uint8Array | string> {
  let text: PiecedText;
  let encoder: XmlTextEncoder | null = null;
  if (typeof original === 'string') {
    text = new PiecedText([original]);
  } else {
    // Decoded 1 MB per step, and kept in pieces: joining a big file into one string is itself a long step.
    const decoder = new StrictTextDecoder('xml');
    const pieces: string[] = [];
    for (let offset = 0; offset < original.length; offset += DECODE_STEP_BYTES) {
      pieces.push(decoder.write(original.subarray(offset, offset + DECODE_STEP_BYTES)));
      yield new Uint8Array(0);
    }
    pieces.push(decoder.end());
    text = new PiecedText(pieces);
    encoder = new XmlTextEncoder(document.encoding);
  }
  if (text.length !== document.length) {
    throw new InterchangeError('anchor_mismatch', 'The XLIFF file given for export is not the one this article was imported from.');
  }
  const output = (chunk: string): Uint8Array | string => (encoder ? encoder.encode(chunk) : chunk);

  const ordered = unitsInOrder(updates);
  const version: XliffVersion = document.version;
  let out = '';
  let cursor = 0;
  let unitsInStep = 0;

  // Copies the original up to `end` into `out`, and returns the steps of output that filled meanwhile, to be
  // yielded (usually none). A plain function rather than a generator delegated to with yield*: a generator
  // made inside each export gives its generator objects a new shape, which deoptimised this one at each export.
  const copyTo = (end: number): readonly (Uint8Array | string)[] => {
    let filled: (Uint8Array | string)[] | undefined;
    while (end - cursor + out.length > STEP_CHARACTERS) {
      let cut = cursor + Math.max(0, STEP_CHARACTERS - out.length);
      if (cut > cursor && isHighSurrogate(text.slice(cut - 1, cut).charCodeAt(0))) cut--;
      out += text.slice(cursor, cut);
      cursor = cut;
      (filled ??= []).push(output(out));
      out = '';
    }
    out += text.slice(cursor, end);
    cursor = end;
    return filled ?? NO_CHUNKS;
  };

  const rootSplice = version === '2.0' ? targetLanguageSplice(text, document, ordered, options) : null;
  if (rootSplice) {
    for (const chunk of copyTo(rootSplice.start)) yield chunk;
    out += rootSplice.text;
    cursor = rootSplice.end;
  }
  for (const unit of unitGroups(ordered)) {
    if (unit.length > 1) unit.sort((a, b) => segmentPosition(a.anchor) - segmentPosition(b.anchor));
    const splices =
      version === '1.2'
        ? [...unitSplices12(text, unit as Update12[]), ...sdlSplices(text, unit as Update12[])].sort((a, b) => a.start - b.start)
        : unitSplices20(text, unit as Update20[]);
    for (const splice of splices) {
      for (const chunk of copyTo(splice.start)) yield chunk;
      out += splice.text;
      cursor = splice.end;
    }
    if (splices.length > 0 && ++unitsInStep >= STEP_UNITS) {
      unitsInStep = 0;
      yield output(out);
      out = '';
    }
  }
  for (const chunk of copyTo(text.length)) yield chunk;
  if (out) yield output(out);
}

const NO_CHUNKS: readonly string[] = [];

/** A long text held as consecutive pieces; slices may cross pieces. */
class PiecedText {
  readonly length: number;
  private readonly starts: number[] = [];

  constructor(private readonly pieces: readonly string[]) {
    let length = 0;
    for (const piece of pieces) {
      this.starts.push(length);
      length += piece.length;
    }
    this.length = length;
  }

  slice(start: number, end: number): string {
    let index = this.pieceAt(start);
    let out = '';
    while (start < end && index < this.pieces.length) {
      const pieceStart = this.starts[index]!;
      const piece = this.pieces[index]!;
      out += piece.slice(start - pieceStart, end - pieceStart);
      start = pieceStart + piece.length;
      index++;
    }
    return out;
  }

  private pieceAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

type Update12 = XliffSegmentUpdate & { anchor: Xliff12Anchor };
type Update20 = XliffSegmentUpdate & { anchor: Xliff20Anchor };

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Updates grouped by unit, units and their segments in document order. The app
 * usually passes them in document order already; only otherwise is there a sort.
 */
function unitsInOrder(updates: readonly XliffSegmentUpdate[]): readonly XliffSegmentUpdate[] {
  for (let i = 1; i < updates.length; i++) {
    if (updates[i]!.anchor.unit < updates[i - 1]!.anchor.unit) {
      return [...updates].sort((a, b) => a.anchor.unit - b.anchor.unit);
    }
  }
  return updates;
}

/** The units of updates in unit order, one group at a time (so grouping is spread over the steps). */
function* unitGroups(updates: readonly XliffSegmentUpdate[]): Generator<XliffSegmentUpdate[]> {
  let group: XliffSegmentUpdate[] = [];
  for (const update of updates) {
    if (group.length > 0 && group[0]!.anchor.unit !== update.anchor.unit) {
      yield group;
      group = [];
    }
    group.push(withTargetMarkup(update));
  }
  if (group.length > 0) yield group;
}

/** A target is written with its own markup for the codes it wrote other than the source (InlineCode.targetXml). */
function withTargetMarkup(update: XliffSegmentUpdate): XliffSegmentUpdate {
  if (!update.codes.some((code) => code.targetXml !== undefined)) return update;
  return { ...update, codes: update.codes.map((code) => (code.targetXml === undefined ? code : { ...code, xml: code.targetXml })) };
}

function segmentPosition(anchor: XliffAnchor): number {
  if (anchor.format === 'xliff-2.0') return anchor.segmentTag[0];
  return anchor.segSource?.mrkContent[0] ?? anchor.unitTag[0];
}

function changesText(update: XliffSegmentUpdate): boolean {
  return update.touched && (update.mt === undefined || update.text !== update.mt);
}

/** The start tag at `range`, checked to be the element the anchor says (else the wrong file was given). */
function startTagAt(text: PiecedText, range: Range, element: string): string {
  const tag = text.slice(range[0], range[1]);
  if (!tag.startsWith('<') || localName(tagName(tag)) !== element) {
    throw new InterchangeError(
      'anchor_mismatch',
      `The XLIFF file given for export does not match this article: no <${element}> where the import found it.`,
    );
  }
  return tag;
}

/** "xlf:" when the document writes XLIFF elements with a prefix, else ''. */
function prefixOf(tag: string): string {
  const name = tagName(tag);
  const colon = name.indexOf(':');
  return colon === -1 ? '' : name.slice(0, colon + 1);
}

/** New content for an element, keeping the original leading and trailing layout where white space does not count. */
function contentSplices(text: PiecedText, element: ElementRange, startTag: string, markup: string, preserveSpace: boolean): Splice[] {
  if (element.close === null) {
    const open = openFormOf(startTag);
    return [{ start: element.open[0], end: element.open[1], text: `${open}${markup}</${tagName(open)}>` }];
  }
  const original = text.slice(element.open[1], element.close[0]);
  let content = markup;
  if (!preserveSpace && original.trim() !== '') {
    content = /^[ \t\r\n]*/.exec(original)![0] + markup + /[ \t\r\n]*$/.exec(original)![0];
  }
  const splices: Splice[] = [];
  if (startTag !== text.slice(element.open[0], element.open[1]))
    splices.push({ start: element.open[0], end: element.open[1], text: startTag });
  splices.push({ start: element.open[1], end: element.close[0], text: content });
  return splices;
}

function changedTag(range: Range, before: string, after: string): Splice[] {
  return before === after ? [] : [{ start: range[0], end: range[1], text: after }];
}

// -- XLIFF 1.2 --------------------------------------------------------------------------------------

function state12(unit: readonly Update12[]): string | null {
  if (unit.some((update) => update.status === 'rejected')) return STATE_12.rejected;
  if (unit.every((update) => update.status === 'approved')) return STATE_12.approved;
  if (unit.some((update) => update.touched && (update.status === 'edited' || update.status === 'approved'))) return STATE_12.edited;
  return null;
}

/** Trados's own review state (sdl:seg conf), which Trados reads instead of target@state. */
const SDL_CONF: Record<ReviewStatus, string | null> = {
  new: null,
  edited: 'Translated',
  approved: 'ApprovedTranslation',
  rejected: 'RejectedTranslation',
};

/**
 * In an SDLXLIFF file, each touched segment's <sdl:seg conf> follows its status (a reset to the MT
 * leaves it as imported). The sdl:seg-defs come after the unit's target, so these splices follow the
 * target's (the caller sorts them all the same).
 */
function sdlSplices(text: PiecedText, unit: readonly Update12[]): Splice[] {
  const splices: Splice[] = [];
  for (const update of unit) {
    const conf = SDL_CONF[update.status];
    if (!update.touched || conf === null || update.anchor.sdlSeg === null) continue;
    const tag = startTagAt(text, update.anchor.sdlSeg, 'seg');
    splices.push(...changedTag(update.anchor.sdlSeg, tag, withTagAttribute(tag, 'conf', conf)));
  }
  return splices;
}

function unitSplices12(text: PiecedText, unit: readonly Update12[]): Splice[] {
  if (!unit.some((update) => update.touched)) return [];
  const anchor = unit[0]!.anchor;
  const splices: Splice[] = [];
  const state = state12(unit);

  const unitTag = startTagAt(text, anchor.unitTag, 'trans-unit');
  const prefix = prefixOf(unitTag);
  let newUnitTag = unitTag;
  if (unit.every((update) => update.status === 'approved')) newUnitTag = withTagAttribute(unitTag, 'approved', 'yes');
  else if (state !== null && tagAttribute(unitTag, 'approved') === 'yes') newUnitTag = withTagAttribute(unitTag, 'approved', 'no');
  splices.push(...changedTag(anchor.unitTag, unitTag, newUnitTag));

  const pairing = unitPairing(unit);
  const changed = new Set(unit.filter((update) => changesText(update) || pairingChanges(update.text, update.codes, '1.2', pairing)));
  const markup = (update: Update12) => targetMarkup(update.text, update.codes, '1.2', pairing);

  if (anchor.target) {
    const targetTag = startTagAt(text, anchor.target.open, 'target');
    let newTargetTag = targetTag;
    if (state !== null && tagAttribute(targetTag, 'state') !== state && !staysFinal(tagAttribute(targetTag, 'state'), state)) {
      newTargetTag = withTagAttribute(withTagAttribute(targetTag, 'state', state), 'state-qualifier', undefined);
    }
    if (anchor.mid === null) {
      const update = unit[0]!;
      splices.push(
        ...(changed.has(update)
          ? contentSplices(text, anchor.target, newTargetTag, markup(update), anchor.preserveSpace)
          : changedTag(anchor.target.open, targetTag, newTargetTag)),
      );
      return splices;
    }
    splices.push(...changedTag(anchor.target.open, targetTag, newTargetTag));
    for (const update of unit) {
      if (!changed.has(update)) continue;
      const { content, insertMrkAt, mid } = update.anchor;
      if (content) {
        const mrkTag = startTagAt(text, content.open, 'mrk');
        splices.push(...contentSplices(text, content, mrkTag, markup(update), update.anchor.preserveSpace));
      } else if (insertMrkAt !== null) {
        const mrk = `<${prefix}mrk mid="${escapeXmlAttribute(mid ?? '')}" mtype="seg">${markup(update)}</${prefix}mrk>`;
        splices.push({ start: insertMrkAt, end: insertMrkAt, text: mrk });
      }
    }
    return splices.sort((a, b) => a.start - b.start);
  }

  // No <target> yet: add one, segmented like <seg-source> when the unit is.
  let content: string;
  if (anchor.mid === null || anchor.segSource === null) {
    content = changed.has(unit[0]!) ? markup(unit[0]!) : '';
  } else {
    const [start, end] = anchor.segSource.content;
    let cursor = start;
    content = '';
    for (const update of unit) {
      const [mrkStart, mrkEnd] = update.anchor.segSource!.mrkContent;
      content += text.slice(cursor, mrkStart) + (changed.has(update) ? markup(update) : '');
      cursor = mrkEnd;
    }
    content += text.slice(cursor, end);
  }
  const stateAttribute = state === null ? '' : ` state="${state}"`;
  const target = `${anchor.indent}<${prefix}target${stateAttribute}>${content}</${prefix}target>`;
  splices.push({ start: anchor.insertTargetAt, end: anchor.insertTargetAt, text: target });
  return splices;
}

// -- XLIFF 2.0 --------------------------------------------------------------------------------------

function targetLanguageSplice(
  text: PiecedText,
  document: XliffDocument,
  updates: readonly XliffSegmentUpdate[],
  options: XliffWriteOptions,
): Splice | null {
  const addsTarget = updates.some((update) => update.anchor.target === null && changesText(update));
  if (!addsTarget) return null;
  const rootTag = startTagAt(text, document.rootTag, 'xliff');
  if (tagAttribute(rootTag, 'trgLang') !== undefined) return null;
  const language = options.targetLanguage ?? document.targetLanguage;
  if (!language) {
    throw new InterchangeError(
      'bad_segment',
      "The XLIFF 2.0 file names no target language (trgLang); give the article's language to export it.",
    );
  }
  return { start: document.rootTag[0], end: document.rootTag[1], text: withTagAttribute(rootTag, 'trgLang', language) };
}

function unitSplices20(text: PiecedText, unit: readonly Update20[]): Splice[] {
  if (!unit.some((update) => update.touched)) return [];
  const pairing = unitPairing(unit);
  const splices: Splice[] = [];
  for (const update of unit) {
    const { anchor } = update;
    const rewrite = changesText(update) || pairingChanges(update.text, update.codes, '2.0', pairing);
    if (update.touched) {
      const segmentTag = startTagAt(text, anchor.segmentTag, 'segment');
      splices.push(...changedTag(anchor.segmentTag, segmentTag, withState20(segmentTag, update.status)));
    }
    if (!rewrite) continue;
    const markup = targetMarkup(update.text, update.codes, '2.0', pairing);
    if (anchor.target) {
      const targetTag = startTagAt(text, anchor.target.open, 'target');
      splices.push(...contentSplices(text, anchor.target, targetTag, markup, anchor.preserveSpace));
    } else {
      const prefix = prefixOf(text.slice(anchor.segmentTag[0], anchor.segmentTag[1]));
      const space = anchor.sourceSpace === null ? '' : ` xml:space="${escapeXmlAttribute(anchor.sourceSpace)}"`;
      const target = `${anchor.indent}<${prefix}target${space}>${markup}</${prefix}target>`;
      splices.push({ start: anchor.insertTargetAt, end: anchor.insertTargetAt, text: target });
    }
  }
  return splices.sort((a, b) => a.start - b.start);
}

/**
 * "final" is past what an approval writes (signed-off in 1.2, reviewed in 2.0): a segment the file
 * already had as final stays so when Redline approves it, instead of being taken a step back.
 */
function staysFinal(oldState: string | undefined, state: string): boolean {
  return oldState === 'final' && (state === STATE_12.approved || state === STATE_20.approved);
}

function withState20(segmentTag: string, status: ReviewStatus): string {
  const oldState = tagAttribute(segmentTag, 'state') ?? 'initial';
  const state = staysFinal(oldState, STATE_20[status]) ? oldState : STATE_20[status];
  const oldSubState = tagAttribute(segmentTag, 'subState');
  let subState: string | undefined = oldSubState;
  if (status === 'rejected') subState = REJECTED_SUBSTATE;
  else if (oldSubState !== undefined && (oldSubState.startsWith('redline:') || oldState !== state)) subState = undefined;
  return withTagAttribute(withTagAttribute(segmentTag, 'state', state), 'subState', subState);
}
