/**
 * XLIFF 1.2 and 2.0 into Redline segments, incrementally.
 *
 *   const reader = new XliffReader();
 *   for (const chunk of chunksOf(bytes)) store(reader.write(chunk)); // bounded work per chunk
 *   const { segments, document } = reader.close();                  // the rest + document facts
 *
 * What becomes a segment:
 * - every <trans-unit> (1.2) / <unit> (2.0), at any depth of <file>/<group>,
 *   whose (inherited) translate is not "no"; a unit marked translate="no" is
 *   left out of the review and left untouched in the file;
 * - 2.0: each <segment> of the unit (an <ignorable> between segments becomes
 *   the separator text);
 * - 1.2: each <mrk mtype="seg"> of <seg-source>, its target being the <mrk> with
 *   the same mid inside <target>; without <seg-source> (or when the target is
 *   not segmented) the whole trans-unit is one segment;
 * - a segment whose source is empty is left out (nothing to translate).
 * Only <source>/<target> that are direct children of the unit or segment count:
 * those in <alt-trans>, <mtc:match> or extensions are not the translation.
 * A unit without <target> gets mt '' (the editor translates from scratch) and the
 * writer adds the <target>; alternative translations are not used as MT because
 * they translate other source text.
 *
 * Whitespace follows xml:space: "preserve" keeps it exactly, "default" (the
 * XML default) collapses runs to one space and trims the ends, so pretty-printed
 * files read as sentences; the writer keeps the original leading and trailing
 * layout around a changed target.
 *
 * Each segment carries an `anchor`: offsets of the elements the writer changes
 * (see xliffWriter.ts), so export splices the original text instead of
 * re-serialising it.
 */
import { InterchangeError } from './errors';
import { collapseSpace, markCodes, partsText, type CodeOccurrence, type ContentPart } from './inlineContent';
import type { ElementRange, ImportedSegment, Range } from './types';
import { attributeValue, XmlStream, type XmlEndTag, type XmlStartTag } from './xmlStream';

export const XLIFF_1_NAMESPACES: ReadonlySet<string> = new Set([
  'urn:oasis:names:tc:xliff:document:1.2',
  'urn:oasis:names:tc:xliff:document:1.1',
  'urn:oasis:names:tc:xliff:document:1.0',
  '',
]);
/**
 * XLIFF 2.0 and 2.1 share one namespace; 2.2 has its own, with the same core elements (what Redline
 * reads and writes), so a 2.2 file is read as 2.x. The file keeps its namespace in the export.
 */
const XLIFF_2_NAMESPACES: ReadonlySet<string> = new Set(['urn:oasis:names:tc:xliff:document:2.0', 'urn:oasis:names:tc:xliff:document:2.2']);

/** Where a 1.2 segment lives in the original text. */
export interface Xliff12Anchor {
  format: 'xliff-1.2';
  /** Ordinal of the trans-unit in the document (every trans-unit counts). */
  unit: number;
  /** The <trans-unit> start tag (its approved attribute). */
  unitTag: Range;
  /** The <mrk mtype="seg"> mid, or null when the whole trans-unit is this segment. */
  mid: string | null;
  /** The unit's <target>, or null when it has none. */
  target: ElementRange | null;
  /** This segment's content element inside the target: the target itself (mid null) or its mrk. */
  content: ElementRange | null;
  /** Where a missing <target> goes: after </seg-source>, else after </source>. */
  insertTargetAt: number;
  /** Where this segment's missing mrk goes inside an existing target. */
  insertMrkAt: number | null;
  /** For a segmented unit: the <seg-source> content and this segment's mrk content, to build a new target from. */
  segSource: { content: Range; mrkContent: Range } | null;
  /** The white space before <source>, reused before an added <target>. */
  indent: string;
  preserveSpace: boolean;
  /**
   * Trados: the <sdl:seg> start tag of this segment (same id as its mid) in an SDLXLIFF file, whose
   * `conf` attribute is the review state Trados reads, or null.
   */
  sdlSeg: Range | null;
}

/** Trados Studio's namespace in SDLXLIFF files (sdl:seg-defs, sdl:seg conf="..."). */
const SDL_XLIFF_NAMESPACE = 'http://sdl.com/FileTypes/SdlXliff/1.0';

/** Where a 2.0 segment lives in the original text. */
export interface Xliff20Anchor {
  format: 'xliff-2.0';
  unit: number;
  /** The <segment> start tag (its state and subState attributes). */
  segmentTag: Range;
  target: ElementRange | null;
  /** Where a missing <target> goes: after </source>. */
  insertTargetAt: number;
  indent: string;
  preserveSpace: boolean;
  /** The source's own xml:space attribute, repeated on an added target. */
  sourceSpace: string | null;
}

export type XliffAnchor = Xliff12Anchor | Xliff20Anchor;

