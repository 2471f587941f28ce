/**
 * Bytes to text and back, strictly, so that a file comes out of Redline in the
 * encoding it came in and an untouched file comes out byte for byte.
 *
 * - UTF-8 (with or without a byte order mark), UTF-16 LE/BE, and the one-byte
 *   encodings a browser knows (ISO-8859-x, windows-125x, KOI8, ...) are read.
 *   Multi-byte legacy encodings (Shift_JIS, GB18030, Big5, EUC-*) are refused:
 *   nothing in Node can write them back.
 * - Invalid bytes are refused with the line and column where they are; nothing
 *   is silently replaced by U+FFFD.
 * - A byte order mark stays in the decoded text as U+FEFF, so offsets into the
 *   text are the same whenever the same bytes are decoded, and encoding the text
 *   again writes the mark again.
 *
 * Decoding is incremental (`write(bytes)` per chunk) so that a big upload never
 * has to be decoded in one step.
 */
import { TextDecoder, TextEncoder } from 'node:util';
import { InterchangeError } from './errors';

/** 'UTF-8', 'UTF-16LE', 'UTF-16BE' or a one-byte encoding's name, as the file declared it. */
export type TextEncodingName = string;

const SINGLE_BYTE_ENCODINGS = new Set([
  'ibm866',
  'iso-8859-2',
  'iso-8859-3',
  'iso-8859-4',
  'iso-8859-5',
  'iso-8859-6',
  'iso-8859-7',
  'iso-8859-8',
  'iso-8859-8-i',
  'iso-8859-10',
  'iso-8859-13',
  'iso-8859-14',
  'iso-8859-15',
  'iso-8859-16',
  'koi8-r',
  'koi8-u',
  'macintosh',
  'windows-874',
  'windows-1250',
  'windows-1251',
  'windows-1252',
  'windows-1253',
  'windows-1254',
  'windows-1255',
  'windows-1256',
  'windows-1257',
  'windows-1258',
  'x-mac-cyrillic',
]);

/**
 * Node 20's TextDecoder reads windows-1252 (and the labels mapped to it:
 * ISO-8859-1, US-ASCII) as Latin-1, so 0x80-0x9F come out as C1 controls
 * instead of € ‚ ƒ „ … “ ” –. These are the characters the WHATWG Encoding
 * standard gives those bytes.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeSingleByte(decoder: TextDecoder, bytes: Uint8Array): string {
  const text = decoder.decode(bytes);
  if (decoder.encoding !== 'windows-1252') return text;
  return text.replace(/[\x80-\x9f]/g, (char) => String.fromCharCode(WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80]!));
}

/** How an XML file says which encoding it uses: its BOM, else its first bytes, else its declaration. */
function sniffXmlEncoding(head: Uint8Array, complete: boolean): TextEncodingName | null {
  const [b0, b1, b2, b3] = head;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return 'UTF-8';
  if (b0 === 0xff && b1 === 0xfe) return 'UTF-16LE';
  if (b0 === 0xfe && b1 === 0xff) return 'UTF-16BE';
  if (head.length < 4 && !complete) return null;
  if (b0 === 0x3c && b1 === 0x00 && b2 === 0x3f && b3 === 0x00) return 'UTF-16LE';
  if (b0 === 0x00 && b1 === 0x3c && b2 === 0x00 && b3 === 0x3f) return 'UTF-16BE';
  if (!(b0 === 0x3c && b1 === 0x3f && b2 === 0x78 && b3 === 0x6d)) return 'UTF-8'; // no "<?xm": no declaration
  // The declaration is ASCII in every encoding that starts this way; read up to its "?>".
  let end = -1;
  for (let i = 0; i < head.length - 1 && i < 1024; i++) {
    if (head[i] === 0x3f && head[i + 1] === 0x3e) {
      end = i;
      break;
    }
  }
  if (end === -1 && !complete && head.length < 1024) return null;
  const declaration = String.fromCharCode(...head.subarray(0, end === -1 ? Math.min(head.length, 1024) : end));
  const declared = /\sencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/.exec(declaration)?.[1];
  if (declared === undefined) return 'UTF-8';
  // "UTF-16" declared over ASCII-compatible bytes is a common mislabel of UTF-8.
  if (/^utf-?(8|16)$/i.test(declared)) return 'UTF-8';
  return declared;
}

/**
 * The encoding an already decoded XML text declares (its declaration, else
 * UTF-8): what a writer encodes it back to.
 */
