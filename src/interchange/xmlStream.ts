/**
 * A strict, namespace-aware, incremental XML parser for files from outside,
 * built on saxes, that also says WHERE each tag is in the text, so that writers
 * can splice changes into the original instead of re-serialising it.
 *
 * Hostile input is refused before it can do harm:
 * - a DOCTYPE with an internal subset (entity declarations: "billion laughs",
 *   XXE) is refused; a DOCTYPE that only names an external DTD is ignored and
 *   the DTD is never fetched (nothing here opens files or sockets);
 * - references to undefined entities, undeclared namespace prefixes, characters
 *   XML does not allow and every other well-formedness error stop the parse
 *   with the line and column.
 *
 * Offsets are indexes into the decoded text (UTF-16 code units), counting a
 * leading BOM, so `text.slice(tag.start, tag.end)` is the tag as written.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { InterchangeError } from './errors';
import { declaredXmlEncoding, StrictTextDecoder } from './textEncoding';

export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

export interface XmlStartTag {
  /** The qualified name as written ("target", "mtc:match"). */
  name: string;
  local: string;
  /** The namespace URI ('' for none). */
  uri: string;
  /** Attribute values by qualified name as written ("state", "xml:space", "its:version"). */
  attributes: Record<string, string>;
  selfClosing: boolean;
  /** Offset of "<". */
  start: number;
  /** Offset after ">" (or "/>"). */
  end: number;
  /** Offset after the markup before this tag: text.slice(before, start) is the text between them. */
  before: number;
}

export interface XmlEndTag {
  /** Offset of "</" (equal to `end` for a self-closing tag). */
  start: number;
  end: number;
}

export interface XmlHandlers {
  openTag(tag: XmlStartTag): void;
  closeTag(tag: XmlStartTag, end: XmlEndTag): void;
  /** Character data, entities expanded and line ends normalised; CDATA sections too. */
  text(text: string): void;
}

export interface XmlStreamOptions {
  /** How the messages name the file: "XLIFF file", "TBX file". */
  fileKind: string;
}

export function attributeValue(tag: XmlStartTag, name: string): string | undefined {
  return tag.attributes[name];
}

const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';
/** Prefix → namespace URI in scope; '' is the default namespace. */
type Bindings = Record<string, string>;
// Not frozen: children shadow its properties through the prototype chain.
const ROOT_BINDINGS: Bindings = { xml: XML_NAMESPACE, xmlns: XMLNS_NAMESPACE, '': '' };

/**
 * saxes keeps each event handler in a property of the parser, set by on(name) with a computed key:
 * past seven of them V8 turns the parser into a slow dictionary object, and each read of its state
 * (several per character) slows down with it. With nine handlers the whole parse of the bench's
 * 10,000-unit XLIFF took ~400 ms instead of ~70 ms. So errors come through this override of fail()
 * (saxes calls it for every well-formedness error) instead of an 'error' handler, and attributes
 * are looked at in the open-tag handler instead of an 'attribute' handler: seven handlers.
 */
class StrictSaxesParser extends SaxesParser {
  constructor(private readonly refuse: (message: string) => Error) {
    super({ xmlns: false, position: true });
  }

  override fail(message: string): this {
    throw this.refuse(message);
  }
}

export class XmlStream {
  // Namespaces are resolved here rather than by saxes' xmlns mode, which costs twice the parse time.
  private readonly parser = new StrictSaxesParser((message) => this.wellFormednessError(message));
  private readonly scopes: Bindings[] = [];
  private readonly decoder = new StrictTextDecoder('xml');
  private readonly stack: XmlStartTag[] = [];
  /** The text from `bufferStart` on: what `raw()` can still return. */
  private buffer = '';
  private bufferStart = 0;
  private received = 0;
  private keepFrom = Number.POSITIVE_INFINITY;
  /** The start of a text given already decoded, to read its declared encoding. */
  private head = '';
  private decodedInput = false;
  private lastMarkupEnd = 0;