/**
 * The JSON an anchor is stored as (segments.anchor), written out field by field: it is made for
 * every segment an XLIFF import stores, and JSON.stringify of the nested object took twice as
 * long. Fields at their usual value (no indent, xml:space default, no xml:space of the source,
 * a 1.2 unit that is not segmented) are left out; readAnchor() puts them back, and also reads
 * the whole objects stored before.
 */
export function anchorJson(anchor: XliffAnchor): string {
  let json: string;
  if (anchor.format === 'xliff-2.0') {
    json =
      `{"format":"xliff-2.0","unit":${anchor.unit},"segmentTag":${rangeJson(anchor.segmentTag)},` +
      `"target":${elementJson(anchor.target)},"insertTargetAt":${anchor.insertTargetAt}`;
    if (anchor.sourceSpace !== null) json += `,"sourceSpace":${JSON.stringify(anchor.sourceSpace)}`;
  } else {
    json =
      `{"format":"xliff-1.2","unit":${anchor.unit},"unitTag":${rangeJson(anchor.unitTag)},` +
      `"target":${elementJson(anchor.target)},"insertTargetAt":${anchor.insertTargetAt}`;
    if (anchor.mid !== null) json += `,"mid":${JSON.stringify(anchor.mid)}`;
    if (anchor.content !== null) json += `,"content":${elementJson(anchor.content)}`;
    if (anchor.insertMrkAt !== null) json += `,"insertMrkAt":${anchor.insertMrkAt}`;
    if (anchor.segSource !== null) {
      json += `,"segSource":{"content":${rangeJson(anchor.segSource.content)},"mrkContent":${rangeJson(anchor.segSource.mrkContent)}}`;
    }
    if (anchor.sdlSeg !== null) json += `,"sdlSeg":${rangeJson(anchor.sdlSeg)}`;
  }
  if (anchor.indent !== '') json += `,"indent":${JSON.stringify(anchor.indent)}`;
  if (anchor.preserveSpace) json += ',"preserveSpace":true';
  return `${json}}`;
}

/** The anchor stored as anchorJson() wrote it (or as a whole object, as earlier versions did). */
export function readAnchor(json: string): XliffAnchor {
  // The fields left out are put back in place (no copy: an export reads every segment's anchor).
  const anchor = JSON.parse(json) as Partial<Xliff12Anchor> | Partial<Xliff20Anchor>;
  anchor.indent ??= '';
  anchor.preserveSpace ??= false;
  if (anchor.format === 'xliff-2.0') {
    anchor.sourceSpace ??= null;
  } else {
    const anchor12 = anchor as Partial<Xliff12Anchor>;
    anchor12.mid ??= null;
    anchor12.content ??= null;
    anchor12.insertMrkAt ??= null;
    anchor12.segSource ??= null;
    anchor12.sdlSeg ??= null;
  }
  return anchor as XliffAnchor;
}

function rangeJson(range: Range): string {
  return `[${range[0]},${range[1]}]`;
}

function elementJson(element: ElementRange | null): string {
  return element === null
    ? 'null'
    : `{"open":${rangeJson(element.open)},"close":${element.close === null ? 'null' : rangeJson(element.close)}}`;
}

export interface XliffSegment extends ImportedSegment {
  source: string;
  unitId: string;
  anchor: XliffAnchor;
}

export interface XliffDocument {
  format: 'xliff';
  version: '1.2' | '2.0';
  /** The version attribute as written ("1.2", "2.1", ...). */
  versionAttribute: string;
  /** BCP 47 tags as in the file (1.2: of the first <file> that has segments). */
  sourceLanguage: string | null;
  targetLanguage: string | null;
  /** WHATWG name of the text encoding ('utf-8', 'utf-16le', 'windows-1252', ...). */
  encoding: string;
  /** Length of the decoded text: the writer checks it was given the same document. */
  length: number;
  /** The <xliff> start tag (2.0: where trgLang goes when the file has none). */
  rootTag: Range;
  stats: XliffStats;
}

export interface XliffStats {
  /** Units with a non-empty source (1.2 trans-units; 2.0 units), translate="no" ones included. */
  units: number;
  /** 2.0 <segment>s with a non-empty source in all units, translate="no" ones included. */
  sourceSegments: number;
  /** Units left out of the review because of translate="no". */
  untranslatableUnits: number;
  /** Segments handed to the review. */
  segments: number;
}

export interface XliffImport {
  document: XliffDocument;
  segments: XliffSegment[];
}

/** Reads a whole XLIFF document at once (small files; big ones go through XliffReader in chunks). */
export function readXliff(input: Uint8Array | string): XliffImport {
  const reader = new XliffReader();
  const first = reader.write(input);
  const rest = reader.close();
  return { document: rest.document, segments: [...first, ...rest.segments] };
}