export function declaredXmlEncoding(head: string): string {
  const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  const declared = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/.exec(text)?.[1];
  if (declared === undefined || /^utf-?8$/i.test(declared)) return 'utf-8';
  if (/^utf-?16$/i.test(declared)) return 'utf-16le';
  return supportedEncoding(declared);
}

/** The WHATWG name of an encoding label, or an error when Redline cannot read and write it. */
function supportedEncoding(label: string): string {
  let name: string;
  try {
    name = new TextDecoder(label).encoding;
  } catch {
    throw new InterchangeError(
      'unsupported_encoding',
      `The file declares the encoding "${label}", which Redline does not know. Save it as UTF-8 and import it again.`,
    );
  }
  if (name === 'utf-8' || name === 'utf-16le' || name === 'utf-16be' || SINGLE_BYTE_ENCODINGS.has(name)) return name;
  throw new InterchangeError(
    'unsupported_encoding',
    `The file is encoded as ${label}, which Redline cannot write back. Save it as UTF-8 and import it again.`,
  );
}

/** The byte offset of the first byte that is not part of well-formed UTF-8, or -1. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  const length = bytes.length;
  let i = 0;
  while (i < length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    if (i + need >= length) return i; // truncated at the end
    const second = bytes[i + 1]!;
    if (second < min || second > max) return i;
    for (let k = 2; k <= need; k++) {
      const next = bytes[i + k]!;
      if (next < 0x80 || next > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Where a complete UTF-8 sequence ends: the bytes after it wait for the next chunk. */
