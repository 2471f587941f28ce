/**
 * Approved translations as a TMX 1.4b translation memory: one <tu> per
 * approved segment that has a source, source → corrected text.
 *
 * Header: creationtool "Redline", segtype "sentence", o-tmf "Redline",
 * adminlang "en", datatype "plaintext" unless told otherwise.
 *
 * Inline codes become TMX inline elements holding the original markup as
 * their (escaped) content, so a TM tool can put them back: an open code whose
 * close follows in the same text → <bpt i=".."> and <ept i="..">; an open or
 * close without its partner → <it pos="begin|end">; a standalone code → <ph>.
 * `x` numbers the code within the segment, the same in source and target, so
 * matching codes can be aligned. Produced in bounded steps.
 */
import type { InlineCode } from '../codes/inlineCodes';
import { codeSequence } from './targetMarkup';
import type { ReviewStatus } from './types';
import { escapeXmlAttribute, escapeXmlText } from './xmlMarkup';

export interface TmxSegment {
  source: string | null;
  /** The corrected text. */
  text: string;
  status: ReviewStatus;
  codes: readonly InlineCode[];
  /** Written as the unit's tuid when given. */
  id?: string;
  /** When the segment was last changed (written as changedate). */
  changedAt?: Date;
}

export interface TmxOptions {
  sourceLanguage: string;
  targetLanguage: string;
  creationTool?: string;
  creationToolVersion?: string;
  /** The kind of text the segments came from: "plaintext" (default), "xml", "html", ... */
  datatype?: string;
  adminLanguage?: string;
  /** Defaults to now. */
  creationDate?: Date;
}

const UNITS_PER_STEP = 1000;

/** TMX dates: YYYYMMDDThhmmssZ in UTC. */
function tmxDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function attribute(name: string, value: string): string {
  return ` ${name}="${escapeXmlAttribute(value)}"`;
}

function segContent(text: string, codes: readonly InlineCode[]): string {
  const number = new Map(codes.map((code, index) => [code.marker, index + 1]));
  const present = codeSequence(text, codes);
  const closes = new Set(present.filter((code) => code.kind === 'close').map((code) => code.id));
  const openIds = new Map<string, number>();
  let nextPair = 1;
  const seen = new Set<string>();
  let out = '';
  let run = '';
  for (const char of text) {
    const x = number.get(char);
    if (x === undefined) {
      run += char;
      continue;
    }
    if (seen.has(char)) continue;
    seen.add(char);
    out += escapeXmlText(run);
    run = '';
    const code = codes[x - 1]!;
    const native = escapeXmlText(code.xml ?? code.label);
    if (code.kind === 'standalone') {
      out += `<ph x="${x}">${native}</ph>`;
    } else if (code.kind === 'open' && closes.has(code.id) && !openIds.has(code.id)) {
      const i = nextPair++;
      openIds.set(code.id, i);
      out += `<bpt i="${i}" x="${x}">${native}</bpt>`;
    } else if (code.kind === 'close' && openIds.has(code.id)) {
      out += `<ept i="${openIds.get(code.id)}">${native}</ept>`;
      openIds.delete(code.id);
    } else {
      out += `<it pos="${code.kind === 'open' ? 'begin' : 'end'}" x="${x}">${native}</it>`;
    }
  }
  return out + escapeXmlText(run);
}

export function* tmxChunks(segments: Iterable<TmxSegment>, options: TmxOptions): Generator<string> {
  const created = tmxDate(options.creationDate ?? new Date());
  let out =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n' +
    '<tmx version="1.4">\n' +
    '  <header' +
    attribute('creationtool', options.creationTool ?? 'Redline') +
    attribute('creationtoolversion', options.creationToolVersion ?? '1') +
    attribute('segtype', 'sentence') +
    attribute('o-tmf', 'Redline') +
    attribute('adminlang', options.adminLanguage ?? 'en') +
    attribute('srclang', options.sourceLanguage) +
    attribute('datatype', options.datatype ?? 'plaintext') +
    attribute('creationdate', created) +
    '/>\n  <body>\n';
  let units = 0;
  for (const segment of segments) {
    if (segment.status !== 'approved' || segment.source === null || segment.source.trim() === '') continue;
    const tuid = segment.id === undefined ? '' : attribute('tuid', segment.id);
    const changed = segment.changedAt ? attribute('changedate', tmxDate(segment.changedAt)) : '';
    out +=
      `    <tu${tuid}${changed}>\n` +
      `      <tuv${attribute('xml:lang', options.sourceLanguage)}><seg>${segContent(segment.source, segment.codes)}</seg></tuv>\n` +
      `      <tuv${attribute('xml:lang', options.targetLanguage)}><seg>${segContent(segment.text, segment.codes)}</seg></tuv>\n` +
      '    </tu>\n';
    if (++units % UNITS_PER_STEP === 0) {
      yield out;
      out = '';
    }
  }
  yield `${out}  </body>\n</tmx>\n`;
}

export function writeTmx(segments: Iterable<TmxSegment>, options: TmxOptions): string {
  return [...tmxChunks(segments, options)].join('');
}