// ---------------------------------------------------------------------------------------------
// Content of <source>, <seg-source>, <target>: text, inline codes and 1.2 segment boundaries.

interface SegmentBoundary {
  boundary: 'start' | 'end';
  mid: string;
  element: ElementRange;
}

type RecordedPart = ContentPart | SegmentBoundary;

interface RecordedContent {
  parts: RecordedPart[];
  element: ElementRange;
  preserve: boolean;
  tag: XmlStartTag;
}

interface SegmentSlice {
  mid: string;
  parts: ContentPart[];
  element: ElementRange;
}

interface SplitContent {
  whole: ContentPart[];
  segments: SegmentSlice[];
  /** Text around the segments: gaps[i] is before segments[i], the last one after all. */
  gaps: string[];
}

function isBoundary(part: RecordedPart): part is SegmentBoundary {
  return typeof part !== 'string' && 'boundary' in part;
}

function splitContent(parts: readonly RecordedPart[]): SplitContent {
  const whole: ContentPart[] = [];
  const segments: SegmentSlice[] = [];
  const gaps: string[] = [''];
  let current: SegmentSlice | null = null;
  for (const part of parts) {
    if (isBoundary(part)) {
      if (part.boundary === 'start' && current === null) {
        current = { mid: part.mid, parts: [], element: part.element };
      } else if (part.boundary === 'end' && current !== null && current.mid === part.mid) {
        current.element = part.element;
        segments.push(current);
        gaps.push('');
        current = null;
      }
      continue;
    }
    whole.push(part);
    if (current) current.parts.push(part);
    else if (typeof part === 'string') gaps[gaps.length - 1] += part;
  }
  return { whole, segments, gaps };
}

/** The text and codes of content without its 1.2 segment boundaries (2.0 content has none: no copy is made). */
function contentParts(parts: readonly RecordedPart[]): ContentPart[] {
  return parts.some(isBoundary) ? splitContent(parts).whole : (parts as ContentPart[]);
}

const NATIVE_CODE_ELEMENTS_12 = new Set(['ph', 'bpt', 'ept', 'it']);

/** Records the inside of one content element; nested inline elements arrive through open/close. */
class ContentRecorder {
  readonly parts: RecordedPart[] = [];
  /** An element that becomes one code whole (from its start tag to its end tag), and its text. */
  private opaque: { tag: XmlStartTag; depth: number; text: string } | null = null;

  constructor(
    private readonly version: '1.2' | '2.0',
    private readonly namespace: (uri: string) => boolean,
    private readonly xml: XmlStream,
  ) {}

  text(text: string): void {
    if (this.opaque) {
      this.opaque.text += text;
      return;
    }
    const last = this.parts.length - 1;
    if (typeof this.parts[last] === 'string') this.parts[last] += text;
    else this.parts.push(text);
  }

  open(tag: XmlStartTag): void {
    if (this.opaque) {
      this.opaque.depth++;
      return;
    }
    const xliff = this.namespace(tag.uri);
    if (xliff && this.version === '1.2' && tag.local === 'mrk' && attributeValue(tag, 'mtype') === 'seg') {
      this.parts.push({ boundary: 'start', mid: attributeValue(tag, 'mid') ?? '', element: { open: [tag.start, tag.end], close: null } });
      return;
    }
    const paired =
      xliff &&
      !tag.selfClosing &&
      (this.version === '1.2' ? tag.local === 'g' || tag.local === 'mrk' : tag.local === 'pc' || tag.local === 'mrk');
    if (paired) {
      this.parts.push(this.pairedCode(tag, 'open', this.xml.raw(tag.start, tag.end)));
      return;
    }
    this.opaque = { tag, depth: 0, text: '' };
  }

  close(tag: XmlStartTag, end: XmlEndTag): void {
    if (this.opaque) {
      if (this.opaque.depth > 0) {
        this.opaque.depth--;
        return;
      }
      const { text } = this.opaque;
      this.opaque = null;
      this.parts.push(this.standaloneCode(tag, this.xml.raw(tag.start, end.end), text));
      return;
    }
    if (this.namespace(tag.uri) && this.version === '1.2' && tag.local === 'mrk' && attributeValue(tag, 'mtype') === 'seg') {
      const close: Range | null = tag.selfClosing ? null : [end.start, end.end];
      this.parts.push({ boundary: 'end', mid: attributeValue(tag, 'mid') ?? '', element: { open: [tag.start, tag.end], close } });
      return;
    }
    this.parts.push(this.pairedCode(tag, 'close', this.xml.raw(end.start, end.end)));
  }