function completeUtf8Length(bytes: Uint8Array): number {
  let i = bytes.length - 1;
  let continuation = 0;
  while (i >= 0 && continuation < 3 && (bytes[i]! & 0xc0) === 0x80) {
    i--;
    continuation++;
  }
  if (i < 0) return bytes.length;
  const lead = bytes[i]!;
  const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return bytes.length - i < size ? i : bytes.length;
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

function displayName(name: string): string {
  return name.startsWith('utf-') ? name.toUpperCase() : name;
}

/**
 * Decodes a file chunk by chunk. `kind: 'xml'` finds the encoding from the BOM
 * or the XML declaration; `kind: 'text'` (CSV, plain text) takes UTF-8 unless
 * a BOM says UTF-16, and drops the BOM.
 */
export class StrictTextDecoder {
  private pending: Uint8Array = new Uint8Array(0);
  private decoder: TextDecoder | null = null;
  private name: string | null = null;
  /** Lines and the length of the last line decoded so far, to say where a bad byte is. */
  private lines = 1;
  private lastLineLength = 0;
  private started = false;

  constructor(private readonly kind: 'xml' | 'text') {}

  /** The WHATWG name of the encoding ('utf-8', 'utf-16le', 'windows-1252', ...), once known. */
  get encoding(): string | null {
    return this.name;
  }

  write(chunk: Uint8Array): string {
    return this.decode(chunk, false);
  }

  end(): string {
    return this.decode(new Uint8Array(0), true);
  }

  private decode(chunk: Uint8Array, last: boolean): string {
    let bytes = concatBytes(this.pending, chunk);
    this.pending = new Uint8Array(0);
    if (this.name === null) {
      const sniffed = this.kind === 'xml' ? sniffXmlEncoding(bytes, last) : sniffTextEncoding(bytes, last);
      if (sniffed === null) {
        this.pending = bytes;
        return '';
      }
      this.name = supportedEncoding(sniffed);
      // The UTF-8 path decodes each chunk on its own (to locate bad bytes); the others stream.
      // ignoreBOM keeps U+FEFF in the text: per-chunk decoding would otherwise drop one at every chunk start.
      this.decoder = new TextDecoder(this.name, { fatal: true, ignoreBOM: true });
    }
    let text: string;
    if (this.name === 'utf-8') {
      const complete = last ? bytes.length : completeUtf8Length(bytes);
      this.pending = bytes.slice(complete);
      bytes = bytes.subarray(0, complete);
      try {
        text = this.decoder!.decode(bytes);
      } catch {
        throw this.invalidBytes(bytes, firstInvalidUtf8Byte(bytes));
      }
    } else if (SINGLE_BYTE_ENCODINGS.has(this.name)) {
      try {
        text = decodeSingleByte(this.decoder!, bytes);
      } catch {
        throw new InterchangeError(
          'invalid_encoding',
          `The file is not valid ${displayName(this.name)}: it holds bytes that are not text in that encoding, after line ${this.lines}.`,
        );
      }
    } else {
      try {
        text = this.decoder!.decode(bytes, { stream: !last });
      } catch {
        throw new InterchangeError(
          'invalid_encoding',
          `The file is not valid ${displayName(this.name)}: it holds bytes that are not text in that encoding, after line ${this.lines}.`,
        );
      }
    }
    if (!this.started && text.length > 0) {
      this.started = true;
      if (this.kind === 'text' && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.count(text);
    return text;
  }

  private count(text: string): void {
    let newline = text.indexOf('\n');
    if (newline === -1) {
      this.lastLineLength += text.length;
      return;
    }
    let lastNewline = newline;
    while (newline !== -1) {
      this.lines++;
      lastNewline = newline;
      newline = text.indexOf('\n', newline + 1);
    }
    this.lastLineLength = text.length - lastNewline - 1;
  }

  private invalidBytes(bytes: Uint8Array, offset: number): InterchangeError {
    const at = Math.max(0, offset);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, at));
    const lineBreaks = before.split('\n');
    const line = this.lines + lineBreaks.length - 1;
    const column = (lineBreaks.length > 1 ? lineBreaks.at(-1)!.length : this.lastLineLength + before.length) + 1;
    const byte = bytes[at] ?? 0;
    const hint =
      this.kind === 'xml'
        ? 'Save the file as UTF-8 (or declare its real encoding in the XML declaration) and import it again.'
        : 'Save the file as UTF-8 and import it again.';
    return new InterchangeError(
      'invalid_encoding',
      `The file is not valid UTF-8: the byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} cannot start or continue a character. ${hint}`,
      { line, column },
    );
  }
}

function sniffTextEncoding(head: Uint8Array, complete: boolean): TextEncodingName | null {
  if (head.length < 2 && !complete) return null;
  if (head[0] === 0xff && head[1] === 0xfe) return 'UTF-16LE';
  if (head[0] === 0xfe && head[1] === 0xff) return 'UTF-16BE';
  return 'UTF-8';
}

/**
 * Decodes a whole file at once. For XML, `text` keeps a BOM as U+FEFF: store
 * this text as the original document, give it to the reader, and encode the
 * writer's output back with `new XmlTextEncoder(encoding)`.
 */
export function decodeBytes(bytes: Uint8Array, kind: 'xml' | 'text'): { text: string; encoding: string } {
  const decoder = new StrictTextDecoder(kind);
  const text = decoder.write(bytes) + decoder.end();
  return { text, encoding: decoder.encoding ?? 'utf-8' };
}

/**
 * Encodes text in the encoding the file came in. A character the encoding
 * cannot hold (only possible in text Redline wrote into the file) becomes an
 * XML character reference, which is why this is for XML text only.
 */
export class XmlTextEncoder {
  private readonly utf8 = new TextEncoder();
  private readonly table: Map<number, number> | null;

  constructor(private readonly encoding: string) {
    this.table = SINGLE_BYTE_ENCODINGS.has(encoding) ? singleByteTable(encoding) : null;
  }

  encode(text: string): Uint8Array {
    if (this.encoding === 'utf-8') return this.utf8.encode(text);
    if (this.encoding === 'utf-16le' || this.encoding === 'utf-16be') {
      const bytes = new Uint8Array(text.length * 2);
      const littleEndian = this.encoding === 'utf-16le';
      for (let i = 0; i < text.length; i++) {
        const unit = text.charCodeAt(i);
        bytes[2 * i + (littleEndian ? 0 : 1)] = unit & 0xff;
        bytes[2 * i + (littleEndian ? 1 : 0)] = unit >> 8;
      }
      return bytes;
    }
    const table = this.table!;
    const bytes: number[] = [];
    for (const char of text) {
      const code = char.codePointAt(0)!;
      const byte = table.get(code);
      if (byte !== undefined) bytes.push(byte);
      else for (const ascii of `&#x${code.toString(16).toUpperCase()};`) bytes.push(ascii.charCodeAt(0));
    }
    return Uint8Array.from(bytes);
  }
}

const tables = new Map<string, Map<number, number>>();

function singleByteTable(encoding: string): Map<number, number> {
  let table = tables.get(encoding);
  if (!table) {
    table = new Map();
    const decoder = new TextDecoder(encoding);
    for (let byte = 0xff; byte >= 0; byte--) {
      const char = decodeSingleByte(decoder, Uint8Array.of(byte));
      if (char !== '\ufffd') table.set(char.codePointAt(0)!, byte);
    }
    tables.set(encoding, table);
  }
  return table;
}
