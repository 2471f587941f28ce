/**
 * Glossaries as TBX (ISO 30042), read and written.
 *
 * Reading takes both forms found in the wild: TBX v2 (<martif>, termEntry /
 * langSet / tig or ntig/termGrp) and TBX v3 (<tbx>, conceptEntry / langSec /
 * termSec), in the DCA style (<termNote type="administrativeStatus">) and the
 * DCT style (<min:administrativeStatus>). Per concept and language:
 * - a term whose status is preferred (preferredTerm, standardizedTerm, ...)
 *   is the preferred term, and every other term of that language (admitted,
 *   deprecated, superseded, or without status) becomes an entry pointing to it;
 * - without a preferred term, a deprecated/superseded/forbidden term points to
 *   the first term that is not; terms that are not forbidden stand as entries
 *   of their own (term = preferred: known terms, nothing to replace);
 * - forbidden terms with nothing allowed beside them give no entry.
 * Only `language` is read when given (matching "en" with "en-US").
 *
 * Writing produces TBX v3, TBX-Basic dialect, DCA style: one conceptEntry per
 * preferred term and language, the preferred term marked preferredTerm-admn-sts
 * and each variant deprecatedTerm-admn-sts, with its note. TBX has no data
 * category for Redline's match options, so matchCase and wholeWord are written,
 * only when they differ from the defaults (no, yes), as
 * <termNote type="x-redline-matchCase|x-redline-wholeWord"> on the variant; the
 * file validates against the TBX core structure (TBXcoreStructV03.rng).
 */
import { InterchangeError } from './errors';
import type { GlossaryEntry } from './types';
import { escapeXmlAttribute, escapeXmlText } from './xmlMarkup';
import { attributeValue, XmlStream, type XmlStartTag } from './xmlStream';

export const TBX_NAMESPACE = 'urn:iso:std:iso:30042:ed-2';
const MATCH_CASE_NOTE = 'x-redline-matchCase';
const WHOLE_WORD_NOTE = 'x-redline-wholeWord';

export interface TbxReadOptions {
  /** Only entries in this language ("en" also takes "en-US"). */
  language?: string;
}

type TermStatus = 'preferred' | 'admitted' | 'forbidden' | 'unknown';

interface TermInfo {
  term: string;
  status: TermStatus;
  note?: string;
  matchCase?: boolean;
  wholeWord?: boolean;
}

function statusOf(value: string): TermStatus {
  const text = value.trim();
  if (/^(preferred|standardized|legal|regulated)/i.test(text)) return 'preferred';
  if (/^admitted/i.test(text)) return 'admitted';
  if (/^(deprecated|superseded|notRecommended|obsolete|forbidden)/i.test(text)) return 'forbidden';
  return 'unknown';
}

function yesNo(value: string): boolean | undefined {
  const text = value.trim().toLowerCase();
  if (['yes', 'true', '1'].includes(text)) return true;
  if (['no', 'false', '0'].includes(text)) return false;
  return undefined;
}

export function languagesMatch(wanted: string, actual: string): boolean {
  const a = wanted.toLowerCase();
  const b = actual.toLowerCase();
  return a === b || b.startsWith(`${a}-`) || a.startsWith(`${b}-`);
}

/** The entries one concept gives in one language. */
export function conceptEntries(terms: readonly TermInfo[], language: string): GlossaryEntry[] {
  const entry = (term: TermInfo, preferred: string): GlossaryEntry => {
    const result: GlossaryEntry = {
      term: term.term,
      preferred,
      matchCase: term.matchCase ?? false,
      wholeWord: term.wholeWord ?? true,
      language,
    };
    if (term.note !== undefined) result.note = term.note;
    return result;
  };
  const preferred = terms.find((term) => term.status === 'preferred');
  if (preferred) {
    const others = terms.filter((term) => term !== preferred);
    return others.length === 0 ? [entry(preferred, preferred.term)] : others.map((term) => entry(term, preferred.term));
  }
  const allowed = terms.filter((term) => term.status !== 'forbidden');
  const first = allowed[0];
  if (!first) return [];
  return terms.map((term) => entry(term, term.status === 'forbidden' ? first.term : term.term));
}

export class TbxReader {
  private readonly xml: XmlStream;
  private readonly stack: XmlStartTag[] = [];
  private root: 'v2' | 'v3' | null = null;
  private concept: Map<string, TermInfo[]> | null = null;
  private language: string | null = null;
  private term: TermInfo | null = null;
  private capture: { tag: XmlStartTag; text: string; store: (text: string) => void } | null = null;
  private ready: GlossaryEntry[] = [];
  private concepts = 0;

  constructor(private readonly options: TbxReadOptions = {}) {
    this.xml = new XmlStream(
      {
        openTag: (tag) => this.openTag(tag),
        closeTag: (tag) => this.closeTag(tag),
        text: (text) => {
          if (this.capture) this.capture.text += text;
        },
      },
      { fileKind: 'TBX file' },
    );
  }

  write(chunk: Uint8Array | string): GlossaryEntry[] {
    this.xml.write(chunk);
    const ready = this.ready;
    this.ready = [];
    return ready;
  }

  close(): { entries: GlossaryEntry[]; concepts: number } {
    this.xml.close();
    if (this.root === null) throw new InterchangeError('not_tbx', 'The file is empty: it holds no TBX termbase.');
    const entries = this.ready;
    this.ready = [];
    return { entries, concepts: this.concepts };
  }