  private pairedCode(tag: XmlStartTag, kind: 'open' | 'close', xml: string): CodeOccurrence {
    const attr = (name: string) => attributeValue(tag, name);
    if (this.version === '1.2') {
      const id = tag.local === 'mrk' ? (attr('mid') ?? '') : (attr('id') ?? '');
      return { key: `${tag.local}:${id}`, kind, id, xml, title: attr('equiv-text') ?? xml };
    }
    const id = attr('id') ?? '';
    const title = kind === 'open' ? (attr('equivStart') ?? attr('dispStart')) : (attr('equivEnd') ?? attr('dispEnd'));
    const dataRef = kind === 'open' ? attr('dataRefStart') : attr('dataRefEnd');
    return withOptional({ key: `${tag.local}:${id}`, kind, id, xml }, title ?? (dataRef === undefined ? xml : undefined), dataRef);
  }

  private standaloneCode(tag: XmlStartTag, xml: string, text: string): CodeOccurrence {
    const attr = (name: string) => attributeValue(tag, name);
    const local = this.namespace(tag.uri) ? tag.local : `{${tag.uri}}${tag.local}`;
    if (this.version === '1.2') {
      const native = NATIVE_CODE_ELEMENTS_12.has(local) && text.trim() !== '' ? text : undefined;
      const title = attr('equiv-text') ?? native ?? xml;
      const ref = attr('rid') ?? attr('id') ?? '';
      switch (local) {
        case 'bx':
          return { key: `bx:${ref}`, kind: 'open', id: ref, xml, title };
        case 'ex':
          return { key: `bx:${ref}`, kind: 'close', id: ref, xml, title };
        case 'bpt':
          return { key: `bpt:${ref}`, kind: 'open', id: ref, xml, title };
        case 'ept':
          return { key: `bpt:${ref}`, kind: 'close', id: ref, xml, title };
        case 'it': {
          const position = attr('pos') === 'close' ? 'close' : 'open';
          const id = attr('id') ?? '';
          return { key: `it:${id}:${position}`, kind: position, id, xml, title };
        }
        default: {
          const id = attr('id') ?? attr('mid') ?? tag.local;
          return { key: `${local}:${id}`, kind: 'standalone', id, xml, title };
        }
      }
    }
    switch (local) {
      case 'sc':
      case 'sm': {
        const id = attr('id') ?? '';
        return withOptional({ key: `${local}:${id}`, kind: 'open', id, xml }, attr('equiv') ?? attr('disp'), attr('dataRef'));
      }
      case 'ec':
      case 'em': {
        const id = attr('startRef') ?? attr('id') ?? '';
        const pair = local === 'ec' ? 'sc' : 'sm';
        return withOptional({ key: `${pair}:${id}`, kind: 'close', id, xml }, attr('equiv') ?? attr('disp'), attr('dataRef'));
      }
      case 'cp': {
        const hex = (attr('hex') ?? '').toUpperCase();
        return {
          key: `cp:${hex}`,
          kind: 'standalone',
          id: hex,
          xml,
          label: `U+${hex.padStart(4, '0')}`,
          title: `The character U+${hex}, which XML cannot hold`,
        };
      }
      default: {
        const id = attr('id') ?? tag.local;
        return withOptional({ key: `${local}:${id}`, kind: 'standalone', id, xml }, attr('equiv') ?? attr('disp'), attr('dataRef'));
      }
    }
  }
}

function withOptional(code: CodeOccurrence, title: string | undefined, dataRef: string | undefined): CodeOccurrence {
  if (title !== undefined) code.title = title;
  if (dataRef !== undefined) code.dataRef = dataRef;
  if (code.title === undefined && dataRef === undefined) code.title = code.xml;
  return code;
}

// ---------------------------------------------------------------------------------------------
// The reader.

interface Frame {
  tag: XmlStartTag;
  translate: boolean;
  preserve: boolean;
}

interface Unit12 {
  ordinal: number;
  tag: XmlStartTag;
  frameDepth: number;
  translate: boolean;
  source: RecordedContent | null;
  segSource: RecordedContent | null;
  target: RecordedContent | null;
  sourceIndent: string;
  insertTargetAt: number;
  notes: string[];
  /** Trados's <sdl:seg> start tags by id (SDLXLIFF), made at the first. */
  sdlSegs: Map<string, Range> | null;
}

interface Segment20 {
  tag: XmlStartTag;
  frameDepth: number;
  source: RecordedContent | null;
  target: RecordedContent | null;
  indent: string;
  insertTargetAt: number;
}

interface Unit20 {
  ordinal: number;
  tag: XmlStartTag;
  frameDepth: number;
  translate: boolean;
  notes: string[];
  /** The unit's <originalData>, made when it has any. */
  data: Map<string, string> | null;
  /** Segments and ignorables in order; an ignorable is the text it shows. */
  items: (Segment20 | { ignorable: RecordedContent[] })[];
}