  constructor(
    private readonly handlers: XmlHandlers,
    private readonly options: XmlStreamOptions,
  ) {
    const parser = this.parser;
    parser.on('doctype', (doctype) => {
      if (doctype.includes('[')) {
        throw new InterchangeError(
          'dtd_not_allowed',
          `The ${this.options.fileKind} declares its own DTD (a DOCTYPE with [...]): Redline refuses entity declarations, which can expand without limit or read other files. Remove the DOCTYPE and import it again.`,
          this.here(),
        );
      }
      this.lastMarkupEnd = parser.position;
    });
    parser.on('opentag', (node) => this.onOpenTag(node));
    parser.on('closetag', () => this.onCloseTag());
    parser.on('text', (text) => this.handlers.text(text));
    parser.on('cdata', (text) => {
      this.lastMarkupEnd = parser.position;
      this.handlers.text(text);
    });
    parser.on('comment', () => {
      // saxes reports a comment on its "--", before reading the ">" that must follow.
      this.lastMarkupEnd = parser.position + 1;
    });
    parser.on('processinginstruction', () => {
      this.lastMarkupEnd = parser.position;
    });
  }

  /**
   * The name of the text encoding once known: 'utf-8', 'utf-16le', 'windows-1252', ...
   * For text given already decoded, the one its XML declaration names.
   */
  get encoding(): string {
    return this.decodedInput ? declaredXmlEncoding(this.head) : (this.decoder.encoding ?? 'utf-8');
  }

  /** How many characters of text have been parsed. */
  get length(): number {
    return this.received;
  }

  /** Feeds the next chunk: bytes (decoded strictly) or text that is already decoded (never mix them). */
  write(chunk: Uint8Array | string): void {
    if (typeof chunk === 'string') {
      this.decodedInput = true;
      if (this.head.length < 1024) this.head += chunk.slice(0, 1024);
      this.feed(chunk);
    } else {
      this.feed(this.decoder.write(chunk));
    }
  }

  close(): void {
    if (!this.decodedInput) this.feed(this.decoder.end());
    this.parser.close();
  }

  /**
   * Text of the input between two offsets. Only text after the earliest offset
   * passed to `keep` (and after the last markup) is still there.
   */
  raw(start: number, end: number): string {
    if (start < this.bufferStart) throw new Error(`XmlStream: text at ${start} was already dropped`);
    return this.buffer.slice(start - this.bufferStart, end - this.bufferStart);
  }

  /** Keeps the text from `offset` on available to `raw()` until `release()`. */
  keep(offset: number): void {
    this.keepFrom = offset;
  }

  release(): void {
    this.keepFrom = Number.POSITIVE_INFINITY;
  }

  /** The names of the open elements, outermost first (for messages). */
  get openElements(): readonly XmlStartTag[] {
    return this.stack;
  }

  here(): { line: number; column: number } {
    return { line: this.parser.line, column: this.parser.column + 1 };
  }

  private feed(text: string): void {
    const dropTo = Math.min(this.keepFrom, this.lastMarkupEnd, this.bufferStart + this.buffer.length);
    if (dropTo > this.bufferStart) {
      this.buffer = this.buffer.slice(dropTo - this.bufferStart);
      this.bufferStart = dropTo;
    }
    this.buffer += text;
    this.received += text.length;
    this.parser.write(text);
  }