  private openTag(tag: XmlStartTag): void {
    this.stack.push(tag);
    const name = tag.local;
    if (this.root === null) {
      if (name === 'martif') this.root = 'v2';
      else if (name === 'tbx') this.root = 'v3';
      else throw new InterchangeError('not_tbx', `This is not a TBX file: its root element is <${tag.name}>, not <tbx> or <martif>.`);
      return;
    }
    if (name === 'conceptEntry' || name === 'termEntry') {
      this.concept = new Map();
    } else if ((name === 'langSec' || name === 'langSet') && this.concept) {
      this.language = attributeValue(tag, 'xml:lang') ?? null;
    } else if ((name === 'termSec' || name === 'tig' || name === 'ntig') && this.language !== null) {
      this.term = { term: '', status: 'unknown' };
    } else if (this.term && !this.capture) {
      const term = this.term;
      const type = attributeValue(tag, 'type');
      if (name === 'term') this.startCapture((text) => (term.term = text.trim()));
      else if (name === 'note')
        this.startCapture((text) => (term.note = term.note === undefined ? text.trim() : `${term.note}\n${text.trim()}`));
      else if (
        (name === 'termNote' && (type === 'administrativeStatus' || type === 'normativeAuthorization')) ||
        name === 'administrativeStatus' ||
        name === 'normativeAuthorization'
      ) {
        this.startCapture((text) => {
          const status = statusOf(text);
          if (status !== 'unknown') term.status = status;
        });
      } else if (name === 'termNote' && type === MATCH_CASE_NOTE) this.startCapture((text) => (term.matchCase = yesNo(text)));
      else if (name === 'termNote' && type === WHOLE_WORD_NOTE) this.startCapture((text) => (term.wholeWord = yesNo(text)));
    }
  }

  private startCapture(store: (text: string) => void, tag: XmlStartTag = this.stack.at(-1)!): void {
    this.capture = { tag, text: '', store };
  }

  private closeTag(tag: XmlStartTag): void {
    this.stack.pop();
    if (this.capture) {
      // Inline markup inside a captured element (<hi>, <ph>) only adds its text.
      if (tag !== this.capture.tag) return;
      const { text, store } = this.capture;
      this.capture = null;
      store(text.replace(/\s+/g, ' '));
      return;
    }
    const name = tag.local;
    if ((name === 'termSec' || name === 'tig' || name === 'ntig') && this.term) {
      const term = this.term;
      this.term = null;
      if (term.term !== '' && this.language !== null && this.concept) {
        const terms = this.concept.get(this.language) ?? [];
        terms.push(term);
        this.concept.set(this.language, terms);
      }
    } else if (name === 'langSec' || name === 'langSet') {
      this.language = null;
    } else if ((name === 'conceptEntry' || name === 'termEntry') && this.concept) {
      this.concepts++;
      for (const [language, terms] of this.concept) {
        if (this.options.language !== undefined && !languagesMatch(this.options.language, language)) continue;
        this.ready.push(...conceptEntries(terms, language));
      }
      this.concept = null;
    }
  }
}

export function readTbx(input: Uint8Array | string, options: TbxReadOptions = {}): { entries: GlossaryEntry[]; concepts: number } {
  const reader = new TbxReader(options);
  const first = reader.write(input);
  const rest = reader.close();
  return { entries: [...first, ...rest.entries], concepts: rest.concepts };
}

function termSec(term: string, status: 'preferredTerm-admn-sts' | 'deprecatedTerm-admn-sts', entry: GlossaryEntry | undefined): string {
  let out = `\n          <termSec>\n            <term>${escapeXmlText(term)}</term>\n            <termNote type="administrativeStatus">${status}</termNote>`;
  if (entry && entry.matchCase) out += `\n            <termNote type="${MATCH_CASE_NOTE}">yes</termNote>`;
  if (entry && !entry.wholeWord) out += `\n            <termNote type="${WHOLE_WORD_NOTE}">no</termNote>`;
  if (entry?.note) out += `\n            <note>${escapeXmlText(entry.note)}</note>`;
  return `${out}\n          </termSec>`;
}

/** A glossary as a TBX-Basic (v3, DCA) file. */
export function writeTbx(entries: readonly GlossaryEntry[], options: { language?: string; title?: string } = {}): string {
  const concepts = new Map<string, { language: string; preferred: string; entries: GlossaryEntry[] }>();
  for (const entry of entries) {
    const key = `${entry.language}\u0000${entry.preferred}`;
    const concept = concepts.get(key) ?? { language: entry.language, preferred: entry.preferred, entries: [] };
    concept.entries.push(entry);
    concepts.set(key, concept);
  }
  const fileLanguage = options.language ?? entries[0]?.language ?? 'en';
  let body = '';
  let number = 0;
  for (const concept of concepts.values()) {
    const self = concept.entries.find((entry) => entry.term === concept.preferred);
    const variants = concept.entries.filter((entry) => entry.term !== concept.preferred);
    body +=
      `\n      <conceptEntry id="c${++number}">\n        <langSec xml:lang="${escapeXmlAttribute(concept.language)}">` +
      termSec(concept.preferred, 'preferredTerm-admn-sts', self) +
      variants.map((entry) => termSec(entry.term, 'deprecatedTerm-admn-sts', entry)).join('') +
      '\n        </langSec>\n      </conceptEntry>';
  }
  const title = escapeXmlText(options.title ?? 'Glossary exported from Redline');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<tbx type="TBX-Basic" style="dca" xml:lang="${escapeXmlAttribute(fileLanguage)}" xmlns="${TBX_NAMESPACE}">\n` +
    `  <tbxHeader>\n    <fileDesc>\n      <sourceDesc>\n        <p>${title}</p>\n      </sourceDesc>\n    </fileDesc>\n  </tbxHeader>\n` +
    // TBX wants at least one conceptEntry in a <body>; an empty glossary has no body.
    `  <text>${body === '' ? '' : `\n    <body>${body}\n    </body>`}\n  </text>\n</tbx>\n`
  );
}