export class XliffReader {
  private readonly xml: XmlStream;
  private version: '1.2' | '2.0' | null = null;
  private versionAttribute = '';
  private rootTag: Range = [0, 0];
  private namespace = '';
  private readonly frames: Frame[] = [];
  private unitOrdinal = 0;
  private paragraph = 0;
  private sourceLanguage: string | null = null;
  private targetLanguage: string | null = null;
  private fileLanguages: { source: string | null; target: string | null } = { source: null, target: null };
  private firstFileLanguages: { source: string | null; target: string | null } | null = null;
  private readonly stats: XliffStats = { units: 0, sourceSegments: 0, untranslatableUnits: 0, segments: 0 };

  private unit12: Unit12 | null = null;
  private unit20: Unit20 | null = null;
  private segment20: Segment20 | null = null;
  private ignorable: RecordedContent[] | null = null;
  /** The content element being recorded and the frame depth of its start tag. */
  private content: {
    recorder: ContentRecorder;
    depth: number;
    tag: XmlStartTag;
    preserve: boolean;
    store: (content: RecordedContent) => void;
  } | null = null;
  /** Text of a <note> or <data> being read, and where it goes. */
  private capture: { depth: number; text: string; store: (text: string) => void } | null = null;

  /** Segments completed by the last chunks, not yet returned. */
  private ready: XliffSegment[] = [];
  /** The last unit's segments: their final separator depends on whether another unit follows. */
  private held: XliffSegment[] = [];

  constructor() {
    this.xml = new XmlStream(
      {
        openTag: (tag) => this.openTag(tag),
        closeTag: (tag, end) => this.closeTag(tag, end),
        text: (text) => this.onText(text),
      },
      { fileKind: 'XLIFF file' },
    );
  }

  /** Parses the next chunk (bytes, or text already decoded) and returns the segments it completed. */
  write(chunk: Uint8Array | string): XliffSegment[] {
    this.xml.write(chunk);
    return this.takeReady();
  }

  /** Ends the input: the last segments and the document facts. */
  close(): XliffImport {
    this.xml.close();
    if (this.version === null) {
      throw new InterchangeError('not_xliff', 'The file is empty: it holds no XLIFF document.');
    }
    this.ready.push(...this.held);
    this.held = [];
    if (this.sourceLanguage === null && this.targetLanguage === null && this.firstFileLanguages) {
      this.sourceLanguage = this.firstFileLanguages.source;
      this.targetLanguage = this.firstFileLanguages.target;
    }
    const document: XliffDocument = {
      format: 'xliff',
      version: this.version,
      versionAttribute: this.versionAttribute,
      sourceLanguage: this.sourceLanguage,
      targetLanguage: this.targetLanguage,
      encoding: this.xml.encoding,
      length: this.xml.length,
      rootTag: this.rootTag,
      stats: { ...this.stats },
    };
    return { document, segments: this.takeReady() };
  }

  private takeReady(): XliffSegment[] {
    const ready = this.ready;
    this.ready = [];
    return ready;
  }

  /** XLIFF elements are in the namespace of the root <xliff>. */
  private isXliff(uri: string): boolean {
    return uri === this.namespace;
  }

  private onText(text: string): void {
    if (this.content) this.content.recorder.text(text);
    else if (this.capture) this.capture.text += text;
  }

  private openTag(tag: XmlStartTag): void {
    const parent = this.frames.at(-1);
    if (this.content) {
      // Inline markup: only its depth matters here, so it shares its parent's frame.
      this.frames.push(parent!);
      this.content.recorder.open(tag);
      return;
    }
    const space = attributeValue(tag, 'xml:space');
    const translate = attributeValue(tag, 'translate');
    const frame: Frame = {
      tag,
      translate: translate === undefined ? (parent?.translate ?? true) : translate !== 'no',
      preserve: space === undefined ? (parent?.preserve ?? false) : space === 'preserve',
    };
    this.frames.push(frame);
    const depth = this.frames.length;
    if (this.capture) return;
    if (this.version === null) {
      this.startDocument(tag);
      return;
    }
    if (!this.isXliff(tag.uri)) {
      if (this.unit12 && tag.local === 'seg' && tag.uri === SDL_XLIFF_NAMESPACE) this.noteSdlSeg(this.unit12, tag);
      return;
    }
    if (this.version === '1.2') this.open12(tag, frame, depth, parent);
    else this.open20(tag, frame, depth, parent);
  }