  private onOpenTag(node: SaxesTagPlain): void {
    const end = this.parser.position;
    const start = this.tagStart(end);
    const attributes = node.attributes as Record<string, string>;
    // One pass over the names (a for-in enumeration per pass was a tenth of this handler): declarations
    // first, since a prefix may be declared after an attribute that uses it.
    const names = Object.keys(attributes);
    let bindings = this.scopes.at(-1) ?? ROOT_BINDINGS;
    let hasPrefixedAttributes = false;
    for (const name of names) {
      if (name.charCodeAt(0) === 0x78 /* x */ && (name === 'xmlns' || name.startsWith('xmlns:'))) {
        bindings = this.declare(bindings, name, attributes[name]!);
      } else if (name.includes(':')) {
        hasPrefixedAttributes = true;
      }
    }
    const colon = node.name.indexOf(':');
    const prefix = colon === -1 ? '' : node.name.slice(0, colon);
    const uri = bindings[prefix];
    if (uri === undefined) throw this.unboundPrefix(prefix);
    if (hasPrefixedAttributes) {
      for (const name of names) {
        const attributeColon = name.indexOf(':');
        if (attributeColon !== -1 && bindings[name.slice(0, attributeColon)] === undefined)
          throw this.unboundPrefix(name.slice(0, attributeColon));
      }
    }
    const tag: XmlStartTag = {
      name: node.name,
      local: colon === -1 ? node.name : node.name.slice(colon + 1),
      uri,
      attributes,
      selfClosing: node.isSelfClosing,
      start,
      end,
      before: this.lastMarkupEnd,
    };
    this.lastMarkupEnd = end;
    this.stack.push(tag);
    this.scopes.push(bindings);
    this.handlers.openTag(tag);
  }

  /** The bindings after an xmlns or xmlns:prefix attribute: a child scope of the parent's on the first one. */
  private declare(bindings: Bindings, name: string, value: string): Bindings {
    const prefix = name === 'xmlns' ? '' : name.slice(6);
    if (prefix !== '' && value === '') {
      throw this.namespaceError(`it undeclares the prefix "${prefix}" (xmlns:${prefix}=""), which XML 1.0 does not allow`);
    }
    if ((prefix === 'xml') !== (value === XML_NAMESPACE) || prefix === 'xmlns' || value === XMLNS_NAMESPACE) {
      throw this.namespaceError(`it binds the reserved prefix or namespace of "${name}" wrongly`);
    }
    const scope = bindings === (this.scopes.at(-1) ?? ROOT_BINDINGS) ? (Object.create(bindings) as Bindings) : bindings;
    scope[prefix] = value;
    return scope;
  }

  private unboundPrefix(prefix: string): InterchangeError {
    return this.namespaceError(`it uses the namespace prefix "${prefix}" without declaring it (xmlns:${prefix}="...")`);
  }

  private namespaceError(detail: string): InterchangeError {
    return new InterchangeError('not_well_formed', `The ${this.options.fileKind} is not well-formed XML: ${detail}.`, this.here());
  }

  private onCloseTag(): void {
    const tag = this.stack.pop()!;
    this.scopes.pop();
    let endTag: XmlEndTag;
    if (tag.selfClosing) {
      endTag = { start: tag.end, end: tag.end };
    } else {
      const end = this.parser.position;
      endTag = { start: this.tagStart(end), end };
      this.lastMarkupEnd = end;
    }
    this.handlers.closeTag(tag, endTag);
  }

  /**
   * Where the tag that ends at `end` starts: an attribute value cannot hold "<", so the last "<" before
   * the end is the tag's. Read back one character at a time: a tag is short, and lastIndexOf is a call
   * into V8's runtime (two of them per element were ~2 % of reading an XLIFF file).
   */
  private tagStart(end: number): number {
    const buffer = this.buffer;
    let at = end - 1 - this.bufferStart;
    while (at > 0 && buffer.charCodeAt(at) !== 0x3c /* < */) at--;
    return this.bufferStart + at;
  }

  private wellFormednessError(saxesMessage: string): InterchangeError {
    // saxes prefixes "line:column: "; we report the position ourselves.
    const problem = saxesMessage.replace(/^(?:[^:]*:)?\d+:\d+:\s*/, '');
    const detail =
      problem === 'undefined entity.'
        ? 'it refers to an entity that XML does not define (only &amp; &lt; &gt; &quot; &apos; and numeric references are allowed)'
        : problem.replace(/\.$/, '');
    return new InterchangeError('not_well_formed', `The ${this.options.fileKind} is not well-formed XML: ${detail}.`, this.here());
  }
}