  private closeTag(tag: XmlStartTag, end: XmlEndTag): void {
    const depth = this.frames.length;
    this.frames.pop();
    if (this.content) {
      if (depth > this.content.depth) {
        this.content.recorder.close(tag, end);
        return;
      }
      const { recorder, preserve, store } = this.content;
      this.content = null;
      store({
        parts: recorder.parts,
        element: { open: [tag.start, tag.end], close: tag.selfClosing ? null : [end.start, end.end] },
        preserve,
        tag,
      });
      return;
    }
    if (this.capture) {
      if (depth === this.capture.depth) {
        const { text, store } = this.capture;
        this.capture = null;
        store(text);
      }
      return;
    }
    if (this.unit12 && depth === this.unit12.frameDepth) {
      const unit = this.unit12;
      this.unit12 = null;
      this.finishUnit12(unit);
      this.xml.release();
    } else if (this.segment20 && depth === this.segment20.frameDepth) {
      this.unit20?.items.push(this.segment20);
      this.segment20 = null;
    } else if (this.ignorable && this.unit20 && depth === this.unit20.frameDepth + 1) {
      this.unit20.items.push({ ignorable: this.ignorable });
      this.ignorable = null;
    } else if (this.unit20 && depth === this.unit20.frameDepth) {
      const unit = this.unit20;
      this.unit20 = null;
      this.finishUnit20(unit);
      this.xml.release();
    }
  }

  private startDocument(tag: XmlStartTag): void {
    this.rootTag = [tag.start, tag.end];
    const version = attributeValue(tag, 'version') ?? '';
    if (tag.local !== 'xliff') {
      throw new InterchangeError('not_xliff', `This is not an XLIFF file: its root element is <${tag.name}>, not <xliff>.`);
    }
    this.versionAttribute = version;
    this.namespace = tag.uri;
    if (XLIFF_2_NAMESPACES.has(tag.uri) && /^2\.\d+$/.test(version)) {
      this.version = '2.0';
      this.sourceLanguage = attributeValue(tag, 'srcLang') ?? null;
      this.targetLanguage = attributeValue(tag, 'trgLang') ?? null;
    } else if (XLIFF_1_NAMESPACES.has(tag.uri) && /^1\.[0-2]$/.test(version)) {
      this.version = '1.2';
    } else {
      throw new InterchangeError(
        'unsupported_version',
        `Redline reads XLIFF 1.0-1.2 and 2.0-2.2; this file says version "${version || '(none)'}" in the namespace "${tag.uri || '(none)'}", which do not name one of those.`,
      );
    }
  }

  private startContent(tag: XmlStartTag, depth: number, preserve: boolean, store: (content: RecordedContent) => void): void {
    this.content = { recorder: new ContentRecorder(this.version!, (uri) => this.isXliff(uri), this.xml), depth, tag, preserve, store };
  }

  private startCapture(depth: number, store: (text: string) => void): void {
    this.capture = { depth, text: '', store };
  }

  private indentBefore(tag: XmlStartTag): string {
    const before = this.xml.raw(tag.before, tag.start);
    return /^[ \t\r\n]*$/.test(before) ? before : '';
  }

  // -- XLIFF 1.2 --------------------------------------------------------------------------------

  private noteSdlSeg(unit: Unit12, tag: XmlStartTag): void {
    const id = attributeValue(tag, 'id');
    if (id !== undefined) (unit.sdlSegs ??= new Map()).set(id, [tag.start, tag.end]);
  }

  private open12(tag: XmlStartTag, frame: Frame, depth: number, parent: Frame | undefined): void {
    const unit = this.unit12;
    if (unit === null) {
      if (tag.local === 'file') {
        this.fileLanguages = {
          source: attributeValue(tag, 'source-language') ?? null,
          target: attributeValue(tag, 'target-language') ?? null,
        };
        this.firstFileLanguages ??= this.fileLanguages;
      } else if (tag.local === 'trans-unit') {
        this.xml.keep(tag.start);
        this.unit12 = {
          ordinal: this.unitOrdinal++,
          tag,
          frameDepth: depth,
          translate: frame.translate,
          source: null,
          segSource: null,
          target: null,
          sourceIndent: '',
          insertTargetAt: tag.end,
          notes: [],
          sdlSegs: null,
        };
      }
      return;
    }
    if (parent?.tag !== unit.tag) return; // only direct children of the trans-unit
    switch (tag.local) {
      case 'source':
        if (unit.source) return;
        unit.sourceIndent = this.indentBefore(tag);
        this.startContent(tag, depth, frame.preserve, (content) => {
          unit.source = content;
          if (!unit.segSource) unit.insertTargetAt = content.element.close?.[1] ?? content.element.open[1];
        });
        return;
      case 'seg-source':
        if (unit.segSource) return;
        this.startContent(tag, depth, frame.preserve, (content) => {
          unit.segSource = content;
          unit.insertTargetAt = content.element.close?.[1] ?? content.element.open[1];
        });
        return;
      case 'target':
        if (unit.target) return;
        this.startContent(tag, depth, frame.preserve, (content) => {
          unit.target = content;
        });
        return;
      case 'note':
        this.startCapture(depth, (text) => {
          if (text.trim() !== '') unit.notes.push(text.trim());
        });
        return;
      default:
    }
  }

  private finishUnit12(unit: Unit12): void {
    if (!unit.source) return;
    const source = splitContent(unit.source.parts);
    if (!hasContent(source.whole)) return;
    this.stats.units++;
    if (!unit.translate) {
      this.stats.untranslatableUnits++;
      return;
    }
    const segSource = unit.segSource ? splitContent(unit.segSource.parts) : null;
    const target = unit.target ? splitContent(unit.target.parts) : null;
    const targetElement = unit.target?.element ?? null;
    const targetPreserve = unit.target?.preserve ?? unit.source.preserve;
    const state = unit.target ? attributeValue(unit.target.tag, 'state') : undefined;
    const unitId = attributeValue(unit.tag, 'id') ?? String(unit.ordinal);
    // Anchors are built whole (no object spread): this runs once per segment of big files.
    const anchor = (
      mid: string | null,
      content: ElementRange | null,
      insertMrkAt: number | null,
      segSource: Xliff12Anchor['segSource'],
    ): Xliff12Anchor => ({
      format: 'xliff-1.2',
      unit: unit.ordinal,
      unitTag: [unit.tag.start, unit.tag.end],
      mid,
      target: targetElement,
      content,
      insertTargetAt: unit.insertTargetAt,
      insertMrkAt,
      segSource,
      indent: unit.sourceIndent,
      preserveSpace: targetPreserve,
      sdlSeg: (mid === null ? null : unit.sdlSegs?.get(mid)) ?? null,
    });
    const drafts: {
      sourceParts: ContentPart[];
      targetParts: ContentPart[];
      sourcePreserve: boolean;
      anchor: Xliff12Anchor;
      separator: string;
    }[] = [];
    const segmented = segSource !== null && segSource.segments.length > 0 && (target === null || target.segments.length > 0);
    if (segmented) {
      const segSourceContent = contentRange(unit.segSource!.element);
      let insertMrkAt = targetElement ? targetElement.open[1] : null;
      segSource.segments.forEach((slice, index) => {
        const targetSlice = target?.segments.find((candidate) => candidate.mid === slice.mid) ?? null;
        drafts.push({
          sourceParts: slice.parts,
          targetParts: targetSlice?.parts ?? [],
          sourcePreserve: unit.segSource!.preserve,
          separator: index < segSource.segments.length - 1 ? segSource.gaps[index + 1]! : '',
          anchor: anchor(slice.mid, targetSlice?.element ?? null, targetSlice || !targetElement ? null : insertMrkAt, {
            content: segSourceContent,
            mrkContent: contentRange(slice.element),
          }),
        });
        if (targetSlice) insertMrkAt = targetSlice.element.close?.[1] ?? targetSlice.element.open[1];
      });
    } else {
      drafts.push({
        sourceParts: source.whole,
        targetParts: target?.whole ?? [],
        sourcePreserve: unit.source.preserve,
        separator: '',
        anchor: anchor(null, targetElement, null, null),
      });
    }
    const segments: XliffSegment[] = [];
    for (const draft of drafts) {
      const marked = markCodes(draft.sourceParts, draft.targetParts, { source: draft.sourcePreserve, target: targetPreserve });
      if (marked.source.trim() === '') {
        // An empty segment has nothing to review; its layout still separates its neighbours.
        const previous = segments.at(-1);
        if (previous) previous.separator += separatorText(draft.separator, draft.sourcePreserve);
        continue;
      }
      const segment: XliffSegment = {
        source: marked.source,
        mt: marked.mt,
        codes: marked.codes,
        paragraph: this.paragraph,
        separator: separatorText(draft.separator, draft.sourcePreserve),
        unitId,
        anchor: draft.anchor,
      };
      if (unit.notes.length > 0) segment.notes = unit.notes;
      if (state !== undefined) segment.state = state;
      segments.push(segment);
    }
    this.emit(segments);
  }

  // -- XLIFF 2.0 --------------------------------------------------------------------------------

  private open20(tag: XmlStartTag, frame: Frame, depth: number, parent: Frame | undefined): void {
    const unit = this.unit20;
    if (unit === null) {
      if (tag.local === 'unit') {
        this.xml.keep(tag.start);
        this.unit20 = {
          ordinal: this.unitOrdinal++,
          tag,
          frameDepth: depth,
          translate: frame.translate,
          notes: [],
          data: null,
          items: [],
        };
      }
      return;
    }
    const segment = this.segment20;
    if (segment) {
      if (parent?.tag !== segment.tag) return;
      if (tag.local === 'source' && !segment.source) {
        segment.indent = this.indentBefore(tag);
        this.startContent(tag, depth, frame.preserve, (content) => {
          segment.source = content;
          segment.insertTargetAt = content.element.close?.[1] ?? content.element.open[1];
        });
      } else if (tag.local === 'target' && !segment.target) {
        this.startContent(tag, depth, frame.preserve, (content) => {
          segment.target = content;
        });
      }
      return;
    }
    if (this.ignorable) {
      if (tag.local === 'source' || tag.local === 'target') {
        const ignorable = this.ignorable;
        this.startContent(tag, depth, frame.preserve, (content) => ignorable.push(content));
      }
      return;
    }
    if (parent?.tag === unit.tag) {
      if (tag.local === 'segment') {
        this.segment20 = { tag, frameDepth: depth, source: null, target: null, indent: '', insertTargetAt: tag.end };
      } else if (tag.local === 'ignorable') {
        this.ignorable = [];
      }
      return;
    }
    const grandparent = this.frames.at(-3);
    if (tag.local === 'note' && parent?.tag.local === 'notes' && grandparent?.tag === unit.tag) {
      this.startCapture(depth, (text) => {
        if (text.trim() !== '') unit.notes.push(text.trim());
      });
    } else if (tag.local === 'data' && parent?.tag.local === 'originalData' && grandparent?.tag === unit.tag) {
      const id = attributeValue(tag, 'id');
      this.startCapture(depth, (text) => {
        if (id !== undefined) (unit.data ??= new Map()).set(id, text);
      });
    }
  }

  private finishUnit20(unit: Unit20): void {
    const unitId = attributeValue(unit.tag, 'id') ?? String(unit.ordinal);
    const segments: XliffSegment[] = [];
    let unitHasSource = false;
    for (const item of unit.items) {
      if ('ignorable' in item) {
        const shown = item.ignorable.find((content) => content.tag.local === 'target') ?? item.ignorable[0];
        const previous = segments.at(-1);
        if (shown && previous) previous.separator += separatorText(partsText(contentParts(shown.parts)), shown.preserve);
        continue;
      }
      if (!item.source) continue;
      const sourceParts = contentParts(item.source.parts);
      if (!hasContent(sourceParts)) continue;
      unitHasSource = true;
      this.stats.sourceSegments++;
      if (!unit.translate) continue;
      const targetPreserve = item.target?.preserve ?? item.source.preserve;
      resolveDataRefs(sourceParts, unit.data);
      const targetParts = item.target ? contentParts(item.target.parts) : [];
      resolveDataRefs(targetParts, unit.data);
      const marked = markCodes(sourceParts, targetParts, { source: item.source.preserve, target: targetPreserve });
      if (marked.source.trim() === '') continue;
      const segment: XliffSegment = {
        source: marked.source,
        mt: marked.mt,
        codes: marked.codes,
        paragraph: this.paragraph,
        separator: '',
        unitId,
        anchor: {
          format: 'xliff-2.0',
          unit: unit.ordinal,
          segmentTag: [item.tag.start, item.tag.end],
          target: item.target?.element ?? null,
          insertTargetAt: item.insertTargetAt,
          indent: item.indent,
          preserveSpace: targetPreserve,
          sourceSpace: attributeValue(item.source.tag, 'xml:space') ?? null,
        },
      };
      if (unit.notes.length > 0) segment.notes = unit.notes;
      const state = attributeValue(item.tag, 'state');
      if (state !== undefined) segment.state = state;
      segments.push(segment);
    }
    if (unitHasSource) {
      this.stats.units++;
      if (!unit.translate) this.stats.untranslatableUnits++;
    }
    this.emit(segments);
  }

  private emit(segments: XliffSegment[]): void {
    if (segments.length === 0) return;
    if (this.sourceLanguage === null && this.targetLanguage === null) {
      this.sourceLanguage = this.fileLanguages.source;
      this.targetLanguage = this.fileLanguages.target;
    }
    // Layout after a unit's last segment is not between its segments; a paragraph break follows instead.
    segments.at(-1)!.separator = '';
    const previousLast = this.held.at(-1);
    if (previousLast) previousLast.separator = '\n\n';
    this.ready.push(...this.held);
    this.held = segments;
    this.paragraph++;
    this.stats.segments += segments.length;
  }
}

function hasContent(parts: readonly ContentPart[]): boolean {
  return parts.some((part) => typeof part !== 'string' || part.trim() !== '');
}

function contentRange(element: ElementRange): Range {
  return element.close ? [element.open[1], element.close[0]] : [element.open[1], element.open[1]];
}

function separatorText(text: string, preserve: boolean): string {
  return preserve ? text : text === '' ? '' : collapseSpace(text) || ' ';
}

function resolveDataRefs(parts: ContentPart[], data: ReadonlyMap<string, string> | null): void {
  for (const part of parts) {
    if (typeof part === 'string' || part.dataRef === undefined) continue;
    part.title ??= data?.get(part.dataRef) ?? part.xml;
  }
}
